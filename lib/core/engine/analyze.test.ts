import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainer } from '../explain';
import { digestOf } from '../schema';

const words = explainer('en');
import { documentFromMarkdown } from '../page/markdown';
import { ChangeAnalysis } from '../schema';
import { analyzeChange, analyzeChangeYielding, describePolicy, MAX_VERSION_WORDS, SENTENCES_PER_STEP } from './index';

const BASE = `# Privacy Policy

Last updated: January 1, 2024

## Information we collect

We collect your name and email address when you sign up.

We collect usage data to operate the service.

## How we share information

We share your information with service providers who host our servers.

We do not sell your personal information.

## Your rights

You can request a copy of your data.
`;

const doc = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: 'en' });
/** A policy of the service Acme, at its own address (its own names are never recipients). */
const acme = (text: string) => documentFromMarkdown(text, { url: 'https://www.acme.example/privacy', language: 'en' });
const analyze = (newer: string, older = BASE) => analyzeChange(doc(older), doc(newer));

describe('golden explanations', () => {
  const headlines = (a: ReturnType<typeof analyze>, severity: string) => a.findings.filter((f) => f.severity === severity).map((f) => words.headline(f));
  it.each([
    {
      name: 'new AI training by affiliates',
      newer: BASE.replace('We collect usage data to operate the service.', 'We collect usage data to operate the service.\n\nWe may use your content to train our AI models, including by our affiliates.'),
      major: ['New: your data may be used to train AI models, including by affiliates', 'Expanded: now also shared with affiliates, for AI training'],
      summary: /^2 major changes: new AI training; wider sharing with affiliates\./,
    },
    {
      name: 'a recipient appended to a sharing sentence',
      newer: BASE.replace('who host our servers.', 'who host our servers and with advertising partners.'),
      major: ['Expanded: now also shared with advertisers, for advertising'],
      summary: /^1 major change: wider sharing with advertisers\./,
    },
    {
      name: '"do not sell" becoming "may sell"',
      newer: BASE.replace('We do not sell your personal information.', 'We may sell your personal information.'),
      major: ['New: your personal data may be sold'],
      summary: /^1 major change: new sale of data\.$/,
    },
    {
      name: 'a sale added to a sharing sentence, recipients unchanged',
      newer: BASE.replace('We share your information with service providers', 'We share or sell your information to service providers'),
      major: ['Expanded: your personal data may now be sold'],
      summary: /^1 major change: wider sale of data\./,
    },
    {
      name: 'a sale added inside a denial ("do not rent" to "do not rent or sell") makes the policy stricter, not wider',
      older: BASE.replace('We do not sell your personal information.', 'We do not rent your information to anyone, except to service providers who host our servers.'),
      newer: BASE.replace('We do not sell your personal information.', 'We do not rent or sell your information to anyone, except to service providers who host our servers.'),
      major: [],
      summary: /^(?!.*major)/,
    },
    {
      name: 'reselling is selling',
      newer: BASE.replace('We share your information with service providers', 'We share or resell your information to service providers'),
      major: ['Expanded: your personal data may now be sold'],
      summary: /^1 major change: wider sale of data\./,
    },
    {
      name: 'a sharing sentence that now also says it sells nothing',
      newer: BASE.replace('who host our servers.', 'who host our servers, and we never sell it.'),
      major: [],
      summary: /^(?!.*major)/,
    },
    {
      name: 'vendors are not buyers: a sentence naming vendors instead of providers',
      newer: BASE.replace('We share your information with service providers who host our servers.', 'We share your information with vendors who host our servers.'),
      major: [],
      summary: /^(?!.*major)/,
    },
    {
      name: 'a limit respelled ("aggregate" to "aggregated") is no limit removed',
      older: BASE.replace('We share your information with service providers who host our servers.', 'We share aggregate information with our research partners.'),
      newer: BASE.replace('We share your information with service providers who host our servers.', 'We share aggregated information with our research partners.'),
      major: [],
      summary: /^(?!.*major)/,
    },
    {
      name: 'an AI training opt-out where training was already stated',
      older: BASE.replace('We collect usage data to operate the service.', 'We use your content to train our AI models.'),
      newer: BASE.replace('We collect usage data to operate the service.', 'We use your content to train our AI models.\n\nYou can opt out of AI training in your settings.'),
      major: [],
      goodNews: 'Good news: you can now opt out of AI training',
      summary: /^\d pieces? of good news: AI training opt-out/,
    },
    {
      name: 'a new denial of sharing with advertisers',
      newer: BASE.replace('We do not sell your personal information.', 'We do not sell your personal information.\n\nWe never share your data with advertisers.'),
      major: [],
      goodNews: 'Good news: new limits on sharing your data',
      summary: /^\d pieces? of good news: limits on sharing/,
    },
    {
      name: 'the same practice in new words',
      newer: BASE.replace('We share your information with service providers who host our servers.', 'Service providers who host our servers receive your information from us.'),
      major: [],
      summary: /^1 minor edit\.$/,
    },
    {
      name: 'a new sharing practice together with a minor edit',
      newer: BASE.replace('We collect usage data to operate the service.', 'We collect usage data to operate and secure the service.').replace(
        'We do not sell your personal information.',
        'We do not sell your personal information.\n\nWe share your purchase history with data brokers.',
      ),
      major: ['Expanded: now also shared with data brokers'],
      summary: /^1 major change: wider sharing with data brokers\. 1 minor edit\.$/,
    },
    {
      name: 'data the older version only said it collected, now shared',
      newer: BASE.replace('We do not sell your personal information.', 'We do not sell your personal information.\n\nWe share your email address with service providers who host our servers.'),
      major: ['Expanded: your contact details may now be shared'],
      summary: /^1 major change/,
    },
  ])('$name', ({ newer, older, major, goodNews, summary }) => {
    const a = analyze(newer, older);
    expect(headlines(a, 'major')).toEqual(major);
    if (goodNews) expect(headlines(a, 'good-news')).toContain(goodNews);
    expect(words.summary(digestOf(a))).toMatch(summary);
  });

  it('marks the inserted words in the evidence, quotes the sentence before, and names what was gained', () => {
    const a = analyze(BASE.replace('who host our servers.', 'who host our servers and with advertising partners.'));
    const finding = a.findings[0];
    const spans = finding?.evidence[0]?.spans ?? [];
    expect(spans.filter((s) => s.op === 'insert').map((s) => s.text.trim())).toEqual(['and with advertising partners']);
    expect(finding?.evidence[0]?.previous).toBe('We share your information with service providers who host our servers.');
    expect(finding?.gained?.recipients).toEqual(['advertisers']);
    expect(finding?.section).toEqual(['Privacy Policy', 'How we share information']);
  });

  it('names a new recipient company as the policy writes it, and never the service itself', () => {
    const named = analyzeChange(acme(BASE), acme(BASE.replace('who host our servers.', 'who host our servers, and with OpenAI.')));
    expect(named.findings[0] && words.headline(named.findings[0])).toBe('Expanded: now also shared with OpenAI');
    expect(named.findings[0]?.gained?.named).toEqual(['OpenAI']);
    const own = analyzeChange(acme(BASE), acme(BASE.replace('who host our servers.', 'who host our servers, and with Acme Payments.')));
    expect(own.findings.filter((f) => f.severity === 'major')).toEqual([]);
  });

  it('reads no company name into the capitals that open list items', () => {
    const list = (items: string[]) =>
      BASE.replace('We do not sell your personal information.', `We share the following with our partners, including:\n\n${items.map((i) => `- ${i}`).join('\n')}\n\nWe do not sell your personal information.`);
    // The older version writes "billing" and "time" in lower case; the newer one's items open with capitals.
    const older = acme(list(['Your billing address, at billing time.']));
    const newer = acme(list(['Your billing address, at billing time.', 'Billing, shipping and contact details', 'Time zone', 'Preventing abuse of the service', 'IP address', 'Emergency situations, such as a risk of harm']));
    const named = analyzeChange(older, newer).findings.flatMap((f) => f.gained?.named ?? []);
    expect(named).toEqual([]);
    // A company that the policy names inside a sentence is still named when a list item opens with it.
    const withCompany = acme(list(['Your billing address, at billing time.', 'Mailchimp, which sends our newsletters']).replace('who host our servers.', 'who host our servers, such as Mailchimp.'));
    expect(analyzeChange(older, withCompany).findings.flatMap((f) => f.gained?.named ?? [])).toContain('Mailchimp');
  });

  it('names a company added to a list of processors, or to the end of an edited sentence', () => {
    const processors = (items: string[]) =>
      BASE.replace('We do not sell your personal information.', `We share your personal information with processors, including:\n\n${items.map((i) => `- ${i}`).join('\n')}\n\nWe do not sell your personal information.`);
    const added = analyzeChange(acme(processors(['Stripe (payments)'])), acme(processors(['Stripe (payments)', 'OpenAI, L.L.C. (AI features)'])));
    expect(added.findings.flatMap((f) => f.gained?.named ?? [])).toEqual(['OpenAI']);
    const edited = analyzeChange(acme(BASE), acme(BASE.replace('who host our servers.', 'who host our servers and to Microsoft.')));
    expect(edited.findings[0] && words.headline(edited.findings[0])).toBe('Expanded: now also shared with Microsoft');
  });

  it("takes the service's own name from its title and address before the name its policy writes most", () => {
    const signIn = Array.from({ length: 30 }, (_, i) => `You may sign in with Google on device ${i}.`).join('\n\n');
    const older = `${BASE}\n\n## Signing in\n\nAcme offers sign-in options.\n\n${signIn}\n`;
    const newer = older.replace('who host our servers.', 'who host our servers, and with Google.');
    expect(analyzeChange(acme(older), acme(newer)).findings.flatMap((f) => f.gained?.named ?? [])).toEqual(['Google']);
  });

  it("reads the service's own name from its text when its title is a sentence and its address gives none", () => {
    const untitled = (t: string) => documentFromMarkdown(t, { url: 'corpus:globex', language: 'en' });
    const uses = Array.from({ length: 12 }, (_, i) => `Your data helps Globex run service ${i}.`).join('\n\n');
    const older = `# How we handle what you give us\n\n${BASE}\n\n${uses}\n`;
    const newer = older.replace('who host our servers.', 'who host our servers, and with Globex.');
    expect(analyzeChange(untitled(older), untitled(newer)).findings.flatMap((f) => f.gained?.named ?? [])).toEqual([]);
  });

  it('quotes the closest older statement beside a new sentence that widens a practice', () => {
    const a = analyze(BASE.replace('We do not sell your personal information.', 'We do not sell your personal information.\n\nWe share your purchase history with data brokers.'));
    expect(a.findings[0]?.evidence[0]?.previous).toBe('We share your information with service providers who host our servers.');
    expect(a.findings[0]?.gained).toMatchObject({ recipients: ['data-brokers'], data: ['purchases'] });
  });

  it('says whether the older statement quoted beside a new sentence still stands, or was replaced by it', () => {
    // Added beside it: the newer version still says it, word for word.
    const beside = analyze(BASE.replace('We do not sell your personal information.', 'We do not sell your personal information.\n\nWe share your purchase history with data brokers.'));
    expect(beside.findings[0]?.evidence[0]).toMatchObject({ previous: 'We share your information with service providers who host our servers.', previousKept: true });
    // Put in its place: the older statement is gone from the newer version.
    const instead = analyze(
      BASE.replace('We share your information with service providers who host our servers.\n\n', '').replace(
        'You can request a copy of your data.',
        'You can request a copy of your data.\n\n## Partners\n\nWe share your information with data brokers, who pay for it.',
      ),
    );
    const evidence = instead.findings.find((f) => f.category === 'third-party-sharing')?.evidence[0];
    expect(evidence?.previous).toBe('We share your information with service providers who host our servers.');
    expect(evidence?.previousKept).toBeUndefined();
    // An edited sentence's former wording is never "kept".
    const edited = analyze(BASE.replace('who host our servers.', 'who host our servers and with advertising partners.'));
    expect(edited.findings[0]?.evidence[0]?.previousKept).toBeUndefined();
  });

  it('does not call a list item "still said" when the newer version puts it under a denial', () => {
    const policy = (leadIn: string, extra: string) =>
      `# Privacy Policy\n\n## Sharing\n\n${leadIn}\n\n- Your purchase history and browsing activity\n\n${extra}## Rights\n\nYou can request a copy of your data.\n`;
    const a = analyze(policy('We never share the following with advertising partners:', 'We share your purchase history with data brokers.\n\n'), policy('We share the following with advertising partners:', ''));
    const evidence = a.findings.find((f) => f.category === 'third-party-sharing' && f.kind === 'expanded')?.evidence[0];
    expect(evidence?.previous).toBe('Your purchase history and browsing activity');
    expect(evidence?.previousKept).toBeUndefined();
  });

  it('sorts findings major, then good news, then minor', () => {
    const newer = BASE.replace('You can request a copy of your data.', 'You can request a copy of your data.\n\nYou can delete your account at any time.')
      .replace('We collect usage data to operate the service.', 'We may use your content to train our AI models.')
      .replace('We share your information with service providers who host our servers.', 'Service providers who host our servers receive your information from us.');
    const order = analyze(newer).findings.map((f) => f.severity);
    expect(order).toEqual([...order].sort((x, y) => ['major', 'good-news', 'minor', 'cosmetic'].indexOf(x) - ['major', 'good-news', 'minor', 'cosmetic'].indexOf(y)));
    expect(order[0]).toBe('major');
  });

  it('groups several sentences of one section into one finding', () => {
    const newer = BASE.replace(
      'We do not sell your personal information.',
      'We do not sell your personal information.\n\nWe share your purchase history with data brokers.\n\nWe share your location with data brokers and advertisers.',
    );
    const sharing = analyze(newer).findings.filter((f) => f.category === 'third-party-sharing' && f.kind === 'expanded');
    expect(sharing).toHaveLength(1);
    expect(sharing[0]?.evidence).toHaveLength(2);
  });
});

describe('cosmetic differences are not news', () => {
  it.each([
    ['whitespace and typography', BASE.replace('We collect usage data', 'We   collect usage   data').replace("We do not sell", 'We do not sell')],
    ['quotes and dashes', BASE.replace('your name and email', '“your” name – and email').replace('We collect your name', 'We collect your name')],
    ['case only', BASE.replace('We collect usage data to operate the service.', 'WE COLLECT USAGE DATA TO OPERATE THE SERVICE.')],
    ['punctuation only', BASE.replace('operate the service.', 'operate the service!')],
    ['the last-updated date', BASE.replace('January 1, 2024', 'March 3, 2025')],
    ['list numbering', BASE.replace('We collect your name', '1. We collect your name').replace('We collect usage', '2. We collect usage')],
    ['link targets and tracking parameters', BASE.replace('request a copy of your data', 'request a copy of [your data](https://example.com/data?utm_source=mail)')],
    ['a hyphenated spelling', BASE.replace('email address', 'e-mail address')],
  ])('%s', (_name, newer) => {
    const a = analyze(newer);
    expect(a.findings).toEqual([]);
    expect(a.counts.major + a.counts.minor + a.counts.goodNews).toBe(0);
    expect(words.summary(digestOf(a))).toMatch(/^No (meaningful )?changes/);
    expect(a.changes.filter((c) => c.type !== 'moved')).toEqual([]);
  });

  it('a document that was only re-blocked yields nothing', () => {
    const merged = BASE.replace('We collect your name and email address when you sign up.\n\nWe collect usage data to operate the service.', 'We collect your name and email address when you sign up. We collect usage data to operate the service.');
    const a = analyze(merged);
    expect(a.findings).toEqual([]);
    expect(words.summary(digestOf(a))).toBe('No meaningful changes (only formatting).');
    expect(a.counts.cosmetic).toBeGreaterThan(0);
  });

  it('a moved section is reported as moved, never removed plus added', () => {
    const moved = BASE.replace('## Your rights\n\nYou can request a copy of your data.\n', '').replace('## Information we collect', '## Your rights\n\nYou can request a copy of your data.\n\n## Information we collect');
    const a = analyze(moved);
    expect(a.changes.map((c) => c.type)).toEqual(['moved', 'moved']);
    expect(a.findings).toEqual([]);
  });

  it('identical documents: no changes', () => {
    const a = analyze(BASE);
    expect(words.summary(digestOf(a))).toBe('No changes.');
    expect(a.changes).toEqual([]);
  });
});

describe('schema and bounds', () => {
  // The analysis is built to the schema, not parsed against it (parsing copied it again): whatever it
  // finds, parsing it must give back exactly what was returned, no key more or less.
  it.each([
    ['a sale', BASE.replace('We do not sell your personal information.', 'We may sell your personal information to advertisers.')],
    ['a removed denial, a moved section, a reworded sentence', BASE.replace('We do not sell your personal information.\n', '').replace('## Your rights\n\nYou can request a copy of your data.\n', '').replace('# Privacy Policy\n', '# Privacy Policy\n\n## Your rights\n\nYou can request a copy of your data.\n').replace('to operate the service', 'to run the service')],
    ['a new list of recipients, one named, and AI training', `${BASE}\n## Partners\n\nWe share your data with:\n\n- advertising partners, for ads\n- Acme Analytics Inc., for research\n\nWe use your posts to train generative AI models, unless you opt out in Settings.\n`],
    ['a restriction only', BASE.replace('We share your information with service providers who host our servers.', 'We share your information only with service providers who host our servers, and never for advertising.')],
    ['nothing but formatting', BASE.replace('Last updated: January 1, 2024', 'Last updated: March 3, 2025')],
  ])('the result is exactly what the ChangeAnalysis schema reads back: %s', (_name, newer) => {
    const a = analyze(newer);
    expect(ChangeAnalysis.parse(a)).toStrictEqual(a);
    expect(a.schemaVersion).toBe(2);
  });

  const words = (n: number, seed: number) => {
    const vocab = ['data', 'privacy', 'service', 'account', 'information', 'partner', 'security', 'cookie', 'request', 'contact', 'policy', 'email', 'device', 'content', 'choice', 'law'];
    let x = seed;
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out.push(vocab[x % vocab.length] ?? 'word');
      if (i % 12 === 11) out.push('.\n\n');
    }
    return out.join(' ');
  };

  it('compares two large unrelated documents in full: every sentence classified, nothing truncated', () => {
    const a = analyzeChange(doc(words(20_000, 1)), doc(words(20_000, 2)));
    expect(a.truncated).toBe(false);
    expect(() => ChangeAnalysis.parse(a)).not.toThrow();
  });

  it('cuts a version past MAX_VERSION_WORDS and says so: what lies past the cut is not read', () => {
    // About 1.1 million characters, past the cap of MAX_VERSION_WORDS words of six characters.
    const huge = `We now sell your personal information to data brokers.\n\n${words(MAX_VERSION_WORDS * 1.2, 3)}\n\nWe use your posts to train generative AI models.\n`;
    const a = analyzeChange(doc(BASE), doc(huge));
    expect(a.truncated).toBe(true);
    expect(a.findings.map((f) => f.category)).toContain('third-party-sharing');
    expect(a.findings.map((f) => f.category)).not.toContain('ai-training');
  });

  it('counts a block as at least one word: a version of one-letter blocks is cut at MAX_VERSION_WORDS of them', () => {
    const letters = (n: number) => ({ ...doc(BASE), blocks: Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, text: i % 2 ? 'a' : 'b', section: [] })) });
    // The same blocks on both sides: nothing to align past its bound, so only the size cap can cut.
    expect(analyzeChange(letters(MAX_VERSION_WORDS), letters(MAX_VERSION_WORDS)).truncated).toBe(false);
    const over = analyzeChange(letters(MAX_VERSION_WORDS + 1), letters(MAX_VERSION_WORDS + 1));
    expect(over.truncated).toBe(true);
    expect(over.findings).toEqual([]);
  });
});

describe('the same verdict on any machine', () => {
  const filler = Array.from({ length: 400 }, (_, i) => `Section ${i} describes how the service works for account number ${i}.`).join('\n\n');
  const newer = `${BASE}\n\n${filler}\n\nWe may use your content to train our AI models.\n\nWe share your purchase history with data brokers.`;
  afterEach(() => vi.restoreAllMocks());

  it('gives the same findings when every clock reading jumps a second ahead (a busy machine)', () => {
    const calm = analyzeChange(doc(BASE), doc(newer));
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000));
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 1000));
    const busy = analyzeChange(doc(BASE), doc(newer));
    expect(busy).toEqual(calm);
  });

  it('pauses between steps of work when asked, and finds exactly the same (the background answers messages meanwhile)', async () => {
    let pauses = 0;
    const yielding = await analyzeChangeYielding(doc(BASE), doc(newer), async () => {
      pauses++;
    });
    expect(yielding).toEqual(analyzeChange(doc(BASE), doc(newer)));
    // 400 sections of filler: at least one pause per SENTENCES_PER_STEP sentences classified.
    expect(pauses).toBeGreaterThanOrEqual(400 / SENTENCES_PER_STEP);
  });

  it('classifies every changed sentence whatever the policy length: the AI sentence after 400 sections is found', () => {
    const a = analyzeChange(doc(BASE), doc(newer));
    expect(a.truncated).toBe(false);
    expect(a.findings.some((f) => f.category === 'ai-training' && f.kind === 'new')).toBe(true);
    expect(a.findings.some((f) => f.category === 'third-party-sharing' && f.kind === 'expanded')).toBe(true);
  });
});

describe('widening an existing sharing sentence', () => {
  const kinds = (newer: string) => analyze(newer).findings.filter((f) => f.category === 'third-party-sharing').map((f) => f.kind);
  it.each([
    ['a new purpose (ad measurement)', 'who host our servers and to measure ads.'],
    ['a new purpose (inferences for advertising)', 'who host our servers, and inferences about you with advertisers.'],
    ['a new recipient (your employer)', 'who host our servers and with your employer.'],
  ])('%s makes it expanded', (_name, replacement) => {
    expect(kinds(BASE.replace('who host our servers.', replacement))).toContain('expanded');
  });
  it('the same recipients and purpose in new words stay a rewording', () => {
    expect(kinds(BASE.replace('We share your information with service providers who host our servers.', 'Your information is shared with service providers that host our servers.'))).not.toContain('expanded');
  });
});

describe('the clearest statement is quoted first', () => {
  // The classifier reads the second sentence of each pair as sharing with more confidence than the first.
  const vague = 'Partners may receive some information when you use their features.';
  const clear = 'We may disclose information to partners that help us run promotions.';
  const sharing = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.category === 'third-party-sharing' && f.severity === 'major');
  it('within a card, whatever the order of the sentences on the page', () => {
    const [card, ...rest] = sharing(analyze(`${BASE}\n## Partners\n\n${vague}\n\n${clear}\n`));
    expect(rest).toEqual([]);
    expect(card?.evidence.map((e) => e.sentence)).toEqual([clear, vague]);
  });
  it('across the cards of one severity and category, whatever the order of the sections', () => {
    const cards = sharing(analyze(`${BASE}\n## Features\n\n${vague}\n\n## Promotions\n\n${clear}\n`));
    expect(cards.map((f) => f.section.at(-1))).toEqual(['Promotions', 'Features']);
  });
});

describe('a change that only adds a restriction raises no alert', () => {
  const AI_BASE = BASE.replace('We collect usage data to operate the service.', 'We use your notes to train our AI models.');
  it.each([
    ['an AI-training denial', BASE, 'We will never use your notes to train AI models.'],
    ['an AI-training opt-out where training was stated', AI_BASE, 'You can opt out of having your notes used for model training in your settings.'],
    ['a denial of sale', BASE, 'We never sell or rent your data to data brokers.'],
    ['a denial with a consent limit', BASE, 'We will not share your messages with advertisers without your consent.'],
    ['a sharing opt-out', BASE, 'You can opt out of any sharing of your information with partners.'],
  ])('%s', (_name, older, added) => {
    const a = analyze(older.replace('You can request a copy of your data.', `You can request a copy of your data.\n\n${added}`), older);
    expect(a.findings.filter((f) => f.severity === 'major')).toEqual([]);
    expect(a.counts.major).toBe(0);
  });
});

describe('an explanation never names as gained what its quoted sentence denies', () => {
  const OLD = 'We share your information with service providers who host our servers.';
  const sharing = (replacement: string) => analyze(BASE.replace(OLD, replacement)).findings.filter((f) => f.category === 'third-party-sharing');
  it.each([
    ['"but never with" after the practice', `${OLD.slice(0, -1)}, but never with advertisers or data brokers.`],
    ['"and not with" naming companies', `${OLD.slice(0, -1)}, and not with Google or Meta.`],
    ['a new sentence whose subject is the recipient', `${OLD} Advertisers never receive your personal data.`],
  ])('%s is a restriction, and no headline says "now also shared with"', (_name, replacement) => {
    const found = sharing(replacement);
    expect(found.map((f) => f.kind)).toContain('restricted');
    expect(found.filter((f) => f.kind === 'expanded' || f.severity === 'major')).toEqual([]);
    expect(found.map((f) => words.headline(f)).join(' ')).not.toMatch(/now also shared/);
  });
  it('the same sentence with the recipients affirmed is still news of sharing with them', () => {
    const found = sharing(`${OLD.slice(0, -1)}, and with advertisers.`);
    const expanded = found.find((f) => f.kind === 'expanded');
    expect(expanded?.gained.recipients).toEqual(['advertisers']);
    expect(words.headline(expanded!)).toMatch(/now also shared with advertisers/);
  });
  it.each([
    ['a first predicate before a denied second one', 'Our contractors have access to your data only to run the service and are obligated not to disclose it for any other purpose.', ['restricts', 'states']],
    ['a requirement denied, not a need for consent', 'We never require that you disclose your personal information to other users.', ['restricts']],
    ['a denial in a relative clause before the main verb', 'Our partners, who are prohibited from using your data for other purposes, receive your email address for marketing.', ['restricts', 'states']],
    ['a denial in a relative clause about the recipients', 'We share your data with vendors, who never sell it.', ['restricts', 'states']],
    ['a denial in a relative clause about the data', 'Your data, which is never sold, stays with us.', ['restricts']],
    ['a denied predicate after "but"', 'Our vendors may have access to your data to deliver orders but will be prohibited from using it for anything else.', ['restricts', 'states']],
    ['a coordinated relative clause about the recipient', 'We share your address with a courier we contract with, and which agrees not to use it for any other purpose.', ['restricts', 'states']],
  ])('%s', (_name, sentence, polarities) => {
    const said = describePolicy(doc(`# Privacy\n\n${sentence}`)).filter((s) => s.category === 'third-party-sharing');
    expect(said.map((s) => s.polarity).sort()).toEqual(polarities);
  });
  it('a practice stated before a denial is stated only in its own category ("who may not use it to train AI" states no training)', () => {
    const said = describePolicy(doc('# Privacy\n\nWe share your data with our hosting providers, who may not use it to train AI models.'));
    expect(said.filter((x) => x.category === 'ai-training').map((x) => x.polarity)).toEqual(['restricts']);
    expect(said.filter((x) => x.category === 'third-party-sharing').map((x) => x.polarity)).toContain('states');
  });
  it('"we share it with service providers, but never with advertisers" still states sharing with service providers', () => {
    const said = describePolicy(doc(`# Privacy\n\n${OLD.slice(0, -1)}, but never with advertisers.`)).filter((s) => s.category === 'third-party-sharing');
    expect(said.map((s) => s.polarity).sort()).toEqual(['restricts', 'states']);
  });
});

describe('a limit on advertising is told as the limit it is', () => {
  const ADS = BASE.replace('We collect usage data to operate the service.', 'We use your browsing data to show you personalised ads.');
  const headline = (older: string, added: string) => {
    const a = analyze(older.replace('You can request a copy of your data.', `You can request a copy of your data.\n\n${added}`), older);
    return a.findings.filter((f) => f.category === 'advertising-profiling').map((f) => words.headline(f));
  };
  it('a denial offers the reader no choice', () => {
    expect(headline(BASE, 'We do not share your data with advertisers.')).toEqual(['Good news: new limits on targeted advertising or profiling']);
  });
  it('an opt-out does', () => {
    expect(headline(ADS, 'You can opt out of personalised ads in your account settings.')).toEqual(['Good news: you can now limit targeted advertising or profiling']);
  });
  it('ads never shown are no news of targeted advertising', () => {
    expect(headline(BASE, 'We will never show you personalised ads based on your browsing.')).toEqual(['Good news: new limits on targeted advertising or profiling']);
  });
});

describe('the grammar of a denial, and of a practice beside a negation', () => {
  // Sentences in our own words, one per grammatical form; a held-out set of such forms is measured in the
  // session notes (scripts/train/experiments/2026-judgement.md, session 20).
  const kinds = (added: string) =>
    analyze(BASE.replace('You can request a copy of your data.', `You can request a copy of your data.\n\n${added}`)).findings.filter((f) => f.category === 'third-party-sharing' || f.category === 'ai-training');
  it.each([
    ['a negative subject', 'None of the recordings you make are used to train our speech models.'],
    ['"nothing"', 'Nothing you type into the editor is shared with advertisers.'],
    ['neither … nor', 'Neither we nor our affiliates sell your contact details.'],
    ['a fronted "at no time"', 'At no time will we disclose your health data to insurers.'],
    ['a fronted "under no circumstances"', 'Under no circumstances do we rent your address book to marketers.'],
    ['a recipient that is nobody', 'We share your purchase history with no outside companies.'],
    ['a prohibition', 'Our payment processor is contractually forbidden from selling your card details.'],
    ['a promise not to', 'We promise not to use your photos to train image models.'],
    ['a parenthetical after the negation', 'We do not, whatever a partner may offer us, sell your browsing history.'],
    ['a denial in a subordinate clause', 'Although we do not sell your data, we keep it for two years.'],
    ['a denial in the main clause after a subordinate one', 'While you use the app, we never share your location with advertisers, data brokers or insurers.'],
    ['a denial after a caveat about security', 'We cannot guarantee perfect security, but we never share your health data with insurers.'],
    ['an opt-out beside a choice taken away', 'You can opt out of the sale of your data in your settings, although you cannot opt out of essential cookies.'],
    ['a relative clause about the data, inside the sentence', 'We collect your location, which we do not share with third parties, and your device identifiers.'],
    ['a relative clause denying a list of practices', 'We work with service providers, who do not sell, share, or use your personal information for advertising.'],
  ])('%s is told as a limit, never as a new or wider practice', (_form, sentence) => {
    const found = kinds(sentence);
    expect(found.length).toBeGreaterThan(0);
    // (A limit like one the older version had already is "reworded": no news either way.)
    expect(found.filter((f) => f.kind === 'new' || f.kind === 'expanded')).toEqual([]);
  });
  it.each([
    ['a negated need for consent', 'We do not need your consent to share your usage data with analytics partners.'],
    ['a choice taken away', 'You cannot opt out of the sale of your purchase history to data brokers.'],
    ['no guarantee', 'We cannot guarantee that your messages will not be used to train our models.'],
    ['"not only … but also"', 'We do not only share your data with service providers but also with advertising partners.'],
    ['"don\'t … but" without a comma', "We don't sell your data but we share it with advertising partners."],
    ['a practice after a subordinate denial', 'Although we do not sell your data, we disclose it to marketing partners.'],
    ['a condition with a negation', 'If our servers do not receive a Do Not Track signal, we share your browsing data with advertising partners.'],
    ['"no matter"', 'No matter where you live, your data is shared with our affiliates.'],
    ['"no" before a noun that is no denial', 'Visitors with no account can still buy, and we share their order details with advertising partners.'],
  ])('%s still states the practice: never told as good news alone', (_form, sentence) => {
    const found = kinds(sentence);
    expect(found.some((f) => f.kind === 'new' || f.kind === 'expanded')).toBe(true);
  });
});

describe('widening AI training', () => {
  const AI_BASE = BASE.replace('We collect usage data to operate the service.', 'We use your notes to train our AI models.');
  const kinds = (older: string, newer: string) => analyze(newer, older).findings.filter((f) => f.category === 'ai-training').map((f) => f.kind);
  it('de-identified data newly used for training still widens it', () => {
    expect(kinds(AI_BASE, AI_BASE.replace('to train our AI models.', 'to train our AI models.\n\nWe also use de-identified survey responses to train our models.'))).toContain('expanded');
  });
  it.each([
    ['a plan dropped from an exclusion list widens training', 'when you use Team, Enterprise or the paid API.', 'when you use Enterprise or the paid API.', 'expanded'],
    ['a denial reworded with new words stays a rewording', 'when you use Team, Enterprise or the paid API.', 'when you use the Team or Enterprise plans or the paid API.', 'reworded'],
  ])('%s', (_name, before, after, kind) => {
    const older = AI_BASE.replace('We do not sell your personal information.', `We do not use your inputs to train our AI models ${before}`);
    expect(kinds(older, older.replace(before, after))).toEqual([kind]);
  });
});

describe('describePolicy', () => {
  it('reads a list item after its lead-in, as the change analysis does', () => {
    const statements = describePolicy(doc('# Privacy\n\nWe may disclose the following to these recipients:\n\n* Your contacts to data brokers\n'));
    expect(statements).toContainEqual(expect.objectContaining({ category: 'third-party-sharing', sentence: 'Your contacts to data brokers' }));
  });

  it('says what a policy states now, with polarity', () => {
    const statements = describePolicy(doc(BASE.replace('We collect usage data to operate the service.', 'We may use your content to train our AI models.')));
    const summary = statements.map((s) => `${s.category}:${s.polarity}`);
    expect(summary).toContain('ai-training:states');
    expect(summary).toContain('third-party-sharing:states');
    expect(summary).toContain('third-party-sharing:restricts');
    const ai = statements.find((s) => s.category === 'ai-training');
    expect(ai?.section).toEqual(['Privacy Policy', 'Information we collect']);
    expect(ai?.triggers.length).toBeGreaterThan(0);
  });

  it('quotes sentences, never headings', () => {
    const statements = describePolicy(doc('# Privacy Policy\n\n## 5. How long we keep your information\n\nWe keep your notes for as long as your account is open.'));
    const sentences = statements.filter((s) => s.category === 'retention').map((s) => s.sentence);
    expect(sentences).toEqual(['We keep your notes for as long as your account is open.']);
  });
});

describe('a denial in another language is news of a restriction, never of sharing', () => {
  const DE = `# Datenschutzerklärung

## Welche Daten wir erheben

Wir erheben Ihren Namen und Ihre E-Mail-Adresse, wenn Sie sich registrieren.

## Weitergabe

Wir speichern Ihre Daten auf Servern in der Europäischen Union.
`;
  const de = (text: string) => documentFromMarkdown(text, { url: 'https://www.beispiel.example/datenschutz', language: 'de' });
  it.each([
    ['de', 'Wir geben Ihre personenbezogenen Daten nicht an Dritte weiter.'],
    ['nl', 'Wij verkopen uw gegevens niet aan derden.'],
    ['es', 'No vendemos sus datos personales a terceros.'],
  ])('(%s) "%s" added to a policy raises no major finding', (_lang, sentence) => {
    const a = analyzeChange(de(DE), de(`${DE}\n${sentence}\n`));
    expect(a.findings.filter((f) => f.severity === 'major')).toEqual([]);
  });
});

describe('a sale is news only where the policy tells of one', () => {
  const A = '# Privacy\n\nWe collect your email address to run the service.\n';
  const headlinesOf = (added: string) => analyze(`${A}\n${added}\n`, A).findings.filter((f) => f.category === 'third-party-sharing').map((f) => words.headline(f));
  it('"we do not sell your data, but we share it" is news of sharing, not of a sale', () => {
    expect(headlinesOf('We do not sell your data, but we share it with advertising partners.')).toEqual(['New: your data may be shared with advertisers, for advertising']);
  });
  it('a new denial of sale is still told as one', () => {
    expect(headlinesOf('We do not sell your personal information to anyone.')).toEqual(['Good news: the policy now says your data is not sold']);
  });
  it('"we do not sell it, except to our partners" is news of a sale', () => {
    expect(headlinesOf('We do not sell your data, except to our advertising partners.')).toEqual(['New: your personal data may be sold']);
  });
});

describe('what the older version already said is known, however it said it', () => {
  const sharing = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.category === 'third-party-sharing');
  const POLICY = `# Privacy Policy

## How we share information

We share your information with service providers who host our servers.

We may share your information with:

* Advertising partners

## Your choices

You can request a copy of your data.
`;

  it('a recipient named in a list item, under its lead-in, is no new recipient when a sentence names it', () => {
    const newer = POLICY.replace('You can request a copy of your data.', 'You can request a copy of your data.\n\nWe may also share device identifiers with advertising partners.');
    const found = sharing(analyze(newer, POLICY));
    expect(found.some((f) => f.gained.recipients.includes('advertisers'))).toBe(false);
    expect(found.every((f) => f.severity !== 'major' || f.gained.data.length > 0)).toBe(true);
  });

  const OPTED = `# Privacy Policy

## How we share information

We share your information with service providers who host our servers.

## Your choices

You may opt out of our sharing of your information with advertising partners in your settings.
`;

  it('an opt-out tells that the practice exists: the practice stated later is not wider', () => {
    const newer = OPTED.replace('who host our servers.', 'who host our servers.\n\nWe share your information with advertising partners.');
    expect(sharing(analyze(newer, OPTED)).filter((f) => f.severity === 'major')).toEqual([]);
  });

  it('a legal right to opt out, or a denial beside an opt-out, tells of no practice', () => {
    const added = 'We share your personal information with third parties for targeted advertising.';
    for (const older of [
      'We do not sell or share your personal information. You have the right to opt out of the sale or sharing of your personal information with third parties for targeted advertising.',
      'We do not share your personal information with third parties for targeted advertising, and you can disable cookies in your browser.',
    ]) {
      const before = OPTED.replace('You may opt out of our sharing of your information with advertising partners in your settings.', older);
      const newer = before.replace('who host our servers.', `who host our servers.\n\n${added}`);
      expect(sharing(analyze(newer, before)).some((f) => f.severity === 'major')).toBe(true);
    }
  });

  it('an opt-out written as the lead-in of a list tells of the practice its items name', () => {
    const before = OPTED.replace('You may opt out of our sharing of your information with advertising partners in your settings.', 'You can opt out of our sharing of your information with:\n\n* Advertising partners\n* Data brokers');
    const newer = before.replace('who host our servers.', 'who host our servers.\n\nWe share your information with advertising partners and data brokers.');
    expect(sharing(analyze(newer, before)).filter((f) => f.severity === 'major')).toEqual([]);
  });

  it('a practice on until the user opts out is news of the practice, not only of the opt-out', () => {
    for (const added of [
      'Unless you opt out, we share your information with data brokers.',
      'We share your information with data brokers unless you opt out in your settings.',
      'If you do not object, your information will be shared with data brokers.',
      'Even if you opt out of our newsletters, we keep sharing your information with data brokers.',
      'We share your information with data brokers, but you can opt out at any time.',
    ]) {
      const newer = OPTED.replace('who host our servers.', `who host our servers.\n\n${added}`);
      const found = sharing(analyze(newer, OPTED));
      expect(found.map((f) => f.kind), added).toContain('expanded');
      expect(found.find((f) => f.kind === 'expanded')?.severity, added).toBe('major');
    }
  });

  it('a choice that holds the practice back, or stops it, is not news of the practice', () => {
    for (const added of [
      'If you opt out, we will stop sharing your information with data brokers.',
      'Unless you opt in, we never share your information with data brokers.',
      'We will ask for your permission before sharing your information with data brokers, and you may decline.',
      'If you would like us to share your information with data brokers, you can opt in from your settings.',
    ]) {
      const newer = OPTED.replace('who host our servers.', `who host our servers.\n\n${added}`);
      expect(sharing(analyze(newer, OPTED)).filter((f) => f.severity === 'major'), added).toEqual([]);
    }
  });

  it('where the older version never spoke of the practice, a choice that holds it back is good news; an opt-out still tells of it', () => {
    const silent = '# Privacy Policy\n\n## Your account\n\nWe collect your email address when you create an account.\n';
    const findings = (added: string) => analyze(`${silent}\n${added}\n`, silent).findings.filter((f) => f.category === 'third-party-sharing' || f.category === 'ai-training');
    for (const added of [
      'We will not use your conversations to train our models unless you opt in.',
      'Unless you opt in, we never share your information with data brokers.',
      'If you would like us to share your information with data brokers, you can opt in from your settings.',
    ]) {
      const found = findings(added);
      expect(found.map((f) => [f.kind, f.severity]), added).toEqual([['restricted', 'good-news']]);
    }
    // An opt-out presupposes what it lets the reader refuse: this is how the reader learns of the sharing.
    expect(findings('If you opt out, we will stop sharing your information with data brokers.').map((f) => [f.category, f.kind, f.severity])).toEqual([['third-party-sharing', 'new', 'major']]);
  });

  it('a practice the older version denied is still news when stated', () => {
    const denied = OPTED.replace('You may opt out of our sharing of your information with advertising partners in your settings.', 'We do not share your information with advertising partners.');
    const newer = denied.replace('who host our servers.', 'who host our servers.\n\nWe share your information with advertising partners.');
    expect(sharing(analyze(newer, denied)).some((f) => f.severity === 'major')).toBe(true);
  });

  it('an opt-out that becomes a plain statement is not a new practice (only a denial that does is)', () => {
    const before = 'You may opt out of our sharing of your information with advertising partners in your settings.';
    const newer = OPTED.replace(before, 'We share your information with advertising partners in your settings.');
    const kinds = sharing(analyze(newer, OPTED)).map((f) => f.kind);
    expect(kinds).not.toContain('new');
    const denied = OPTED.replace(before, 'We do not share your information with advertising partners in your settings.');
    const stated = OPTED.replace(before, 'We share your information with advertising partners in your settings.');
    expect(sharing(analyze(stated, denied)).map((f) => f.kind)).toContain('new');
    // A choice by consent presupposes nothing either: the practice it held back is new when stated.
    const consent = OPTED.replace(before, 'We will not share your information with advertising partners unless you opt in.');
    const plain = OPTED.replace(before, 'We will share your information with advertising partners.');
    expect(sharing(analyze(plain, consent)).map((f) => f.kind)).toContain('new');
  });
});

describe('a denial of sharing that disappears', () => {
  const without = BASE.replace('We do not sell your personal information.\n\n', '');
  it('widens the sharing when nothing in the newer version denies any sharing', () => {
    const a = analyze(without);
    const sharing = a.findings.filter((f) => f.category === 'third-party-sharing');
    expect(sharing.map((f) => [f.kind, f.severity])).toEqual([['expanded', 'major']]);
    expect(sharing[0]?.evidence[0]?.sentence).toBe('We do not sell your personal information.');
    // Told as what it is, in every language: a promise that was removed, not a new recipient.
    expect(sharing[0]?.signals).toContain('promise-removed');
    expect(words.headline(sharing[0]!)).toBe('Expanded: a promise limiting the sale or sharing of your data was removed');
    expect(explainer('de').headline(sharing[0]!)).toBe('Erweitert: Eine Zusage, die Verkauf oder Weitergabe Ihrer Daten begrenzte, wurde gestrichen');
    expect(explainer('fr').headline(sharing[0]!)).toBe('Élargi\u00a0: un engagement limitant la vente ou le partage de vos données a été supprimé');
    expect(explainer('es').headline(sharing[0]!)).toBe('Ampliado: se ha eliminado un compromiso que limitaba la venta o la cesión de sus datos');
    expect(words.summary(digestOf(a))).toBe('1 major change: sharing promise removed.');
  });
  it('is not how a widened statement is told', () => {
    const a = analyze(BASE.replace('who host our servers', 'and advertising partners who host our servers or show you ads'));
    const sharing = a.findings.filter((f) => f.category === 'third-party-sharing' && f.kind === 'expanded');
    expect(sharing).toHaveLength(1);
    expect(sharing[0]?.signals).not.toContain('promise-removed');
  });
  it('is no alert while the newer version still denies some sharing (a denial moved or reworded)', () => {
    const a = analyze(without.replace('## Your rights', 'We never rent or sell your data to anyone.\n\n## Your rights'));
    expect(a.findings.filter((f) => f.category === 'third-party-sharing' && f.severity === 'major')).toEqual([]);
  });
});

describe('data named only as taken out before use', () => {
  const TRAINING = '# Privacy\n\nWe use the content of support tickets to train the models that route tickets to the right team.\n';
  it('is not data gained', () => {
    const a = analyzeChange(doc(TRAINING), doc(`${TRAINING}\nBefore training, we remove names, email addresses, phone numbers and payment details, and the models are used only internally.\n`));
    expect(a.findings.filter((f) => f.severity === 'major')).toEqual([]);
  });
  it('still counts what the sentence adds outside the removal', () => {
    const a = analyzeChange(doc(TRAINING), doc(`${TRAINING}\nBefore training, we remove names, and we also use your precise location and your voice recordings to train the models.\n`));
    const ai = a.findings.filter((f) => f.category === 'ai-training' && f.severity === 'major');
    expect(ai).toHaveLength(1);
    expect(ai[0]?.gained?.data).toEqual(expect.arrayContaining(['location', 'voice-images']));
    expect(ai[0]?.gained?.data).not.toContain('contact');
  });
});

describe('a choice the practice waited for, dropped', () => {
  it('widens the practice: opt-in made unconditional', () => {
    const a = analyzeChange(
      doc('# Privacy\n\nIf you choose to join our research programme, we may use your conversations to train our models.\n'),
      doc('# Privacy\n\nWe may use your conversations to train our models.\n'),
    );
    expect(a.findings.filter((f) => f.category === 'ai-training').map((f) => [f.kind, f.severity])).toEqual([['expanded', 'major']]);
  });
  it('is the same limit however the condition is worded', () => {
    const a = analyzeChange(
      doc('# Privacy\n\nIf you choose to join our research programme, we may use your conversations to train our models.\n'),
      doc('# Privacy\n\nOnce you opt in to our research programme, we may use your conversations to train our models.\n'),
    );
    expect(a.findings.filter((f) => f.severity === 'major')).toEqual([]);
  });
});

describe('a word swapped inside a sharing statement, read as the whole sentence reads it', () => {
  const es = (t: string) => documentFromMarkdown(t, { url: 'https://example.com/privacidad', language: 'es' });
  const major = (a: ChangeAnalysis) => a.findings.filter((f) => f.severity === 'major');
  it('"socios del club" names members, not partners', () => {
    const a = analyzeChange(
      es('# Privacidad\n\nCompartimos su nombre y su correo electrónico con los miembros del club para organizar los eventos.\n'),
      es('# Privacidad\n\nCompartimos su nombre y su correo electrónico con los socios del club para organizar los eventos.\n'),
    );
    expect(major(a)).toEqual([]);
  });
  it('a plan renamed from "Solo" is no limit removed', () => {
    const a = analyze('# Privacy\n\nOn the Starter plan we share your usage data with our analytics provider.\n', '# Privacy\n\nOn the Solo plan we share your usage data with our analytics provider.\n');
    expect(major(a)).toEqual([]);
  });
  it('"paid tiers" are plans, not third parties', () => {
    const a = analyze('# Privacy\n\nOn free and paid tiers we share your usage data with our analytics provider.\n', '# Privacy\n\nOn paid plans we share your usage data with our analytics provider.\n');
    expect(major(a)).toEqual([]);
  });
  it('a recipient inserted in the same sentence still widens it', () => {
    const a = analyzeChange(
      es('# Privacidad\n\nCompartimos su nombre y su correo electrónico con proveedores de servicios.\n'),
      es('# Privacidad\n\nCompartimos su nombre y su correo electrónico con proveedores de servicios y con anunciantes.\n'),
    );
    expect(major(a).map((f) => [f.category, f.kind])).toEqual([['third-party-sharing', 'expanded']]);
  });
});

// Session 26: Italian, Portuguese and Dutch statements now name what they share (attributes-it-pt-nl.ts).
describe('a widened sharing statement in Italian, Portuguese and Dutch', () => {
  const policy = (sentence: string) => `# Informativa\n\n## Condivisione\n\n${sentence}\n\n## Contatti\n\nScrivici a privacy@example.org.\n`;
  const page = (text: string, language: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language });
  /** The kinds of the sharing findings when one sentence of a policy in `language` becomes another. */
  const sharingKinds = (language: string, before: string, after: string) =>
    analyzeChange(page(policy(before), language), page(policy(after), language))
      .findings.filter((f) => f.category === 'third-party-sharing')
      .map((f) => f.kind);
  it.each([
    ['it', 'Comunichiamo i tuoi dati ai nostri fornitori di servizi.', 'Comunichiamo i tuoi dati ai nostri fornitori di servizi e agli inserzionisti.'],
    ['pt', 'Compartilhamos seus dados com nossos parceiros comerciais.', 'Compartilhamos seus dados com nossos parceiros comerciais e com seguradoras.'],
  ])('%s: "%s" -> "%s" is expanded', (language, before, after) => {
    expect(sharingKinds(language, before, after)).toContain('expanded');
  });

  // Review 26b: rewordings that the lists' second senses, or limits read word by word, told as widened.
  it.each([
    ['it', 'Condividiamo i tuoi dati con i partner solo con il tuo consenso.', 'Condividiamo i Suoi dati con i partner solo con il Suo consenso.'],
    ['nl', 'Wij delen uw gegevens met partners alleen met uw toestemming.', 'Wij delen je gegevens met partners alleen met je toestemming.'],
    ['nl', 'Wij delen niet alleen uw naam maar ook uw e-mailadres met onze partners.', 'Wij delen uw naam en uw e-mailadres met onze partners.'],
    ['it', 'Comunichiamo i dati anagrafici ai nostri fornitori di servizi.', 'Comunichiamo i dati identificativi ai nostri fornitori di servizi.'],
    ['it', 'Comunichiamo i tuoi dati ai fornitori di servizi e al personale formato.', 'Comunichiamo i tuoi dati ai fornitori di servizi e al personale addestrato.'],
    ['it', 'Condividiamo soltanto dati aggregati con i partner.', 'Condividiamo soltanto informazioni aggregate con i partner.'],
  ])('%s: "%s" -> "%s" is no widening', (language, before, after) => {
    expect(sharingKinds(language, before, after)).not.toContain('expanded');
  });
});

describe('a lettered list in Markdown', () => {
  const lettered = (items: string[]) => `# Privacy Policy\n\n## Sharing\n\nWe may share your personal information with:\n${items.map((t, i) => `${'abcdefgh'[i]}. ${t}`).join('\n')}\n\nWe keep your data for two years.\n`;
  it('tells a user of a new recipient added as an item, read with its lead-in', () => {
    const before = doc(lettered(['our payment processor, to charge your card;', 'our auditors.']));
    const after = doc(lettered(['our payment processor, to charge your card;', 'advertising networks, to show you ads on other sites;', 'our auditors.']));
    const sharing = analyzeChange(before, after).findings.filter((f) => f.category === 'third-party-sharing' && f.severity === 'major');
    expect(sharing).toHaveLength(1);
    expect(sharing[0]?.evidence[0]?.sentence).toContain('advertising networks, to show you ads on other sites');
  });
});
