/**
 * Running the change engine in the browsers' own JavaScript engines: the engine bundled for a page
 * (esbuild, from scripts/lib/engine-cases.ts), and each case analysed in a blank page of Debian's
 * Chromium (V8, through playwright-core) or Firefox ESR (SpiderMonkey, through puppeteer-core over
 * WebDriver BiDi). Used by scripts/check-engines.ts (the development pairs) and tests/e2e/engines.e2e.test.ts
 * (our own fixtures).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { analyzeCases, EngineCase } from './engine-cases';

const ROOT = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The engine as a script for a page: it defines globalThis.clausewatchAnalyzeCases. */
export async function bundleEngine(): Promise<string> {
  const out = await build({ entryPoints: [join(ROOT, 'scripts', 'lib', 'engine-cases.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no bundle of the engine');
  return code;
}

type Analyze = typeof analyzeCases;
const inPage = (cases: readonly EngineCase[]) => (globalThis as unknown as { clausewatchAnalyzeCases: Analyze }).clausewatchAnalyzeCases(cases);

/** What both drivers' pages offer (playwright-core's and puppeteer-core's Page alike). */
interface BlankPage {
  setContent(html: string): Promise<unknown>;
  addScriptTag(options: { content: string }): Promise<unknown>;
  evaluate(fn: typeof inPage, cases: readonly EngineCase[]): Promise<string[]>;
}

/** The cases analysed by the bundled engine in a blank page. */
async function analyseInPage(page: BlankPage, code: string, cases: readonly EngineCase[]): Promise<string[]> {
  await page.setContent('<!doctype html><title>engine</title>');
  await page.addScriptTag({ content: code });
  return page.evaluate(inPage, cases);
}

/** Each case's analysis (JSON), computed in a blank page of Chromium. */
export async function inChromium(code: string, cases: readonly EngineCase[]): Promise<string[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    return await analyseInPage(await browser.newPage(), code, cases);
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Each case's analysis (JSON), computed in a blank page of Firefox. */
export async function inFirefox(code: string, cases: readonly EngineCase[]): Promise<string[]> {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: install Debian's firefox-esr (apt-get install firefox-esr).`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false } });
  try {
    return await analyseInPage(await browser.newPage(), code, cases);
  } finally {
    await browser.close().catch(() => {});
  }
}
