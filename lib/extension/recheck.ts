/**
 * Judges what a background fetch of a watched policy URL brought back, before and after the page goes
 * through the same detection and extraction as a visited page. Anything doubtful is a failed check with
 * a reason, and never becomes a version: a login wall or a captcha must not read as "the policy was
 * deleted".
 */
import { bounded, type CheckFailure } from '../core/check-failure';
import { failureText } from '../core/explain/failure-text';
import { indexOfAsciiIgnoreCase } from '../core/text/trim';
import type { Detection } from '../core/schema';
import { wallOf } from '../core/page/hops';

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  /** The beginning of the body is enough for these checks. */
  body: string;
}

export type Verdict = { ok: true } | { ok: false; reason: string; failure: CheckFailure };

const refuse = (f: CheckFailure): Verdict => {
  const failure = bounded(f);
  return { ok: false, reason: failureText(failure), failure };
};

const CAPTCHA = /(captcha|are you a robot|verify you are (a )?human|cf-challenge|challenge-platform|unusual traffic|access denied|bot detection)/i;
const PASSWORD_TYPE = /\btype\s*=\s*["']?password/i;

/** Whether the page has a password field: each <input ...> tag is read on its own (a scan, never quadratic). */
function hasPasswordField(html: string): boolean {
  for (let at = indexOfAsciiIgnoreCase(html, '<input'); at >= 0; at = indexOfAsciiIgnoreCase(html, '<input', at + 6)) {
    // A tag is read up to its ">" and at most 2 KB, so a page of unclosed "<input"s stays linear.
    const tag = html.slice(at, at + 2048);
    const end = tag.indexOf('>');
    if (PASSWORD_TYPE.test(end < 0 ? tag : tag.slice(0, end))) return true;
  }
  return false;
}

export function assessFetch(page: FetchedPage): Verdict {
  if (page.status >= 400) return refuse({ code: 'http-error', n: page.status });
  if (page.status < 200 || page.status >= 300) return refuse({ code: 'http-status', n: page.status });
  const type = page.contentType.split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml') {
    return refuse({ code: 'not-html', detail: type.slice(0, 200) });
  }
  let requested: URL;
  let final: URL;
  try {
    requested = new URL(page.requestedUrl);
    final = new URL(page.finalUrl || page.requestedUrl);
  } catch {
    return refuse({ code: 'invalid-url' });
  }
  if (final.href !== requested.href) {
    const wall = wallOf(final);
    if (wall) return refuse(wall);
  }
  return { ok: true };
}

/**
 * After detection: a page that no longer looks like a policy is a failure, not an empty new version, and
 * the failure says why when the page shows it: a captcha or bot check, a login form. Only then: a policy
 * that says "we use reCAPTCHA on our forms", carries a bot-check script or a sign-in box in its header is
 * still a policy, and is checked.
 */
export function assessDetection(detection: Detection, body = ''): Verdict {
  if (detection.kind !== 'other') return { ok: true };
  const head = body.slice(0, 200_000);
  if (CAPTCHA.test(head) && head.length < 60_000) return refuse({ code: 'captcha' });
  if (head.length < 60_000 && hasPasswordField(head)) return refuse({ code: 'login-form' });
  return refuse({ code: 'not-a-policy', ...(detection.reasons.length ? { detail: detection.reasons.slice(0, 2).join('; ') } : {}) });
}
