// Popup: a summary of this tab (records by state, workplaces with their state, missing facts),
// pending approvals sorted, de-duplicated, with progress and the error mark; one click to the side panel.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSettings, type AssignmentRow, type KatipDb, type StoredTabReport } from '@/utils/db';
import { PopupApp, type TabSource } from '@/entrypoints/popup/PopupApp';
import { freshDb, renderWithDb, teardown } from './helpers';

afterEach(teardown);

function source(tab: { id?: number; windowId?: number; url?: string } | undefined, ...reports: StoredTabReport[]): TabSource {
  return { activeTab: async () => tab, reports: async () => reports, openOptions: vi.fn(), openProfile: vi.fn(), jump: vi.fn(), openSidePanel: vi.fn(), openAudit: vi.fn() };
}

const WP = { title: 'ÖZ DEMİR METAL', sicilNo: '24322050112345670340112000' };
const REPORT: StoredTabReport = {
  type: 'page-report',
  screen: 'new-contracts',
  url: 'https://isgkatip.csgb.gov.tr/sozlesmeler',
  records: [
    { kind: 'assignment', workplace: WP, assignment: { personName: 'Ayşe Yılmaz' } },
    { kind: 'assignment', workplace: WP, assignment: { personName: 'Veli Can' } },
    { kind: 'assignment', workplace: { title: 'TEMİZ A.Ş.', sicilNo: '14322050112345670340112000' }, assignment: { personName: 'Ali Ak' } },
  ],
  findings: [
    { ruleId: 'minutes-below-minimum', severity: 'error', result: 'fail', message: { tr: 'İGU süresi 4.000 dk olmalı', en: 'OHS minutes must be 4,000' }, citation: 'c', recordIndex: 0 },
    { ruleId: 'full-time-required', severity: 'error', result: 'needs-data', missing: ['employees'], message: { tr: 'x', en: 'x' }, citation: 'c', recordIndex: 1 },
  ],
  scanMs: 3,
  at: new Date().toISOString(),
};

async function seedPending(db: KatipDb, key: string, personName: string, opts: { failed?: boolean; seen?: string } = {}): Promise<void> {
  const now = opts.seen ?? new Date().toISOString();
  const row: AssignmentRow = {
    key,
    label: `${personName} (İGU, 1.200 dk)`,
    personName,
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
  const steps = opts.failed ? { 1: tick, 2: tick, 3: tick, 4: tick, 5: { done: false, at: now, how: 'seen' as const, failed: ['certificate-class' as const] } } : { 1: tick, 2: tick, 3: tick, 4: tick };
  await db.checklists.put({ assignmentKey: key, steps, updatedAt: now });
}

describe('Popup', () => {
  it('summarises the tab: records by state with words, workplaces with their state, the missing facts', async () => {
    const tabs = source({ id: 5, url: REPORT.url }, REPORT);
    const { user } = renderWithDb(<PopupApp tabs={tabs} />);
    expect(await screen.findByText('1 kayıtta hata')).toBeTruthy();
    expect(screen.getByText('1 kayıt değerlendirilemedi')).toBeTruthy();
    expect(screen.getByText('1 kayıtta sorun yok')).toBeTruthy();
    const list = screen.getByRole('heading', { name: 'Sayfadaki işyerleri' }).nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['ÖZ DEMİR METALHata · 2 kayıt', 'TEMİZ A.Ş.Sorun yok · 1 kayıt']);
    // the popup summarises: no finding text, no "Kayda git"
    expect(screen.queryByText('İGU süresi 4.000 dk olmalı')).toBeNull();
    expect(screen.queryByRole('button', { name: /Kayda git/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Profil ekle' }));
    expect(tabs.openProfile).toHaveBeenCalledWith(WP);
  });

  it('leaves out the findings of a rule switched off in the settings', async () => {
    const db = freshDb();
    await saveSettings(db, { disabledRules: ['minutes-below-minimum'] });
    renderWithDb(<PopupApp tabs={source({ id: 5, url: REPORT.url }, REPORT)} />, db);
    expect(await screen.findByText('2 kayıtta sorun yok')).toBeTruthy();
    expect(screen.queryByText('1 kayıtta hata')).toBeNull();
    expect(screen.getByText('1 kayıt değerlendirilemedi')).toBeTruthy();
  });

  it('opens the side panel for the active tab, the options and the audit page', async () => {
    const tab = { id: 5, windowId: 2, url: REPORT.url };
    const tabs = source(tab, REPORT);
    const { user } = renderWithDb(<PopupApp tabs={tabs} />);
    await screen.findByText('1 kayıtta hata');
    await user.click(screen.getByRole('button', { name: 'Yan panelde aç' }));
    expect(tabs.openSidePanel).toHaveBeenCalledWith(tab);
    await user.click(screen.getByRole('button', { name: 'Ayarlar' }));
    expect(tabs.openOptions).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Denetim' }));
    expect(tabs.openAudit).toHaveBeenCalledOnce();
  });

  it('says when the portal page is not a recognised screen, and when the tab is another site', async () => {
    renderWithDb(<PopupApp tabs={source({ id: 5, url: 'https://isgkatip.csgb.gov.tr/giris' })} />);
    expect(await screen.findByText('Bu sayfa tanınan bir İSG-KATİP ekranı değil.')).toBeTruthy();
    await teardown();
    renderWithDb(<PopupApp tabs={source({ id: 9 })} />);
    expect(await screen.findByText(/Bu sekmede İSG-KATİP açık değil/)).toBeTruthy();
    expect(await screen.findByText('Onay bekleyen sözleşme kaydı yok.')).toBeTruthy();
  });

  it('lists pending approvals sorted, "MEHMET ÖZTÜRK" and "Mehmet Öztürk" once, with progress and the error mark', async () => {
    const db = freshDb();
    await seedPending(db, 'a', 'Şule Çağlar');
    await seedPending(db, 'b', 'MEHMET ÖZTÜRK', { failed: true, seen: '2026-12-01T09:00:00.000Z' });
    await seedPending(db, 'c', 'Mehmet Öztürk', { seen: '2026-12-01T10:00:00.000Z' });
    renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db);
    const section = (await screen.findByRole('heading', { name: /Onay bekleyen sözleşmeler/ })).closest('section')!;
    await waitFor(() => expect(within(section).getAllByRole('button')).toHaveLength(2));
    const [mehmet, sule] = within(section).getAllByRole('button');
    expect(mehmet!.textContent).toMatch(/^Mehmet Öztürk \(İGU, 1\.200 dk\)Hatalı: İGU sertifika sınıfı.*4\/10$/);
    expect(sule!.textContent).toMatch(/^Şule Çağlar.*4\/10$/);
    expect(sule!.textContent).not.toContain('Hatalı');
  });

  it('shows the first 50 pending approvals in Turkish order with the count, then 50 more on "show more", in both languages', async () => {
    const db = freshDb();
    const firsts = ['İsmail', 'Işıl', 'Çağla', 'Ceren', 'Öykü', 'Ozan', 'Şule', 'Selin', 'Ümit', 'Uğur', 'Gül', 'Zeynep'];
    const people = Array.from({ length: 62 }, (_, n) => `${firsts[n % firsts.length]} ${String(n).padStart(2, '0')}`);
    const now = new Date().toISOString();
    await db.assignments.bulkPut(
      people.map((personName, n) => ({ key: `portal:${n}`, label: `${personName} (İGU, 1.200 dk)`, personName, role: 'igu' as const, minutes: 1200, approvalState: 'pending' as const, firstSeenAt: now, lastSeenAt: now, lastScreen: 'old-contracts' as const, pending: 1 as const })),
    );
    // one of them seen twice (upper case on another screen): still one entry
    await db.assignments.put({ key: 'portal:x', label: 'ŞULE 06 (İGU, 1.200 dk)', personName: 'ŞULE 06', role: 'igu', minutes: 1200, approvalState: 'pending', firstSeenAt: now, lastSeenAt: '2020-01-01T00:00:00.000Z', lastScreen: 'old-contracts', pending: 1 });
    const sorted = [...people].sort(new Intl.Collator('tr', { sensitivity: 'base' }).compare);
    const { user } = renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db);
    const heading = await screen.findByRole('heading', { name: 'Onay bekleyen sözleşmeler (62)' });
    const section = heading.closest('section')!;
    const shown = () => [...section.querySelectorAll('.katip-pending-label')].map((el) => el.textContent!.replace(/ \(.*$/, ''));
    expect(shown()).toEqual(sorted.slice(0, 50));
    expect(within(section).getByText('62 kaydın 50 tanesi gösteriliyor')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: '12 tane daha göster (12 kaldı)' }));
    await waitFor(() => expect(shown()).toEqual(sorted));
    expect(within(section).queryByRole('button', { name: /daha göster/ })).toBeNull();
    await teardown();
    const db2 = freshDb();
    await saveSettings(db2, { language: 'en' });
    await db2.assignments.bulkPut(
      people.map((personName, n) => ({ key: `portal:${n}`, label: `${personName} (İGU, 1.200 dk)`, personName, role: 'igu' as const, minutes: 1200, approvalState: 'pending' as const, firstSeenAt: now, lastSeenAt: now, lastScreen: 'old-contracts' as const, pending: 1 as const })),
    );
    renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db2);
    expect(await screen.findByText('Showing 50 of 62')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show 12 more (12 left)' })).toBeTruthy();
  });

  it('opens the checklist of a pending approval; T.C. numbers masked unless the setting says otherwise', async () => {
    const db = freshDb();
    await seedPending(db, 'portal:77', 'Ayşe Yılmaz');
    const { user } = renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db);
    const toggle = await screen.findByRole('button', { name: /Ayşe Yılmaz/ });
    expect(document.body.textContent).toContain('T.C. 100******46');
    expect(document.body.textContent).not.toContain('10000000146');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(await within(region).findByText('4/10 adım tamam')).toBeTruthy();
    expect(within(region).getAllByRole('checkbox')).toHaveLength(10);
    await teardown();
    const db2 = freshDb();
    await seedPending(db2, 'portal:77', 'Ayşe Yılmaz');
    await saveSettings(db2, { showTckn: true });
    renderWithDb(<PopupApp tabs={source({ id: 9 })} />, db2);
    expect(await screen.findByText(/T\.C\. 10000000146/)).toBeTruthy();
  });

  it('speaks English when the setting says so, numbers included', async () => {
    const db = freshDb();
    await saveSettings(db, { language: 'en' });
    renderWithDb(<PopupApp tabs={source({ id: 5, url: REPORT.url }, REPORT)} />, db);
    expect(await screen.findByText('1 record with errors')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Findings on this tab' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open in the side panel' })).toBeTruthy();
    expect(screen.getByText(/Not known for this workplace: employee count/)).toBeTruthy();
  });
});
