import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from './format';
import { useWords } from './words';

/** `at`: when the value arrived, what a page words its relative dates by ("today", "3 days ago"). */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T; at: number };

/**
 * Runs `load` (keep it stable with useCallback) and again on `reload()`. A reload keeps showing the
 * previous value until the new one arrives, so a refetch after an action does not flash "Loading…"; a
 * reload after an error shows "Loading…" again.
 * With `whenShown`, also each time the page is shown again (its tab chosen, the window brought back): a
 * page left open says what the popup or a background check changed meanwhile.
 */
export function useLoader<T>(load: () => Promise<T>, options: { whenShown?: boolean } = {}): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) setState({ status: 'ready', value, at: Date.now() });
      },
      (err: unknown) => {
        if (live) setState({ status: 'error', error: err });
      },
    );
    return () => {
      live = false;
    };
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
 * to ask again.
 */
export function LoadState({ state, failed, onRetry }: { state: Loaded<unknown>; failed: (error: string) => string; onRetry?: () => void }) {
  const { ui } = useWords();
  const retry = onRetry && (
    <button type="button" onClick={onRetry}>
      {ui.common.tryAgain}
    </button>
  );
  if (state.status === 'loading') return <Waiting retry={retry} />;
  if (state.status === 'error') {
    return (
      <div>
        <p className="alert" role="alert">
          {failed(errorMessage(state.error, ui))}
        </p>
        {retry}
      </div>
    );
  }
  return null;
}

/** "Loading…", and past SLOW_AFTER_MS (counted from when it is first shown) why it may last, and `retry`. */
function Waiting({ retry }: { retry: ReactNode }) {
  const { ui } = useWords();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div role="status" aria-live="polite">
      <p>{ui.common.loading}</p>
      {slow && (
        <>
          <p className="muted small">{ui.common.stillLoading}</p>
          {retry}
        </>
      )}
    </div>
  );
}
