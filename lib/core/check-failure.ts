/**
 * Why a background check of a watched policy failed, as a code and its parameters: what lib/core/explain
 * words in the reader's language (ui.failure). The fetcher (fetch-page.ts, hops.ts) and the checks of
 * what came back (recheck.ts) return one; the watch list keeps it beside the English sentence (kept for
 * diagnostics and for entries stored before codes existed).
 */
import { z } from 'zod';

export const FailureCode = z.enum([
  // What the server answered (recheck.ts).
  'http-error',
  'http-status',
  'not-html',
  'invalid-url',
  'login-redirect',
  'consent-redirect',
  'captcha',
  'login-form',
  'not-a-policy',
  // Where the address leads (hops.ts, fetch-page.ts).
  'scheme',
  'credentials',
  'downgrade',
  'local',
  'other-site',
  'moved-same-site',
  'hidden-redirect',
  'redirect-loop',
  'bad-redirect',
  'too-many-redirects',
  // Getting the page (fetch-page.ts).
  'too-large',
  // Reading it (dom-tasks.ts): a tag with more attributes than a parser takes in linear time, too many in
  // the page (n: how many, m: the limit), or a tree nested past what extraction reads.
  'attributes-in-tag',
  'attributes',
  'too-nested',
  'timeout',
  'network',
  // Saving it: the site recorded as many changes in 24 hours as it may (n: the bound; lib/history/save.ts).
  'too-many-changes',
  // Saving it: the policy would be a new one of a site that has as many as it may (n: the bound).
  'too-many-policies',
  // The check never ended: the background was stopped while it ran (utils/recheck.ts), and it is tried again later.
  'unfinished',
  // Anything else (an error while saving, say): `detail` says what.
  'error',
]);
export type FailureCode = z.infer<typeof FailureCode>;

/** The longest `detail` kept: producers cut theirs to it (a redirect target can be any length). */
export const MAX_DETAIL = 300;

export const CheckFailure = z.object({
  code: FailureCode,
  /** An HTTP status, a redirect count, a size in bytes: the number the message names. */
  n: z.number().optional(),
  /** A second number: a size the server declared. */
  m: z.number().optional(),
  /** An address, a content type, a host, the detector's reasons, an error's message: as it came. */
  detail: z.string().max(600).optional(),
  /** For `local`: the watched address itself is local (not a redirect to it). */
  direct: z.boolean().optional(),
});
export type CheckFailure = z.infer<typeof CheckFailure>;

/**
 * A failure with its detail cut to MAX_DETAIL: a detail comes from what the site sent (a redirect target,
 * a content type, an error's message), which can be any length. Every producer passes its failures here.
 */
export function bounded<F extends CheckFailure>(f: F): F {
  return f.detail === undefined || f.detail.length <= MAX_DETAIL ? f : { ...f, detail: f.detail.slice(0, MAX_DETAIL) };
}
