// Asks the background, in ONE message per scan, for what the rules need beyond the page: for every
// workplace the page names its profile, the mirror's facts and known assignments; the selected
// workplace and grid row; the settings. Time-boxed: without an answer in time (no background yet,
// the worker asleep or busy, the extension reloading) the page alone is judged, never nothing.
import { browser } from 'wxt/browser';
import type { ContextAnswer, ContextRequest, ContextResponse, PageReport, WorkplaceContext } from '../messages';
import { packFindingTexts } from '../page-report-parts';
import type { WorkplaceFacts } from '../records';
import { contextAnswer } from './validate';

export const MAX_CONTEXT_WORKPLACES = 200;
/** How long a scan waits for the background at most before the page alone is judged. */
export const CONTEXT_TIMEOUT_MS = 1500;

export const EMPTY_ANSWER: ContextAnswer = {
  disabledRules: [],
  language: 'tr',
  showPassing: false,
  confirmBeforeSave: false,
  base: { assignments: [] },
  workplaces: [],
};

export const EMPTY_CONTEXT: ContextResponse = { assignments: [], disabledRules: [], language: 'tr' };

/** Answers one batched context request (the scanner's dependency; tests pass their own). */
export type AskContext = (workplaces: WorkplaceFacts[]) => Promise<ContextAnswer | undefined>;

/** The context of one workplace as the rules see it: its facts with the answer's settings and selection. */
export function contextFor(answer: ContextAnswer, workplace: WorkplaceContext): ContextResponse {
  const out: ContextResponse = {
    ...workplace,
    disabledRules: answer.disabledRules,
    language: answer.language,
    showPassing: answer.showPassing,
    confirmBeforeSave: answer.confirmBeforeSave,
  };
  if (answer.selectedWorkplace) out.selectedWorkplace = answer.selectedWorkplace;
  if (answer.selectedAssignment) out.selectedAssignment = answer.selectedAssignment;
  return out;
}

/** The real request: one runtime message, checked by hand; undefined when there is no usable answer. */
export const requestContext: AskContext = async (workplaces) => {
  const asked = workplaces.slice(0, MAX_CONTEXT_WORKPLACES);
  const message: ContextRequest = { type: 'get-context', workplaces: asked };
  try {
    const answer = contextAnswer(await browser.runtime.sendMessage(message), asked.length);
    if (!answer) console.warn('[katip] context answer refused; judging the page alone');
    return answer;
  } catch (err) {
    console.warn('[katip] no context from the background; judging the page alone', err);
    return undefined;
  }
};

/** `promise`, or undefined once `ms` have passed. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/**
 * Waits before a message the background did not take is sent again: the browser may have stopped
 * the service worker in the middle of it (MV3 stops an idle or busy worker at will), and the next
 * message starts a new one. Every message may come twice: the same report writes nothing more.
 */
export const RESEND_AFTER_MS: readonly number[] = [250, 1000, 3000, 10_000];

/**
 * Sends a message; when it is not delivered (no receiver yet, the worker stopped while handling
 * it), sends it again after RESEND_AFTER_MS while `wanted()` (a newer report replaces an older
 * one) and the extension is still there (an orphan has no one to tell); then gives up quietly.
 */
export async function tell(message: unknown, wanted: () => boolean = () => true, resendAfter: readonly number[] = RESEND_AFTER_MS): Promise<void> {
  // the background answers every page report ({ ok }); no answer at all means the worker stopped before it did
  const answered = (message as { type?: unknown } | null)?.type === 'page-report';
  // a report's findings travel with their texts once (utils/page-report-parts.ts): a third of the copying
  const sent = answered && Array.isArray((message as PageReport).findings) ? packFindingTexts(message as PageReport) : message;
  for (let attempt = 0; ; attempt++) {
    try {
      const reply: unknown = await browser.runtime.sendMessage(sent);
      if (answered && reply === undefined) throw new Error('no answer from the background');
      return;
    } catch (err) {
      if (attempt >= resendAfter.length || !browser.runtime?.id || !wanted()) {
        console.warn('[katip] message not delivered', err);
        return;
      }
      await new Promise((ok) => setTimeout(ok, resendAfter[attempt]));
      if (!wanted()) return;
    }
  }
}
