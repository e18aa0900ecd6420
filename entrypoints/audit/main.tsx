// The audit page ("Denetim", audit.html): the portal's contract export, audited on this computer.
import { createRoot } from 'react-dom/client';
import { AppProviders } from '@/components/AppProviders';
import { getDb } from '@/utils/db';
import '@/components/components.css';
import './style.css';
import { AuditApp } from './AuditApp';

createRoot(document.getElementById('root')!).render(
  <AppProviders db={getDb()}>
    <AuditApp />
  </AppProviders>,
);
