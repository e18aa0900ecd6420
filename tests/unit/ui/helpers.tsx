// Test wiring for the UI: a fresh IndexedDB (fake-indexeddb) and query client per test.
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders, createQueryClient } from '@/components/AppProviders';
import { openDb, type KatipDb } from '@/utils/db';

let counter = 0;
const opened: KatipDb[] = [];

export function freshDb(): KatipDb {
  const db = openDb(`katip-ui-test-${Date.now()}-${++counter}`);
  opened.push(db);
  return db;
}

export async function teardown(): Promise<void> {
  cleanup();
  for (const db of opened.splice(0)) await db.delete();
}

export function renderWithDb(ui: ReactElement, db: KatipDb = freshDb()): RenderResult & { db: KatipDb; user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  const result = render(
    <AppProviders db={db} client={createQueryClient()}>
      {ui}
    </AppProviders>,
  );
  return { ...result, db, user };
}
