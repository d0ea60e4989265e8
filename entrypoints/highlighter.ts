/**
 * "Show on page": injected into the policy's tab by the background (utils/show-on-page.ts), which then
 * sends it the passage to highlight (utils/highlight.ts).
 */
import { answerOneHighlight } from '@/utils/highlight';

export default defineUnlistedScript(() => answerOneHighlight(document));
