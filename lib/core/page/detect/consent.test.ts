/**
 * A consent manager's banner and preference centre sit in the DOM of every page of a site that uses
 * one, often hidden after the visitor's choice. Their text is about cookies and personal data; it is not
 * the page's content, and must not make an ordinary page a cookie or privacy policy.
 */
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { processPage } from '../pipeline';
import { readDetectionText } from './detect';
import { hasNotPageContent, isNotPageContent } from './not-content';
import * as P from './testpages';

const PURPOSES = [
  ['Essential cookies', 'These cookies keep the site working: they remember your session, your basket and the privacy choices you make here. They cannot be turned off, and they do not store personal data that identifies you.'],
  ['Analytics cookies', 'These cookies let us and our analytics provider count visits, see where visitors come from and which pages they read, so that we can improve the site. The personal data they collect is aggregated.'],
  ['Advertising cookies', 'Our advertising partners set these cookies to build a profile of your interests and show you relevant adverts on other sites. They rely on identifiers of your browser and device, shared with third parties.'],
  ['Personalisation cookies', 'These cookies remember your settings and let third party providers add features to our pages. If you refuse them, some features may not work and we may ask for your preferences again.'],
  ['Sale or sharing of personal information', 'Under US state privacy laws you have the right to opt out of the sale or sharing of your personal information with third parties for targeted advertising. Use this switch to opt out.'],
] as const;

const purposes = PURPOSES.map(([h, p]) => `<div class="purpose"><h4>${h}</h4><p>${p}</p></div>`).join('\n');
const BANNER_TEXT = 'We and our 712 partners use cookies and similar technologies to store and read personal data on your device, such as your IP address and browser identifiers, to personalise ads and content, measure them and improve our services. You can withdraw your consent or object to processing based on legitimate interest at any time. <a href="/privacy">Privacy Policy</a>';
const CENTRE_INTRO = 'Websites you visit may store or read information in your browser, mostly as cookies. It may be about you, your preferences or your device, and mostly makes the site work as you expect. Because we respect your right to privacy, you can choose which kinds of cookies to allow. Blocking some of them may affect your experience of the site.';

/** A widely used consent manager's markup: its root, a banner, and a modal preference centre. */
const KNOWN_CMP = `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" role="region" aria-label="Cookie banner"><div id="onetrust-policy-text">${BANNER_TEXT}</div>
<button>Cookie settings</button><button>Reject all</button><button>Accept all</button></div>
<div id="onetrust-pc-sdk" class="ot-hide" role="region"><div role="alertdialog" aria-modal="true" aria-label="Privacy Preference Centre">
<h2>Privacy Preference Centre</h2><p>${CENTRE_INTRO}</p><h3>Manage consent preferences</h3>${purposes}<button>Confirm my choices</button></div></div></div>`;

/** A site's own preference centre, in a modal dialog, under no known consent manager's name. */
const OWN_DIALOG = `<div class="prefs" role="dialog" aria-modal="true" aria-labelledby="prefs-title" hidden>
<h2 id="prefs-title">Privacy settings</h2><p>${CENTRE_INTRO}</p>${purposes}<p>${BANNER_TEXT}</p><button>Save</button></div>`;

const words = (sentence: string, n: number) => `<p>${sentence.repeat(n)}</p>`;
const RECIPE = words('Beat the soft butter with brown sugar until creamy, add one egg and a spoon of honey, then stir in the oats, the flour, a pinch of salt and a handful of raisins. Drop spoonfuls onto the tray and bake for twelve minutes until golden at the edges. ', 20);
const NEWS = words('The energy ministers agreed late on Thursday to phase out coal subsidies by the end of the decade, while leaving room for each country to set its own pace for gas and nuclear power. ', 20);

function page(title: string, body: string, cmp: string) {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title.split(' | ')[0]}</h1>${body}</main>${cmp}</body></html>`;
}

function run(html: string, url: string) {
  const { document, url: href } = loadHtml(html, url);
  return processPage(document, href);
}

describe('an ordinary page with a consent banner and preference centre in its DOM', () => {
  for (const [cmpName, cmp] of [
    ['a known consent manager', KNOWN_CMP],
    ['a modal dialog of its own', OWN_DIALOG],
  ] as const) {
    it.each([
      ['Oatmeal raisin cookies | Example Bakes', 'https://bakes.example/recipes/oatmeal-raisin-cookies', RECIPE],
      ['Energy policy: ministers agree to end coal subsidies | Example Times', 'https://times.example/world/ministers-end-coal-subsidies', NEWS],
    ])(`is not stored as a policy (${cmpName}): %s`, (title, url, body) => {
      // The same page without the consent manager is, rightly, not a policy.
      expect(run(page(title, body, ''), url).stage).not.toBe('extract');
      expect(run(page(title, body, cmp), url).stage).not.toBe('extract');
    });
  }
});

describe('policies on sites with a consent manager are still recognised', () => {
  it.each([
    ['a privacy policy', P.EN_POLICY, 'https://acme.example/privacy', 'privacy-policy'],
    ['a cookie policy', P.COOKIE_POLICY, 'https://acme.example/cookie-policy', 'privacy-adjacent'],
    ['a French privacy policy', P.FR_POLICY, 'https://exemple.example/confidentialite', 'privacy-policy'],
  ])('%s', (_name, html, url, kind) => {
    for (const cmp of [KNOWN_CMP, OWN_DIALOG]) {
      const out = run(html.replace('</body>', `${cmp}</body>`), url);
      expect(out.stage).toBe('extract');
      if (out.stage === 'extract') expect(out.detection.kind).toBe(kind);
    }
  });
});

describe('the text detection reads', () => {
  it('steps over dialogs and consent managers, and reads on after them', () => {
    const html = `<!doctype html><html><head><title>t</title></head><body><p>before</p>
<div><section><dialog><p>in a dialog</p></dialog></section><p>between</p></div>
<div id="onetrust-consent-sdk"><p>in a consent manager</p></div><div role="dialog"><div><p>in a modal</p></div></div><p>after</p></body></html>`;
    const pageText = readDetectionText(loadHtml(html, 'https://x.example/').document);
    expect(pageText.text.replace(/\s+/g, ' ').trim()).toBe('before between after');
    expect(pageText.complete).toBe(true);
  });
});

describe('the first look for dialogs and consent managers', () => {
  // Every kind of element the text reading leaves out; the first look must find each, or the page's text
  // would be read with it.
  const left = [
    '<dialog>x</dialog>',
    '<div role="dialog">x</div>',
    '<div role=" AlertDialog ">x</div>',
    '<div id="onetrust-consent-sdk">x</div>',
    '<div id="CybotCookiebotDialog">x</div>',
    '<div class="banner qc-cmp2-container">x</div>',
    '<div class="cc-window cc-floating">x</div>',
  ];
  it.each(left)('finds %s, which the text reading leaves out', (html) => {
    const { document } = loadHtml(`<!doctype html><html><body><main><p>Policy text.</p>${html}</main></body></html>`, 'https://acme.example/privacy');
    const el = document.querySelector('main > :last-child')!;
    expect(isNotPageContent(el)).toBe(true);
    expect(hasNotPageContent(document)).toBe(true);
    expect(readDetectionText(document).text).not.toMatch(/\bx\b/);
  });
  it('finds nothing on a page without them, whose text is read whole', () => {
    const { document } = loadHtml('<!doctype html><html><body><nav role="navigation">Menu</nav><main role="main"><div class="cc-windows" id="onetrust">Policy text.</div></main></body></html>', 'https://acme.example/privacy');
    expect(hasNotPageContent(document)).toBe(false);
    expect(readDetectionText(document).text).toMatch(/Menu.*Policy text\./);
  });
});
