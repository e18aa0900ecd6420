// "Profil ekle": the options address that opens the profile form pre-filled, and the background's open-profile.
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { handleMessage } from '@/utils/background/router';
import { parseOptionsHash, profileHash } from '@/utils/profile-link';
import { freshDb } from './helpers';

const SICIL = '24322050112345670340112000';

describe('options addresses', () => {
  test('the facts the page showed survive the round trip, Turkish letters and & included', () => {
    const hash = profileHash({ title: 'İNCE & IŞIK İNŞAAT A.Ş.', sicilNo: SICIL, naceText: '43.22.05' });
    expect(hash.startsWith('#isyerleri/yeni?')).toBe(true);
    expect(parseOptionsHash(hash)).toEqual({ section: 'isyerleri', profile: { title: 'İNCE & IŞIK İNŞAAT A.Ş.', sicilNo: SICIL, naceText: '43.22.05' } });
  });

  test('a section, an unknown hash and garbage', () => {
    expect(parseOptionsHash('#kurallar')).toEqual({ section: 'kurallar' });
    expect(parseOptionsHash('#araclar')).toEqual({ section: 'araclar' });
    expect(parseOptionsHash('')).toEqual({ section: 'isyerleri' });
    expect(parseOptionsHash('#<script>')).toEqual({ section: 'isyerleri' });
    expect(parseOptionsHash('#isyerleri/yeni?calisan=-4&unvan=')).toEqual({ section: 'isyerleri', profile: {} });
  });
});

describe('open-profile', () => {
  test('opens options.html at the pre-filled profile form', async () => {
    fakeBrowser.reset();
    const create = vi.spyOn(browser.tabs, 'create');
    const db = freshDb();
    const reply = await handleMessage(db, { type: 'open-profile', workplace: { title: 'DEMİR ÇELİK', sicilNo: SICIL } }, { tab: { id: 3 }, frameId: 0 });
    expect(reply).toEqual({ ok: true });
    const url = create.mock.calls[0]![0].url!;
    expect(url).toMatch(/options\.html#isyerleri\/yeni\?/);
    expect(parseOptionsHash(new URL(url).hash).profile).toEqual({ title: 'DEMİR ÇELİK', sicilNo: SICIL });
    await db.delete();
  });
});
