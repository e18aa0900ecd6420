// Options page entry: mounts the options over the extension's local mirror.
import { createRoot } from 'react-dom/client';
import { AppProviders, createQueryClient } from '@/components/AppProviders';
import { prefetch } from '@/components/hooks';
import { getDb } from '@/utils/db';
import '@/components/components.css';
import './style.css';
import { OptionsApp } from './OptionsApp';

// the first reads start before the first render
const db = getDb();
const client = createQueryClient();
prefetch(client, db, ['settings', 'workplaces', 'pending']);

createRoot(document.getElementById('root')!).render(
  <AppProviders db={db} client={client}>
    <OptionsApp />
  </AppProviders>,
);
