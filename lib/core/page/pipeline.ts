/**
 * The page pipeline: gate, then detection, then extraction for policies. Each stage is also exported
 * on its own so the content script can yield to the page between them; `processPage` runs them in a
 * row for the evals, the CLI and tests. Never throws, never modifies the document.
 */
import type { Detection } from '../schema';
import { gateDocument } from './detect/gate';
import { detectPolicy, readDetectionText } from './detect/detect';
import { extractPolicy, type ExtractResult } from './extract/extract';

export type PageOutcome =
  | { stage: 'gate'; pass: false; reason: string }
  | { stage: 'detect'; detection: Detection; reason: string }
  | { stage: 'extract'; detection: Detection; result: ExtractResult };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function processPage(doc: Document, url: string, options: { skipGate?: boolean } = {}): PageOutcome {
  if (!options.skipGate) {
    try {
      const g = gateDocument(doc, url).verdict;
      if (!g.pass) return { stage: 'gate', pass: false, reason: g.reason };
    } catch (e) {
      return { stage: 'gate', pass: false, reason: `gate failed: ${message(e)}` };
    }
  }
  let detection: Detection;
  // Detection reads the body's text; extraction reuses that read for its size check and date scan.
  let pageText: ReturnType<typeof readDetectionText> | undefined;
  try {
    pageText = readDetectionText(doc);
    detection = detectPolicy(doc, url, { pageText });
  } catch (e) {
    return {
      stage: 'detect',
      detection: { kind: 'other', confidence: 0, language: 'und', reasons: [`detection failed: ${message(e)}`] },
      reason: `detection failed: ${message(e)}`,
    };
  }
  if (detection.kind === 'other') return { stage: 'detect', detection, reason: 'not a privacy policy' };
  const result = extractPolicy(doc, url, { pageText });
  return { stage: 'extract', detection, result };
}
