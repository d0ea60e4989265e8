/**
 * Dialogs and consent managers: what is never a page's own text. No imports, so the content script
 * (detect/rendered.ts) reads it without the language tables.
 */

/**
 * What is never the page's own content, whichever page it sits on: dialogs (a consent preference centre,
 * a sign-up modal, open or not) and the root elements of widely used consent managers, which keep their
 * banner and preference centre in the DOM of every page of a site, often hidden after the visitor chose.
 * Their text (cookies, personal data, third parties, opt-out) would read as a policy's. Extraction drops
 * dialogs too (extract/reveal.ts CHROME), so what is detected is what is stored. A consent manager not
 * named here is still left out wherever it uses a dialog. A cookie table that a consent manager writes
 * into a cookie policy's own text has other ids and stays.
 */
const DIALOG_ROLES = new Set(['dialog', 'alertdialog']);
/** Root element ids of consent managers. */
const CONSENT_IDS = new Set([
  'onetrust-consent-sdk', // OneTrust
  'CybotCookiebotDialog', // Cookiebot
  'usercentrics-root', // Usercentrics
  'didomi-host', // Didomi
  'truste-consent-track', // TrustArc
  'consent_blackbar', // TrustArc
  'iubenda-cs-banner', // iubenda
  'cookiescript_injected', // Cookie Script
  'cookie-law-info-bar', // CookieYes (GDPR Cookie Consent)
  'cmplz-cookiebanner-container', // Complianz
  'BorlabsCookieBox', // Borlabs Cookie
  'cmpbox', // consentmanager.net
  'tarteaucitronRoot', // tarteaucitron
  'axeptio_overlay', // Axeptio
  'klaro', // Klaro
]);
/** Root element classes of consent managers. */
const CONSENT_CLASSES = [
  'qc-cmp2-container', // Quantcast Choice
  'fc-consent-root', // Google Funding Choices
  'cc-window', // Osano cookieconsent
  'osano-cm-window', // Osano
  'cky-consent-container', // CookieYes
  'cky-modal', // CookieYes
  'cookiefirst-root', // CookieFirst
];

/** Whether an element is a dialog or a consent manager's root (see above): its subtree is not the page's content. */
export function isNotPageContent(el: Element): boolean {
  if (el.localName === 'dialog') return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role !== null && DIALOG_ROLES.has(role.trim().toLowerCase())) return true;
  const id = el.getAttribute('id');
  if (id && CONSENT_IDS.has(id)) return true;
  const cls = el.getAttribute('class');
  return !!cls && CONSENT_CLASSES.some((c) => cls.includes(c) && el.classList.contains(c));
}

/**
 * Whether a page has any element isNotPageContent accepts: most have none, and their text is then read
 * without asking each element (which took detection from 0.9 to 1.6 ms a policy page in Chromium). Native
 * look-ups only, each cheap in browsers and in jsdom alike (one selector list of all the kinds cost jsdom
 * 120 ms a page): the tag, the ids and classes, and the elements with a role.
 */
export function hasNotPageContent(doc: Document): boolean {
  if (doc.getElementsByTagName('dialog').length > 0) return true;
  for (const id of CONSENT_IDS) if (doc.getElementById(id)) return true;
  for (const c of CONSENT_CLASSES) if (doc.getElementsByClassName(c).length > 0) return true;
  const withRole = (doc.body ?? doc.documentElement)?.querySelectorAll('[role]') ?? [];
  for (const el of withRole) if (DIALOG_ROLES.has((el.getAttribute('role') ?? '').trim().toLowerCase())) return true;
  return false;
}

/** Whether an element is in, or is, a dialog or consent manager (bounded: the nearest 64 ancestors). */
export function inNotPageContent(el: Element): boolean {
  let e: Element | null = el;
  for (let i = 0; e && i < 64; i++, e = e.parentElement) if (isNotPageContent(e)) return true;
  return false;
}
