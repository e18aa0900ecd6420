// Asks the background for what the rules need beyond the page: the workplace profile, the mirror's
// known assignments, the selection made on an earlier screen, the rule switches and the language.
// Without an answer (no background yet, extension reloading) the page alone is judged.
import { browser } from 'wxt/browser';
import { ContextResponseSchema, type ContextResponse } from '../messages';
import type { WorkplaceFacts } from '../records';

export const EMPTY_CONTEXT: ContextResponse = { assignments: [], disabledRules: [], language: 'tr' };

export async function requestContext(workplace: WorkplaceFacts | undefined): Promise<ContextResponse> {
  try {
    const answer = await browser.runtime.sendMessage({ type: 'get-context', workplace });
    const parsed = ContextResponseSchema.safeParse(answer);
    if (parsed.success) return parsed.data;
    console.warn('[katip] context answer refused', parsed.error.issues.slice(0, 3));
  } catch (err) {
    console.warn('[katip] no context from the background; judging the page alone', err);
  }
  return EMPTY_CONTEXT;
}

/** Sends a message and ignores a missing receiver (the background may be restarting). */
export async function tell(message: unknown): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch (err) {
    console.warn('[katip] message not delivered', err);
  }
}
