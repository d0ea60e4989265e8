import { describe, expect, it } from 'vitest';
import { assessDetection, assessFetch, type FetchedPage } from './recheck';
import type { Detection } from '../core/schema';

const ok: FetchedPage = {
  requestedUrl: 'https://inkwell.example/legal/privacy',
  finalUrl: 'https://inkwell.example/legal/privacy',
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body: '<html><body><h1>Privacy Policy</h1><p>We collect...</p></body></html>',
};

describe('assessFetch', () => {
  it('accepts an ordinary policy page, also after a harmless redirect', () => {
    expect(assessFetch(ok)).toEqual({ ok: true });
    expect(assessFetch({ ...ok, finalUrl: 'https://www.inkwell.example/privacy-policy/' })).toEqual({ ok: true });
  });

  it.each<[string, Partial<FetchedPage>, RegExp]>([
    ['server error', { status: 500 }, /HTTP 500/],
    ['not found', { status: 404 }, /HTTP 404/],
    ['a PDF', { contentType: 'application/pdf' }, /not an HTML page \(application\/pdf\)/],
    ['JSON', { contentType: 'application/json' }, /not an HTML page/],
    ['a redirect to a login page', { finalUrl: 'https://inkwell.example/login?next=/legal/privacy' }, /login page/],
    ['a redirect to a sign-in service', { finalUrl: 'https://accounts.inkwell.example/signin/v2' }, /login page/],
    ['a redirect to a consent wall', { finalUrl: 'https://consent.inkwell.example/?continue=x' }, /consent page/],
  ])('fails %s with its reason', (_name, change, reason) => {
    const verdict = assessFetch({ ...ok, ...change });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });

});

describe('assessDetection', () => {
  const other: Detection = { kind: 'other', confidence: 0.9, language: 'en', reasons: ['title: "Just a moment"'] };
  const policy: Detection = { kind: 'privacy-policy', confidence: 0.9, language: 'en', reasons: [] };
  it.each([
    ['a captcha', '<html><title>Just a moment</title><div id="cf-challenge">Verify you are human</div></html>', /captcha/],
    ['a login form', '<form><input name=u><input type="password" name=p></form>', /login form/],
  ])('says why a page that is no policy is none: %s', (_name, body, reason) => {
    const verdict = assessDetection(other, body);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });

  it.each([
    ['mentions reCAPTCHA', '<h1>Privacy Policy</h1><p>Our contact form uses Google reCAPTCHA, which sends your IP address to Google.</p>'],
    ['carries a bot-check script', '<h1>Privacy Policy</h1><p>We collect your email.</p><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>'],
    ['has a sign-in box in its header', '<header><form><input name=u><input type="password" name=p></form></header><h1>Privacy Policy</h1><p>We collect your email.</p>'],
  ])('checks a policy that %s: it is still a policy', (_name, body) => {
    expect(assessDetection(policy, body)).toEqual({ ok: true });
  });

  it('fails a page that no longer looks like a policy, and passes policies', () => {
    const other = assessDetection({ kind: 'other', confidence: 0.9, language: 'en', reasons: ['title: "Welcome"'] });
    expect(other.ok).toBe(false);
    expect(!other.ok && other.reason).toMatch(/no longer looks like a privacy policy/);
    expect(assessDetection({ kind: 'privacy-policy', confidence: 0.9, language: 'en', reasons: [] })).toEqual({ ok: true });
  });
});
