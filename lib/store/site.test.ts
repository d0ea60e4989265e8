import { describe, expect, it } from 'vitest';
import { StoreError } from './errors';
import { normalizePolicyPath, siteForUrl } from './site';

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
  ])('%s -> %s', (url, path) => {
    expect(normalizePolicyPath(url)).toBe(path);
  });
});
