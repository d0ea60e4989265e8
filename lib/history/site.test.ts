import { describe, expect, it } from 'vitest';
import { StoreError } from './errors';
import { normalizePolicyPath, parsePolicyId, policyKeyFor, samePolicyAddress, siteForUrl } from './site';

describe('siteForUrl', () => {
  it.each([
    ['https://www.example.com/privacy', 'example.com'],
    ['https://help.example.co.uk/legal/privacy?lang=en', 'example.co.uk'],
    ['https://EXAMPLE.com/Privacy', 'example.com'],
    ['https://someone.github.io/privacy', 'someone.github.io'],
    ['http://localhost:3000/privacy', 'localhost'],
    ['http://127.0.0.1:8080/privacy', '127.0.0.1'],
    ['http://[::1]/privacy', '::1'],
    ['https://intranet/privacy', 'intranet'],
  ])('%s belongs to %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
  });

  it.each(['not a url', 'about:blank', ''])('refuses %j with a StoreError', (url) => {
    expect(() => siteForUrl(url)).toThrow(StoreError);
  });
});

describe('normalizePolicyPath', () => {
  it.each([
    ['https://example.com/privacy?utm_source=mail#cookies', '/privacy'],
    ['https://example.com/Privacy/', '/privacy'],
    ['https://example.com//legal//privacy', '/legal/privacy'],
    ['https://example.com/privacy/index.html', '/privacy'],
    ['https://example.com/', '/'],
    ['https://example.com/datenschutzerkl%C3%A4rung', '/datenschutzerklärung'],
    ['https://example.com/de/privacy', '/de/privacy'],
    // A control character stays an escape (it would break the evidence file's headers).
    ['https://example.com/privacy%0A%09x%7F', '/privacy%0a%09x%7f'],
    // A hash-routed app's route is a page of its own (its query and trailing slash dropped); an anchor is not.
    ['https://app.example/#/Legal/Privacy/?tab=2', '/#/legal/privacy'],
    ['https://app.example/app#!/privacy', '/app#/privacy'],
    ['https://app.example/#/', '/'],
    ['https://app.example/privacy#/', '/privacy'],
    ['https://app.example/#/privacy%0A', '/#/privacy%0a'],
  ])('%s -> %s', (url, path) => {
    expect(normalizePolicyPath(url)).toBe(path);
  });
});

describe('normalizePolicyPath, read again', () => {
  it.each([
    'https://www.example.com/privacy%20',
    'https://www.example.com/legal%5Cprivacy',
    'https://www.example.com/privacy/index.html/',
    'https://www.example.com/privacy%2541',
    'https://www.example.com/privacy%252541',
    'https://www.example.com/Privacy%2F..%2Fterms',
    'https://app.example/#/Legal/Privacy%0A/',
    'https://example.com/datenschutzerkl%C3%A4rung/index.php/',
  ])('gives the path it made for %s when that path is read as an address (an import does)', (url) => {
    const path = normalizePolicyPath(url);
    expect(normalizePolicyPath(new URL(path, url).href)).toBe(path);
    expect(normalizePolicyPath(`${new URL(url).origin}${path}`)).toBe(path);
  });
});

describe('policyKeyFor', () => {
  it.each([
    ['https://www.example.com/Privacy/?utm_source=x#top', 'privacy-policy:https://www.example.com/privacy'],
    ['http://www.example.com/privacy', 'privacy-policy:http://www.example.com/privacy'],
    ['https://user-pages.example.com/privacy', 'privacy-policy:https://user-pages.example.com/privacy'],
    ['https://WWW.EXAMPLE.COM:443/privacy', 'privacy-policy:https://www.example.com/privacy'],
    ['https://www.example.com:8443/privacy', 'privacy-policy:https://www.example.com:8443/privacy'],
    ['http://[::1]:8080/privacy', 'privacy-policy:http://[::1]:8080/privacy'],
  ])('%s is the policy %s', (url, id) => {
    const key = policyKeyFor(url, 'privacy-policy');
    expect(key.policyId).toBe(id);
    expect(parsePolicyId(key.policyId)).toEqual({ kind: 'privacy-policy', origin: key.origin, path: key.path });
  });

  it('has no policy for an address that is not a web page', () => {
    expect(() => policyKeyFor('file:///home/me/privacy.html', 'privacy-policy')).toThrow(StoreError);
    expect(() => policyKeyFor('ftp://example.com/privacy', 'privacy-policy')).toThrow(StoreError);
    expect(parsePolicyId('privacy-policy:example.com/privacy')).toBeNull();
  });
});

describe('samePolicyAddress', () => {
  it.each([
    ['https://www.example.com/privacy', 'https://www.example.com/privacy?utm_source=x', true],
    ['https://www.example.com/privacy#cookies', 'https://www.example.com/Privacy/', true],
    // Two routes of a hash-routed app are two pages: a copy of one, claimed while the tab shows the other, is refused.
    ['https://example.com/#/legal/privacy', 'https://example.com/#/home', false],
    ['https://example.com/#/legal/privacy', 'https://example.com/#!/legal/privacy/', true],
    ['https://www.example.com/privacy', 'http://www.example.com/privacy', false],
    ['https://www.example.com/privacy', 'https://user-pages.example.com/privacy', false],
    ['https://www.bank.example/privacy', 'http://127.0.0.1:8080/', false],
    ['https://www.example.com/privacy', 'https://www.example.com/terms', false],
    ['https://www.example.com/privacy', '', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(samePolicyAddress(a, b)).toBe(same);
  });
});
