/**
 * The first, nearly free stage that runs on every page: it reads a handful of cheap signals and
 * dismisses pages that cannot be privacy policies. Recall comes first, because a page dismissed here
 * is never looked at again; precision is the detector's job.
 *
 * Only cheap reads: the URL, `document.title` and the text of the first h1 (the first three h2 when
 * there is no h1 text).
 * No `innerText`, no layout, no scan of the body text.
 */

/**
 * Lower-case substrings that, in a URL, title or first heading, say "this page may be a privacy
 * policy or privacy-adjacent document". Recall matters most: a page matching none is never looked at
 * again. Plain lower-case text, accented and unaccented spellings both listed; a space in a phrase also
 * matches a hyphen or an underscore (the gate reads both as spaces), so each phrase is listed once.
 * Legal-hub words (legal, terms, policy...) are here too, because some sites publish their privacy
 * policy on a combined legal page; the detector sorts those out.
 */
const GATE_WORDS = [
  // en
  'privacy', 'personal data', 'personal information', 'data protection', 'data policy', 'datapolicy', 'data processing',
  'data commitments', 'your data', 'how we use', 'gdpr', 'ccpa', 'cookie', 'tracker', 'legal', 'policy', 'policies', 'terms', 'dpa',
  // de
  'datenschutz', 'dsgvo', 'privatsph', 'auftragsverarbeitung', 'rechtliche', 'rechtliches', 'agb', 'nutzungsbedingungen',
  // fr
  'confidentialit', 'vie privée', 'vie privee', 'données personnelles', 'donnees personnelles',
  'données à caractère', 'rgpd', 'traceurs', 'mentions légales', 'juridique', 'conditions',
  // es / pt
  'privacidad', 'privacidade', 'datos personales', 'protección de datos', 'proteccion de datos', 'dados pessoais',
  'proteção de dados', 'protecao de dados', 'lgpd', 'aviso legal', 'términos', 'termos',
  // it
  'informativa', 'riservatezza', 'dati personali', 'note legali', 'termini', 'condizioni',
  // nl
  'privacyverklaring', 'privacybeleid', 'persoonsgegevens', 'gegevensbescherming', 'voorwaarden',
  // zh / ja / ko
  '隐私', '隱私', '个人信息', '個人情報', 'プライバシー', '개인정보',
];

export interface CheapSignals {
  url: string;
  title: string;
  headings: string[];
}

const MAX_SIGNAL_CHARS = 300;
const MAX_H2_WITHOUT_H1 = 3;

function clip(s: string | null | undefined): string {
  if (!s) return '';
  return s.length > MAX_SIGNAL_CHARS ? s.slice(0, MAX_SIGNAL_CHARS) : s;
}

/**
 * In a content script's fresh JS world, the first call into each DOM interface costs more than the
 * work itself (Chromium builds the bindings on first use: about 0.15 ms for the first element read,
 * measured by `npm run bench -- detection`), so this touches as few interfaces as it can:
 * `document.title` (a string, no element) and `querySelector` for the headings. Not the
 * canonical link, `<html lang>` or `document.head`: each is one more interface, and on the corpus
 * none of them lets through a policy that the URL, title and headings miss (the detector reads them).
 */
export function readCheapSignals(doc: Document, url: string): CheapSignals {
  let title = '';
  let h1: string | undefined;
  try {
    // XML documents and odd frames may not expose a title, or may throw.
    title = doc.title;
    // querySelector, the cheapest first look at a page's elements: it stops at the first match, and its
    // binding is the one any content script reading the page pays for anyway. A page names itself in
    // its first h1; on the corpus, reading the first h2 beside it, or more h1s, let through no policy
    // that this misses.
    h1 = doc.querySelector('h1')?.textContent?.trim();
  } catch {
    // A broken or foreign document (a detached frame, an XML viewer) yields what was read so far.
  }
  // Locals first and one object at the end: on a content script's first call this measured cheaper
  // than filling in an object field by field.
  const headings: string[] = [];
  if (h1) headings.push(clip(h1));
  else readFirstH2s(doc, headings);
  return { url, title: clip(title), headings };
}

/**
 * A page without h1 text (a logo-only h1, an app shell) names itself in its h2s: the first three, read
 * through a live collection (one more interface, so only when needed; item(i) stops at the i-th match).
 * A function of its own so that pages with an h1 never compile it.
 */
function readFirstH2s(doc: Document, out: string[]): void {
  try {
    const list = doc.getElementsByTagName('h2');
    for (let i = 0; i < MAX_H2_WITHOUT_H1; i++) {
      const t = list.item(i)?.textContent?.trim();
      if (t) out.push(clip(t));
      else if (t === undefined) break;
    }
  } catch {
    // As above: what was read so far.
  }
}

/**
 * A URL as its words: percent escapes decoded (/datenschutzerkl%C3%A4rung), the raw text when they are
 * malformed. Also what detection reads URLs with.
 */
export function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

const DISMISSED = Object.freeze({ pass: false, reason: 'no privacy word in URL, title or first headings' });

export function gate(signals: CheapSignals): { pass: boolean; reason: string } {
  // One lower-cased haystack, hyphens and underscores read as spaces (URL slugs: /personal-data,
  // /data_protection), and one indexOf per gate word. Ordinary pages, which match nothing, get a shared
  // verdict back. Not a regular expression: compiling a 90-word alternation costs about 0.3 ms the first
  // time a process runs it (Node, fresh process: 0.33 ms against 0.04 ms for this loop), more than the
  // whole budget. A renderer keeps the compiled expression for the next pages of the same site, so only
  // the first page of a site paid it: there this loop measured 0.1-0.3 ms cheaper in the bench, and on
  // later pages it was within 0.015 ms of the expression. The whole URL is read, host, path, query and
  // fragment: a hash-routed single-page app names its pages in the fragment (/#/privacy). Fields are
  // joined by newlines, which no gate word contains, so no match spans two.
  const url = signals.url.includes('%') ? decodedUrl(signals.url) : signals.url;
  const hay = (url + '\n' + signals.title + '\n' + signals.headings.join('\n')).toLowerCase().replaceAll('-', ' ').replaceAll('_', ' ');
  let at = -1;
  let word = '';
  for (const w of GATE_WORDS) {
    const i = hay.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      word = w;
    }
  }
  if (at < 0) return DISMISSED;
  const where = at < url.length ? 'url' : at <= url.length + signals.title.length ? 'title' : 'heading';
  return { pass: true, reason: `${where} mentions "${word}"` };
}
