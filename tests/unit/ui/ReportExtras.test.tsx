// What the tab report carries beyond findings, shown in the popup and the side panel: the page's own
// notes, what was left out to fit storage ("… ve 1.234 kayıt daha"), and the bug-report snapshot
// saved from the extension page (a Blob and <a download>), with a status line saying what was replaced.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSettings, type StoredTabReport } from '@/utils/db';
import type { TabSource } from '@/components/tabSource';
import { readSnapshotAnswer } from '@/components/SnapshotButton';
import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { SidePanelApp } from '@/entrypoints/sidepanel/SidePanelApp';
import { freshDb, renderWithDb, teardown } from './helpers';

afterEach(async () => {
  vi.restoreAllMocks();
  await teardown();
});

const URL_ON_PORTAL = 'https://isgkatip.csgb.gov.tr/isgkatip/sozlesmeler';

const NOTED: StoredTabReport = {
  type: 'page-report',
  screen: 'new-contracts',
  url: URL_ON_PORTAL,
  frameId: 0,
  records: [
    { kind: 'assignment', workplace: { title: 'ÖZ DEMİR METAL' }, assignment: { personName: 'Ayşe Yılmaz', tckn: '10000000146' } },
    { kind: 'assignment', workplace: { title: 'ÖZ DEMİR METAL' }, assignment: { personName: 'Veli Can' } },
  ],
  findings: [
    { ruleId: 'minutes-below-minimum', severity: 'error', result: 'fail', message: { tr: 'Süre az', en: 'Too few minutes' }, citation: 'c', recordIndex: 0 },
  ],
  notes: [
    { id: 'rows-not-marked', message: { tr: 'Sayfadaki tablo tanınamadı: satırlar işaretlenemedi.', en: 'The table was not recognised: the rows could not be marked.' } },
    {
      id: 'facts-differ',
      recordIndex: 1,
      field: 'minutes',
      message: { tr: '2. satır (Veli Can, 10000000146): tablodaki süre farklı.', en: 'Row 2 (Veli Can, 10000000146): the table shows other minutes.' },
    },
    { id: 'answer-cut', message: { tr: 'Sayfanın aldığı verinin bir kısmı değerlendirilmedi.', en: 'Part of the page’s own data was not judged.' } },
  ],
  recordCount: 1236,
  errorRecords: 40,
  omitted: { records: 1234, findings: 56 },
  scanMs: 3,
  at: '2026-12-02T07:53:00.000Z',
};

function source(reports: StoredTabReport[], extra: Partial<TabSource> = {}): TabSource {
  return {
    activeTab: async () => ({ id: 7, windowId: 1, url: URL_ON_PORTAL }),
    reports: async () => reports,
    openOptions: vi.fn(),
    openProfile: vi.fn(),
    jump: vi.fn(),
    ...extra,
  };
}

const SNAPSHOT = {
  type: 'snapshot',
  html: '<!DOCTYPE html>\n<html><body><table><tr><td>Deniz Arslan</td><td>12345678950</td></tr></table></body></html>',
  fileName: 'katip-sayfa-2026-12-02-0753.html',
  replaced: { tckn: 3, sicil: 1, names: 1234 },
  frames: { inlined: 1, skipped: 1 },
};

/** Captures what an <a download> would save: the file name and the Blob's text. */
function captureDownloads() {
  const saved: { name: string; text: Promise<string>; type: string }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) saved.push({ name: this.download, text: blob.text(), type: blob.type });
  });
  return saved;
}

describe('the bug-report snapshot', () => {
  it('popup: asks the tab for its snapshot, saves it as the named .html file and says what was replaced', async () => {
    const saved = captureDownloads();
    const snapshot = vi.fn(async () => SNAPSHOT);
    const { user } = renderWithDb(<PopupApp tabs={source([NOTED], { snapshot })} />);
    await user.click(await screen.findByRole('button', { name: 'Bu sayfayı hata bildirimi için kaydet' }));
    expect(snapshot).toHaveBeenCalledWith(7);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('katip-sayfa-2026-12-02-0753.html');
    expect(saved[0]!.type).toMatch(/^text\/html/);
    expect(await saved[0]!.text).toBe(SNAPSHOT.html);
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('indirildi'))!;
    expect(status.textContent).toBe(
      'katip-sayfa-2026-12-02-0753.html indirildi. Kişisel veriler sahteleriyle değiştirildi: 3 T.C. Kimlik No, 1 SGK sicil no, 1.234 ad; betikler çıkarıldı. Çerçeveler: 1 eklendi, 1 eklenemedi (başka site).',
    );
  });

  it('side panel, in English: the same button and status, English numbers', async () => {
    const saved = captureDownloads();
    const db = freshDb();
    await saveSettings(db, { language: 'en' });
    const { user } = renderWithDb(<SidePanelApp tabs={source([NOTED], { snapshot: async () => SNAPSHOT })} />, db);
    await user.click(await screen.findByRole('button', { name: 'Save this page for a bug report' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await screen.findByText(/katip-sayfa-2026-12-02-0753\.html downloaded\. Personal data replaced by fake values: 3 T\.C\. identity numbers, 1 SGK numbers, 1,234 names; scripts removed\./)).toBeTruthy();
  });

  it('a page that does not answer (no content script, or an odd answer) saves nothing and says so', async () => {
    const saved = captureDownloads();
    const snapshot = vi.fn().mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.')).mockResolvedValueOnce({ type: 'snapshot', html: 42 });
    const { user } = renderWithDb(<PopupApp tabs={source([NOTED], { snapshot })} />);
    const button = await screen.findByRole('button', { name: 'Bu sayfayı hata bildirimi için kaydet' });
    await user.click(button);
    expect(await screen.findByText(/Sayfa kaydedilemedi: sayfa yanıt vermedi/)).toBeTruthy();
    await user.click(button);
    await waitFor(() => expect(snapshot).toHaveBeenCalledTimes(2));
    expect(await screen.findByText(/Sayfa kaydedilemedi/)).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('no button off the portal (the content script is not there to answer)', async () => {
    const tabs = source([], { activeTab: async () => ({ id: 7, windowId: 1, url: 'https://example.com/' }), snapshot: vi.fn() });
    renderWithDb(<PopupApp tabs={tabs} />);
    await screen.findByText(/İSG-KATİP açık değil/);
    expect(screen.queryByRole('button', { name: /hata bildirimi/ })).toBeNull();
  });

  it('a file name the page did not make is replaced by our own pattern', () => {
    const read = readSnapshotAnswer({ ...SNAPSHOT, fileName: '../../evil.exe' }, new Date('2026-12-02T07:53:00Z'));
    expect(read?.fileName).toBe('katip-sayfa-2026-12-02-07-53.html');
    expect(readSnapshotAnswer({ ...SNAPSHOT, replaced: { tckn: -1, sicil: 'x' } })?.replaced).toEqual({ tckn: 0, sicil: 0, names: 0 });
  });
});

describe("the page's notes and what was left out", () => {
  it('side panel: every note, T.C. numbers masked, "Kayda git" on a row note, and the records not listed counted', async () => {
    const tabs = source([NOTED]);
    const { user } = renderWithDb(<SidePanelApp tabs={tabs} />);
    const notes = (await screen.findByRole('heading', { name: 'Sayfa hakkında notlar' })).closest('section')!;
    const items = within(notes).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('p')!.textContent)).toEqual([
      'Sayfadaki tablo tanınamadı: satırlar işaretlenemedi.',
      '2. satır (Veli Can, 100******46): tablodaki süre farklı.',
      'Sayfanın aldığı verinin bir kısmı değerlendirilmedi.',
    ]);
    await user.click(within(items[1]!).getByRole('button', { name: 'Kayda git: Veli Can' }));
    expect(tabs.jump).toHaveBeenCalledWith(7, 0, 1, 'minutes');
    expect(screen.getByText('… ve 1.234 kayıt daha (toplam 1.236), listelenmedi.')).toBeTruthy();
    expect(screen.getByText('Listelenmeyenler dahil 40 kayıtta hata var.')).toBeTruthy();
    expect(screen.getByText('56 bulgu daha, listelenmedi.')).toBeTruthy();
  });

  it('popup, in English: the first two notes, the rest counted, the records not listed in English numbers', async () => {
    const db = freshDb();
    await saveSettings(db, { language: 'en' });
    renderWithDb(<PopupApp tabs={source([NOTED])} />, db);
    const notes = (await screen.findByRole('heading', { name: 'Notes about this page' })).closest('section')!;
    expect(within(notes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'The table was not recognised: the rows could not be marked.',
      'Row 2 (Veli Can, 100******46): the table shows other minutes.',
    ]);
    expect(within(notes).getByText('1 more note in the side panel.')).toBeTruthy();
    expect(screen.getByText('… and 1,234 more records (1,236 in all), not listed.')).toBeTruthy();
    expect(screen.getByText('Screen: OHS service contracts · 2 Dec 2026, ' + new Date(NOTED.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }))).toBeTruthy();
  });

  it('nothing extra when nothing was left out and the page made no note', async () => {
    const plain: StoredTabReport = { ...NOTED, notes: undefined, omitted: undefined, recordCount: 2, errorRecords: 1 };
    renderWithDb(<SidePanelApp tabs={source([plain])} />);
    await screen.findByText('1 kayıtta hata');
    expect(screen.queryByRole('heading', { name: 'Sayfa hakkında notlar' })).toBeNull();
    expect(screen.queryByText(/listelenmedi/)).toBeNull();
  });
});
