/**
 * Untrusted text must not break the pages' layout: a policy's address, title or section names can be one
 * long run with no space. The components are rendered as the pages render them, with the pages' own
 * theme.css, and laid out in Debian's Chromium (headless, through playwright-core, as the e2e suite and
 * the engine check drive it; .ci/run installs it before the tests): the page must not scroll sideways
 * (README: "no sideways scrolling (the options and history pages also at 480 px)"), and nothing may run
 * out of its column.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeAnalysis, Finding, PolicyDocument } from '@/lib/core/schema';
import type { PolicyView, TabState } from '@/lib/extension/views';
import { ComparisonView } from './ComparisonView';
import { HistoryTimeline, type HistoryPolicy } from './HistoryTimeline';
import { PopupView, type PopupActions } from './PopupView';
import { CandidateList } from './OptionsSections';
import { WordsProvider } from './words';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const css = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH.`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface Layout {
  /** How wide the page's content is: more than the window means it scrolls sideways. */
  scrollWidth: number;
  /** How far the right edge of `inner` lies past the right edge of `outer` (0 or less: inside). */
  overflow: number;
}

/** `node` rendered as a page of `width` px (with `bodyClass`, "popup" for the popup) and measured. */
async function layout(node: ReactNode, width: number, bodyClass = '', edges?: { inner: string; outer: string }): Promise<Layout> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  try {
    const html = renderToString(<WordsProvider locale="en">{node}</WordsProvider>);
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body class="${bodyClass}"><div id="root">${html}</div></body></html>`);
    return await page.evaluate((e) => {
      const right = (selector: string) => {
        const el = document.querySelector(selector);
        if (!el) throw new Error(`nothing matches ${selector}`);
        return el.getBoundingClientRect().right;
      };
      return { scrollWidth: document.documentElement.scrollWidth, overflow: e ? right(e.inner) - right(e.outer) : 0 };
    }, edges ?? null);
  } finally {
    await page.close();
  }
}

const NOW = Date.UTC(2026, 10, 20, 12);

/** The history page's two columns, the timeline of a policy at `url` on the left. */
function historyPage(url: string, title = 'Privacy Policy') {
  const policy: HistoryPolicy = { policyId: 'p', kind: 'privacy-policy', url, title, versions: [] };
  return (
    <main className="page">
      <h1>History of example.com</h1>
      <div className="two-col">
        <div className="stack">
          <HistoryTimeline policy={policy} selected={[]} onToggle={() => {}} chain={null} now={NOW} />
        </div>
        <div>
          <p className="muted comparison">Pick two versions of a policy to compare them.</p>
        </div>
      </div>
    </main>
  );
}

const ADDRESSES = [
  ['a Japanese path', 'https://example.jp/プライバシーポリシー/個人情報の取り扱いについて'],
  ['a path written in one long run', `https://example.com/legal/${'privacyandcookienotice'.repeat(6)}`],
  ['escapes that do not decode', `https://example.com/${'%FF'.repeat(80)}`],
] as const;

describe('the history page with a long policy address', () => {
  it.each(ADDRESSES)('at 480 px, %s does not scroll the page sideways', async (_what, url) => {
    expect((await layout(historyPage(url), 480)).scrollWidth).toBeLessThanOrEqual(480);
  });

  it.each(ADDRESSES)('at 1280 px, %s stays inside its column', async (_what, url) => {
    const r = await layout(historyPage(url), 1280, '', { inner: '.stack a', outer: '.stack' });
    expect(r.overflow).toBeLessThanOrEqual(0);
  });
});

/** Untrusted runs with no space: a title as long as the extractor keeps (300 characters), a section name, a company's name. */
const LONG_TITLE = 'PrivacyPolicyOfTheExampleCompany'.repeat(10).slice(0, 300);
const LONG_SECTION = 'HowWeShareYourPersonalInformation'.repeat(6);
const LONG_NAME = 'ExampleAdvertisingPartnersInternational'.repeat(4);

const NOTHING = { recipients: [], named: [], data: [], purposes: [] };
const SENTENCE = 'We share your data with advertisers.';
function analysis(section: string[], named: string[] = []): ChangeAnalysis {
  const gained = { ...NOTHING, recipients: ['advertisers'], named };
  const finding: Finding = {
    id: 'f', category: 'third-party-sharing', kind: 'expanded', severity: 'major', gained, attributes: gained, signals: [], section,
    evidence: [{ sentence: SENTENCE, spans: [{ op: 'insert', text: SENTENCE }], triggers: [] }],
  };
  return {
    schemaVersion: 2, counts: { major: 1, minor: 0, goodNews: 0, cosmetic: 0 }, findings: [finding],
    changes: [{ type: 'added', section, before: null, after: SENTENCE, spans: [] }], truncated: false,
  };
}

const actions: PopupActions = { onShowOnPage() {}, onMarkReviewed() {}, onWatch() {}, onUnwatch() {}, onOpenHistory() {}, onOpenOptions() {}, onDismissStorageProblem() {} };
/** The popup (its page and body as popup.html has them) on a change of a policy with `title`. */
function popup(title: string, change: ChangeAnalysis) {
  const policy: PolicyView = {
    policyId: 'p', kind: 'privacy-policy', url: 'https://example.com/privacy', title, firstSeen: NOW - 90 * 86_400_000, versionCount: 2,
    latest: { versionId: 'v2', firstSeen: NOW, lastSeen: NOW, statedDate: null, reviewed: false, analysis: change }, language: 'en', olderLanguage: 'en', statements: [],
  };
  const state: TabState = { tabId: 1, url: policy.url, site: 'example.com', watched: true, watchedSince: policy.firstSeen, watchJoined: false, checks: { paused: false, failed: null }, policies: [policy], storageProblem: null };
  return (
    <div className="popup-page">
      <PopupView state={state} now={NOW} actions={actions} historyHref="#" />
    </div>
  );
}

describe('the popup (380 px) with long untrusted words', () => {
  it.each([
    ['a 300-character title', popup(LONG_TITLE, analysis(['Sharing']))],
    ['a long section name', popup('Privacy Policy', analysis([LONG_SECTION, 'Partners']))],
    ['a long company name in the headline and summary', popup('Privacy Policy', analysis(['Sharing'], [LONG_NAME]))],
  ])('%s does not widen it', async (_what, node) => {
    expect((await layout(node, 380, 'popup')).scrollWidth).toBeLessThanOrEqual(380);
  });
});

describe('the history page with long untrusted words', () => {
  it('at 480 px, a 300-character title does not scroll the page sideways', async () => {
    expect((await layout(historyPage('https://example.com/privacy', LONG_TITLE), 480)).scrollWidth).toBeLessThanOrEqual(480);
  });

  it.each(['inline', 'side-by-side'] as const)('a comparison (%s) of a change in a long section stays inside an 800 px page', async (mode) => {
    const doc = (blocks: string[]): PolicyDocument => ({
      url: 'https://example.com/privacy', title: 'Privacy Policy', language: 'en', statedDate: null,
      blocks: [{ kind: 'heading', text: LONG_SECTION, section: [], level: 2 }, ...blocks.map((text) => ({ kind: 'paragraph' as const, text, section: [LONG_SECTION] }))],
      extraction: { method: 'readability', words: 10, notes: [] },
    });
    const node = (
      <main className="page">
        <ComparisonView
          comparison={{ older: { versionId: 'a', firstSeen: NOW - 86_400_000, document: doc([]) }, newer: { versionId: 'b', firstSeen: NOW, document: doc([SENTENCE]) }, analysis: analysis([LONG_SECTION]) }}
          mode={mode}
          onModeChange={() => {}}
          onCopyMarkdown={() => {}}
          status=""
        />
      </main>
    );
    expect((await layout(node, 800)).scrollWidth).toBeLessThanOrEqual(800);
  });
});

describe('the options page with addresses in other scripts', () => {
  // A lookup's addresses as the browser encodes them: a Japanese or Russian path is a long run of %XX.
  const japanese = `https://example.jp/${encodeURIComponent('プライバシーポリシー')}`;
  const russian = `https://example.ru/${encodeURIComponent('политика-конфиденциальности-и-обработки-персональных-данных')}`;

  it('at 480 px, the addresses offered to watch wrap instead of widening the page, and read as a person writes them', async () => {
    const found = { site: 'example.jp', candidates: [{ url: japanese, why: { code: 'path' as const } }, { url: russian, why: { code: 'usual' as const } }] };
    const node = <CandidateList found={found} radioName="candidate" chosen={null} onChoose={() => {}} />;
    expect((await layout(node, 480)).scrollWidth).toBeLessThanOrEqual(480);
    expect(renderToString(<WordsProvider locale="en">{node}</WordsProvider>)).toContain('プライバシーポリシー');
  });

  it('at 480 px, a status line naming such an address wraps', async () => {
    const node = (
      <p className="status-line" role="status">
        {`Now watching ${russian}`}
      </p>
    );
    expect((await layout(node, 480)).scrollWidth).toBeLessThanOrEqual(480);
  });
});
