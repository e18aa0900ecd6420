// Every portal screen fixture (tests/fixtures/<screen-id>/, none/) loaded as the real portal in Chromium with the built extension.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCREEN_IDS, listFixtures, pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const fixtures = listFixtures();
const suite = useBrowserSuite();

/** Does any frame of the page (its top document included) expect to be a screen? */
async function expectsAnyScreen(page) {
  for (const frame of page.frames()) {
    if (!frame.url().startsWith('https:')) continue;
    if (await frame.evaluate(() => document.documentElement.hasAttribute('data-expect-screen'))) return true;
  }
  return false;
}

/** Load a fixture and wait until it is marked as PAGE-CONTRACT.md says (or, on a non-screen, stays unmarked). */
async function openAndSettle(path) {
  const page = await suite.browser.openFixture(path);
  if (await expectsAnyScreen(page)) {
    await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  } else {
    await page.waitForTimeout(1000);
    assert.deepEqual(await pageProblems(page), []);
  }
  return page;
}

/** Runs in a frame: a payload of hostile text must show as text, never become markup. */
function hostileProblems() {
  const problems = [];
  if (window.__pwned !== undefined) problems.push(`window.__pwned is ${String(window.__pwned)}`);
  let text = '';
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (attr.value.includes('__pwned')) problems.push(`<${el.tagName.toLowerCase()} ${attr.name}> holds the payload as markup`);
      }
      if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__pwned')) problems.push('a <script> holds the payload');
      if (el.shadowRoot) visit(el.shadowRoot);
    }
    text += (root === document ? document.documentElement.textContent : root.textContent) ?? '';
  };
  visit(document);
  if (!text.includes('__pwned')) problems.push('the payload text is not on the page as text');
  return problems;
}

test('fixtures exist for every screen id and for non-screens', () => {
  const dirs = new Set(fixtures.map((f) => f.dir));
  const missing = [...SCREEN_IDS, 'none'].filter((id) => !dirs.has(id));
  assert.deepEqual(missing, [], `no fixtures under tests/fixtures/ for: ${missing.join(', ')}`);
  for (const f of fixtures) {
    if (f.dir === 'none') assert.equal(f.expectScreen, null, `${f.path} is under none/ but expects a screen`);
    else if (SCREEN_IDS.includes(f.dir) && f.expectScreen) {
      assert.equal(f.expectScreen, f.dir, `${f.path} expects ${f.expectScreen} but lives under ${f.dir}/`);
    }
  }
});

test('the generated index page is not a screen and gets no marks', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`https://isgkatip.csgb.gov.tr/`);
  assert.equal(await page.locator('a').count(), fixtures.length);
  await page.waitForTimeout(500);
  assert.deepEqual(await pageProblems(page), []);
  await page.close();
});

for (const fixture of fixtures) {
  test(`${fixture.path}: ${fixture.expectScreen ?? 'not a screen'}, records marked as expected`, async () => {
    const page = await openAndSettle(fixture.path);
    try {
      for (const frame of page.frames()) {
        if (!frame.url().startsWith('https:')) continue;
        assert.equal(await frame.evaluate(() => window.__pwned), undefined, `${frame.url()} ran a payload`);
      }
    } finally {
      await page.close();
    }
  });
}

for (const fixture of fixtures.filter((f) => f.expectScreen)) {
  test(`${fixture.path}: also recognised on the isgkatip.ailevecalisma.gov.tr host`, async () => {
    const page = await suite.browser.openFixture(fixture.path, { host: 'isgkatip.ailevecalisma.gov.tr' });
    try {
      await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
    } finally {
      await page.close();
    }
  });
}

for (const fixture of fixtures.filter((f) => f.hostile)) {
  test(`${fixture.path}: hostile text stays text (page, frames and the opened panel)`, async () => {
    const page = await openAndSettle(fixture.path);
    try {
      const check = async () => {
        const problems = [];
        for (const frame of page.frames()) {
          if (!frame.url().startsWith('https:')) continue;
          const hasPayload = await frame.evaluate(() => (document.documentElement.outerHTML ?? '').includes('__pwned'));
          if (hasPayload || frame === page.mainFrame()) {
            problems.push(...(await frame.evaluate(hostileProblems)).map((p) => `${frame.url()}: ${p}`));
          }
        }
        return problems;
      };
      assert.deepEqual(await check(), []);
      const toggle = page.locator('[data-katip-panel-toggle]');
      if ((await toggle.count()) > 0) {
        await toggle.first().click();
        await page.waitForTimeout(300);
        assert.deepEqual(await check(), []);
      }
    } finally {
      await page.close();
    }
  });
}

/** The button that replaces the rows (ASP.NET postback / pager), in any frame. */
async function findPostbackButton(page) {
  for (const frame of page.frames()) {
    const tagged = frame.locator('[data-test-postback]');
    if ((await tagged.count()) > 0) return tagged.first();
    const named = frame
      .locator('button, input[type=submit], input[type=button], a')
      .filter({ hasText: /^\s*(Tazele|Sonraki)\b/ });
    if ((await named.count()) > 0) return named.first();
    const inputs = frame.locator('input[value="Tazele"], input[value="Sonraki"]');
    if ((await inputs.count()) > 0) return inputs.first();
  }
  return null;
}

for (const fixture of fixtures.filter((f) => f.postback && f.expectScreen)) {
  test(`${fixture.path}: rows replaced by a postback get marked, old marks go`, async () => {
    const page = await openAndSettle(fixture.path);
    try {
      const button = await findPostbackButton(page);
      assert.ok(button, 'the fixture has no Tazele/Sonraki/data-test-postback button');
      const frame = await (await button.elementHandle()).ownerFrame();
      await frame.evaluate(() => {
        window.__e2eOldRecords = new Set(document.querySelectorAll('[data-expect-kind="record"]'));
        window.__e2eOldTexts = [...window.__e2eOldRecords].map((el) => el.textContent).join('\n');
      });
      await button.click();
      await waitForNoProblems(
        async () => {
          const problems = await pageProblems(page);
          const fresh = await frame
            .evaluate(() => {
              const now = [...document.querySelectorAll('[data-expect-kind="record"]')];
              const old = window.__e2eOldRecords;
              if (!old) return true; // the postback navigated: the whole document is new
              const changedText = now.map((el) => el.textContent).join('\n') !== window.__e2eOldTexts;
              return now.length > 0 && changedText && now.some((el) => !old.has(el));
            })
            .catch(() => false);
          if (!fresh) problems.push('no new record rows after the postback');
          return problems;
        },
        { timeout: 5000 },
      );
      const stale = await frame.evaluate(() => {
        const old = window.__e2eOldRecords;
        if (!old) return 0;
        return [...old].filter((el) => el.isConnected && !el.matches('[data-expect-kind="record"]') && el.hasAttribute('data-katip-status')).length;
      });
      assert.equal(stale, 0, 'old rows still on the page keep their marks');
    } finally {
      await page.close();
    }
  });
}

test('no request left the fake portal or the extension (privacy promise)', () => {
  assert.deepEqual(suite.browser.foreignRequests, []);
});
