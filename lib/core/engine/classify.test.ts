import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Category } from '../schema';
import { attributesOf, selfNames } from './attributes';
import { classifySentence, OTHER_LANGUAGE_SHARING_OFFSET, prepareSentence, statementClassifier } from './classify';
import { prepare, words } from './model/features';
import { inOtherLanguage } from './model/gloss';
import { denial, LEXICON_RULES } from './lexicon';

const has = (sentence: string, category: Category, polarity: 'states' | 'restricts') =>
  classifySentence(sentence).some((c) => c.category === category && c.polarity === polarity);

describe('vocabulary rules are backed by examples', () => {
  it.each(LEXICON_RULES.flatMap((r) => r.examples.positive.map((x) => [r.category, x] as const)))('%s: "%s" is recognised', (category, sentence) => {
    expect(classifySentence(sentence).some((c) => c.category === category)).toBe(true);
  });
  it.each(LEXICON_RULES.flatMap((r) => r.examples.negative.map((x) => [r.category, x] as const)))('%s: "%s" is not', (category, sentence) => {
    expect(classifySentence(sentence).some((c) => c.category === category)).toBe(false);
  });
});

describe('categories and polarity', () => {
  it.each<[string, Category, 'states' | 'restricts']>([
    // third-party sharing
    ['We may share your personal information with our advertising partners.', 'third-party-sharing', 'states'],
    ['We sell personal information to data brokers.', 'third-party-sharing', 'states'],
    ['Your information may be disclosed to our affiliates and group companies.', 'third-party-sharing', 'states'],
    ['We share personal information with third parties for cross-context behavioral advertising.', 'third-party-sharing', 'states'],
    ['Your prompts may be shared with third-party AI model providers.', 'third-party-sharing', 'states'],
    ['We do not sell your personal information.', 'third-party-sharing', 'restricts'],
    ['We will never share your data with advertisers.', 'third-party-sharing', 'restricts'],
    ['Third parties may collect information about you through cookies on our site.', 'third-party-sharing', 'states'],
    ['Right to opt out of sale: you may direct us not to sell your personal information.', 'third-party-sharing', 'restricts'],
    ['You can opt out of the sale or sharing of your personal information.', 'third-party-sharing', 'restricts'],
    ['We do not share your data with third parties except with service providers who help us.', 'third-party-sharing', 'states'],
    // AI training
    ['We use your content to train our AI models.', 'ai-training', 'states'],
    ['Your conversations may be used to improve our large language models.', 'ai-training', 'states'],
    ['Our affiliates may use your posts to develop generative AI features.', 'ai-training', 'states'],
    ['Inputs may be used for model training by our partners.', 'ai-training', 'states'],
    ['We do not use your content to train AI models.', 'ai-training', 'restricts'],
    ['Your data will not be used for training machine learning models.', 'ai-training', 'restricts'],
    ['You can opt out of AI training in your settings.', 'ai-training', 'restricts'],
    // other categories
    ['We collect biometric identifiers such as face geometry.', 'sensitive-data', 'states'],
    ['With your permission we collect your precise location.', 'sensitive-data', 'states'],
    ['We do not collect health information.', 'sensitive-data', 'restricts'],
    ['We use your activity to show you personalized ads.', 'advertising-profiling', 'states'],
    ['You can opt out of interest-based advertising.', 'advertising-profiling', 'restricts'],
    ['We retain your personal data for 90 days after account closure.', 'retention', 'states'],
    ['Your data may be transferred to the United States and other countries.', 'international-transfer', 'states'],
    ['We rely on standard contractual clauses for international transfers.', 'international-transfer', 'states'],
    ['Our services are not directed to children under 13.', 'children', 'restricts'],
    ['We collect information from teens with parental consent.', 'children', 'states'],
    ['You have the right to access, correct and delete your personal data.', 'user-rights', 'states'],
    ['You may withdraw your consent at any time.', 'user-rights', 'states'],
    ['If you do not wish to have your details shared with our partners, write to our privacy team.', 'third-party-sharing', 'restricts'],
    ['If you choose to enter a contest, we share your entry with its sponsor.', 'third-party-sharing', 'states'],
    // Spanish leaves "we" out: the verb's ending says it ("compartimos"), as "podemos" does before another verb.
    ['Compartimos sus datos personales con socios publicitarios y empresas afiliadas.', 'third-party-sharing', 'states'],
    ['Podemos vender sus datos personales a terceros con fines publicitarios.', 'third-party-sharing', 'states'],
    // Read through the English glosses of its words (features.ts glossOf): missed before model 3.
    ['Ihre Daten können an Dritte übermittelt werden, die in unserem Auftrag handeln.', 'third-party-sharing', 'states'],
    // German compounds ("Sprachmodelle"), Italian, Portuguese and Dutch words for models and training open
    // the AI head's gate (missed before the twenty-fourth session).
    ['Ihre Inhalte werden zum Training unserer Sprachmodelle verwendet.', 'ai-training', 'states'],
    ['Utilizziamo i tuoi contenuti per addestrare i nostri modelli di intelligenza artificiale.', 'ai-training', 'states'],
    ['Utilizamos os seus dados para treinar os nossos modelos de inteligência artificial.', 'ai-training', 'states'],
  ])('"%s" → %s %s', (sentence, category, polarity) => {
    expect(has(sentence, category, polarity)).toBe(true);
  });

  // Clear statements the shipped model misses (sentence recall for sharing is about 0.75 in the grouped
  // validation; README "Limits"). Recorded so that a model that gets them right makes these fail and the
  // list is moved up. Outside English and French only plainly built statements are found (README "Limits").
  it.fails.each<[string, Category, 'states' | 'restricts']>([
    ['The data in your file is transmitted to the insurer and, where applicable, to the experts appointed to assess the claim.', 'third-party-sharing', 'states'],
  ])('known miss: "%s" → %s %s', (sentence, category, polarity) => {
    expect(has(sentence, category, polarity)).toBe(true);
  });

  it.each<[string, Category]>([
    ['You can share your playlists with friends.', 'third-party-sharing'],
    ['Unsere Mitarbeiter erhalten regelmäßig Datenschutz-Trainings.', 'ai-training'],
    // A sale of goods is no sale of data, whatever the gloss of "vente" would say (review 24a).
    ["Les conditions générales de vente s'appliquent à vos achats et à vos données.", 'third-party-sharing'],
    ['We train our employees on privacy and security.', 'ai-training'],
    ['Our help chat is powered by AI.', 'ai-training'],
    ['We use cookies to remember your language.', 'third-party-sharing'],
    ['We collect your approximate location from your IP address.', 'sensitive-data'],
    ['We keep you informed about product updates.', 'retention'],
    ['You can transfer your subscription to another email address.', 'international-transfer'],
  ])('"%s" is not %s', (sentence, category) => {
    expect(classifySentence(sentence).some((c) => c.category === category)).toBe(false);
  });

  it('a denial covers only its own clause', () => {
    const s = 'We do not sell your personal information, but we share it with advertising partners.';
    expect(has(s, 'third-party-sharing', 'restricts')).toBe(true);
    expect(has(s, 'third-party-sharing', 'states')).toBe(true);
  });

  it('a denial covers every item of the list it introduces, semicolons and all', () => {
    const listed = 'We do not sell or share your order history for: targeted advertising; third-party marketing; resale to data brokers.';
    expect(has(listed, 'third-party-sharing', 'restricts')).toBe(true);
    expect(has(listed, 'third-party-sharing', 'states')).toBe(false);
    // A "however" after the list still turns it, and so does a semicolon when the only colon is an address's.
    expect(has('We do not sell your order history for: targeted advertising; however, we share it with advertising partners.', 'third-party-sharing', 'states')).toBe(true);
    expect(has('We do not sell your order history (see https://example.com/ccpa); we share it with advertising partners.', 'third-party-sharing', 'states')).toBe(true);
    // Without a list, a semicolon still turns the sentence.
    expect(has('We do not sell your personal information; we share it with advertising partners.', 'third-party-sharing', 'states')).toBe(true);
  });

  it('a denial holds when its verbs stand in quotes, as the state laws write them', () => {
    for (const s of ['Inkwell does not "sell" or "share" the personal information of its users.', 'We do not “sell” your notes.', "We don't 'share' your drafts with advertisers."]) {
      expect(has(s, 'third-party-sharing', 'restricts')).toBe(true);
      expect(has(s, 'third-party-sharing', 'states')).toBe(false);
    }
    // "If you do not, we share" denies nothing.
    expect(has('If you do not, we may share your notes with advertising partners.', 'third-party-sharing', 'states')).toBe(true);
    // A phrase set off by commas does not end the denial.
    expect(has('We do not, under any circumstances, sell your notes.', 'third-party-sharing', 'states')).toBe(false);
    // A denial in another clause does not reach the quoted verb.
    for (const s of ['Although we do not receive payment, we "share" your identifiers with advertising partners.', 'We do not charge for this, and we "share" your identifiers with advertising partners.']) {
      expect(has(s, 'third-party-sharing', 'states')).toBe(true);
    }
  });

  it('a denial bounded by consent or necessity stays a restriction', () => {
    expect(has('We will not share your data with third parties without your consent.', 'third-party-sharing', 'states')).toBe(false);
    expect(has('We do not transfer it to partners except as needed to provide the service.', 'third-party-sharing', 'states')).toBe(false);
  });

  it('reads a denial with an exception as stating the practice too', () => {
    expect(has('We do not share your data with third parties except with service providers who help us.', 'third-party-sharing', 'states')).toBe(true);
    expect(has('We do not share your data with third parties except with your consent.', 'third-party-sharing', 'states')).toBe(false);
  });

  it('names what a statement names, and tells a named recipient from the service itself', () => {
    const classify = statementClassifier({ names: { self: selfNames('Inkwell Privacy Policy', 'https://www.inkwell.example/privacy') } });
    const [hit] = classify('We share your notes with OpenAI and with Inkwell Labs to improve our writing assistant.').filter((c) => c.category === 'third-party-sharing');
    expect(hit?.attributes.named).toEqual(['OpenAI']);
    expect(hit?.attributes.data).toContain('content');
  });

  it('says whose models a training statement trains', () => {
    const models = (s: string) => classifySentence(s).find((c) => c.category === 'ai-training')?.attributes.models;
    expect(models('We use your posts to train our AI models.')).toBe('own');
    expect(models('We may share your prompts with AI providers so they can train their own models.')).toBe('third-party');
    expect(models('Our affiliates may use your data to train our generative AI models.')).toBe('own');
  });

  it('reads the most specific recipient: advertising partners are advertisers, not also "partners"', () => {
    const a = attributesOf('we share your email address with our advertising partners and service providers.', '');
    expect(a.recipients).toEqual(['advertisers', 'service-providers']);
    expect(a.data).toEqual(['contact']);
  });

  it('reports the words that weighed most', () => {
    const hit = classifySentence('We use your content to train our AI models.').find((c) => c.category === 'ai-training');
    expect(hit?.triggers).toContain('train');
    expect(hit?.triggers.length).toBeLessThanOrEqual(3);
  });

  it('handles typographic variants the same way', () => {
    expect(classifySentence('We don’t sell your data.')).toEqual(classifySentence("We don't sell your data."));
  });

  it('understands a first set of French patterns', () => {
    expect(has('Nous partageons vos données avec nos partenaires commerciaux.', 'third-party-sharing', 'states')).toBe(true);
    expect(has('Vos données ne sont pas utilisées pour entraîner nos modèles.', 'ai-training', 'restricts')).toBe(true);
  });

  // The model has seen little but English; the cues' word lists (model/cues.ts) carry what it learned about
  // "a verb of handing over, then another party" into the other languages they hold.
  it.each([
    'Nous pouvons communiquer vos informations à des prestataires de services qui agissent pour notre compte.',
    'Vos données peuvent être transmises à nos filiales et à des sociétés tierces.',
    'Wir geben Ihre personenbezogenen Daten an Werbepartner und Analyseanbieter weiter.',
    'Podemos divulgar su información a terceros proveedores de servicios.',
  ])('finds a plainly built sharing statement in another language: "%s"', (sentence) => {
    expect(has(sentence, 'third-party-sharing', 'states')).toBe(true);
  });

  it.each([
    'Nous conservons vos données pendant trois ans après la clôture de votre compte.',
    'Wir speichern Ihre Daten nur so lange, wie es für den Zweck erforderlich ist.',
    'Conservamos sus datos mientras su cuenta esté activa.',
  ])('does not take keeping data for sharing it in another language: "%s"', (sentence) => {
    expect(classifySentence(sentence).some((c) => c.category === 'third-party-sharing')).toBe(false);
  });
});

describe('denials by grammar', () => {
  it.each([
    'If you decline, you may not be able to use some features of the app.',
    'We are not responsible for the use other sites make of your information.',
    'We do not know how you use the articles you download.',
    // An elliptical "don't," and a denial of something else before the clause that states the practice.
    "You can block cookies; if you don't, advertising partners will use them to show you ads.",
    'We do not, for now, charge for the app; instead, advertisers, as set out below, use your data to show you ads.',
    'We do not, for now, offer a paid plan, though advertisers, as set out below, use your data for ads.',
  ])('a negation of ability, blame or knowledge, or of something else, denies no practice: "%s"', (sentence) => {
    expect(denial(prepareSentence(sentence))).toBeNull();
  });

  it.each([
    'We do not sell your personal information.',
    'Your messages will never be used to train our models.',
    'We may not use your data for advertising.',
    // Any verb of handing over, as in the other languages.
    'We do not send the details of your reading to outside analytics firms.',
    'Your address will not be passed on to any other organisation.',
    'We never release your contact details to marketing companies.',
    // A parenthetical between the negation and its verb that holds a list of its own, or opens after "never,".
    'We do not, whatever an advertiser, a broker or a reseller may offer us, sell your reading history.',
    'We never, whether on our own or through partners, affiliates or any buyer of our company, disclose your address.',
    'Your voice recordings are never, in raw or in edited form, used to train our speech models.',
    'We never, ever sell your reading history.',
    'We never, under any circumstances, knowingly sell your reading history to data brokers.',
    'Nor, for that matter, do we sell your reading history to data brokers.',
  ])(
    'a negation governing a practice verb is a denial: "%s"',
    (sentence) => {
      expect(denial(prepareSentence(sentence))).not.toBeNull();
    },
  );
});

describe('a denial with any verb of handing over', () => {
  it('reads "we do not send it to third parties" as a restriction of sharing, not as sharing', () => {
    const found = classifySentence('We do not send any details of your activity to third-party analytics services.', 'third-party-sharing');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.polarity === 'restricts' && c.stance === 'does-not')).toBe(true);
  });
  // Such a verb counts only right after the negation: a negation a few words before governs another verb.
  it.each([
    'We do not anonymize the data we send to our advertising partners.',
    'We do not need your consent to pass your data to our affiliates.',
    'We do not encrypt the data we pass to third-party analytics providers.',
    'We do not limit what data we send to our partners.',
    'We never store card numbers; we pass them directly to our payment processor.',
    "We don't pass judgement on your posts, and we send your usage data to our advertising partners.",
    'We may not always tell you when we exchange data with partners.',
    'Disclosures of your personal information to our analytics providers are not considered a sale.',
  ])('still reads sharing stated: "%s"', (sentence) => {
    expect(denial(prepareSentence(sentence))).toBeNull();
    expect(classifySentence(sentence, 'third-party-sharing').some((c) => c.polarity === 'states')).toBe(true);
  });
});

describe('a choice in a sentence that also denies', () => {
  const choices = (sentence: string) => classifySentence(sentence, 'third-party-sharing').filter((c) => c.stance === 'choice');
  it('keeps the denial beside the choice it shows', () => {
    const found = choices('We do not sell your personal information to advertisers, and you can opt out of the cookies our advertising partners set.');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.alsoDenies === true)).toBe(true);
  });
  it('says nothing of a denial where there is none', () => {
    const found = choices('You can opt out of the cookies our advertising partners set to show you ads.');
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((c) => c.alsoDenies)).toBe(false);
  });
});

describe('a practice beside a choice', () => {
  it('a practice on until the user opts out is stated, and limited', () => {
    for (const sentence of [
      'Unless you opt out, we share your purchase history with advertising partners.',
      'We share your purchase history with advertising partners, but you can opt out in your settings.',
      // A phrase before the clause, or a negation after its verb, does not take the statement away.
      'For marketing purposes, we share your purchase history with advertising partners, but you can opt out.',
      'We sell your purchase history to companies that are not part of our group, but you can opt out.',
      'Unless you opt out, we share your purchase history with advertising partners, whether or not you have an account.',
    ]) {
      expect(has(sentence, 'third-party-sharing', 'states'), sentence).toBe(true);
      expect(has(sentence, 'third-party-sharing', 'restricts'), sentence).toBe(true);
    }
  });
  it('a choice alone states nothing, whatever clause it sits in', () => {
    for (const sentence of [
      // A topic, a hedge or a condition before the choice states nothing.
      'With regard to any sale of your reading history to data brokers, you have the right to opt out.',
      'To the extent we sell your reading history to data brokers, you can opt out.',
      'In the unlikely event that we sell your reading history, you may opt out.',
      // Nor does a negation the grammar does not read as a denial.
      'We have no plans to sell your reading history, but you may opt out of any future sale.',
      'If you do not want us to share your purchase history with advertising partners, please change your settings.',
      'For all of our other apps, you may opt out of this sharing with advertising partners by email.',
      'California residents can say “Do Not Sell” my personal information to us.',
    ])
      expect(has(sentence, 'third-party-sharing', 'states'), sentence).toBe(false);
  });
});

// Model 4's cues read a word their lists lack by its gloss ("cedidos", "ceduti", "disponibilizamos": transfer,
// provide): model 3 read none of these three as sharing.
describe('sharing stated in the forms Spanish, Italian and Portuguese policies use', () => {
  it.each([
    ['Los datos podrán ser cedidos a empresas del grupo para fines administrativos.', 'states'],
    ['Disponibilizamos as suas informações aos nossos parceiros de publicidade.', 'states'],
    ['I tuoi dati personali non vengono ceduti a terzi.', 'restricts'],
  ] as const)('"%s" is a sharing statement (%s)', (sentence, polarity) => {
    expect(has(sentence, 'third-party-sharing', polarity)).toBe(true);
  });

  // A sentence in another language is read against a lower sharing threshold (OTHER_LANGUAGE_SHARING_OFFSET);
  // with the English threshold, model 4 missed both.
  it.each([
    'A loja compartilha os dados de entrega dos clientes com a transportadora.',
    'Facilitamos a la aseguradora los datos necesarios para tramitar el siniestro.',
  ])('"%s" is a sharing statement, read with the threshold for other languages', (sentence) => {
    expect(has(sentence, 'third-party-sharing', 'states')).toBe(true);
  });

  it('never lowers the threshold for an English sentence: none of ours has two words the gloss table holds', () => {
    const english = readFileSync(join(import.meta.dirname, '../../../data/written-sharing-en.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(english.filter((s) => inOtherLanguage(words(prepare(s))))).toEqual([]);
    expect(OTHER_LANGUAGE_SHARING_OFFSET).toBeGreaterThan(0);
  });

  // Forms kept out of the gloss table for their other sense (review 26): a part, goods sold, "makes easier".
  it.each([
    'Wij maken deel uit van de Zonnebloem groep.',
    'De verkoop van onze producten verloopt via onze webwinkel.',
    'La empresa comercializa productos de alimentación.',
    "L'uso dei cookie facilita la navigazione.",
    'Il sito fornisce link a siti di terze parti.',
    'Verkaufte Waren werden innerhalb von zwei Tagen versendet.',
  ])('"%s" is no sharing statement', (sentence) => {
    expect(has(sentence, 'third-party-sharing', 'states')).toBe(false);
    expect(has(sentence, 'third-party-sharing', 'restricts')).toBe(false);
  });
});

describe('denials and choices in the other languages the sharing head reads', () => {
  it.each([
    'Wir geben Ihre personenbezogenen Daten nicht an Dritte weiter.',
    'Wij verkopen uw gegevens niet aan derden.',
    'No vendemos sus datos personales a terceros.',
    'Non condividiamo i tuoi dati personali con terze parti.',
    'Não vendemos os seus dados pessoais a terceiros.',
  ])('a negated sharing statement is a denial, never a statement of sharing: "%s"', (sentence) => {
    expect(denial(prepareSentence(sentence))).not.toBeNull();
    expect(has(sentence, 'third-party-sharing', 'states')).toBe(false);
  });

  it.each([
    'Eine Weitergabe Ihrer Daten an Dritte findet nicht statt.',
    'Wir werden Ihre Daten unter keinen Umständen an Dritte weitergeben.',
    'Wir verkaufen keine Daten.',
    'Sus datos personales no son compartidos con terceros.',
    'No se los vendemos a terceros.',
    'Non li vendiamo a nessuno.',
  ])('reads the negation wherever the language puts it: "%s"', (sentence) => {
    expect(denial(prepareSentence(sentence))).not.toBeNull();
  });

  it.each([
    'Wir geben Ihre Daten nicht nur an Partner weiter, sondern auch an Werbenetzwerke.',
    'Nicht nur teilen wir Ihre Daten mit Werbepartnern, wir verkaufen sie auch.',
    'Non solo condividiamo i dati con i partner.',
    'Não só partilhamos os dados com parceiros.',
    'I dati non personali sono condivisi con i nostri partner pubblicitari.',
    'We collect non personal information provided by your browser and share it with advertising partners.',
    'We share data with Nie & Co, our processor.',
  ])('denies nothing with "not only", a "non" that qualifies a noun, or an English sentence: "%s"', (sentence) => {
    expect(denial(prepareSentence(sentence))).toBeNull();
  });

  it('lets a turn of the clause ("aber", "pero", "ma") bring the practice back after a denial', () => {
    expect(has('Wir verkaufen Ihre Daten nicht, aber wir geben sie an Werbepartner weiter.', 'third-party-sharing', 'states')).toBe(true);
  });

  it.each([
    'When you unsubscribe, we share your email address with our marketing partners.',
    'We may decide whether to sell your personal information to data brokers.',
  ])('a choice that does not govern the practice leaves it stated: "%s"', (sentence) => {
    expect(has(sentence, 'third-party-sharing', 'states')).toBe(true);
  });
});

describe('no catastrophic backtracking', () => {
  it.each([
    `Does the company disclose information it has about me? ${'-'.repeat(80)}`,
    `We may share ${"'".repeat(60)} information ${'- '.repeat(60)}`,
    `Third parties ${'—-'.repeat(60)} may collect ${'-'.repeat(60)}`,
    `Unless you ${'opt out, '.repeat(200)}we share ${', but you can'.repeat(200)}`,
    `We share it ${'; you may '.repeat(300)}${'unless you '.repeat(300)}`,
  ])('classifies a sentence full of dashes or quotes quickly (%#)', (sentence) => {
    const t0 = performance.now();
    classifySentence(sentence);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
