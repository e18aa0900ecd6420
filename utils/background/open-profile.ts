// needs-data as one action: "Profil ekle" (in the page, the side panel or the popup) opens the
// options page's workplace profile form, pre-filled with what the page showed.
import { browser } from 'wxt/browser';
import type { OpenProfile } from '@/utils/messages';
import { profileHash } from '@/utils/profile-link';

/** The options page address that opens the profile form with these facts. */
export function profileFormUrl(workplace: OpenProfile['workplace']): string {
  return browser.runtime.getURL('/options.html') + profileHash(workplace);
}

export async function handleOpenProfile(message: OpenProfile): Promise<{ ok: true }> {
  await browser.tabs.create({ url: profileFormUrl(message.workplace) });
  return { ok: true };
}
