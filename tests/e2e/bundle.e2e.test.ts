/**
 * What every web page pays for Clausewatch: the content script as built. It must stay small, and the
 * heavy parts (zod, Readability, the engine and its model) must never be in it; they run in the
 * background on a copy of the page. Reads the production builds `npm test` makes before this suite.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, ROOT } from './harness';

/** The line the README states: the content script, minified, and gzipped. */
const MAX_BYTES = 12 * 1024;
const MAX_GZIP = 5 * 1024;

const BUILDS = [CHROME_BUILD, join(ROOT, '.output/firefox-mv3')];

describe.each(BUILDS)('the content script in %s', (build) => {
  const dir = join(build, 'content-scripts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const code = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

  it(`is at most ${MAX_BYTES / 1024} KB, ${MAX_GZIP / 1024} KB gzipped`, () => {
    expect(files).toEqual(['content.js']);
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(MAX_BYTES);
    expect(gzipSync(code).length).toBeLessThanOrEqual(MAX_GZIP);
  });

  it('carries no zod, no Readability, no engine and no model', () => {
    for (const marker of ['ZodError', 'Readability', '_grabArticle', 'clausewatch-linear', 'statementClassifier', 'analyzeChange']) {
      expect(code, marker).not.toContain(marker);
    }
  });
});

describe.each(BUILDS)('the extension pages in %s', (build) => {
  // The popup, options and history pages load these; the background's own bundle is apart, and so is
  // Chrome's offscreen document, which parses captured pages (it runs the pipeline, Readability and all).
  const dir = join(build, 'chunks');
  const code = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !f.startsWith('offscreen-'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

  it('carry no Readability, page pipeline or model: the pages get their data from the background', () => {
    expect(code.length).toBeGreaterThan(1000);
    for (const marker of ['_grabArticle', 'clausewatch-linear', 'statementClassifier']) expect(code, marker).not.toContain(marker);
  });
});
