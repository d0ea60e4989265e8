// @vitest-environment jsdom
/**
 * A page whose background does not answer (its worker stopped mid-request, its database blocked) must not
 * say "Loading…" for good: past SLOW_AFTER_MS it says so and offers to ask again; an error offers the same.
 */
import { act, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadState, SLOW_AFTER_MS, useLoader } from './loader';
import { WordsProvider } from './words';
import { explainer } from '@/lib/core/explain';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const { ui } = explainer('en');

/** One answer of the page's background: a value now, an error now, never, or a value after `ms`. */
type Answer = 'never' | 'fail' | string | { late: string; ms: number };

/** A page that loads with `answers`, one call after another. */
function Page({ answers }: { answers: Answer[] }) {
  const load = useCallback(() => {
    const next = answers.shift() ?? 'never';
    if (next === 'never') return new Promise<string>(() => {});
    if (next === 'fail') return Promise.reject(new Error('No answer to "getTabState"'));
    if (typeof next === 'object') return new Promise<string>((resolve) => setTimeout(() => resolve(next.late), next.ms));
    return Promise.resolve(next);
  }, [answers]);
  const [state, reload] = useLoader(load);
  return state.status === 'ready' ? <p>{state.value}</p> : <LoadState state={state} failed={ui.loadFailed.settings} onRetry={reload} />;
}

async function mounted(answers: Answer[]) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <WordsProvider locale="en">
        <Page answers={answers} />
      </WordsProvider>,
    ),
  );
  return host;
}

const tryAgain = (host: HTMLElement) => [...host.querySelectorAll('button')].find((b) => b.textContent === ui.common.tryAgain) ?? null;
const wait = (ms: number) => act(async () => vi.advanceTimersByTime(ms));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('a page waiting on the background', () => {
  it('says the background has not answered after a while, and "Try again" asks again and shows the answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const host = await mounted(['never', 'Watched sites: 3']);
    expect(host.textContent).toContain(ui.common.loading);
    await wait(SLOW_AFTER_MS - 100);
    expect(host.textContent).not.toContain(ui.common.stillLoading);
    expect(tryAgain(host)).toBeNull();
    await wait(200);
    expect(host.textContent).toContain(ui.common.stillLoading);
    // The button is not in the live region: it is not read out with the words.
    expect(host.querySelector('[role="status"] button')).toBeNull();
    await act(async () => tryAgain(host)!.click());
    expect(host.textContent).toBe('Watched sites: 3');
  });

  it('shows the first request\'s answer when it comes after "Try again", and counts the wait again from the retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const host = await mounted([{ late: 'Watched sites: 7', ms: 15_000 }, 'never']);
    await wait(SLOW_AFTER_MS + 100);
    const button = tryAgain(host)!;
    button.focus();
    await act(async () => button.click());
    // A fresh wait: the words go, the button stays where it was, busy, with the focus.
    expect(host.textContent).not.toContain(ui.common.stillLoading);
    expect(tryAgain(host)).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    await wait(5_000);
    expect(host.textContent).toBe('Watched sites: 7');
  });

  it('says so again when the retry does not answer either', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const host = await mounted(['never', 'never']);
    await wait(SLOW_AFTER_MS + 100);
    await act(async () => tryAgain(host)!.click());
    await wait(SLOW_AFTER_MS - 200);
    expect(host.textContent).not.toContain(ui.common.stillLoading);
    await wait(400);
    expect(host.textContent).toContain(ui.common.stillLoading);
    expect(tryAgain(host)!.getAttribute('aria-disabled')).toBe('false');
  });

  it('offers "Try again" after an error, then shows the answer', async () => {
    const answers: Answer[] = ['fail'];
    const host = await mounted(answers);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('No answer to "getTabState"');
    answers.push('Watched sites: 1');
    await act(async () => tryAgain(host)!.click());
    expect(host.textContent).toBe('Watched sites: 1');
  });

  it('shows "Loading…" while a retry after an error is under way, not the old error, and keeps the focus on the button', async () => {
    const answers: Answer[] = ['fail'];
    const host = await mounted(answers);
    answers.push('never');
    const button = tryAgain(host)!;
    button.focus();
    await act(async () => button.click());
    expect(host.textContent).toContain(ui.common.loading);
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
