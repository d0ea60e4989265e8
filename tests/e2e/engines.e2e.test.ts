/**
 * Same input, same answer, on any machine, and in either browser: the change engine's analysis of the same
 * two versions is byte-identical in Node (where the CLI and the corpus checks run it), in Chromium's V8
 * and in Firefox's SpiderMonkey. What could differ between them: sentence segmentation (Intl.Segmenter
 * and each browser's ICU data), case folding and normalisation, regular expressions with Unicode
 * properties, and the last digit of Math.exp, which the classifier's scores and their order depend on.
 * The engine is bundled (esbuild) from the same sources as the extension and run in a blank page
 * (scripts/lib/engine-browsers.ts); `npm run check:engines` does the same over the development pairs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticPolicy } from '../../scripts/bench/support/synthetic';
import { bundleEngine, inChromium, inFirefox } from '../../scripts/lib/engine-browsers';
import { analyzeCases, type EngineCase } from '../../scripts/lib/engine-cases';

// Our own policies, in the languages the engine reads, with abbreviations, lists under a lead-in, a table,
// and changes of every kind (new AI training, wider sharing, a denial, a rewording).
const EN_OLD = `# Privacy Policy

Last updated: March 3, 2025

## Sharing your information

We share personal information with service providers, e.g. hosting and payment companies, who process it on our behalf. We do not sell your personal information.

We may disclose information to the following recipients:

* Service providers that host our servers
* Authorities, when the law requires it

## How we use information

We use your notes to provide, maintain and sync the service. Dr. Smith of Acme Inc. reviews requests within 30 days.
`;
const EN_NEW = `${EN_OLD.replace('Last updated: March 3, 2025', 'Last updated: November 2, 2026').replace('* Authorities, when the law requires it', '* Authorities, when the law requires it\n* Advertising partners and data brokers')}
## Artificial intelligence

We may use the content of your notes to train and improve our generative AI models, including with our affiliates. You can opt out of this use in your settings.

| Data | Recipients | Purpose |
| --- | --- | --- |
| Device identifiers | Advertising partners | Personalised ads |
`;
const DE_OLD = `# Datenschutzerklärung

Stand: 1. März 2025

## Weitergabe

Wir geben Ihre Daten an Dienstleister weiter, z. B. Hosting-Anbieter, die sie in unserem Auftrag verarbeiten. Wir verkaufen Ihre Daten nicht.

## Nutzung

Wir nutzen Ihre Beiträge nur für den Dienst, d. h. zur Anzeige und Synchronisierung.
`;
const DE_NEW = DE_OLD.replace('an Dienstleister weiter', 'an Dienstleister und Werbepartner weiter').replace('nur für den Dienst, d. h. zur Anzeige und Synchronisierung.', 'für den Dienst und um unsere KI-Modelle zu trainieren und zu verbessern. Sie können dem jederzeit widersprechen.');
const FR_OLD = `# Politique de confidentialité

## Partage

Nous partageons vos données avec nos prestataires, p. ex. l'hébergeur, qui les traitent pour notre compte. Nous ne vendons pas vos données.

## Utilisation

Nous utilisons vos contenus pour fournir le service, c.-à-d. l'affichage et la synchronisation.
`;
const FR_NEW = FR_OLD.replace('avec nos prestataires', 'avec nos prestataires et nos partenaires publicitaires').replace("pour fournir le service, c.-à-d. l'affichage et la synchronisation.", "pour fournir le service et pour entraîner nos modèles d'intelligence artificielle.");
const ES_OLD = `# Política de privacidad

## Compartir

Compartimos sus datos con proveedores de servicios, p. ej. el alojamiento, que los tratan por cuenta nuestra. No vendemos sus datos personales.
`;
const ES_NEW = ES_OLD.replace('No vendemos sus datos personales.', 'Podemos vender sus datos personales a terceros con fines publicitarios.');

const CASES: EngineCase[] = [
  { name: 'English, a rewritten policy', language: 'en', older: EN_OLD, newer: EN_NEW },
  { name: 'German', language: 'de', older: DE_OLD, newer: DE_NEW },
  { name: 'French', language: 'fr', older: FR_OLD, newer: FR_NEW },
  { name: 'Spanish, a denial turned into a sale', language: 'es', older: ES_OLD, newer: ES_NEW },
  { name: 'two unrelated 5,000-word policies', language: 'en', older: syntheticPolicy(5_000, 3), newer: syntheticPolicy(5_000, 4) },
];

let code = '';
let expected: string[] = [];

beforeAll(async () => {
  code = await bundleEngine();
  expected = analyzeCases(CASES);
});

/** The cases whose analysis in the browser differs from Node's, by name (none, we expect). */
function differing(results: readonly string[]): string[] {
  return CASES.filter((_, i) => results[i] !== expected[i]).map((c) => c.name);
}

describe('the same analysis in Node, Chromium and Firefox', () => {
  it('compares real analyses: every case has changed text, and the cases have findings', () => {
    const parsed = expected.map((json) => JSON.parse(json) as { changes: unknown[]; findings: unknown[] });
    for (const [i, a] of parsed.entries()) expect(a.changes.length, CASES[i]?.name).toBeGreaterThan(0);
    // (The Spanish sale is a known miss of the model: classify.test.ts.)
    expect(parsed.filter((a) => a.findings.length > 0).length).toBeGreaterThanOrEqual(CASES.length - 1);
  });

  it('Chromium gives byte-identical analyses', async () => {
    expect(differing(await inChromium(code, CASES))).toEqual([]);
  });

  it('Firefox gives byte-identical analyses', async () => {
    expect(differing(await inFirefox(code, CASES))).toEqual([]);
  });
});
