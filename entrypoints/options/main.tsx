// Options page entry: mounts the options over the extension's local mirror.
import { createRoot } from 'react-dom/client';
import { AppProviders } from '@/components/AppProviders';
import { getDb } from '@/utils/db';
import '@/components/components.css';
import './style.css';
import { OptionsApp } from './OptionsApp';

createRoot(document.getElementById('root')!).render(
  <AppProviders db={getDb()}>
    <OptionsApp />
  </AppProviders>,
);
