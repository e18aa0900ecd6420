// `node tests/bench/mark-layout.mjs [rows] [marked]`: what marks cost the browser on a generated contracts
// page without the extension: `marked` rows (default all) get a marker element (inline-block, absolute,
// zero-size), a cell attribute with a background icon (light mark), or only a row attribute; prints
// [DOM write, forced layout, next frame] ms per repetition. A measuring tool, not a test.
import { PORTAL_ORIGIN, launchBrowser, startPortal } from '../e2e/harness.mjs';
import { oldContractsPage } from '../e2e/harness-pages.mjs';
const rows = Number(process.argv[2] ?? 2000);
const portal = await startPortal({ extraPages: { [`bench/c-${rows}.html`]: oldContractsPage(rows) } });
const browser = await launchBrowser({ port: portal.port, extension: false });
const N = Number(process.argv[3] ?? 1e9);
const variants = {
  inlineblock: `display:inline-block;width:16px;height:16px;margin-left:4px;vertical-align:-3px;background:red;border-radius:50%`,
  abs: `position:absolute;width:16px;height:16px;margin-left:4px;background:red;border-radius:50%`,
  zero: `display:inline-block;width:0;height:0;position:relative`,
  none: null,
  bgcell: 'BG',
};
for (const [name, css] of Object.entries(variants)) {
  const res = [];
  for (let rep = 0; rep < 3; rep++) {
    const page = await browser.context.newPage();
    await page.goto(`${PORTAL_ORIGIN}/bench/c-${rows}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    res.push(await page.evaluate(async ([css, N]) => {
      const st = document.createElement('style'); st.textContent = '[data-k=e]{outline:2px solid red;outline-offset:-2px;background:url("data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%227%22 fill=%22red%22/%3E%3C/svg%3E") no-repeat right 2px center/14px 14px}'; document.head.append(st);
      document.body.offsetHeight;
      const t0 = performance.now();
      const trs = document.querySelectorAll('tbody tr');
      let k = 0; for (const tr of trs) { if (k++ >= N) { tr.setAttribute('data-katip-status', 'unknown'); continue; }
        tr.setAttribute('data-katip-status', 'unknown');
        if (css === 'BG') { tr.firstElementChild.setAttribute('data-k', 'e'); } else if (css !== null) { const s = document.createElement('span'); s.setAttribute('style', css); tr.firstElementChild.append(s); }
      }
      const t1 = performance.now();
      document.body.offsetHeight;
      const t2 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t3 = performance.now();
      return [Math.round(t1 - t0), Math.round(t2 - t1), Math.round(t3 - t2)];
    }, [css, N]));
    await page.close();
  }
  console.log(name.padEnd(12), JSON.stringify(res), '[dom, layout, frame]');
}
await browser.close(); await portal.close();
