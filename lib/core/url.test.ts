import { describe, expect, it } from 'vitest';
import { AddressError, samePolicyAddress, siteForUrl, withoutFragment } from './url';

// The store's face of this module (lib/history/site.ts) is tested in lib/history/site.test.ts; here, what the
// background uses directly.
describe('lib/core/url', () => {
  it('drops only the fragment of a watched address', () => {
    expect(withoutFragment('https://www.example.com/legal/privacy?lang=en#section-3')).toBe('https://www.example.com/legal/privacy?lang=en');
  });
  it('names the same page across a trailing slash, case, an index file, a query or a fragment, never across origins', () => {
    expect(samePolicyAddress('https://example.com/Privacy/', 'https://example.com/privacy/index.html?utm=x#top')).toBe(true);
    expect(samePolicyAddress('https://example.com/privacy', 'http://example.com/privacy')).toBe(false);
    expect(samePolicyAddress('https://example.com/privacy', 'https://help.example.com/privacy')).toBe(false);
    expect(samePolicyAddress('not a url', 'https://example.com/')).toBe(false);
  });
  it('says which address names no web page', () => {
    expect(() => siteForUrl('nonsense')).toThrow(AddressError);
  });
});
