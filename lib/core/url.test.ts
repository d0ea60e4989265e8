import { describe, expect, it } from 'vitest';
import { AddressError, samePolicyAddress, siteForUrl, watchedAddress } from './url';

// The store's face of this module (lib/history/site.ts) is tested in lib/history/site.test.ts; here, what the
// background uses directly.
describe('lib/core/url', () => {
  it('drops the fragment of a watched address and keeps its language', () => {
    expect(watchedAddress('https://www.example.com/legal/privacy?lang=en#section-3')).toBe('https://www.example.com/legal/privacy?lang=en');
  });
  it('watches an address without the query parameters that do not name the document (tracking, session, e-mail)', () => {
    expect(watchedAddress('https://www.example.com/legal/privacy?utm_source=newsletter&mc_eid=8f3a2b1c9d&email=alice%40mail.example#s3')).toBe('https://www.example.com/legal/privacy');
    expect(watchedAddress('https://www.example.com/legal/privacy?sid=SESSION123&lang=en')).toBe('https://www.example.com/legal/privacy?lang=en');
    // A parameter that names the page is kept as written, in its place (the content script's rule: addressNames).
    expect(watchedAddress('https://www.example.com/legal?sid=S1&doc=privacy-policy&mc_eid=x&page=datenschutz')).toBe('https://www.example.com/legal?doc=privacy-policy&page=datenschutz');
    expect(watchedAddress('https://www.example.com/index.php?p=privacy%20policy')).toBe('https://www.example.com/index.php?p=privacy%20policy');
    expect(() => watchedAddress('nonsense')).toThrow(AddressError);
  });
  it('keeps the parameters that choose the page or its language, so a re-check fetches the page the user read', () => {
    // WordPress without pretty links, a CMS page, a policy read in German: without them a re-check would
    // fetch the home page, or the policy in another language, which would read as a change of every sentence.
    expect(watchedAddress('https://blog.example.com/?page_id=3&utm_source=mail')).toBe('https://blog.example.com/?page_id=3');
    expect(watchedAddress('https://www.example.com/index.php?id=12&sid=9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toBe('https://www.example.com/index.php?id=12');
    expect(watchedAddress('https://www.example.com/intl/privacy?hl=de&gclid=Cj0KCQiA')).toBe('https://www.example.com/intl/privacy?hl=de');
    // Such a name with a value that is no page's (an address, a long token) is dropped like the rest.
    expect(watchedAddress('https://www.example.com/privacy?id=alice%40mail.example&page=9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee')).toBe('https://www.example.com/privacy');
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
