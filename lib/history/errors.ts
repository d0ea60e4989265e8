/**
 * The one error type the store throws, so callers (background, options page, CLI) can tell a full disk
 * from a bad import file and show the user a sentence rather than a stack trace.
 */
import type { z } from 'zod';

export type StoreErrorCode =
  | 'quota'
  | 'corrupt'
  | 'invalid-import'
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  /** A bound on what one site may store was reached (save.ts MAX_POLICIES_PER_SITE). */
  | 'limit'
  /** A site recorded as many changes in 24 hours as it may (save.ts MAX_CHANGES_PER_SITE_PER_DAY). */
  | 'too-many-changes'
  /** A version larger, in the form it is hashed in, than an import takes (MAX_IMPORT_VERSION_CHARS). */
  | 'too-large'
  | 'unavailable'
  | 'unknown';

/**
 * What a prune removed: versions and saved pages (raw captures); of the versions, how many held a change
 * still awaiting review (only the last resort of a save on a full disk removes those).
 */
export type Removed = { removedVersions: number; removedRaw: number; removedUnreviewed: number };

export const NOTHING_REMOVED: Removed = Object.freeze({ removedVersions: 0, removedRaw: 0, removedUnreviewed: 0 });

/** What two prunes removed together. */
export function addRemoved(a: Removed, b: Removed): Removed {
  return { removedVersions: a.removedVersions + b.removedVersions, removedRaw: a.removedRaw + b.removedRaw, removedUnreviewed: a.removedUnreviewed + b.removedUnreviewed };
}

/** Whether anything worth telling the user was removed: versions or saved pages. */
export const removedAnything = (r: Removed): boolean => r.removedVersions + r.removedRaw > 0;

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** Set on a save that a full disk refused after space was freed for it: what was removed (store.ts). */
  pruned?: Removed;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

const QUOTA_MESSAGE =
  'Clausewatch could not save because the browser has no more storage space for the extension. ' +
  'Free some disk space, or remove older policy versions on the options page (the first and the latest ' +
  'version of every policy are always kept).';

function errorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

/** True for a quota failure however it reached us: thrown, as a request error, or as the abort reason. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (errorName(e) === 'QuotaExceededError') return true;
    e = typeof e === 'object' && e !== null && 'cause' in e ? (e as { cause?: unknown }).cause : undefined;
  }
  return false;
}

/** Turns whatever IndexedDB or our own code threw into a StoreError with a message a user can act on. */
export function toStoreError(error: unknown, what: string, transactionError?: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (isQuotaError(error) || isQuotaError(transactionError)) {
    return new StoreError('quota', QUOTA_MESSAGE, { cause: error });
  }
  if (errorName(error) === 'InvalidStateError') {
    return new StoreError(
      'unavailable',
      'The history database was closed, probably because Clausewatch was just updated. Reload this page.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError('unknown', `Clausewatch could not ${what}: ${detail}`, { cause: error });
}

/** A validation failure in a line: the first three issues, each with the path of the field it is about. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
}
