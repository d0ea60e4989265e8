import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './format';
import { useWords } from './words';

/** `at`: when the value arrived, what a page words its relative dates by ("today", "3 days ago"). */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T; at: number };

/**
 * Runs `load` (keep it stable with useCallback) and again on `reload()`. A reload keeps showing the
 * previous value until the new one arrives, so a refetch after an action does not flash "Loading…".
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
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
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
 * "Loading…" or a readable error while a page's data is not there. `failed` words the error for what
 * was being loaded (one of `ui.loadFailed`).
 */
export function LoadState({ state, failed }: { state: Loaded<unknown>; failed: (error: string) => string }) {
  const { ui } = useWords();
  if (state.status === 'loading') {
    return (
      <p role="status" aria-live="polite">
        {ui.common.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="alert" role="alert">
        {failed(errorMessage(state.error, ui))}
      </p>
    );
  }
  return null;
}
