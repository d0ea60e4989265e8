/**
 * Work that needs a DOM but no visible tab: a fetched page parsed and run through the same pipeline
 * as a visited page, or searched for its policy link. Runs wherever a `DOMParser` exists (Firefox's
 * event page, Chrome's offscreen document, jsdom in tests); the caller passes the parser in.
 */
import { z } from 'zod';
import { FailureCode } from '../check-failure';
import { failureText } from '../explain/failure-text';
import { discoverPolicyLinks, Why, type Candidate } from './discover';
import { attributesOver, estimatePageSize } from './markup-size';
import { processPage } from './pipeline';
import { Detection, PolicyDocument } from '../schema';

export const DomTask = z.discriminatedUnion('task', [
  z.object({ task: z.literal('process'), html: z.string(), url: z.string() }),
  z.object({ task: z.literal('discover'), html: z.string(), url: z.string() }),
]);
export type DomTask = z.infer<typeof DomTask>;

/**
 * Why a page was not read for its markup, as a code and its numbers (ui.failure words it): a tag with more
 * attributes than ATTRIBUTE_LIMITS allow, too many in the page, or a tree past READABILITY_LIMITS.
 */
export const PageRefusal = z.object({ code: FailureCode.extract(['attributes-in-tag', 'attributes', 'too-nested']), n: z.number().optional(), m: z.number().optional() });
export type PageRefusal = z.infer<typeof PageRefusal>;

export const DomTaskResult = z.union([
  z.object({ task: z.literal('process'), outcome: z.literal('policy'), detection: Detection, document: PolicyDocument }),
  z.object({ task: z.literal('process'), outcome: z.enum(['not-policy', 'failed']), detection: Detection.nullable(), reason: z.string(), refusal: PageRefusal.optional() }),
  z.object({ task: z.literal('discover'), candidates: z.array(z.object({ url: z.string(), why: Why, score: z.number() })) }),
]);
export type DomTaskResult = z.infer<typeof DomTaskResult>;

export type ParseHtml = (html: string) => Document;

export function runDomTask(task: DomTask, parse: ParseHtml, sameSite: (a: URL, b: URL) => boolean): DomTaskResult {
  // Counted before any parser sees the page: Firefox's DOMParser takes quadratic time over one tag's
  // attributes (a tag of 400,000 held a background check for 45 s), and copies of formatting elements left
  // open can multiply what is written a thousandfold (markup-size.ts).
  // (A look stopped at its bound of steps is a page nested past reading.)
  const estimate = estimatePageSize(task.html);
  const refusal: PageRefusal | null = estimate.overWork ? { code: 'too-nested' } : attributesOver(estimate);
  if (refusal) {
    if (task.task === 'discover') return { task: 'discover', candidates: [] };
    return { task: 'process', outcome: 'failed', detection: null, reason: failureText(refusal), refusal };
  }
  let doc: Document;
  try {
    doc = parse(task.html);
  } catch (error) {
    if (task.task === 'discover') return { task: 'discover', candidates: [] };
    return { task: 'process', outcome: 'failed', detection: null, reason: `the page could not be parsed: ${String(error)}` };
  }
  if (task.task === 'discover') {
    const candidates: Candidate[] = discoverPolicyLinks(doc, task.url, sameSite);
    return { task: 'discover', candidates };
  }
  const outcome = processPage(doc, task.url, { skipGate: true });
  if (outcome.stage === 'gate') return { task: 'process', outcome: 'not-policy', detection: null, reason: outcome.reason };
  if (outcome.stage === 'detect') return { task: 'process', outcome: 'not-policy', detection: outcome.detection, reason: outcome.reason };
  if (!outcome.result.ok) {
    const refusal = outcome.result.tooNested ? { refusal: { code: 'too-nested' as const } } : {};
    return { task: 'process', outcome: 'failed', detection: outcome.detection, reason: outcome.result.reason, ...refusal };
  }
  return { task: 'process', outcome: 'policy', detection: outcome.detection, document: outcome.result.document };
}
