// A message the background did not take (the browser stopped the service worker in the middle of
// it) is sent again, so a long list is not lost; a report replaced by a newer one is not.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { tell } from '@/utils/content/context';
import { unpackFindingTexts } from '@/utils/page-report-parts';

const stopped = () => Promise.reject(new Error('The message port closed before a response was received.'));

describe('tell', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  test('not delivered twice, then delivered: sent three times and the background has it', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementationOnce(stopped).mockImplementationOnce(stopped).mockResolvedValueOnce({ ok: true } as never);
    await tell({ type: 'page-report' }, () => true, [0, 0, 0]);
    expect(send).toHaveBeenCalledTimes(3);
    expect(console.warn).not.toHaveBeenCalled();
  });

  test('a page report with no answer at all (the worker stopped while writing it) is sent again; other messages need no answer', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValueOnce(undefined as never).mockResolvedValueOnce({ ok: true } as never);
    await tell({ type: 'page-report' }, () => true, [0, 0]);
    expect(send).toHaveBeenCalledTimes(2);
    send.mockClear();
    send.mockResolvedValue(undefined as never);
    await tell({ type: 'selection' }, () => true, [0, 0]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('never delivered: gives up after the last wait, with a warning, and throws nothing', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(stopped);
    await expect(tell({ type: 'selection' }, () => true, [0, 0])).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(3);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  test('a newer report was sent meanwhile: the older one is not sent again', async () => {
    let newer = false;
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(() => {
      newer = true;
      return stopped();
    });
    await tell({ type: 'page-report' }, () => !newer, [0, 0, 0]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('a page report goes with each finding text once, and the background gets back the findings it was given', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const said = { tr: 'Tehlike sınıfı bilinmiyor', en: 'Hazard class unknown' };
    const findings = [0, 1, 2].map((recordIndex) => ({ ruleId: 'certificate-class', severity: 'error', result: 'needs-data', message: said, citation: 'm. 5', recordIndex }));
    const report = { type: 'page-report', screen: 'old-contracts', url: 'https://isgkatip.csgb.gov.tr/x', records: [], findings, scanMs: 1 };
    await tell(report, () => true, [0]);
    const sent = send.mock.calls[0]![0] as unknown as { texts: unknown[]; findings: { text: number; message?: unknown }[] };
    expect(sent.texts).toEqual([{ message: said, citation: 'm. 5' }]);
    expect(sent.findings.map((f) => [f.text, f.message])).toEqual([[0, undefined], [0, undefined], [0, undefined]]);
    expect(unpackFindingTexts(sent)).toEqual(report);
  });
});
