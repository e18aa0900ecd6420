// The compact class table made by ./vite-plugin.ts.
declare module '*.csv?nace-classes' {
  const table: string;
  export default table;
}
