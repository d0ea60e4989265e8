import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './format';
import { useWords } from './words';

/** `at`: when the value arrived, what a page words its relative dates by ("today", "3 days ago"). */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T; at: number };

/**
 * Runs `load` (keep it stable with useCallback) and again on `reload()`. A reload keeps showing the
 * previous value until the new one arrives, so a refetch after an action does not flash "Loading…"; a
 * reload after an error shows "Loading…" again. Asking again abandons nothing: whichever answer comes
 * back first is shown, unless a later request's answer is shown already (a busy background's answer to
 * the first request, arriving after "Try again", is not thrown away). Only leaving the page drops answers.
 * With `whenShown`, also each time the page is shown again (its tab chosen, the window brought back): a
 * page left open says what the popup or a background check changed meanwhile.
 */
export function useLoader<T>(load: () => Promise<T>, options: { whenShown?: boolean } = {}): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // Requests are numbered; `shown` is the number of the one whose answer is shown.
  const sent = useRef(0);
  const shown = useRef(0);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    const request = ++sent.current;
    const answer = (next: Loaded<T>) => {
      if (!mounted.current || request < shown.current) return;
      shown.current = request;
      setState(next);
    };
    load().then(
      (value) => answer({ status: 'ready', value, at: Date.now() }),
      (err: unknown) => answer({ status: 'error', error: err }),
    );
  }, [load, generation]);
  const reload = useCallback(() => {
    // Asked again after an error: "Loading…" until the answer, not the old error.
    setState((s) => (s.status === 'error' ? { status: 'loading' } : s));
    setGeneration((g) => g + 1);
  }, []);
  const whenShown = options.whenShown === true;
  useEffect(() => {
    if (!whenShown) return;
    const shown = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, [whenShown, reload]);
  return [state, reload];
}

/**
 * How long "Loading…" is shown alone before the page says the background has not answered. Only what is
 * shown depends on it: the request is not abandoned (an answer that comes later is shown), and no result
 * is computed from a clock. A background that never answers (its worker stopped mid-request, its database
 * blocked by another page) would otherwise leave "Loading…" for good.
 */
export const SLOW_AFTER_MS = 10_000;

/**
 * "Loading…" or a readable error while a page's data is not there. `failed` words the error for what
 * was being loaded (one of `ui.loadFailed`). With `onRetry`, an error, and a wait past SLOW_AFTER_MS, offer
 * to ask again ("Try again"). Once offered, the button stays in place while the new request is fresh (marked
 * busy, so the keyboard focus stays on it), and the wait is counted again from the retry. Only the words
 * are in the live region: the button is not read out with them.
 */
export function LoadState({ state, failed, onRetry }: { state: Loaded<unknown>; failed: (error: string) => string; onRetry?: () => void }) {
  const { ui } = useWords();
  const loading = state.status === 'loading';
  // Each retry starts a new wait; `slowWait` is the wait that has lasted past SLOW_AFTER_MS.
  const [wait, setWait] = useState(0);
  const [slowWait, setSlowWait] = useState(-1);
  const [retried, setRetried] = useState(false);
  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setSlowWait(wait), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [loading, wait]);
  const slow = loading && slowWait === wait;
  const fresh = loading && !slow;
  const offered = onRetry !== undefined && (state.status === 'error' || slow || (loading && retried));
  return (
    <div className="load-state">
      <div role="status" aria-live="polite">
        {loading && <p>{ui.common.loading}</p>}
        {slow && <p className="muted small">{ui.common.stillLoading}</p>}
      </div>
      {state.status === 'error' && (
        <p className="alert" role="alert">
          {failed(errorMessage(state.error, ui))}
        </p>
      )}
      {offered && (
        <button
          type="button"
          aria-disabled={fresh}
          onClick={() => {
            if (fresh) return;
            setRetried(true);
            setWait((w) => w + 1);
            onRetry();
          }}
        >
          {ui.common.tryAgain}
        </button>
      )}
    </div>
  );
}
