// Options page: profile validation (SGK 26 digits, NACE in the list, hazard override), rules, language, import, delete.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/entrypoints/options/OptionsApp';
import { exportBackup, getSettings, listWorkplaces, saveProfile, type KatipDb } from '@/utils/db';
import { ruleById } from '@/utils/rules';
import { profileHash } from '@/utils/profile-link';
import { freshDb, renderWithDb, teardown } from './helpers';

afterEach(teardown);

const SICIL = '2 4322 05 01 1234567 034 01 12 000';
const SICIL_DIGITS = '24322050112345670340112000';

async function openNewProfile() {
  const r = renderWithDb(<OptionsApp />);
  await r.user.click(await screen.findByRole('button', { name: 'Yeni işyeri profili' }));
  const form = screen.getByRole('form', { name: 'Yeni işyeri profili' });
  return { ...r, form };
}

describe('Options: workplace profile form', () => {
  it('refuses an SGK number that is not 26 digits and saves nothing', async () => {
    const { user, form, db } = await openNewProfile();
    await user.type(within(form).getByLabelText('İşyeri unvanı'), 'Deneme İnşaat');
    await user.type(within(form).getByLabelText('SGK işyeri sicil numarası (26 hane)'), '2432205011234');
    await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
    expect(within(form).getByText(/SGK işyeri sicil numarası 26 haneli olmalı; girilen 13 hane/)).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe('Formda 1 hata var; lütfen düzeltin.');
    expect(within(form).getByLabelText('SGK işyeri sicil numarası (26 hane)').getAttribute('aria-invalid')).toBe('true');
    expect(await listWorkplaces(db)).toHaveLength(0);
  });

  it('refuses a NACE code that is not in the list, and a malformed one', async () => {
    const { user, form } = await openNewProfile();
    const nace = within(form).getByLabelText('NACE kodu (xx.xx.xx)');
    await user.type(nace, '43.22.01');
    expect(within(form).getByText(/43\.22\.01 kodu Tehlike Sınıfları Tebliği listesinde yok/)).toBeTruthy();
    await user.clear(nace);
    await user.type(nace, '43.22');
    await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
    expect(within(form).getByText(/NACE kodu altı haneli ve xx\.xx\.xx biçiminde olmalı/)).toBeTruthy();
  });

  it('fills the hazard class from the NACE code and warns when the user picks another', async () => {
    const { user, form, db } = await openNewProfile();
    await user.type(within(form).getByLabelText('İşyeri unvanı'), 'Deneme İnşaat');
    await user.type(within(form).getByLabelText('SGK işyeri sicil numarası (26 hane)'), SICIL);
    await user.type(within(form).getByLabelText('NACE kodu (xx.xx.xx)'), '43.22.05');
    const hazard = within(form).getByLabelText('Tehlike sınıfı') as HTMLSelectElement;
    expect(hazard.value).toBe('cok-tehlikeli');
    expect(within(form).getByText('Tehlike sınıfı NACE kodundan dolduruldu: Çok Tehlikeli.')).toBeTruthy();
    await user.selectOptions(hazard, 'tehlikeli');
    expect(within(form).getByText(/Seçtiğiniz tehlike sınıfı \(Tehlikeli\), NACE kodunun listedeki sınıfından \(Çok Tehlikeli\) farklı/)).toBeTruthy();
    await user.type(within(form).getByLabelText('Çalışan sayısı'), '45');
    await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
    expect(await screen.findByText('Profil kaydedildi.')).toBeTruthy();
    const [row] = await listWorkplaces(db);
    expect(row?.profile).toMatchObject({ title: 'Deneme İnşaat', sicilNo: SICIL_DIGITS, naceText: '43.22.05', hazardText: 'Tehlikeli', employees: 45 });
  });

  it('refuses a negative employee count', async () => {
    const { user, form } = await openNewProfile();
    await user.type(within(form).getByLabelText('Çalışan sayısı'), '-3');
    await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
    expect(within(form).getByText(/Çalışan sayısı negatif olmayan bir tam sayı olmalı/)).toBeTruthy();
  });

  it('takes a DETSİS number for a public institution', async () => {
    const { user, form, db } = await openNewProfile();
    await user.type(within(form).getByLabelText('İşyeri unvanı'), 'Örnek Üniversitesi');
    await user.click(within(form).getByLabelText('Kamu kurumu (DETSİS numarası ile)'));
    await user.type(within(form).getByLabelText('DETSİS numarası'), '12A');
    await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
    expect(within(form).getByText(/DETSİS numarası yalnız rakamlardan oluşmalı/)).toBeTruthy();
    await user.clear(within(form).getByLabelText('DETSİS numarası'));
    await user.type(within(form).getByLabelText('DETSİS numarası'), '22620739');
    await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
    await screen.findByText('Profil kaydedildi.');
    expect((await listWorkplaces(db))[0]?.profile).toMatchObject({ detsisNo: '22620739' });
  }, 20_000);

  it('deletes a profile only after confirmation', async () => {
    const db = freshDb();
    await saveProfile(db, undefined, { title: 'Silinecek A.Ş.', sicilNo: SICIL_DIGITS });
    const { user } = renderWithDb(<OptionsApp />, db);
    await user.click(await screen.findByRole('button', { name: 'Sil: Silinecek A.Ş.' }));
    expect(screen.getByText(/“Silinecek A\.Ş\.” profili silinsin mi\?/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Vazgeç' }));
    expect(await listWorkplaces(db)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Sil: Silinecek A.Ş.' }));
    await user.click(screen.getByRole('button', { name: 'Evet, profili sil' }));
    expect(await screen.findByText('Profil silindi.')).toBeTruthy();
    expect(await listWorkplaces(db)).toHaveLength(0);
  });
});

describe('Options: settings', () => {
  it('switches a rule off and on, saved in settings.disabledRules', async () => {
    const { user, db } = renderWithDb(<OptionsApp />);
    const title = ruleById('nace-sicil-mismatch').title.tr;
    const sw = (await screen.findByRole('switch', { name: title })) as HTMLInputElement;
    expect(sw.checked).toBe(true);
    await user.click(sw);
    await waitFor(async () => expect((await getSettings(db)).disabledRules).toEqual(['nace-sicil-mismatch']));
    await waitFor(() => expect(sw.checked).toBe(false));
    await user.click(sw);
    await waitFor(async () => expect((await getSettings(db)).disabledRules).toEqual([]));
  });

  it('switches the language to English', async () => {
    const { user, db } = renderWithDb(<OptionsApp />);
    await user.click(await screen.findByRole('radio', { name: 'İngilizce (English)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'KATİP Assistant options' })).toBeTruthy();
    expect((await getSettings(db)).language).toBe('en');
    // screen readers and the tab strip follow: the page's language and title
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('KATİP Assistant — Options');
  });

  it('in English the workplace list, its hazard class and counts, and the import control speak English', async () => {
    const db = freshDb();
    await saveProfile(db, undefined, { title: 'Işık Yapı', sicilNo: SICIL_DIGITS, hazardText: 'Çok Tehlikeli', employees: 1240 });
    const { user } = renderWithDb(<OptionsApp />, db);
    await user.click(await screen.findByRole('radio', { name: 'İngilizce (English)' }));
    const item = (await screen.findByText('Işık Yapı')).closest('li')!;
    await waitFor(() => expect(item.textContent).toContain('Very hazardous · 1,240 employees'));
    expect(item.textContent).not.toMatch(/Çok Tehlikeli|1\.240|çalışan/);
    expect(screen.getByText('Choose a file…')).toBeTruthy();
    expect(screen.getByText('No file chosen')).toBeTruthy();
    await user.upload(screen.getByLabelText(/Import a backup file/), new File(['{'], 'broken.json', { type: 'application/json' }));
    expect(await screen.findByText('broken.json')).toBeTruthy();
    expect(await screen.findByText(/Import failed; nothing was changed\./)).toBeTruthy();
  });

  it('saves the show-T.C.-numbers switch, off by default', async () => {
    const { user, db } = renderWithDb(<OptionsApp />);
    const sw = (await screen.findByRole('switch', { name: 'T.C. Kimlik numaralarını tam göster' })) as HTMLInputElement;
    expect(sw.checked).toBe(false);
    await user.click(sw);
    await waitFor(async () => expect((await getSettings(db)).showTckn).toBe(true));
  });

  it('has a skip link to the main content and a privacy statement', async () => {
    renderWithDb(<OptionsApp />);
    expect(screen.getByRole('link', { name: 'İçeriğe geç' }).getAttribute('href')).toBe('#main');
    expect(screen.getByText(/Eklenti hiçbir ağ isteği yapmaz/)).toBeTruthy();
  });
});

describe('Options: your data', () => {
  async function seeded(): Promise<KatipDb> {
    const db = freshDb();
    await saveProfile(db, undefined, { title: 'Kalıcı Ltd.', sicilNo: SICIL_DIGITS, employees: 12 });
    return db;
  }

  it('a corrupt backup file shows an error and changes nothing', async () => {
    const db = await seeded();
    const before = await exportBackup(db);
    const { user } = renderWithDb(<OptionsApp />, db);
    const file = new File(['{"format":"katip-asistani-backup","version":1,"workplaces":[{'], 'yedek.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Yedek dosyasını içe aktar'), file);
    const alert = await screen.findByText(/İçe aktarılamadı; hiçbir şey değişmedi\./);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'İçe aktarmayı onayla' })).toBeNull();
    const after = await exportBackup(db);
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });

  it('a valid backup is previewed, then applied on confirmation', async () => {
    const source = await seeded();
    const backup = await exportBackup(source);
    const { user, db } = renderWithDb(<OptionsApp />);
    const file = new File([JSON.stringify(backup)], 'yedek.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Yedek dosyasını içe aktar'), file);
    // role queries walk the whole page: on a loaded machine a few polls take more than the default second
    const confirm = await screen.findByRole('button', { name: 'İçe aktarmayı onayla' }, { timeout: 5000 });
    const row = screen.getByRole('rowheader', { name: 'İşyerleri' }).closest('tr')!;
    expect([...row.cells].map((c) => c.textContent)).toEqual(['İşyerleri', '1', '0']);
    expect(await listWorkplaces(db)).toHaveLength(0);
    await user.click(confirm);
    expect(await screen.findByText('İçe aktarma tamamlandı.')).toBeTruthy();
    expect((await listWorkplaces(db))[0]?.profile?.title).toBe('Kalıcı Ltd.');
    expect(await screen.findByText('Kalıcı Ltd.')).toBeTruthy();
  });

  it('HTML and <script> in a backup are imported as text and shown as text, never as markup', async () => {
    const source = await seeded();
    const backup = await exportBackup(source);
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Kötü Ltd.';
    backup.workplaces[0]!.profile!.title = payload;
    const { user, db, container } = renderWithDb(<OptionsApp />);
    const file = new File([JSON.stringify(backup)], 'yedek.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Yedek dosyasını içe aktar'), file);
    await user.click(await screen.findByRole('button', { name: 'İçe aktarmayı onayla' }, { timeout: 5000 }));
    expect(await screen.findByText('İçe aktarma tamamlandı.')).toBeTruthy();
    expect((await listWorkplaces(db))[0]?.profile?.title).toBe(payload);
    expect(await screen.findByText(payload, {}, { timeout: 5000 })).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('deletes everything only after the confirmation step', async () => {
    const db = await seeded();
    const { user } = renderWithDb(<OptionsApp />, db);
    await screen.findByText('Kalıcı Ltd.');
    await user.click(screen.getByRole('button', { name: 'Tüm verileri sil' }));
    expect(screen.getByText(/kalıcı olarak silinecek/)).toBeTruthy();
    expect(await listWorkplaces(db)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Evet, hepsini sil' }));
    expect(await screen.findByText('Tüm veriler silindi.')).toBeTruthy();
    expect(await listWorkplaces(db)).toHaveLength(0);
    expect(await screen.findByText('Henüz işyeri yok.')).toBeTruthy();
  });
});

describe('Options: the application', () => {
  it('opens the profile form pre-filled from the address (Profil ekle on a portal page)', async () => {
    const db = freshDb();
    location.hash = profileHash({ title: 'DEMİR ÇELİK DÖKÜM', sicilNo: SICIL_DIGITS, naceText: '24.51.13' });
    try {
      const { user } = renderWithDb(<OptionsApp />, db);
      const form = await screen.findByRole('form', { name: 'Yeni işyeri profili' });
      expect((within(form).getByLabelText('İşyeri unvanı') as HTMLInputElement).value).toBe('DEMİR ÇELİK DÖKÜM');
      expect((within(form).getByLabelText('SGK işyeri sicil numarası (26 hane)') as HTMLInputElement).value).toBe(SICIL_DIGITS);
      expect((within(form).getByLabelText('Tehlike sınıfı') as HTMLSelectElement).value).toBe('cok-tehlikeli');
      await user.type(within(form).getByLabelText('Çalışan sayısı'), '1240');
      await user.click(within(form).getByRole('button', { name: 'Kaydet' }));
      expect(await screen.findByText('Profil kaydedildi.')).toBeTruthy();
      expect(await screen.findByText(/1\.240 çalışan/)).toBeTruthy();
      expect(await screen.findByText('Bilgiler tam')).toBeTruthy();
    } finally {
      location.hash = '';
    }
  });

  it('edits a profile where it was opened; searches and sorts the workplaces with their status', async () => {
    const db = freshDb();
    await saveProfile(db, undefined, { title: 'Zeytin İşleri', sicilNo: SICIL_DIGITS });
    await saveProfile(db, undefined, { title: 'Işık Yapı', sicilNo: '1' + SICIL_DIGITS.slice(1), hazardText: 'Tehlikeli', employees: 12 });
    const { user } = renderWithDb(<OptionsApp />, db);
    const list = await screen.findByText('Zeytin İşleri');
    const items = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('options-workplace'));
    expect(items().map((li) => li.querySelector('strong')!.textContent)).toEqual(['Işık Yapı', 'Zeytin İşleri']);
    expect(items()[1]!.textContent).toContain('Eksik: çalışan sayısı, tehlike sınıfı');
    await user.selectOptions(screen.getByLabelText('Sırala'), 'status');
    expect(items().map((li) => li.querySelector('strong')!.textContent)).toEqual(['Zeytin İşleri', 'Işık Yapı']);
    await user.type(screen.getByLabelText('İşyeri ara (unvan, SGK no, NACE)'), 'ışık');
    expect(items().map((li) => li.querySelector('strong')!.textContent)).toEqual(['Işık Yapı']);
    expect(screen.getByText('1 / 2 işyeri')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Düzenle: Işık Yapı' }));
    const form = await screen.findByRole('form', { name: 'İşyeri profilini düzenle' });
    expect(items()[0]!.contains(form)).toBe(true);
    expect(list).toBeTruthy();
  });

  it('draws the first 50 workplaces and 50 more on each "show more"; a workplace opened for editing is drawn wherever it is', async () => {
    const db = freshDb();
    const at = '2026-12-01T10:00:00.000Z';
    const sicil = (n: number) => `1${String(n).padStart(3, '0')}${SICIL_DIGITS.slice(4)}`;
    const titles = Array.from({ length: 120 }, (_, n) => `${['Çelik', 'Cam', 'Işık', 'İnci', 'Öz', 'Ozan'][n % 6]} ${String(n).padStart(3, '0')}`);
    await db.workplaces.bulkPut(titles.map((title, n) => ({ key: `sgk:${sicil(n)}`, profile: { title, sicilNo: sicil(n), updatedAt: at }, updatedAt: at })));
    const collator = new Intl.Collator('tr');
    const sorted = [...titles].sort((a, b) => collator.compare(a, b));
    const { user } = renderWithDb(<OptionsApp />, db);
    await screen.findByText(sorted[0]!);
    const names = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('options-workplace')).map((li) => li.querySelector('strong')!.textContent);
    expect(names()).toEqual(sorted.slice(0, 50));
    expect(screen.getByText('120 kaydın 50 tanesi gösteriliyor')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '50 tane daha göster (70 kaldı)' }));
    expect(names()).toEqual(sorted.slice(0, 100));
    await user.click(screen.getByRole('button', { name: '20 tane daha göster (20 kaldı)' }));
    expect(names()).toEqual(sorted);
    expect(screen.queryByRole('button', { name: /daha göster/ })).toBeNull();
    // a search starts again at the first page
    await user.type(screen.getByLabelText('İşyeri ara (unvan, SGK no, NACE)'), 'o');
    expect(names()).toHaveLength(40);
    await user.clear(screen.getByLabelText('İşyeri ara (unvan, SGK no, NACE)'));
    expect(names()).toHaveLength(50);
    cleanup();
    // "Profil ekle" for the last workplace in the order: its form opens in its place
    const last = titles.indexOf(sorted[119]!);
    location.hash = profileHash({ title: sorted[119]!, sicilNo: sicil(last) });
    try {
      renderWithDb(<OptionsApp />, db);
      const form = await screen.findByRole('form', { name: 'İşyeri profilini düzenle' });
      const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('options-workplace'));
      expect(items).toHaveLength(120);
      expect(items[119]!.contains(form)).toBe(true);
    } finally {
      location.hash = '';
    }
  });

  it('a navigation that stays, with the five sections', async () => {
    renderWithDb(<OptionsApp />);
    const nav = await screen.findByRole('navigation', { name: 'Bölümler' });
    expect(within(nav).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['İşyerleri', '#isyerleri'],
      ['Kurallar', '#kurallar'],
      ['Araçlar', '#araclar'],
      ['Verilerim', '#verilerim'],
      ['Gizlilik', '#gizlilik'],
    ]);
  });

  it('the approval settings are switches, off by default, saved', async () => {
    const { user, db } = renderWithDb(<OptionsApp />);
    const confirm = (await screen.findByRole('switch', { name: 'Kayıt’a basarken hatalı sözleşmede onay iste' })) as HTMLInputElement;
    const passing = screen.getByRole('switch', { name: 'Uygun kayıtları da işaretle' }) as HTMLInputElement;
    expect([confirm.checked, passing.checked]).toEqual([false, false]);
    await user.click(confirm);
    await user.click(passing);
    await waitFor(async () => expect(await getSettings(db)).toMatchObject({ confirmBeforeSave: true, showPassing: true }));
    expect(document.body.textContent).not.toContain('(Açık)');
  });
});
