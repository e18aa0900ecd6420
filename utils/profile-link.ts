// The options page's addresses (its URL hash): a section, or the workplace profile form pre-filled
// with what a portal page showed — `#isyerleri/yeni?sicil=…&unvan=…&nace=…`. Built by the
// background (open-profile), the side panel and the popup; read by the options page.
import type { WorkplaceFacts } from './records';

export const OPTIONS_SECTIONS = ['isyerleri', 'kurallar', 'araclar', 'verilerim', 'gizlilik'] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];

export interface OptionsRoute {
  section: OptionsSection;
  /** the profile form to open, pre-filled (section 'isyerleri') */
  profile?: WorkplaceFacts;
}

const PARAMS: [keyof WorkplaceFacts, string][] = [
  ['sicilNo', 'sicil'],
  ['detsisNo', 'detsis'],
  ['title', 'unvan'],
  ['naceText', 'nace'],
  ['hazardText', 'tehlike'],
];

/** The hash (with '#') that opens the profile form with these facts. */
export function profileHash(facts: WorkplaceFacts): string {
  const params = new URLSearchParams();
  for (const [field, name] of PARAMS) {
    const value = facts[field];
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  if (facts.employees !== undefined) params.set('calisan', String(facts.employees));
  const query = params.toString();
  return `#isyerleri/yeni${query ? `?${query}` : ''}`;
}

/** Reads a hash ('#kurallar', '#isyerleri/yeni?sicil=…'); anything else is the workplaces section. */
export function parseOptionsHash(hash: string): OptionsRoute {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const [first, second] = path.split('/');
  const section = (OPTIONS_SECTIONS as readonly string[]).includes(first ?? '') ? (first as OptionsSection) : 'isyerleri';
  if (section !== 'isyerleri' || second !== 'yeni') return { section };
  const params = new URLSearchParams(query);
  const profile: WorkplaceFacts = {};
  for (const [field, name] of PARAMS) {
    const value = params.get(name)?.trim().slice(0, 2000);
    if (value) (profile as Record<string, unknown>)[field] = value;
  }
  const employees = Number(params.get('calisan'));
  if (params.get('calisan') && Number.isInteger(employees) && employees >= 0) profile.employees = employees;
  return { section, profile };
}
