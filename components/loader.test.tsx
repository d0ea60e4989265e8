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

/** A page that loads with `answers`, one call after another: a value, an error, or never. */
function Page({ answers }: { answers: Array<'never' | 'fail' | string> }) {
  const load = useCallback(() => {
    const next = answers.shift() ?? 'never';
    if (next === 'never') return new Promise<string>(() => {});
    if (next === 'fail') return Promise.reject(new Error('No answer to "getTabState"'));
    return Promise.resolve(next);
  }, [answers]);
  const [state, reload] = useLoader(load);
  return state.status === 'ready' ? <p>{state.value}</p> : <LoadState state={state} failed={ui.loadFailed.settings} onRetry={reload} />;
}

async function mounted(answers: Array<'never' | 'fail' | string>) {
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

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('a page waiting on the background', () => {
  it('says the background has not answered after a while, and "Try again" asks again and shows the answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const host = await mounted(['never', 'Watched sites: 3']);
    expect(host.textContent).toContain(ui.common.loading);
    await act(async () => vi.advanceTimersByTime(SLOW_AFTER_MS - 100));
    expect(host.textContent).not.toContain(ui.common.stillLoading);
    expect(tryAgain(host)).toBeNull();
    await act(async () => vi.advanceTimersByTime(200));
    expect(host.textContent).toContain(ui.common.stillLoading);
    await act(async () => tryAgain(host)!.click());
    expect(host.textContent).toBe('Watched sites: 3');
  });

  it('offers "Try again" after an error, shows "Loading…" while it asks, then the answer', async () => {
    const answers: Array<'never' | 'fail' | string> = ['fail'];
    const host = await mounted(answers);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('No answer to "getTabState"');
    answers.push('Watched sites: 1');
    await act(async () => tryAgain(host)!.click());
    expect(host.textContent).toBe('Watched sites: 1');
  });

  it('shows "Loading…" again while a retry after an error is under way, not the old error', async () => {
    const answers: Array<'never' | 'fail' | string> = ['fail'];
    const host = await mounted(answers);
    answers.push('never');
    await act(async () => tryAgain(host)!.click());
    expect(host.textContent).toContain(ui.common.loading);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });
});
