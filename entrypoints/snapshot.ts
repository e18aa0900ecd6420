// "Bu sayfayı hata bildirimi için kaydet" (issue 7 §5): injected into the tab's top frame only when
// the user asks (components/tabSource.ts, scripting.executeScript), so the content script that runs
// on every portal page does not carry the snapshot code (issue 10). The value main returns is the
// script's result: the sanitised page (utils/page-data/snapshot.ts), frames inlined.
import { snapshotPage } from '@/utils/page-data/snapshot';

export default defineUnlistedScript(() => snapshotPage(document));
