/**
 * Our sentence labels are data the training and the evaluations read by hash: a malformed line, a label
 * outside the guidelines or a sentence text copied from the corpus would silently move a figure (or break
 * the corpus's licence terms). And the French and German labels find their sentences again on the pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignPolicySentences, loadSharingMultiLabels, readJsonl, sentenceHash, serviceKey } from '../../scripts/train/data';
import { DEFAULT_FIT } from '../../scripts/train/fit';
import { SHARING_C3PA_LABELS_FILE, SHARING_MULTI_LABELS_FILE } from '../../scripts/train/run';

const dir = mkdtempSync(join(tmpdir(), 'cw-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  h: string;
  tp: string;
  confidence: string;
  readings: number;
  status: string;
  draw?: number;
  page?: string;
}
const ALLOWED = new Set(['h', 'tp', 'confidence', 'readings', 'status', 'draw', 'page']);

describe('our sharing labels of C3PA sentences and of French and German pages', () => {
  it.each([
    [SHARING_C3PA_LABELS_FILE, 3456],
    [SHARING_MULTI_LABELS_FILE, 1583],
  ])('%s: a hash, a label of the guidelines, its readings, no text, nothing twice', (file, count) => {
    const rows = readJsonl<Row>(file);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.h)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.h).toMatch(/^[0-9a-f]{16}$/);
      expect(['shares', 'denies', 'choice', 'none']).toContain(r.tp);
      expect(['high', 'low']).toContain(r.confidence);
      expect(r.readings).toBeGreaterThanOrEqual(1);
      expect(r.readings).toBeLessThanOrEqual(3);
      // More than one reading only where readers settled it; a single reading keeps its reader's confidence.
      if (r.readings > 1) expect(r.confidence).toBe('high');
      for (const key of Object.keys(r)) expect(ALLOWED.has(key)).toBe(true);
    }
  });

  it('C3PA: three draws, the third only measured on by the shipped fit; the French and German pages measured on', () => {
    const draws = readJsonl<Row>(SHARING_C3PA_LABELS_FILE).map((r) => r.draw ?? 1);
    expect([1, 2, 3].map((d) => draws.filter((x) => x === d).length)).toEqual([1150, 1150, 1156]);
    expect(DEFAULT_FIT.sharingC3pa).toBe('fit');
    expect(DEFAULT_FIT.sharingC3paDraws).toBe(2);
    expect(DEFAULT_FIT.sharingMulti ?? 'eval').toBe('eval');
  });
});

describe('sentences of non-English policy pages (data.ts foreignPolicySentences)', () => {
  const corpus = join(dir, 'corpus');
  const page = (lang: string, paragraphs: string[]) =>
    `<!doctype html><html lang="${lang}"><head><title>Privacy</title></head><body><main><article><h1>Privacy</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
  const french = [
    "Nous transmettons votre adresse électronique à notre prestataire d'envoi de courriels. Il ne l'utilise que pour nos envois.",
    'Vos données de paiement sont traitées par notre banque partenaire. Nous ne vendons jamais vos données à des tiers.',
    "Vous pouvez à tout moment retirer votre consentement depuis les paramètres de votre compte, sans frais et sans justification.",
  ];
  const english = ['We share your email address with the company that sends our newsletters for us. It uses it only for that.'];
  // Terms in French, and a second service's cookie policy in German.
  const terms = ["En utilisant le service, vous acceptez de respecter les présentes conditions générales d'utilisation dans leur intégralité."];
  const german = ['Wir geben Ihre Nutzungsdaten an unseren Analysedienstleister weiter, der sie nur in unserem Auftrag verarbeitet.'];
  for (const site of ['Exemple', 'Beispiel']) mkdirSync(join(corpus, 'detection', 'pages', 'ota', site), { recursive: true });
  writeFileSync(join(corpus, 'detection', 'pages', 'ota', 'Exemple', 'fr.html'), page('fr', [...french, ...french.slice(0, 1)]));
  writeFileSync(join(corpus, 'detection', 'pages', 'ota', 'Exemple', 'en.html'), page('en', english.concat(english, english)));
  writeFileSync(join(corpus, 'detection', 'pages', 'ota', 'Exemple', 'cgu.html'), page('fr', terms.concat(terms, terms)));
  writeFileSync(join(corpus, 'detection', 'pages', 'ota', 'Beispiel', 'cookies.html'), page('de', german.concat(german, german)));
  const entry = (site: string, file: string, type: string) => ({ file: `detection/pages/ota/${site}/${file}`, dataset: 'open_terms_archive', document_type: type, site, source_url: `https://${site.toLowerCase()}.test/${file}` });
  const index = [entry('Exemple', 'fr.html', 'Privacy Policy'), entry('Exemple', 'en.html', 'Privacy Policy'), entry('Exemple', 'cgu.html', 'Terms of Service'), entry('Beispiel', 'cookies.html', 'Trackers Policy')];
  writeFileSync(join(corpus, 'detection', 'index.jsonl'), index.map((e) => JSON.stringify(e)).join('\n'));

  it('reads only privacy and trackers policies in another language than English, each text once, with its page', () => {
    const got = [...foreignPolicySentences(corpus)];
    expect(got.length).toBeGreaterThanOrEqual(6);
    const pages = new Set(got.map((s) => `${s.service} ${s.lang} ${s.page.split('/').pop()}`));
    expect([...pages]).toEqual(['Exemple fr fr.html', 'Beispiel de cookies.html']);
    expect(got.some((s) => /conditions générales/.test(s.text))).toBe(false);
    expect(new Set(got.map((s) => s.text)).size).toBe(got.length);
    expect(got.some((s) => s.text.startsWith('Nous transmettons votre adresse'))).toBe(true);
    expect(got.some((s) => /newsletters/.test(s.text))).toBe(false);
    expect([...foreignPolicySentences(corpus, new Set(['detection/pages/ota/Exemple/en.html']))]).toEqual([]);
  });

  it('finds labelled sentences by hash, measured on unless a fit asks for them, grouped by service', () => {
    const sentences = [...foreignPolicySentences(corpus)];
    const shares = sentences.find((s) => s.text.startsWith('Nous transmettons'));
    const denies = sentences.find((s) => s.text.startsWith('Nous ne vendons jamais'));
    expect(shares && denies).toBeTruthy();
    const file = join(dir, 'multi.jsonl');
    const label = (text: string, tp: string) => ({ h: sentenceHash(text), page: 'detection/pages/ota/Exemple/fr.html', tp, confidence: 'high', readings: 1, status: 'single' });
    writeFileSync(file, [label(shares!.text, 'shares'), label(denies!.text, 'denies'), label('Une phrase absente de la page.', 'shares')].map((r) => JSON.stringify(r)).join('\n'));
    const measured = loadSharingMultiLabels(corpus, file, 'eval');
    expect(measured.map((s) => [s.text.slice(0, 17), s.labels['third-party-sharing'], s.stance, s.evalOnly, s.source])).toEqual([
      ['Nous transmettons', 1, 'does', true, 'sharing-multi-labels'],
      ['Nous ne vendons j', 1, 'does-not', true, 'sharing-multi-labels'],
    ]);
    const german = sentences.find((s) => s.service === 'Beispiel');
    writeFileSync(file, [label(shares!.text, 'shares'), label(denies!.text, 'denies'), label('Une phrase absente de la page.', 'shares'), { ...label(german!.text, 'shares'), page: german!.page }].map((r) => JSON.stringify(r)).join('\n'));
    const fitted = loadSharingMultiLabels(corpus, file, 'fit');
    expect(fitted.map((s) => [s.evalOnly ?? false, s.group])).toEqual([
      [false, serviceKey('Exemple')],
      [false, serviceKey('Exemple')],
      [false, serviceKey('Beispiel')],
    ]);
    expect(serviceKey('Exemple')).not.toBe(serviceKey('Beispiel'));
    expect(readFileSync(file, 'utf8')).not.toContain('Nous transmettons');
  });
});
