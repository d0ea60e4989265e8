/**
 * Errors a person can act on, by code: the background throws them, the protocol carries the code (and one
 * value, such as what was typed) beside the English message, and the pages word them in the user's
 * language (lib/core/explain, ui.userError). The English message stays for logs and the command line.
 */
export const USER_ERROR_CODES = [
  'not-an-address',
  'not-a-web-page',
  'has-credentials',
  'not-watched',
  'version-gone',
  'different-policies',
  'export-gone',
  'export-incomplete',
  'import-piece-too-large',
  'import-lost',
  'import-too-large',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** The one thing the words name: what was typed, a site, a limit. */
    readonly value: string = '',
  ) {
    super(message);
  }
}

/** The code and value of an error that carries a known one (a UserError, or one rebuilt from a reply), else null. */
export function userErrorOf(err: unknown): { code: UserErrorCode; value: string } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, value } = err as { code?: unknown; value?: unknown };
  if (typeof code !== 'string' || !(USER_ERROR_CODES as readonly string[]).includes(code)) return null;
  return { code: code as UserErrorCode, value: typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '' };
}
