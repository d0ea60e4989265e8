/**
 * The first, nearly free stage that runs on every page: it reads a handful of cheap signals and
 * dismisses pages that cannot be privacy policies. Recall comes first, because a page dismissed here
 * is never looked at again; precision is the detector's job.
 *
 * Only cheap reads: the URL, `document.title`, `<html lang>`, the canonical link from `<head>`, and the
 * text of the first few h1/h2. No `innerText`, no layout, no scan of the body text.
 */

/**
 * Lower-case substrings that, in a URL, title or first heading, say "this page may be a privacy
 * policy or privacy-adjacent document". Recall matters most: a page matching none is never looked at
 * again. Plain substrings (accented and unaccented spellings both listed) rather than one big regular
 * expression: on the first call on a page, compiling a large regex costs more than the whole check.
 * Legal-hub words (legal, terms, policy...) are here too, because some sites publish their privacy
 * policy on a combined legal page; the detector sorts those out.
 */
const GATE_WORDS = [
  // en
  'privacy', 'personal data', 'personal information', 'personal-data', 'personal-information', 'data protection', 'data-protection',
  'data policy', 'data-policy', 'datapolicy', 'data processing', 'data-processing', 'data commitments', 'data-commitments',
  'your data', 'your-data', 'how we use', 'gdpr', 'ccpa', 'cookie', 'tracker', 'legal', 'policy', 'policies', 'terms', 'dpa',
  // de
  'datenschutz', 'dsgvo', 'privatsph', 'auftragsverarbeitung', 'rechtliche', 'rechtliches', 'agb', 'nutzungsbedingungen',
  // fr
  'confidentialit', 'vie privée', 'vie-privee', 'vie privee', 'données personnelles', 'donnees-personnelles', 'donnees personnelles',
  'données à caractère', 'rgpd', 'traceurs', 'mentions légales', 'mentions-legales', 'juridique', 'conditions',
  // es / pt
  'privacidad', 'privacidade', 'datos personales', 'datos-personales', 'protección de datos', 'proteccion-de-datos',
  'dados pessoais', 'dados-pessoais', 'proteção de dados', 'protecao-de-dados', 'lgpd', 'aviso legal', 'aviso-legal', 'términos', 'termos',
  // it
  'informativa', 'riservatezza', 'dati personali', 'dati-personali', 'note legali', 'termini', 'condizioni',
  // nl
  'privacyverklaring', 'privacybeleid', 'persoonsgegevens', 'gegevensbescherming', 'voorwaarden',
  // zh / ja / ko
  '隐私', '隱私', '个人信息', '個人情報', 'プライバシー', '개인정보',
];

export interface CheapSignals {
  url: string;
  title: string;
  lang: string;
  canonical: string;
  headings: string[];
}

const MAX_HEADINGS_PER_LEVEL = 3;
const MAX_HEAD_LINKS = 100;
const MAX_SIGNAL_CHARS = 300;

function clip(s: string | null | undefined): string {
  if (!s) return '';
  return s.length > MAX_SIGNAL_CHARS ? s.slice(0, MAX_SIGNAL_CHARS) : s;
}

export function readCheapSignals(doc: Document, url: string): CheapSignals {
  const signals: CheapSignals = { url, title: '', lang: '', canonical: '', headings: [] };
  try {
    signals.title = clip(doc.title);
  } catch {
    // XML documents and odd frames may not expose a title.
  }
  try {
    signals.lang = clip(doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang'));
    // Only <head>'s own links, walked by hand: a selector would be parsed and compiled on every page.
    const links = doc.head?.getElementsByTagName('link');
    for (let i = 0; links && i < MAX_HEAD_LINKS; i++) {
      const link = links.item(i);
      if (!link) break;
      if (/(^|\s)canonical(\s|$)/i.test(link.getAttribute('rel') ?? '')) {
        signals.canonical = clip(link.getAttribute('href'));
        break;
      }
    }
    // Live collections are walked lazily, so asking for the first few stops early on big pages.
    // Reading `.length` would count every match in the document; item(i) stops at the i-th.
    for (const tag of ['h1', 'h2']) {
      const list = doc.getElementsByTagName(tag);
      for (let i = 0; i < MAX_HEADINGS_PER_LEVEL; i++) {
        const el = list.item(i);
        if (!el) break;
        const t = el.textContent;
        if (t) signals.headings.push(clip(t.trim()));
      }
    }
  } catch {
    // A broken or foreign document yields whatever was read so far.
  }
  return signals;
}

function urlParts(url: string): string {
  // Host and path both carry meaning (privacy.example.com, /legal/privacy); the fragment does not.
  const hash = url.indexOf('#');
  const noHash = hash >= 0 ? url.slice(0, hash) : url;
  const scheme = noHash.indexOf('://');
  const noScheme = scheme >= 0 ? noHash.slice(scheme + 3) : noHash;
  if (!noScheme.includes('%')) return noScheme;
  try {
    return decodeURIComponent(noScheme);
  } catch {
    return noScheme; // malformed escapes: match on the raw text
  }
}

export function gate(signals: CheapSignals): { pass: boolean; reason: string } {
  const fields: Array<[string, string]> = [
    ['url', urlParts(signals.url)],
    ['title', signals.title],
    ['canonical', urlParts(signals.canonical)],
    ['heading', signals.headings.join(' | ')],
  ];
  for (const [name, value] of fields) {
    if (!value) continue;
    const lower = value.toLowerCase();
    for (const w of GATE_WORDS) {
      if (lower.includes(w)) return { pass: true, reason: `${name} mentions "${w}"` };
    }
  }
  return { pass: false, reason: 'no privacy word in URL, title, canonical link or first headings' };
}
