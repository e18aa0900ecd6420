// Side panel: the tab's findings named by record or by rule (the choice remembered), "Kayda git" to
// the right frame and cell, "Profil ekle" pre-filled, live when a report changes.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSettings, saveSettings, type StoredTabReport } from '@/utils/db';
import type { TabSource } from '@/components/tabSource';
import { SidePanelApp } from '@/entrypoints/sidepanel/SidePanelApp';
import { freshDb, renderWithDb, teardown } from './helpers';

afterEach(teardown);

const WP = { title: 'ÖZ DEMİR METAL', sicilNo: '24322050112345670340112000' };
const base: StoredTabReport = {
  type: 'page-report',
  screen: 'old-approval',
  url: 'https://isgkatip.csgb.gov.tr/onay',
  frameId: 4,
  records: [
    { kind: 'approval', workplace: WP, assignment: { personName: 'Elif Karataş', portalId: '5512034', role: 'igu' } },
    { kind: 'approval', workplace: WP, assignment: { personName: 'Can Ak', role: 'igu' } },
  ],
  findings: [
    { ruleId: 'certificate-class', severity: 'error', result: 'fail', message: { tr: 'B sınıfı İGU Çok Tehlikeli işyerinde görev alamaz', en: 'B class' }, citation: 'İGU Yön. m. 8', recordIndex: 0 },
    { ruleId: 'over-capacity', severity: 'error', result: 'fail', message: { tr: '2.400 dk istenen, 1.800 dk kalan', en: '2,400 asked' }, citation: 'İGU Yön. m. 13', recordIndex: 0 },
    { ruleId: 'certificate-class', severity: 'error', result: 'fail', message: { tr: 'C sınıfı', en: 'C class' }, citation: 'İGU Yön. m. 8', recordIndex: 1 },
    { ruleId: 'minutes-below-minimum', severity: 'error', result: 'needs-data', missing: ['hazard-class'], message: { tr: 'x', en: 'x' }, citation: 'c', recordIndex: 1 },
  ],
  scanMs: 3,
  at: new Date().toISOString(),
};

function source(reports: StoredTabReport[]) {
  let notify = () => {};
  const current = { reports };
  const tabs: TabSource = {
    activeTab: async () => ({ id: 5, windowId: 1, url: base.url }),
    reports: async () => current.reports,
    openOptions: vi.fn(),
    openProfile: vi.fn(),
    jump: vi.fn(),
    watch: (fn) => {
      notify = fn;
      return () => {};
    },
  };
  return { tabs, current, notify: () => notify() };
}

describe('Side panel', () => {
  it('by record: the person as heading, rules as lines, the citation once; "Kayda git" reaches the frame and the cell', async () => {
    const { tabs } = source([base]);
    const { user } = renderWithDb(<SidePanelApp tabs={tabs} />);
    const elif = await screen.findByRole('heading', { name: 'Elif Karataş' });
    const group = elif.closest('li')!;
    expect(group.textContent).toContain('Görevlendirme ID 5512034');
    expect(within(group).getByText(/B sınıfı İGU Çok Tehlikeli/)).toBeTruthy();
    expect(within(group).getByText('over-capacity')).toBeTruthy();
    expect(screen.getByText('2 kayıtta hata')).toBeTruthy();
    expect(screen.getByText(/Dayanaklar \(2 kural\)/)).toBeTruthy();
    expect(screen.getAllByText('İGU Yön. m. 8')).toHaveLength(1);
    await user.click(within(group).getByRole('button', { name: 'Kayda git: Elif Karataş' }));
    expect(tabs.jump).toHaveBeenCalledWith(5, 4, 0, 'certificateText');
  });

  it('by rule: records as lines; the choice is remembered', async () => {
    const db = freshDb();
    const { tabs } = source([base]);
    const { user } = renderWithDb(<SidePanelApp tabs={tabs} />, db);
    await user.click(await screen.findByRole('radio', { name: 'Kurala göre' }));
    const heading = await screen.findByRole('heading', { name: 'İGU sertifika sınıfı tehlike sınıfına uymuyor' });
    const group = heading.closest('li')!;
    expect(group.textContent).toContain('2 kayıt');
    expect(within(group).getAllByRole('button', { name: /Kayda git/ })).toHaveLength(2);
    await waitFor(async () => expect((await getSettings(db)).groupFindingsBy).toBe('rule'));
    await user.click(within(group).getByRole('button', { name: 'Kayda git: Can Ak' }));
    expect(tabs.jump).toHaveBeenCalledWith(5, 4, 1, 'certificateText');
  });

  it('one line per workplace lacking facts opens the profile form pre-filled', async () => {
    const { tabs } = source([base]);
    const { user } = renderWithDb(<SidePanelApp tabs={tabs} />);
    const line = (await screen.findByText(/Bu işyerinin tehlike sınıfı bilinmiyor\./)).closest('li')!;
    expect(line.textContent).toContain('Bu yüzden 1 kayıt değerlendirilemedi.');
    await user.click(within(line).getByRole('button', { name: 'Profil ekle: ÖZ DEMİR METAL' }));
    expect(tabs.openProfile).toHaveBeenCalledWith(WP);
  });

  it('follows the tab live: a new report replaces the findings', async () => {
    const src = source([base]);
    renderWithDb(<SidePanelApp tabs={src.tabs} />);
    await screen.findByRole('heading', { name: 'Elif Karataş' });
    src.current.reports = [{ ...base, findings: [] }];
    act(() => src.notify());
    expect(await screen.findByText('Sorun bulunmadı')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Elif Karataş' })).toBeNull();
  });

  it('in English: words, units of the messages as given, counts in English', async () => {
    const db = freshDb();
    await saveSettings(db, { language: 'en' });
    const { tabs } = source([base]);
    renderWithDb(<SidePanelApp tabs={tabs} />, db);
    expect(await screen.findByText('2 records with errors')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'By record' })).toBeTruthy();
    expect(screen.getByText(/Not known for this workplace: hazard class\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add profile: ÖZ DEMİR METAL' })).toBeTruthy();
  });
});
