// Popup: this tab's findings or a clear empty state, pending approvals with progress, TCKN masked by default.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSettings, type AssignmentRow, type KatipDb, type StoredTabReport } from '@/utils/db';
import { PopupApp, type TabSource } from '@/entrypoints/popup/PopupApp';
import { freshDb, renderWithDb, teardown } from './helpers';

afterEach(teardown);

function source(tab: { id?: number; url?: string } | undefined, ...reports: StoredTabReport[]): TabSource {
  return { activeTab: async () => tab, reports: async () => reports, openOptions: vi.fn(), jump: vi.fn() };
}

const REPORT: StoredTabReport = {
  type: 'page-report',
  screen: 'old-contracts',
  url: 'https://isgkatip.csgb.gov.tr/sozlesmeler',
  records: [],
  findings: [
    {
      ruleId: 'minutes-below-minimum',
      severity: 'error',
      result: 'fail',
      message: { tr: 'İGU süresi 4.000 dk olmalı', en: 'OHS minutes must be 4,000' },
      citation: 'İGU Yönetmeliği m. 12',
      recordIndex: 0,
    },
    {
      ruleId: 'minutes-below-minimum',
      severity: 'error',
      result: 'fail',
      message: { tr: 'İGU süresi 4.000 dk olmalı (2)', en: 'OHS minutes must be 4,000 (2)' },
      citation: 'İGU Yönetmeliği m. 12',
      recordIndex: 1,
    },
  ],
  scanMs: 3,
  at: new Date().toISOString(),
};

async function seedPending(db: KatipDb): Promise<void> {
  const now = new Date().toISOString();
  const row: AssignmentRow = {
    key: 'portal:77',
    label: 'Ayşe Yılmaz (İGU, 1.200 dk)',
    personName: 'Ayşe Yılmaz',
    tckn: '10000000146',
    role: 'igu',
    minutes: 1200,
    approvalState: 'pending',
    firstSeenAt: now,
    lastSeenAt: now,
    lastScreen: 'old-contracts',
    pending: 1,
  };
  await db.assignments.put(row);
  const tick = { done: true, at: now, how: 'seen' as const };
  await db.checklists.put({ assignmentKey: 'portal:77', steps: { 1: tick, 2: tick, 3: tick, 4: tick }, updatedAt: now });
}

describe('Popup', () => {
  it('shows the tab report grouped by rule', async () => {
    renderWithDb(<PopupApp tabs={source({ id: 5, url: REPORT.url }, REPORT)} />);
    expect(await screen.findByText('minutes-below-minimum — 2')).toBeTruthy();
    expect(screen.getByText('İGU süresi 4.000 dk olmalı')).toBeTruthy();
    expect(screen.getByText(/Sözleşmeler \(eski arayüz\)/)).toBeTruthy();
  });

  it('shows each frame of the tab: the grid and the approval form opened in a frame', async () => {
    const form: StoredTabReport = {
      ...REPORT,
      screen: 'old-approval',
      frameId: 3,
      findings: [{ ruleId: 'over-capacity', severity: 'error', result: 'fail', message: { tr: 'Kalan kapasite aşıldı', en: 'Over capacity' }, citation: 'c', recordIndex: 0 }],
    };
    renderWithDb(<PopupApp tabs={source({ id: 5, url: REPORT.url }, REPORT, form)} />);
    expect(await screen.findByText('minutes-below-minimum — 2')).toBeTruthy();
    expect(screen.getByText('Kalan kapasite aşıldı')).toBeTruthy();
    expect(screen.getByText(/Sözleşme onay formu \(eski arayüz\)/)).toBeTruthy();
  });

  it('"Kayda git" asks the right frame of the tab to scroll to the record', async () => {
    const form: StoredTabReport = { ...REPORT, screen: 'old-approval', frameId: 3, findings: [{ ...REPORT.findings[0]!, ruleId: 'over-capacity', recordIndex: 0 }] };
    const tabs = source({ id: 5, url: REPORT.url }, form);
    renderWithDb(<PopupApp tabs={tabs} />);
    (await screen.findByRole('button', { name: /Kayda git/ })).click();
    expect(tabs.jump).toHaveBeenCalledWith(5, 3, 0);
  });

  it('says when the portal page is not a recognised screen', async () => {
    renderWithDb(<PopupApp tabs={source({ id: 5, url: 'https://isgkatip.csgb.gov.tr/giris' })} />);
    expect(await screen.findByText('Bu sayfa tanınan bir İSG-KATİP ekranı değil.')).toBeTruthy();
  });

  it('says when the tab is another site', async () => {
    renderWithDb(<PopupApp tabs={source({ id: 9 })} />);
    expect(await screen.findByText(/Bu sekmede İSG-KATİP açık değil/)).toBeTruthy();
    expect(await screen.findByText('Onay bekleyen sözleşme kaydı yok.')).toBeTruthy();
  });

  it('lists pending approvals with checklist progress and a masked T.C. number; opens the checklist', async () => {
    const db = freshDb();
    await seedPending(db);
    const { user } = renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db);
    const toggle = await screen.findByRole('button', { name: /Ayşe Yılmaz/ });
    expect(toggle.textContent).toContain('4/10');
    expect(document.body.textContent).toContain('T.C. 100******46');
    expect(document.body.textContent).not.toContain('10000000146');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(await within(region).findByText('4/10 adım tamam')).toBeTruthy();
    expect(within(region).getAllByRole('checkbox')).toHaveLength(10);
  });

  it('shows the full T.C. number only when the setting is on', async () => {
    const db = freshDb();
    await seedPending(db);
    await saveSettings(db, { showTckn: true });
    renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db);
    await screen.findByRole('button', { name: /Ayşe Yılmaz/ });
    expect(await screen.findByText(/T\.C\. 10000000146/)).toBeTruthy();
  });

  it('opens the options page from its button', async () => {
    const tabs = source({ id: 9 });
    const { user } = renderWithDb(<PopupApp tabs={tabs} />);
    await user.click(screen.getByRole('button', { name: 'Ayarlar ve işyeri profilleri' }));
    expect(tabs.openOptions).toHaveBeenCalledOnce();
  });

  it('speaks English when the setting says so', async () => {
    const db = freshDb();
    await saveSettings(db, { language: 'en' });
    renderWithDb(<PopupApp tabs={source({ id: 5, url: REPORT.url }, REPORT)} />, db);
    expect(await screen.findByText('OHS minutes must be 4,000')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Findings on this tab' })).toBeTruthy();
  });
});
