// The extension's local mirror (IndexedDB) handed to the popup's and options page's components.
import { createContext, useContext, type ReactNode } from 'react';
import type { KatipDb } from '@/utils/db';

const DbContext = createContext<KatipDb | null>(null);

/** Gives the components below it a database; tests pass `openDb(freshName)`. */
export function DbProvider({ db, children }: { db: KatipDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

/** The database of the nearest DbProvider; throws when there is none (a wiring mistake). */
export function useDb(): KatipDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('KATİP Asistanı: DbProvider eksik (useDb outside a DbProvider)');
  return db;
}
