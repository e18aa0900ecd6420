// Side panel entry (Chrome side_panel, Firefox sidebar_action): this tab's findings beside the portal.
import { createRoot } from 'react-dom/client';
import { AppProviders } from '@/components/AppProviders';
import { getDb } from '@/utils/db';
import '@/components/components.css';
import './style.css';
import { SidePanelApp } from './SidePanelApp';

createRoot(document.getElementById('root')!).render(
  <AppProviders db={getDb()}>
    <SidePanelApp />
  </AppProviders>,
);
