/**
 * What a careful reader of each language would stumble over (review 23a): a German preposition with the
 * wrong case, a party named that does not train AI, a French article not contracted or elided, a count
 * written in another region's convention, English that does not agree in number.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisDigest, Gained, Severity } from '../schema';
import { explainer, type FindingFacts } from './index';

const NOTHING: Gained = { recipients: [], named: [], data: [], purposes: [] };
const g = (over: Partial<Gained>): Gained => ({ ...NOTHING, ...over });
const fact = (over: Partial<FindingFacts>): FindingFacts => ({ category: 'third-party-sharing', kind: 'new', gained: NOTHING, attributes: NOTHING, signals: [], ...over });
/** A change's digest (what the popup, the history and the badge keep), its findings of one severity. */
const digest = (severity: Severity, facts: FindingFacts[], minor = 0): AnalysisDigest => ({
  changed: true,
  counts: { major: severity === 'major' ? facts.length : 0, minor, goodNews: severity === 'good-news' ? facts.length : 0, cosmetic: 0 },
  findings: facts.map(({ category, kind, gained, attributes, signals }) => ({ category, kind, severity, gained, attributes, signals })),
});

describe('German: who trains AI models, after „von“, is in the dative', () => {
  it.each([
    ['advertisers', 'Werbetreibenden'],
    ['partners', 'Partnern'],
    ['third-parties', 'Dritten'],
    ['ai-providers', 'KI-Anbietern'],
    ['affiliates', 'verbundenen Unternehmen'],
    ['researchers', 'Forschenden'],
    ['financial-institutions', 'Banken und Versicherern'],
  ])('new AI training by %s: „auch von %s“', (recipient, dative) => {
    const f = fact({ category: 'ai-training', attributes: g({ recipients: [recipient] }), gained: g({ recipients: [recipient] }) });
    expect(explainer('de').headline(f)).toMatch(new RegExp(`, auch von ${dative}$`));
  });

  it('expanded AI training, a list: „jetzt auch von OpenAI und Partnern“; sharing keeps the accusative after „an“', () => {
    const f = fact({ category: 'ai-training', kind: 'expanded', gained: g({ recipients: ['partners'], named: ['OpenAI'] }) });
    expect(explainer('de').headline(f)).toMatch(/, jetzt auch von OpenAI und Partnern$/);
    expect(explainer('de').headline(fact({ kind: 'expanded', gained: g({ recipients: ['partners'] }) }))).toBe('Erweitert: Weitergabe jetzt auch an Partner');
  });
});

describe('a buyer of the business is never named as training AI models', () => {
  it.each([
    ['en', 'Expanded: more of your data may be used to train AI models'],
    ['de', 'Erweitert: Mehr Ihrer Daten dürfen zum Training von KI-Modellen genutzt werden'],
    ['fr', 'Élargi\u00a0: davantage de vos données peuvent servir à entraîner des modèles d’IA'],
    ['es', 'Ampliado: más de sus datos pueden usarse para entrenar modelos de IA'],
  ])('%s: an AI finding that gained "buyers" names no one', (lang, want) => {
    const f = fact({ category: 'ai-training', kind: 'expanded', gained: g({ recipients: ['buyers'] }), attributes: g({ recipients: ['buyers'] }) });
    expect(explainer(lang).headline(f)).toBe(want);
  });

  it('en: the others gained with the buyer are still named', () => {
    const f = fact({ category: 'ai-training', kind: 'expanded', gained: g({ recipients: ['buyers', 'partners'] }) });
    expect(explainer('en').headline(f)).toBe('Expanded: more of your data may be used to train AI models, now also by partners');
  });
});

describe('a sensitive-data headline with no terms to quote (a digest, for the badge) has no empty brackets', () => {
  it.each([
    ['en', 'New: sensitive data is mentioned'],
    ['de', 'Neu: Sensible Daten werden erwähnt'],
    ['fr', 'Nouveau\u00a0: des données sensibles sont mentionnées'],
    ['es', 'Nuevo: se mencionan datos sensibles'],
  ])('%s; the terms still quoted when the finding has them', (lang, want) => {
    expect(explainer(lang).headline(fact({ category: 'sensitive-data' }))).toBe(want);
    expect(explainer(lang).headline(fact({ category: 'sensitive-data', kind: 'expanded' }))).not.toMatch(/\(\s*\)/);
    expect(explainer(lang).headline(fact({ category: 'sensitive-data', evidence: [{ triggers: ['health conditions'] }] }))).toBe(`${want} (health conditions)`);
  });
});

describe('French: « de » elides before a vowel', () => {
  it('« à des fins d’analyse »', () => {
    const f = fact({ attributes: g({ recipients: ['advertisers'], purposes: ['analytics'] }) });
    expect(explainer('fr').headline(f)).toBe('Nouveau\u00a0: vos données peuvent être partagées avec des annonceurs, à des fins d’analyse');
  });

  it('« à des fins d’entraînement de l’IA », and « de » before a consonant', () => {
    expect(explainer('fr').headline(fact({ kind: 'expanded', gained: g({ purposes: ['ai-training'] }) }))).toBe('Élargi\u00a0: vos données peuvent désormais être partagées à des fins d’entraînement de l’IA');
    expect(explainer('fr').headline(fact({ kind: 'expanded', gained: g({ purposes: ['advertising'] }) }))).toMatch(/à des fins de publicité$/);
  });
});

describe('French and Spanish labels contract the preposition with the article', () => {
  const wider = (...recipients: string[]) => fact({ kind: 'expanded', gained: g({ recipients }) });
  it.each([
    ['fr', wider('authorities'), 'partage élargi aux autorités'],
    ['fr', wider('public'), 'partage élargi au public'],
    ['fr', wider('advertisers', 'authorities', 'public'), 'partage élargi à des annonceurs, aux autorités et au public'],
    ['es', wider('public'), 'intercambio ampliado al público'],
    ['es', wider('advertisers', 'authorities', 'public'), 'intercambio ampliado a anunciantes, a las autoridades y al público'],
  ])('%s: %#', (lang, f, want) => {
    expect(explainer(lang).label(f)).toBe(want);
  });

  it('French summary labels are joined with a no-break space before the semicolon', () => {
    expect(explainer('fr').summary(digest('major', [fact({ category: 'ai-training' }), wider('public')]))).toBe('2 changements importants\u00a0: nouvel entraînement de l’IA\u00a0; partage élargi au public.');
  });
});

describe('storage full: the alert asks only for what a user can do', () => {
  it.each([
    ['en', /Free some disk space; Clausewatch will try again the next time it checks the policy or you open it\.$/, /remove|options page/i],
    ['de', /Geben Sie Speicherplatz auf dem Datenträger frei; Clausewatch versucht es erneut/, /entfernen Sie|Einstellungen/],
    ['fr', /Libérez de l’espace disque\u00a0; Clausewatch réessaiera/, /supprimez|options/],
    ['es', /Libere espacio en el disco; Clausewatch volverá a intentarlo/, /elimine|opciones/],
  ])('%s', (lang, says, never) => {
    const text = explainer(lang).ui.storage.saveFailed('quota');
    expect(text).toMatch(says);
    expect(text).not.toMatch(never);
  });
});

describe('the "other sites" tooltip says "at least" when the count was capped', () => {
  it.each([
    ['en', 'Clausewatch: at least 10 watched sites have'],
    ['de', 'Clausewatch: mindestens 10 beobachtete Websites haben'],
    ['fr', 'Clausewatch\u00a0: au moins 10 sites surveillés ont'],
    ['es', 'Clausewatch: al menos 10 sitios vigilados tienen'],
  ])('%s', (lang, want) => {
    const { badge } = explainer(lang).ui;
    expect(badge.elsewhere(10, ['a.example', 'b.example', 'c.example'], true)).toContain(want);
    expect(badge.elsewhere(9, ['a.example', 'b.example', 'c.example'], false)).not.toMatch(/least|mindestens|moins|menos/);
  });
});

describe('counts follow the same regional convention as sizes and dates', () => {
  it('es-MX: "1.5 MB" and "12,345 versiones" in one line, never "12.345"; a bare "es" keeps its own convention', () => {
    const e = explainer('es-MX');
    expect(e.ui.options.used(e.format.bytes(1_536_000), 12_345, 2, 3)).toBe('1.5 MB en uso: 12,345 versiones de 2 políticas en 3 sitios.');
    const es = explainer('es');
    expect(es.ui.options.used(es.format.bytes(1_536_000), 12_345, 2, 3)).toBe('1,5 MB en uso: 12.345 versiones de 2 políticas en 3 sitios.');
  });

  it.each(['es-419', 'de-CH', 'fr-CA'])('%s: the storage line writes its count as the size does', (tag) => {
    const e = explainer(tag);
    const line = e.ui.options.used(e.format.bytes(1_536_000), 12_345, 2, 3);
    expect(line).toContain(e.format.bytes(1_536_000));
    expect(line).toContain(new Intl.NumberFormat(tag).format(12_345));
  });

  it.each([
    ['en-US', '1,234 minor edits.'],
    ['en', '1,234 minor edits.'],
    ['de', '1.234 geringfügige Änderungen.'],
    ['fr', '1\u202f234 modifications mineures.'],
    ['es', '1234 cambios menores.'],
    ['es-MX', '1,234 cambios menores.'],
  ])('%s: the summary of a change writes its counts the same way: %s', (tag, want) => {
    expect(explainer(tag).summary({ changed: true, counts: { major: 0, minor: 1234, goodNews: 0, cosmetic: 0 }, findings: [] })).toBe(want);
  });

  it.each([
    ['de', '12.345 wichtige Änderungen: '],
    ['fr', '12\u202f345 changements importants\u00a0: '],
    ['es', '12.345 cambios importantes: '],
    ['en-US', '12,345 major changes: '],
  ])('%s: and the count of major changes: %s', (tag, want) => {
    const facts = Array.from({ length: 12_345 }, () => fact({ category: 'ai-training' }));
    expect(explainer(tag).summary(digest('major', facts))).toMatch(new RegExp(`^${want}`));
  });
});

describe('French sizes in failure reasons use French units', () => {
  it('« 5 Mo », not « 5 MB »', () => {
    expect(explainer('fr').ui.failure({ code: 'too-large', n: 5_000_000, m: 12_000_000 })).toBe('la page dépasse 5 Mo (elle annonce 12 Mo)\u00a0; non enregistrée');
  });
});

describe('English agrees in number', () => {
  const optOut = fact({ category: 'ai-training', kind: 'restricted', signals: ['opt-out'] });
  const limits = fact({ kind: 'restricted' });

  it('"news" has no plural: "1 piece of good news", "2 pieces of good news"', () => {
    expect(explainer('en').summary(digest('good-news', [optOut]))).toBe('1 piece of good news: AI training opt-out.');
    expect(explainer('en').summary(digest('good-news', [optOut, limits], 1))).toBe('2 pieces of good news: AI training opt-out; limits on sharing. 1 minor edit.');
  });

  it('"1 of the 4 versions has the page it was read from"', () => {
    expect(explainer('en').ui.options.savedPages(1, '1 KB', '2 KB', 1, 4)).toContain('1 of the 4 versions has the page it was read from.');
    expect(explainer('en').ui.options.savedPages(1, '1 KB', '2 KB', 3, 4)).toContain('3 of the 4 versions have the page they were read from.');
  });
});

describe('a date that cannot be read, after a preposition', () => {
  it.each([
    ['en', 'First seen on an unknown date · 2 versions', 'Watching since an unknown date · 2 versions', 'First seen 2 Nov 2026 · 1 version'],
    ['de', 'Zuerst gesehen zu einem unbekannten Zeitpunkt · 2 Versionen', 'Beobachtet seit einem unbekannten Datum · 2 Versionen', 'Zuerst gesehen am 02.11.2026 · 1 Version'],
    ['fr', 'Vue pour la première fois à une date inconnue · 2 versions', 'Surveillée depuis une date inconnue · 2 versions', 'Vue pour la première fois le 2 nov. 2026 · 1 version'],
    ['es', 'Vista por primera vez en una fecha desconocida · 2 versiones', 'Vigilada desde una fecha desconocida · 2 versiones', 'Vista por primera vez el 2 nov 2026 · 1 versión'],
  ])('%s: the popup; a readable date keeps its own preposition', (lang, firstSeen, watching, readable) => {
    const { ui, format } = explainer(lang);
    expect(ui.popup.firstSeen(format.day(Number.NaN), 2)).toBe(firstSeen);
    expect(ui.popup.watchingSince(format.day(Number.NaN), 2)).toBe(watching);
    expect(ui.popup.firstSeen(format.day(new Date(2026, 10, 2, 12).getTime()), 1)).toBe(readable);
  });

  it.each([
    ['en', 'Changes between an unknown date and 2 Nov 2026', 'Changes between two versions first seen on an unknown date', 'Older: seen on an unknown date', 'Newer: seen 2 Nov 2026'],
    ['de', 'Änderungen zwischen einem unbekannten Datum und 02.11.2026', 'Änderungen zwischen zwei Versionen, beide zuerst gesehen zu einem unbekannten Zeitpunkt', 'Ältere Version, gesehen zu einem unbekannten Zeitpunkt', 'Neuere Version, gesehen am 02.11.2026'],
    ['fr', 'Changements entre une date inconnue et le 2 nov. 2026', 'Changements entre deux versions vues pour la première fois à une date inconnue', 'Ancienne version, vue à une date inconnue', 'Nouvelle version, vue le 2 nov. 2026'],
    ['es', 'Cambios entre una fecha desconocida y el 2 nov 2026', 'Cambios entre dos versiones vistas por primera vez en una fecha desconocida', 'Versión anterior, vista en una fecha desconocida', 'Versión posterior, vista el 2 nov 2026'],
  ])('%s: the history page\'s comparison heading and version titles', (lang, heading, sameMoment, older, newer) => {
    const { ui, format } = explainer(lang);
    const known = new Date(2026, 10, 2, 12).getTime();
    expect(ui.comparison.heading(format.day(Number.NaN), format.day(known))).toBe(heading);
    expect(ui.comparison.headingSameMoment(format.day(Number.NaN))).toBe(sameMoment);
    expect(ui.comparison.older(format.day(Number.NaN))).toBe(older);
    expect(ui.comparison.newer(format.day(known))).toBe(newer);
  });

  it('fr: the Markdown summary', () => {
    const { ui } = explainer('fr');
    expect(ui.markdown.compared(ui.time.unknownDate, '2026-03-01')).toBe('Comparaison de la version vue pour la première fois à une date inconnue avec celle vue pour la première fois le 2026-03-01.');
  });
});

describe('German good-news headlines start with a capital after the colon', () => {
  it('„Gute Nachricht: Neue Grenzen für personalisierte Werbung …“', () => {
    expect(explainer('de').headline(fact({ category: 'advertising-profiling', kind: 'restricted' }))).toBe('Gute Nachricht: Neue Grenzen für personalisierte Werbung oder Profilbildung');
  });
});
