import { describe, expect, it } from 'vitest';
import { AddressError, samePolicyAddress, siteForUrl, watchedAddress, withoutFragment } from './url';

// The store's face of this module (lib/history/site.ts) is tested in lib/history/site.test.ts; here, what the
// background uses directly.
describe('lib/core/url', () => {
  it('drops only the fragment of a watched address', () => {
    expect(withoutFragment('https://www.example.com/legal/privacy?lang=en#section-3')).toBe('https://www.example.com/legal/privacy?lang=en');
  });
  it('watches an address without the query parameters that do not name the document (tracking, session, e-mail)', () => {
    expect(watchedAddress('https://www.example.com/legal/privacy?utm_source=newsletter&mc_eid=8f3a2b1c9d&email=alice%40mail.example#s3')).toBe('https://www.example.com/legal/privacy');
    expect(watchedAddress('https://www.example.com/legal/privacy?sid=SESSION123&lang=en')).toBe('https://www.example.com/legal/privacy');
    // A parameter that names the page is kept as written, in its place (the content script's rule: addressNames).
    expect(watchedAddress('https://www.example.com/legal?sid=S1&doc=privacy-policy&mc_eid=x&page=datenschutz')).toBe('https://www.example.com/legal?doc=privacy-policy&page=datenschutz');
    expect(watchedAddress('https://www.example.com/index.php?p=privacy%20policy')).toBe('https://www.example.com/index.php?p=privacy%20policy');
    expect(() => watchedAddress('nonsense')).toThrow(AddressError);
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
