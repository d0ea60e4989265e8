/**
 * Fetching a watched policy page for a background re-check: redirects followed by hand, each hop judged
 * before it is requested (lib/core/page/hops.ts), and the body read as a stream and abandoned past a byte limit.
 * `fetch` is passed in, so this runs and is tested in Node exactly as in the extension.
 *
 * What browsers allow: with `redirect: 'manual'`, Chrome's service worker and Firefox's event page both
 * answer a redirect with an "opaqueredirect" response (status 0, no headers, no Location), extension host
 * permissions or not: the Fetch standard hides where a redirect leads until it has been followed. A
 * redirect we cannot see is therefore never followed by a background check (`hidden: 'fail'`): following
 * it would mean requesting an address nobody has checked. When the user asks ("Check now", adding a
 * site), the browser may follow it as it would a link the user clicked (`'locate'` only reports where it
 * ends, `'follow'` also reads the page); what it brings back is never stored as a version. Where the
 * Location header is visible (Node, and any browser that exposes it), every hop is checked and followed.
 */
import { bounded, type CheckFailure } from '../check-failure';
import { failureText } from '../explain/failure-text';
import { describeUrl, isLocalHost, judgeHop, wallOf } from './hops';
import { decodeHtml } from '../text/charset';
import { concatBytes } from '../bytes';

/** The parts of a fetch Response this module reads. */
export interface ResponseLike {
  type: string;
  status: number;
  url: string;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<ResponseLike>;

/** What to do with a redirect whose target the browser does not show. */
export type HiddenRedirects = 'fail' | 'locate' | 'follow';

export interface GuardedFetchOptions {
  fetch: FetchLike;
  /** Bytes of body beyond which the page is abandoned. */
  maxBytes: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  hidden: HiddenRedirects;
  accept?: string;
}

export type GuardedFetch =
  | { ok: true; requestedUrl: string; finalUrl: string; status: number; contentType: string; body: string; redirects: number }
  | {
      ok: false;
      kind: 'refused' | 'moved' | 'hidden-redirect' | 'too-large' | 'too-many-redirects' | 'network' | 'timeout';
      reason: string;
      /** The same, as a code for the reader's language (lib/core/explain ui.failure). */
      failure: CheckFailure;
      /** Where the address now leads, when that is a web address the user could choose to watch instead. */
      movedTo: string | null;
    };

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

class TooLarge extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failureText(failure));
  }
}

function fail(kind: Exclude<GuardedFetch, { ok: true }>['kind'], f: CheckFailure, movedTo: string | null = null): GuardedFetch {
  const failure = bounded(f);
  return { ok: false, kind, reason: failureText(failure), failure, movedTo };
}


/** Drops a body we will not read, so the connection is released. */
async function discard(response: ResponseLike): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * Reads at most `maxBytes` of the body; past that it cancels the stream and aborts the request. A
 * Content-Length over the limit ends it before reading, but one under it is not trusted: the count is
 * of the bytes that actually arrive. The bytes are decoded as the browser decodes the page
 * (lib/core/text/charset.ts): a windows-1252 policy checked in the background reads as it did on a visit.
 */
async function readCapped(response: ResponseLike, maxBytes: number, abort: () => void): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    abort();
    throw new TooLarge({ code: 'too-large', n: maxBytes, m: declared });
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      abort();
      throw new TooLarge({ code: 'too-large', n: maxBytes });
    }
    parts.push(value);
  }
  return decodeHtml(concatBytes(parts, total), response.headers.get('content-type'));
}

/** The verdict on an address reached by a redirect the browser followed for us, as a failure to show. */
function describeEnd(watched: URL, from: URL, end: URL): GuardedFetch {
  const verdict = judgeHop(watched, from, end);
  if (!verdict.ok && verdict.kind !== 'other-site') return fail('refused', verdict.failure);
  // A login or consent page (of this site or another) is where the policy hides, not an address to watch instead.
  const wall = wallOf(end);
  if (wall) return fail('refused', wall);
  if (!verdict.ok) return fail('moved', verdict.failure, end.href);
  return fail('moved', { code: 'moved-same-site', detail: describeUrl(end) }, end.href);
}

export async function fetchGuarded(url: string, options: GuardedFetchOptions): Promise<GuardedFetch> {
  let watched: URL;
  try {
    watched = new URL(url);
  } catch {
    return fail('refused', { code: 'invalid-url' });
  }
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const local = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, local.signal]) : local.signal;
  const init: RequestInit = {
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
    headers: { accept: options.accept ?? 'text/html,application/xhtml+xml' },
  };
  const abort = () => local.abort();

  let from: URL | null = null;
  let current = watched;
  try {
    for (let redirects = 0; ; redirects++) {
      const verdict = judgeHop(watched, from, current);
      if (!verdict.ok) {
        // Another public site is shown as where the page went; anything else is refused outright.
        const movedTo = verdict.kind === 'other-site' && (!isLocalHost(current) || isLocalHost(watched)) ? current.href : null;
        return fail(verdict.kind === 'other-site' ? 'moved' : 'refused', verdict.failure, movedTo);
      }
      if (redirects > maxRedirects) return fail('too-many-redirects', { code: 'too-many-redirects', n: maxRedirects });
      const response = await options.fetch(current.href, { ...init, redirect: 'manual' });
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;

      if (response.type === 'opaqueredirect' || location !== null) {
        await discard(response);
        if (location === null) {
          if (options.hidden === 'fail') {
            return fail('hidden-redirect', { code: 'hidden-redirect' });
          }
          // The user asked: let the browser follow it, as it would a link the user clicked.
          const followed = await options.fetch(current.href, { ...init, redirect: 'follow' });
          const end = new URL(followed.url || current.href);
          if (options.hidden === 'locate') {
            await discard(followed);
            if (end.href === current.href) return fail('refused', { code: 'redirect-loop' });
            return describeEnd(watched, current, end);
          }
          if (!judgeHop(watched, current, end).ok) {
            await discard(followed);
            return describeEnd(watched, current, end);
          }
          const body = await readCapped(followed, options.maxBytes, abort);
          return { ok: true, requestedUrl: watched.href, finalUrl: end.href, status: followed.status, contentType: followed.headers.get('content-type') ?? '', body, redirects: redirects + 1 };
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail('refused', { code: 'bad-redirect' });
        }
        from = current;
        current = next;
        continue;
      }

      const body = await readCapped(response, options.maxBytes, abort);
      return {
        ok: true,
        requestedUrl: watched.href,
        finalUrl: current.href,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
        redirects,
      };
    }
  } catch (error) {
    if (error instanceof TooLarge) return fail('too-large', error.failure);
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || (name === 'AbortError' && options.signal?.aborted)) return fail('timeout', { code: 'timeout' });
    return fail('network', { code: 'network', detail: error instanceof Error ? error.message : String(error) });
  }
}
