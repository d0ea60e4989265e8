/**
 * The change engine as one function, for the cross-engine test (tests/e2e/engines.e2e.test.ts, scripts/check-engines.ts): the same code runs in
 * Node and, bundled, in a page of Chromium and of Firefox. Each case comes back as the analysis's JSON.
 */
import { analyzeChange } from '../../lib/core/engine';
import { documentFromMarkdown } from '../../lib/core/page/markdown';

export interface EngineCase {
  name: string;
  language: string;
  older: string;
  newer: string;
}

export function analyzeCases(cases: readonly EngineCase[]): string[] {
  const doc = (text: string, language: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language });
  return cases.map((c) => JSON.stringify(analyzeChange(doc(c.older, c.language), doc(c.newer, c.language))));
}

(globalThis as { clausewatchAnalyzeCases?: typeof analyzeCases }).clausewatchAnalyzeCases = analyzeCases;
