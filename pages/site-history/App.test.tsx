// @vitest-environment jsdom
/**
 * The history page opened on one version (`?site=S&version=V`): that version against the one before it.
 * When storage ran out and that version was removed to free space (or an imported history replaced it),
 * the page compares the latest change instead, and says first that the version linked is no longer stored,
 * so the reader is not shown another change as the one linked. A policy's first version has none before
 * it: it is picked alone, for the reader to pick what to compare it with.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainer } from '@/lib/core/explain';
import type { ChangeAnalysis, PolicyDocument } from '@/lib/core/schema';
import type { Comparison, HistoryView } from '@/lib/extension/views';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DAY = 86_400_000;
const version = (versionId: string, firstSeen: number) => ({ versionId, firstSeen, lastSeen: firstSeen, contentHash: versionId.padEnd(64, '0'), statedDate: null, reviewed: true, digest: null, major: 0, extractorVersion: 4, reextractedFrom: null });
/** Three versions kept; a fourth, between p2 and p3, was removed to free space. */
const VIEW: HistoryView = {
  site: 'example.com',
  policies: [{ policyId: 'privacy', kind: 'privacy-policy', url: 'https://example.com/privacy', title: 'Privacy', versions: [version('p1', DAY), version('p2', 2 * DAY), version('p3', 4 * DAY)] }],
};
const document_: PolicyDocument = { url: 'https://example.com/privacy', title: 'Privacy', language: 'en', statedDate: null, blocks: [{ kind: 'paragraph', text: 'We keep your data.', section: [] }], extraction: { method: 'readability', words: 4, notes: [] } };
const SAME: ChangeAnalysis = { schemaVersion: 2, counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 0 }, findings: [], changes: [], truncated: false };
let view = VIEW;

const compared: Array<{ olderId: string; newerId: string }> = [];
/** How many of the next comparisons fail (the background's worker stopped mid-request). */
let failingComparisons = 0;
vi.mock('@/utils/send', () => ({
  sendMessage: vi.fn(async (type: string, data: { olderId: string; newerId: string }): Promise<unknown> => {
    if (type === 'getHistory') return view;
    if (type === 'verifySite') return [];
    if (type === 'compareVersions') {
      compared.push(data);
      if (failingComparisons > 0 && failingComparisons--) throw new Error('No answer to "compareVersions"');
      const at = (id: string) => view.policies[0]!.versions.find((v) => v.versionId === id)!.firstSeen;
      return { older: { versionId: data.olderId, firstSeen: at(data.olderId), document: document_ }, newer: { versionId: data.newerId, firstSeen: at(data.newerId), document: document_ }, analysis: SAME } satisfies Comparison;
    }
    throw new Error(`unexpected ${type}`);
  }),
}));

/** The page opened at `search`, in `locale`, its first answers in. */
async function opened(search: string, locale = 'en') {
  history.replaceState(null, '', `/site-history.html${search}`);
  // The page reads its address when it loads.
  vi.resetModules();
  const { App } = await import('./App');
  const { WordsProvider } = await import('@/components/words');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(<WordsProvider locale={locale}><App /></WordsProvider>));
  for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  return { host, unmount: () => act(async () => root.unmount()) };
}

const alerts = (host: HTMLElement) => [...host.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
const checked = (host: HTMLElement) => [...host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((c) => c.checked).map((c) => c.id.slice(c.id.lastIndexOf('-') + 1));

afterEach(() => {
  compared.length = 0;
  failingComparisons = 0;
  view = VIEW;
  document.body.replaceChildren();
});

describe('the history page opened on a version', () => {
  it('compares that version with the one before it, and says nothing more', async () => {
    const { host, unmount } = await opened('?site=example.com&version=p2');
    expect(compared).toEqual([{ olderId: 'p1', newerId: 'p2' }]);
    expect(checked(host)).toEqual(['p2', 'p1']);
    expect(alerts(host)).toEqual([]);
    await unmount();
  });

  it.each(['en', 'de', 'fr', 'es'])('%s: no longer stored, says so first and compares the latest change instead', async (locale) => {
    const { ui } = explainer(locale);
    const { host, unmount } = await opened('?site=example.com&version=gone', locale);
    expect(compared).toEqual([{ olderId: 'p2', newerId: 'p3' }]);
    expect(checked(host)).toEqual(['p3', 'p2']);
    expect(alerts(host)).toEqual([ui.history.versionGone(true)]);
    // Right under the page's heading, before the timeline and the comparison.
    expect(host.querySelector('h1')?.nextElementSibling?.textContent).toBe(ui.history.versionGone(true));
    expect(host.querySelector('.comparison h2')).not.toBeNull();
    await unmount();
  });

  it('a comparison that failed is asked again with Try again, and then shown', async () => {
    failingComparisons = 1;
    const { host, unmount } = await opened('?site=example.com&version=p2');
    expect(alerts(host).join(' ')).toContain('No answer to "compareVersions"');
    expect(host.querySelector('.comparison h2')).toBeNull();
    const retry = [...host.querySelectorAll('button')].find((b) => b.textContent === explainer('en').ui.common.tryAgain)!;
    await act(async () => retry.click());
    for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(compared).toEqual([{ olderId: 'p1', newerId: 'p2' }, { olderId: 'p1', newerId: 'p2' }]);
    expect(alerts(host)).toEqual([]);
    expect(host.querySelector('.comparison h2')).not.toBeNull();
    await unmount();
  });

  it('says it in words a reader understands', () => {
    expect(explainer('en').ui.history.versionGone(true)).toBe('The version this link names is no longer stored: Clausewatch removes old versions to free space when storage runs out. The latest change is shown instead.');
  });

  it('once the reader picks versions, no longer says the latest change stands in for it', async () => {
    const { host, unmount } = await opened('?site=example.com&version=gone');
    expect(alerts(host)).toEqual([explainer('en').ui.history.versionGone(true)]);
    const p1 = host.querySelector<HTMLInputElement>('input[id$="-p1"]')!;
    await act(async () => p1.click());
    expect(alerts(host)).toEqual([]);
    await unmount();
  });

  it('no longer stored, with no change left to show: says it is gone, and promises nothing in its place', async () => {
    view = { ...VIEW, policies: [{ ...VIEW.policies[0]!, versions: [version('p1', DAY)] }] };
    const { host, unmount } = await opened('?site=example.com&version=gone');
    expect(compared).toEqual([]);
    expect(alerts(host)).toEqual([explainer('en').ui.history.versionGone(false)]);
    expect(host.textContent).toContain(explainer('en').ui.history.onlyOne);
    await unmount();
  });

  it('the policy’s first version: picked alone, for the reader to pick what to compare it with', async () => {
    const { host, unmount } = await opened('?site=example.com&version=p1');
    expect(compared).toEqual([]);
    expect(checked(host)).toEqual(['p1']);
    expect(alerts(host)).toEqual([]);
    expect(host.textContent).toContain(explainer('en').ui.history.pickTwoOfOne);
    const p3 = host.querySelector<HTMLInputElement>('input[id$="-p3"]')!;
    await act(async () => p3.click());
    for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(compared).toEqual([{ olderId: 'p1', newerId: 'p3' }]);
    await unmount();
  });
});
