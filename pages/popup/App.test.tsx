// @vitest-environment jsdom
/**
 * The popup's actions, against a background that answers as utils/popup.ts does.
 *
 * Keyboard use: "Stop watching" and "Watch this site" each take their card (and the button that had focus)
 * away once the background answers. Focus must stay in the popup, on what takes the card's place, not fall
 * back to the document body, which sends a keyboard or screen-reader user to the top.
 *
 * "Mark as reviewed" on a version the store no longer holds (pruned, or replaced by an import while the
 * popup was open): the background marks nothing and answers { ok: false }.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeAnalysis } from '@/lib/core/schema';
import type { PolicyView, TabState } from '@/lib/extension/views';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.now();
const policy: PolicyView = {
  policyId: 'p1', kind: 'privacy-policy', url: 'https://example.com/privacy', title: 'Example Privacy Policy', firstSeen: NOW - 1e9, versionCount: 1,
  latest: { versionId: 'v1', firstSeen: NOW - 1e9, lastSeen: NOW, statedDate: null, reviewed: false, analysis: null }, language: 'en', olderLanguage: null, statements: [],
};
/** What the background holds for the tab. */
let state: TabState = { tabId: 1, url: policy.url, site: 'example.com', watched: true, watchedSince: NOW, watchJoined: true, checks: { paused: false, failed: null }, policies: [policy], storageProblem: null };

vi.mock('@/utils/send', () => ({
  sendMessage: vi.fn(async (type: string, data: { versionId?: string }) => {
    if (type === 'getTabState') return state;
    if (type === 'markReviewed') return { ok: state.policies.some((p) => p.latest.versionId === data.versionId) };
    if (type === 'unwatchSite') {
      state = { ...state, watched: false, watchedSince: null, watchJoined: false };
      return { ok: true };
    }
    if (type === 'watchSite') {
      state = { ...state, watched: true, watchedSince: Date.now(), watchJoined: false };
      return { ok: true, site: 'example.com' };
    }
    throw new Error(`unexpected ${type}`);
  }),
}));

/** Lets the background's answers and the reload that follows them arrive. */
/** The popup rendered into the document, its first answers in. */
async function mounted() {
  const { App } = await import('./App');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(<App />));
  await settle();
  return { host, root };
}

async function settle() {
  for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const buttonNamed = (host: HTMLElement, text: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === text) ?? null;

describe('the popup, by keyboard', () => {
  it('moves focus to "Watch this site" after "Stop watching", and to the policy after "Watch this site"', async () => {
    history.replaceState(null, '', '/popup.html?tabId=1');
    const { host, root } = await mounted();

    const stop = buttonNamed(host, 'Stop watching')!;
    stop.focus();
    await act(async () => stop.click());
    await settle();
    expect(host.textContent).toContain('Stopped watching example.com');
    expect(buttonNamed(host, 'Stop watching')).toBeNull();
    const watch = buttonNamed(host, 'Watch this site');
    expect(watch).not.toBeNull();
    expect(document.activeElement).toBe(watch);

    await act(async () => watch!.click());
    await settle();
    expect(host.textContent).toContain('Watching example.com.');
    expect(buttonNamed(host, 'Watch this site')).toBeNull();
    expect(document.activeElement?.tagName).toBe('H2');
    expect(document.activeElement?.textContent).toBe('Example Privacy Policy');
    root.unmount();
    host.remove();
  });

  it('says when "Mark as reviewed" marked nothing, and shows what is stored now', async () => {
    const NOTHING = { recipients: [], named: [], data: [], purposes: [] };
    const analysis: ChangeAnalysis = {
      schemaVersion: 2, counts: { major: 1, minor: 0, goodNews: 0, cosmetic: 0 }, changes: [], truncated: false,
      findings: [{ id: 'f', category: 'ai-training', kind: 'new', severity: 'major', gained: NOTHING, attributes: NOTHING, signals: [], section: [],
        evidence: [{ sentence: 'We train AI on your notes.', spans: [{ op: 'insert', text: 'We train AI on your notes.' }], triggers: [] }] }],
    };
    const changed: PolicyView = { ...policy, versionCount: 2, latest: { ...policy.latest, versionId: 'v2', firstSeen: NOW, analysis } };
    state = { ...state, watched: true, watchJoined: false, policies: [changed] };
    const { host, root } = await mounted();
    expect(host.textContent).toContain('We train AI on your notes.');

    // Meanwhile an import replaced the history: v2 is gone, and the policy's only version is v1.
    state = { ...state, policies: [policy] };
    await act(async () => buttonNamed(host, 'Mark as reviewed')!.click());
    await settle();
    const status = host.querySelector('[role="status"]')?.textContent;
    expect(status).not.toBe('Marked as reviewed.');
    expect(status).toBe('Not marked as reviewed: that version is no longer stored. The view has been refreshed.');
    expect(host.textContent).not.toContain('We train AI on your notes.');
    root.unmount();
    host.remove();
  });
});
