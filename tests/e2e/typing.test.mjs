// New-contract form (Sözleşme Bilgileri Giriş Sayfası): minutes-below-minimum is judged again as the user types "Çalışma Süresi".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES_DIR, pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

/**
 * The boundary of each form, worked out by hand from the fixture and RULES.md §2-3
 * (required = N × rate when N < T; the form compares DEVAM EDEN TOPLAM … SÜRESİ + typed minutes).
 * `facts` are strings the fixture must still contain, so a changed fixture fails here, loudly.
 */
const CASES = [
  {
    // İH (Sertifika Tipi İşyeri Hekimliği), Az Tehlikeli, N = 45 < 2000: 45 × 5 = 225; DEVAM EDEN 0.
    fixture: 'new-contract-form/labels.html',
    facts: ['value="45"', 'value="Az Tehlikeli"', 'Devam Eden Toplam İşyeri Hekimi Süresi:</label><input id="f9" type="text" value="0"', 'İşyeri Hekimliği'],
    tooFew: '224',
    enough: '225',
  },
  {
    // İGU, TEHLİKELİ, N = 120 < 500: 120 × 20 = 2,400; DEVAM EDEN 1.200, so 1,200 more are needed.
    // Typed the portal's way too: "1.200" is one thousand two hundred (RULES.md §9).
    fixture: 'new-contract-form/table.html',
    facts: ['<td>120</td>', '<td>TEHLİKELİ</td>', 'DEVAM EDEN TOPLAM İGU SÜRESİ</th><td>:</td><td>1.200</td>'],
    tooFew: '1199',
    enough: '1.200',
  },
];

const suite = useBrowserSuite();

/** The minutes input of the form: the first input after the label that starts with "Çalışma Süresi". */
async function minutesInput(page) {
  const handle = await page.evaluateHandle(() => {
    const fold = (s) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('tr');
    const labels = [...document.querySelectorAll('label, th, td, dt, span, div')].filter(
      (el) => fold(el.textContent ?? '').startsWith('çalışma süresi') && !el.querySelector('input'),
    );
    for (const label of labels) {
      if (label.htmlFor) {
        const byFor = document.getElementById(label.htmlFor);
        if (byFor instanceof HTMLInputElement) return byFor;
      }
      for (let scope = label.parentElement; scope; scope = scope.parentElement) {
        const next = [...scope.querySelectorAll('input')].find(
          (input) => label.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        if (next) return next;
      }
    }
    return null;
  });
  const element = handle.asElement();
  assert.ok(element, 'no input labelled "Çalışma Süresi" in the form');
  return element;
}

async function typeMinutes(input, text) {
  await input.fill('');
  await input.type(text, { delay: 20 });
}

/** Wait until the form record's rules do (or do not) list minutes-below-minimum, with every other check of the page passing. */
async function expectMinutesRule(page, present) {
  await waitForNoProblems(
    async () => {
      const problems = await pageProblems(page);
      const { status, rules } = await page.evaluate(() => {
        const record = document.querySelector('[data-expect-kind="record"]');
        return { status: record?.getAttribute('data-katip-status'), rules: record?.getAttribute('data-katip-rules') ?? '' };
      });
      const has = rules.split(' ').includes('minutes-below-minimum');
      if (has !== present) problems.push(`rules are "${rules}" (status ${status}): minutes-below-minimum should be ${present ? 'present' : 'absent'}`);
      if (present && status !== 'error') problems.push(`status is ${status}, expected error`);
      return problems;
    },
    { timeout: 3000 },
  );
}

for (const c of CASES) {
  test(`${c.fixture}: typing ${c.tooFew} minutes flags minutes-below-minimum, ${c.enough} clears it`, async () => {
    const source = readFileSync(join(FIXTURES_DIR, c.fixture), 'utf8');
    for (const fact of c.facts) assert.ok(source.includes(fact), `the fixture changed: "${fact}" not found; update CASES`);

    const page = await suite.browser.openFixture(c.fixture);
    try {
      await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
      const input = await minutesInput(page);
      await typeMinutes(input, c.tooFew);
      await expectMinutesRule(page, true);
      await typeMinutes(input, c.enough);
      await expectMinutesRule(page, false);
      // and back again: the judgement follows the latest value, not the first one
      await typeMinutes(input, c.tooFew);
      await expectMinutesRule(page, true);
    } finally {
      await page.close();
    }
  });
}

test('no request left the fake portal or the extension (privacy promise)', () => {
  assert.deepEqual(suite.browser.foreignRequests, []);
});
