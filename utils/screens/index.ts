// Registry of the portal screens the extension reads (PAGE-CONTRACT.md, "On the document").
import type { ScreenReader } from '@/utils/record-types';
import { runSteps } from '@/utils/steps';
import { newContractFormScreen } from './new-contract-form';
import { newContractsReader } from './new-contracts';
import { oldApprovalScreen } from './old-approval';
import { oldContractsReader } from './old-contracts';
import { oldWorkplaceSelectReader } from './old-workplace-select';
import { publicInstitutionsReader } from './public-institutions';

/** Every screen reader, forms first: a form page may also show a grid (the old approval page). */
export const SCREENS: ScreenReader[] = [
  oldApprovalScreen,
  newContractFormScreen,
  oldContractsReader,
  newContractsReader,
  publicInstitutionsReader,
  oldWorkplaceSelectReader,
];

/** The screen `root` shows, or undefined when it is none of the known screens. */
export function detectScreen(root: ParentNode): ScreenReader | undefined {
  return runSteps(detectScreenSteps(root));
}

/**
 * detectScreen as steps: a pause is allowed between two screens' checks, so the first check of a
 * page (cold code, every reader tried) is no single long task.
 */
export function* detectScreenSteps(root: ParentNode, { skipBlind = false } = {}): Generator<void, ScreenReader | undefined, void> {
  for (const screen of SCREENS) {
    // the caller knows nothing changed where these readers look (outside the large grids)
    if (skipBlind && screen.blindToLargeGrids) continue;
    try {
      if (screen.detect(root)) return screen;
    } catch {
      // a reader that trips over odd markup must not hide the others
    }
    yield;
  }
  return undefined;
}

export { oldContractsReader, newContractsReader, publicInstitutionsReader, oldWorkplaceSelectReader };
