// The background's answers to the content script: a result, or an error in both languages;
// a failed write is retried once, then logged with its context and reported, never silent.

export interface ErrorReply {
  ok: false;
  error: { tr: string; en: string };
}

export function errorReply(tr: string, en: string): ErrorReply {
  return { ok: false, error: { tr, en } };
}

/**
 * Runs a database write; when it fails, runs it once more; when that fails too, logs the error
 * with `context` (what, screen, tab, url) and returns an error reply.
 */
export async function withRetry<T>(
  what: string,
  context: Record<string, unknown>,
  write: () => Promise<T>,
  log: (message: string, details: Record<string, unknown>) => void = (message, details) => console.error(message, details),
): Promise<{ ok: true; value: T } | ErrorReply> {
  let firstError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return { ok: true, value: await write() };
    } catch (error) {
      if (attempt === 1) {
        firstError = error;
        continue;
      }
      const detail = describe(error);
      log(`[KATİP Asistanı] ${what} failed twice`, { ...context, error: detail, firstError: describe(firstError) });
      return errorReply(
        `Yerel kayıt yazılamadı (${what}): ${detail}. Sayfayı yenileyip yeniden deneyin.`,
        `The local record could not be written (${what}): ${detail}. Reload the page and try again.`,
      );
    }
  }
  /* c8 ignore next */
  return errorReply('Beklenmeyen durum.', 'Unexpected state.');
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
