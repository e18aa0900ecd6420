import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
for (const name of ['read-excel-file', 'xlsx', 'exceljs', 'write-excel-file', 'xlsx-write', 'exceljs-write']) {
  try {
    const out = await build({ entryPoints: [`entries/${name}.js`], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' } });
    const code = out.outputFiles[0].contents;
    console.log(`${name.padEnd(18)} min ${(code.length / 1000).toFixed(1)} KB  min+gzip ${(gzipSync(code, { level: 9 }).length / 1000).toFixed(1)} KB`);
  } catch (e) { console.log(name, 'FAILED', e.message.split('\n')[0]); }
}
