// @vitest-environment jsdom
/**
 * Keyboard use of the options page: after "Remove" on a watched site, the row (and the button that had
 * focus) is gone; after "Confirm and watch", the list of candidate pages (and its button) is gone. Focus
 * must land somewhere on the page (the next row, the status line, the table, the address field), not fall
 * back to the document body, which sends a keyboard or screen-reader user to the top.
 *
 * "Check now": the line that says how the check went agrees with what the row then says.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { OptionsView, WatchEntry } from '@/lib/extension/views';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry = (site: string): WatchEntry => ({
  site, policyUrl: `https://${site}/privacy`, frequencyHours: 24, addedAt: 1, lastCheck: null, lastChange: null, status: 'pending',
  failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: 2, checking: null,
});
let watches = [entry('a.example'), entry('b.example')];
/** What "Check now" finds, as the background answers it (utils/recheck.ts), and the entry's status after it. */
let check = { reply: { status: 'changed', reason: null, failure: null, reviewable: true }, status: 'changed' as WatchEntry['status'] };
const view = (): OptionsView => ({
  watches,
  settings: { paused: false, autoWatchVisited: false, notifications: false },
  usage: { bytes: 0, versions: 0, policies: 0, sites: 0, raw: { captures: 0, bytes: 0, pageBytes: 0, versionsWithRaw: 0 } },
  extraction: { extractorVersion: 1, pending: 0, changedText: 0, sameText: 0, failed: 0 },
  quarantined: 0,
  setAside: 0,
  storageProblem: null,
});

vi.mock('@/utils/send', () => ({
  sendMessage: vi.fn(async (type: string, data: { site?: string; input?: string; policyUrl?: string }) => {
    if (type === 'getOptions') return view();
    if (type === 'unwatchSite') {
      watches = watches.filter((w) => w.site !== data.site);
      return { ok: true };
    }
    if (type === 'checkNow') {
      watches = watches.map((w) => (w.site === data.site ? { ...w, status: check.status, lastCheck: 5 } : w));
      return check.reply;
    }
    if (type === 'discoverPolicy') return { site: 'c.example', candidates: [{ url: 'https://c.example/privacy', why: { code: 'usual' } }] };
    if (type === 'watchSite') {
      watches = [...watches, entry('c.example')];
      return { ok: true, site: 'c.example' };
    }
    throw new Error(`unexpected ${type}`);
  }),
}));

/** The options page rendered into the document, its first answers in. */
async function mounted() {
  const { App } = await import('@/pages/options/App');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(<App />));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return { host, root };
}

describe('the options page, by keyboard', () => {
  it('moves focus to the watched sites heading after a site is removed', async () => {
    const { host } = await mounted();
    const remove = host.querySelector<HTMLButtonElement>('button[aria-label="Remove a.example"]')!;
    expect(remove).not.toBeNull();
    remove.focus();
    expect(document.activeElement).toBe(remove);
    await act(async () => remove.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(host.querySelector('button[aria-label="Remove a.example"]')).toBeNull();
    expect(document.activeElement?.id).toBe('watched-heading');
  });

  it('moves focus back to the address field after "Confirm and watch"', async () => {
    const { host, root } = await mounted();
    const address = host.querySelector<HTMLInputElement>('input[type="text"]')!;
    await act(async () => {
      // React reads the value through the input's own setter.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(address, 'c.example');
      address.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const confirm = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Confirm and watch')!;
    expect(confirm).toBeDefined();
    confirm.focus();
    await act(async () => confirm.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(host.textContent).toContain('Now watching c.example.');
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'Confirm and watch')).toBe(false);
    expect(document.activeElement).toBe(address);
    root.unmount();
    host.remove();
  });
});

describe('"Check now"', () => {
  const checked = async (site: string) => {
    watches = [entry('a.example'), entry('b.example')];
    const { host, root } = await mounted();
    await act(async () => host.querySelector<HTMLButtonElement>(`button[aria-label="Check now: ${site}"]`)!.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const row = [...host.querySelectorAll('tbody tr')].find((r) => r.textContent!.includes(site))!.textContent!;
    const said = [...host.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' | ');
    root.unmount();
    host.remove();
    return { row, said };
  };

  it('says a change of formatting only is nothing to review, as the row says "Up to date"', async () => {
    // utils/recheck.ts saves the new version (status "changed") but leaves the entry up to date: nothing to review.
    check = { reply: { status: 'changed', reason: null, failure: null, reviewable: false }, status: 'up-to-date' };
    const { row, said } = await checked('a.example');
    expect(row).toContain('Up to date');
    expect(said).toContain('a.example: only formatting or wording changed, nothing to review');
    expect(said).not.toContain('a.example: changed');
  });

  it('says "changed" of a change worth reviewing, as the row says "Changed"', async () => {
    check = { reply: { status: 'changed', reason: null, failure: null, reviewable: true }, status: 'changed' };
    const { row, said } = await checked('b.example');
    expect(row).toContain('Changed');
    expect(said).toContain('b.example: changed');
  });
});

describe('the options page left open', () => {
  it('says what changed meanwhile once it is shown again (a change reviewed in the popup, a background check)', async () => {
    watches = [entry('a.example')];
    const { host, root } = await mounted();
    expect(host.textContent).toContain('Not checked yet');
    // Meanwhile, in the background: the site was checked and its change reviewed.
    watches = [{ ...entry('a.example'), status: 'up-to-date', lastCheck: Date.now() }];
    expect(host.textContent).toContain('Not checked yet');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(host.textContent).toContain('Up to date');
    expect(host.textContent).not.toContain('Not checked yet');
    act(() => root.unmount());
    host.remove();
  });
});
