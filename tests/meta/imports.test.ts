/**
 * The direction of imports is enforced by lint (eslint.config.js); this proves the rules bite, by linting
 * small files as if they sat in each layer.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const CORE = /lib\/core is the pure core/;
const HISTORY = /lib\/history imports lib\/core only/;
const EXTENSION = /lib\/extension imports lib\/core and lib\/history only/;
const COMPONENTS = /Components render what they are given/;
const CLI = /The CLI runs the core/;
const BROWSER = /No browser extension API/;
const LANG = /lib\/core\/lang is data at the bottom of the core/;
const PAGES = /A page asks the background for its data/;

describe('import direction', () => {
  it.each([
    // lib/core: nothing outside lib/core, no browser API
    ['lib/core/engine/probe.ts', "import { openPolicyStore } from '../../history';\nexport const x = openPolicyStore;\n", CORE],
    // lib/core/lang: word lists, importing nothing outside their folder, not even the rest of the core
    ['lib/core/lang/probe.ts', "import { foldText } from '../text/normalize';\nexport const x = foldText;\n", LANG],
    // pages: from the background, never the store itself
    ['pages/popup/Probe.tsx', "import { openPolicyStore } from '@/lib/history';\nexport const x = openPolicyStore;\n", PAGES],
    ['pages/options/probe.ts', "import { main } from '../../entrypoints/background';\nexport const x = main;\n", PAGES],
    ['components/Probe.tsx', "import { App } from '../pages/popup/App';\nexport const x = App;\n", COMPONENTS],
    ['lib/core/lang/probe.ts', "import { HEADS } from '@/lib/core/engine/model/heads';\nexport const x = HEADS;\n", LANG],
    ['lib/core/page/probe.ts', "import { verifyWarc } from '@/lib/history/evidence/verify';\nexport const x = verifyWarc;\n", CORE],
    ['lib/core/explain/probe.ts', "import { badgeFor } from '../../extension/badge';\nexport const x = badgeFor;\n", CORE],
    ['lib/core/probe.ts', "import { sendMessage } from '@/utils/send';\nexport const x = sendMessage;\n", CORE],
    ['lib/core/text/probe.ts', "import { useWords } from '../../../components/words';\nexport const x = useWords;\n", CORE],
    ['lib/core/probe.ts', "import { main } from '../../entrypoints/background';\nexport const x = main;\n", CORE],
    ['lib/core/page/detect/probe.ts', "import { loadHtml } from '@/cli/dom';\nexport const x = loadHtml;\n", CORE],
    ['lib/core/page/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", BROWSER],
    // lib/history: lib/core only
    ['lib/history/probe.ts', "import { badgeFor } from '../extension/badge';\nexport const x = badgeFor;\n", HISTORY],
    ['lib/history/evidence/probe.ts', "import { views } from '@/lib/extension/views';\nexport const x = views;\n", HISTORY],
    ['lib/history/probe.ts', "import { useWords } from '../../components/words';\nexport const x = useWords;\n", HISTORY],
    ['lib/history/probe.ts', "import { sendMessage } from '@/utils/send';\nexport const x = sendMessage;\n", HISTORY],
    ['lib/history/probe.ts', "import { main } from '@/entrypoints/background';\nexport const x = main;\n", HISTORY],
    ['lib/history/probe.ts', "import { loadHtml } from '../../cli/dom';\nexport const x = loadHtml;\n", HISTORY],
    ['lib/history/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", BROWSER],
    // lib/extension: lib/core and lib/history only
    ['lib/extension/probe.ts', "import { sendMessage } from '../../utils/send';\nexport const x = sendMessage;\n", EXTENSION],
    ['lib/extension/probe.ts', "import { useWords } from '@/components/words';\nexport const x = useWords;\n", EXTENSION],
    ['lib/extension/probe.ts', "import { main } from '../../entrypoints/background';\nexport const x = main;\n", EXTENSION],
    ['lib/extension/probe.ts', "import { loadHtml } from '@/cli/dom';\nexport const x = loadHtml;\n", EXTENSION],
    ['lib/extension/badge-probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", BROWSER],
    // components: not utils, entrypoints, cli, lib/history
    ['components/Probe.tsx', "import { sendMessage } from '@/utils/send';\nexport const x = sendMessage;\n", COMPONENTS],
    ['components/Probe.tsx', "import { main } from '../entrypoints/background';\nexport const x = main;\n", COMPONENTS],
    ['components/Probe.tsx', "import { loadHtml } from '../cli/dom';\nexport const x = loadHtml;\n", COMPONENTS],
    ['components/Probe.tsx', "import { openPolicyStore } from '@/lib/history';\nexport const x = openPolicyStore;\n", COMPONENTS],
    ['components/probe.ts', "import { verifyWarc } from '../lib/history/evidence/verify';\nexport const x = verifyWarc;\n", COMPONENTS],
    // cli: not utils, components, entrypoints, lib/extension
    ['cli/probe.ts', "import { createBadges } from '../utils/badges';\nexport const x = createBadges;\n", CLI],
    ['cli/probe.ts', "import { useWords } from '@/components/words';\nexport const x = useWords;\n", CLI],
    ['cli/probe.ts', "import { main } from '../entrypoints/background';\nexport const x = main;\n", CLI],
    ['cli/probe.ts', "import { badgeFor } from '../lib/extension/badge';\nexport const x = badgeFor;\n", CLI],
    ['cli/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", BROWSER],
  ])('%s may not import that (%#)', async (file, code, message) => {
    const found = await restricted(file, code);
    expect(found.join('\n')).toMatch(message);
  });

  it.each([
    ['lib/core/page/probe.ts', "import { analyzeChange } from '../engine';\nexport const x = analyzeChange;\n"],
    ['lib/core/lang/probe.ts', "import type { Language } from './index';\nexport type X = Language;\n"],
    ['pages/options/probe.ts', "import { sendMessage } from '@/utils/send';\nimport { browser } from 'wxt/browser';\nexport const x = [sendMessage, browser];\n"],
    ['lib/core/engine/probe.ts', "import { normalize } from '@/lib/core/text/normalize';\nexport const x = normalize;\n"],
    ['lib/history/probe.ts', "import { analyzeChange } from '../core/engine';\nexport const x = analyzeChange;\n"],
    ['lib/history/probe.ts', "import { verifyWarc } from './evidence/verify';\nexport const x = verifyWarc;\n"],
    ['lib/extension/probe.ts', "import { openPolicyStore } from '../history';\nexport const x = openPolicyStore;\n"],
    ['lib/extension/probe.ts', "import { explainer } from '@/lib/core/explain';\nexport const x = explainer;\n"],
    ['components/Probe.tsx', "import { pendingChange } from '@/lib/core/review';\nexport const x = pendingChange;\n"],
    ['components/Probe.tsx', "import type { PopupView } from '../lib/extension/views';\nexport type X = PopupView;\n"],
    ['utils/probe.ts', "import { openPolicyStore } from '@/lib/history';\nexport const x = openPolicyStore;\n"],
    ['cli/probe.ts', "import { explainer } from '../lib/core/explain';\nexport const x = explainer;\n"],
    ['cli/probe.ts', "import { verifyWarc } from '../lib/history/evidence/verify';\nexport const x = verifyWarc;\n"],
  ])('%s may import that (downwards, %#)', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

/** The messages of the rules that keep lib/core pure: no browser global, no clock, no randomness. */
async function impure(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => ['no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax'].includes(m.ruleId ?? '')).map((m) => m.message);
}

const NOT_AN_ARGUMENT = /what it needs comes as an argument/;
const NO_CLOCK = /reads no clock and no randomness/;

describe('the pure core reads no browser global, clock or randomness', () => {
  it.each([
    ["export const x = () => navigator.language;\n", NOT_AN_ARGUMENT],
    ["export const x = () => new DOMParser();\n", NOT_AN_ARGUMENT],
    ["export const x = () => fetch('https://example.com/privacy');\n", NOT_AN_ARGUMENT],
    ["export const x = () => location.href;\n", NOT_AN_ARGUMENT],
    ["export const x = () => performance.now();\n", NO_CLOCK],
    ["export const x = () => Date.now();\n", NO_CLOCK],
    ["export const x = () => new Date();\n", NO_CLOCK],
    ["export const x = () => Math.random();\n", NO_CLOCK],
    ["export const x = (f: () => void) => setTimeout(f, 200);\n", NO_CLOCK],
    ["export const x = () => crypto.randomUUID();\n", NO_CLOCK],
  ])('lib/core/engine may not: %s', async (code, message) => {
    expect((await impure('lib/core/engine/probe.ts', code)).join('\n')).toMatch(message);
  });

  it('leaves a date read from the text, a passed-in clock and a local named like a global alone', async () => {
    const code = "export const x = (iso: string, now: () => number, location: string) => [new Date(iso).getTime(), now(), location.length];\n";
    expect(await impure('lib/core/text/probe.ts', code)).toEqual([]);
  });

  it('binds the core only: the extension\'s features and the command line may read the clock', async () => {
    for (const file of ['utils/probe.ts', 'cli/probe.ts']) expect(await impure(file, 'export const x = () => [Date.now(), performance.now(), navigator.language];\n')).toEqual([]);
  });

  it('keeps lib/history from the browser\'s globals too (its IndexedDB is passed in)', async () => {
    expect((await impure('lib/history/probe.ts', 'export const x = () => indexedDB.open("x");\n')).length).toBe(1);
  });
});
