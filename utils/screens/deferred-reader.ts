// A screen reader whose making is put off until a check first asks it something: a form reader's
// label matcher (compileFields folds every label of its spec) is then compiled after the page's load
// event, not while the content script is injected (utils/lazy.ts).
import type { ScreenId, ScreenReader } from '@/utils/record-types';
import { lazy } from '@/utils/lazy';

/** `make()`'s reader, made on the first detect or read; `id` and `blindToLargeGrids` are known before. */
export function deferredReader(
  known: { id: ScreenId; blindToLargeGrids?: boolean },
  make: () => ScreenReader,
): ScreenReader {
  const reader = lazy(make);
  return {
    ...known,
    detect: (root) => reader().detect(root),
    read: (root) => reader().read(root),
  };
}
