import { describe, expect, it } from 'vitest';
import type { Category } from '../schema';
import { boundedClassifier, classifySentence, matchRule, prepareSentence } from './classify';
import { RESTRICTORS, RULES } from './rules';

const has = (sentence: string, category: Category, polarity: 'states' | 'restricts') =>
  classifySentence(sentence).some((c) => c.category === category && c.polarity === polarity);

describe('every rule is backed by examples', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s has a positive and a negative example', (_id, rule) => {
    expect(rule.examples.positive.length).toBeGreaterThan(0);
    expect(rule.examples.negative.length).toBeGreaterThan(0);
  });
  it.each(RULES.flatMap((r) => r.examples.positive.map((s) => [r.id, s, r] as const)))('%s fires on "%s"', (_id, sentence, rule) => {
    expect(matchRule(rule, prepareSentence(sentence))).not.toBeNull();
  });
  it.each(RULES.flatMap((r) => r.examples.negative.map((s) => [r.id, s, r] as const)))('%s does not fire on "%s"', (_id, sentence, rule) => {
    expect(matchRule(rule, prepareSentence(sentence))).toBeNull();
  });
  it.each(RESTRICTORS.flatMap((r, i) => r.examples.positive.map((s) => [i, s, r] as const)))('restrictor %i matches "%s"', (_i, sentence, r) => {
    expect(r.re.test(prepareSentence(sentence))).toBe(true);
  });
  it.each(RESTRICTORS.flatMap((r, i) => r.examples.negative.map((s) => [i, s, r] as const)))('restrictor %i does not match "%s"', (_i, sentence, r) => {
    expect(r.re.test(prepareSentence(sentence))).toBe(false);
  });
});

describe('categories and polarity', () => {
  it.each<[string, Category, 'states' | 'restricts']>([
    // third-party sharing
    ['We may share your personal information with our advertising partners.', 'third-party-sharing', 'states'],
    ['We sell personal information to data brokers.', 'third-party-sharing', 'states'],
    ['Your information may be disclosed to our affiliates and group companies.', 'third-party-sharing', 'states'],
    ['Third parties may collect information about you through cookies on our site.', 'third-party-sharing', 'states'],
    ['We share personal information with third parties for cross-context behavioral advertising.', 'third-party-sharing', 'states'],
    ['Your prompts may be shared with third-party AI model providers.', 'third-party-sharing', 'states'],
    ['We do not sell your personal information.', 'third-party-sharing', 'restricts'],
    ['We will never share your data with advertisers.', 'third-party-sharing', 'restricts'],
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
  ])('"%s" → %s %s', (sentence, category, polarity) => {
    expect(has(sentence, category, polarity)).toBe(true);
  });

  it.each<[string, Category]>([
    ['You can share your playlists with friends.', 'third-party-sharing'],
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

  it('a denial bounded by consent or necessity stays a restriction', () => {
    expect(has('We will not share your data with third parties without your consent.', 'third-party-sharing', 'states')).toBe(false);
    expect(has('We do not transfer it to partners except as needed to provide the service.', 'third-party-sharing', 'states')).toBe(false);
  });

  it('reports the words that fired', () => {
    const [hit] = classifySentence('We use your content to train our AI models.');
    expect(hit?.triggers.join(' ')).toMatch(/train our ai models/);
  });

  it('handles typographic variants the same way', () => {
    expect(classifySentence('We don’t sell your data.')).toEqual(classifySentence("We don't sell your data."));
  });

  it('understands a first set of French patterns', () => {
    expect(has('Nous partageons vos données avec nos partenaires commerciaux.', 'third-party-sharing', 'states')).toBe(true);
    expect(has('Vos données ne sont pas utilisées pour entraîner nos modèles.', 'ai-training', 'restricts')).toBe(true);
  });
});

describe('third-party sharing in everyday policy language', () => {
  const sharing = (s: string) => classifySentence(s).filter((c) => c.category === 'third-party-sharing');
  it.each([
    // disclosure without a named recipient
    ['We may disclose personal information if we believe an emergency requires it.', 'states'],
    ['We also share information about our visitors in aggregate or de-identified form.', 'states'],
    ['In that case, customer records may be disclosed to the other party of the transaction.', 'states'],
    // posts made public
    ['Anything you post in the forums becomes public and can be read by other users.', 'states'],
    // third parties collecting on the site
    ['These social plug-ins may collect your IP address and set a cookie.', 'states'],
    ['The social network providing the feature may be able to collect information about your visit.', 'states'],
    ['Our ad networks may set their own cookie in your browser.', 'states'],
    ['Survey answers are collected by a third party acting for us.', 'states'],
    ['We may allow selected advertisers to set cookies on our pages.', 'states'],
    // list items of a sharing list read alone
    ['With our service providers and trusted business partners.', 'states'],
    // denials are statements about sharing too
    ['We will not disclose any information we collect to anyone outside our organization.', 'restricts'],
    // legal disclosure: a warrant, and "provide" with the data as its object
    ['We may release account records when served with a warrant.', 'states'],
    ['We will provide information to police if required by law.', 'states'],
    ['We may disclose information to law enforcement to prevent unauthorised access to accounts.', 'states'],
    // the recipient before the data, a provider engaged on our behalf, a business sold with its data
    ['We do not give that advertiser your name or email address.', 'restricts'],
    ['We utilise outside vendors to process payments on our behalf.', 'states'],
    ['As we grow, we might sell or buy business units, and customer data is generally transferred along with the rest of the business.', 'states'],
    ['We sometimes merge what we receive from you with bought records and share the merged information with third parties working for us.', 'states'],
    // a lead-in whose recipients follow, data referred to as "it", groups, audiences, payment companies
    ['Your information and messages may be monitored as needed to run the service, and may be disclosed:', 'states'],
    ['As for information that identifies you, we may disclose it only in these cases.', 'states'],
    ['Supporter lists are sometimes exchanged with other charitable organisations.', 'states'],
    ['Anything you post in the guestbook is made available publicly.', 'states'],
    ['We display some profile details to other members so that they can find you.', 'states'],
    ['We transmit your card number to the card payment company to complete the purchase.', 'states'],
    // a list item with no subject of its own, coordinated recipients before the data, a long object
    ['Use and share your information with the leagues you follow.', 'states'],
    ['When a sponsor pays for a mailing, we never give that sponsor your postal address.', 'restricts'],
    ['We do not provide ad networks or analytics companies with your name or phone number.', 'restricts'],
    ['We may provide summaries of the orders placed and the products viewed, in aggregated form, to our retail partners.', 'states'],
    ['When you order a book, we forward the details you give us to the publisher so that it can ship it.', 'states'],
    ['Our club never shares member information outside the ways described here.', 'restricts'],
    ['We may transfer your account details to other Northwind Ltd. offices for internal administration.', 'states'],
    ['Vendors that run our ads may also use these technologies.', 'states'],
    ['If you send us a letter for publication, we may publish your name and town with it.', 'states'],
    // "when you" later in the sentence does not make the user the one sharing
    ['We may share your browsing data so that ads can follow you when you visit other sites.', 'states'],
    // a lead-in with numbered items, data shown publicly, cookies in quotes, family as recipients, the law
    ['We may provide your details to: (1) law enforcement agencies when a crime is reported; (2) our insurers.', 'states'],
    ['We may combine your game scores and display them publicly on leaderboards.', 'states'],
    ['Such ad vendors may place "cookies" on your device.', 'states'],
    ['The clinic may share it with family members involved in your care.', 'states'],
    ['We reserve the right to disclose any information as needed to satisfy any law or legal request.', 'states'],
    // licensors, outside entities, another party, session cookies, a passive "provided to", long relative clauses
    ['Order records may be transferred to our licensors.', 'states'],
    ['Order records are never transferred to any outside entity.', 'restricts'],
    ['Our analytics vendors use session cookies to count visits.', 'states'],
    ['Contact details you enter may be provided to both us and the co-sponsors of the contest.', 'states'],
    ['We may allow vendors that handle payment processing, fraud checks, warehousing and parcel delivery under contract with us, both in this country and abroad, to access your address.', 'states'],
    ['From time to time we make your postal address available to companies that send catalogues.', 'states'],
    ['Advertisers that show banner and video ads on our news and sports pages, on mobile and desktop, may also collect your IP address.', 'states'],
    ['Tracking pixels may involve the transmission of data to another party that analyses traffic for us.', 'states'],
    ['The company to whom the information is disclosed is one of our affiliates.', 'states'],
    // a link to the list of ad partners, a disclosure judged necessary, vendors given the order details,
    // dealers as recipients, syndicated posts
    ['See a list of third parties that may be using cookies to serve ads on our pages.', 'states'],
    ['If we believe such disclosure to be necessary: to resolve disputes or protect our rights.', 'states'],
    ['We will give participating vendors the order details needed to ship your purchase.', 'states'],
    ['We may forward your quote request to a local dealer.', 'states'],
    ['Reviews you post can be syndicated to partner sites.', 'states'],
  ] as const)('"%s" is a sharing statement (%s)', (sentence, polarity) => {
    expect(sharing(sentence).map((c) => c.polarity)).toContain(polarity);
  });

  it.each([
    'When you share photos with us, we store them in your account.',
    'You may visit most of our site without disclosing any personal information.',
    'California Civil Code Section 1798.83 lets residents request a list of the third parties to which we disclosed personal information.',
    'This privacy policy explains how we collect, use and share your information.',
    'We may collect information from publicly available sources.',
    'We collect the pages you view and the links you click.',
    'To ask a question, write to our support team.',
    // the policy describing itself
    'We have added detail on the ways we use and share information with our service providers.',
    'Our settings give you controls over our collection, use and sharing of information with partners.',
    // security caveats: nobody is given the data
    'Third parties beyond our control might intercept or access personal details while they travel to us.',
    'Inadvertent disclosures may happen when third parties misrepresent their identity to us.',
    // the user, or the user's own device, is the one receiving
    "Cookies are small files that a website transfers to your device's browser and that other websites and third parties cannot read.",
    'We provide personalised content and information to you and others in your team.',
    'We use information to provide a requested service and to comply with applicable law.',
    'The content is provided "as is", without warranty of any kind.',
    'We will post changes here so that you always know what we collect, how we use it and to whom we disclose it.',
    // questions (headings, tables of contents) state no practice; their answers do
    'Which partners do we share your information with?',
    // advice to the user, and children disclosing about themselves
    'Please do not share your sign-in details with other people.',
    'Do not share your password with other users.',
    'If your children disclose details about themselves in public chat, other members may contact them.',
    // access given to the person the data is about, or to us
    'Where the law requires it, we provide registered users with access to their personal information.',
    'We may decline to provide access to such information if it would harm the rights of others.',
    // disclaimers: scope and control
    'This privacy policy does not apply to information collected by advertisers on other websites.',
    "We do not have access to, nor control over, these advertisers' use of cookies.",
    // talking with someone is not handing them data; a definition of cookies describes no practice
    'Account holders can communicate with other users in the forum.',
    "Cookies are small text files that let a site's analytics provider recognise your browser.",
    'A help page explains what data is shared with the maps service.',
    'The privacy policy describes when we might disclose your information to partners.',
    // the user's own browser, features that let the user share, pointers to other pages
    'Your browser will only share the cookie with the site that set it and with no third parties.',
    'Our forum tools allow you to post reviews and share them with other members.',
    'For more information about how ad networks collect data on our pages, see the cookie section below.',
    // a law or "businesses" in general, not this service
    'State law requires certain businesses to answer requests about disclosing personal information to third parties for marketing.',
    'Such businesses may instead adopt a policy of not disclosing personal information to third parties for their marketing.',
    '"Cookies" are small text files that let a site\'s analytics provider recognise your browser.',
    'If your password is stolen, your account may be improperly used by other parties.',
    // the collecting is ours or the access is the user's, whoever else the sentence names
    'We work with business partners to give you access to their products.',
    'Our affiliates help design the surveys, and we collect the answers.',
    // the user having shared, features offering the user the option to share
    'Copies may stay visible where you have shared posts with other services.',
    'Sign-in services give you the option to post your activity to your profile to share with others.',
    // ad-tech "data exchanges" are recipients, not a verb; disclaimers of responsibility and of scope
    'You can choose whether to receive targeted ads from ad networks, data exchanges and other service providers.',
    'We are not responsible for how advertisers use the information they collect.',
    'This Privacy Policy applies only to information transmitted to us through websites we run with our partners.',
    // a country is not a recipient; a company giving access to its own websites is not collecting
    'We may transfer your details to other countries, for example because a hosting provider is located there.',
    'Acme, with its subsidiaries and affiliates, operates or provides access to several websites.',
    // a right to know about disclosures; data we receive or have collected ourselves
    'Residents of some provinces have the right to know how their information was shared with third parties.',
    "Residents may request once a year, free of charge, certain information regarding Acme's disclosure of personal information to third parties.",
    'We gather details from social networks, from publicly available records, and from our business partners.',
    'We may combine information received from third parties with the information we have already collected.',
    // the user sharing, tables of contents and indirect questions
    'When a visitor shares a phone number in a comment on a partner site, we remove it.',
    'These rights help you control the way Northwind Clinic uses your information and shares it with others.',
    'You will be told how your data may be used, including who, if anyone, it might be shared with.',
    'With whom, if anyone, your personal information will be shared',
    'Who we share your information with',
    'Members will be able to share their town and favourite trail with other members of the club.',
    'State law does not oblige us to keep a list of the third parties that received your information for their marketing.',
    // receiving mail or money is not collecting; technologies provided to us through a provider; an account at a third party
    'Readers who download a free issue agree that they may receive occasional emails from our partners.',
    'Some of these tools are provided to us via third-party vendors that specialise in analytics.',
    'When you link a third-party account, you will be asked to provide details associated with that third-party account.',
    'Our search engine provides search services to select partners.',
    'We allow users of our site to send articles by email to other people they know.',
    // the user letting us, not others, access data
    'You can connect your account or otherwise allow us to access some details through a social networking site.',
    'When you sign in with a third-party account, you grant us permission to access some details from that account.',
  ])('"%s" is not a sharing statement', (sentence) => {
    expect(sharing(sentence)).toEqual([]);
  });
});

describe('boundedClassifier', () => {
  it('classifies everything while the budget lasts', () => {
    const { classify, skipped } = boundedClassifier(() => false);
    expect(classify('We retain your data for 30 days.').map((c) => c.category)).toContain('retention');
    expect(skipped()).toBe(0);
  });

  it('once the budget is spent, classifies only salient sentences', () => {
    const { classify, skipped } = boundedClassifier(() => true);
    expect(classify('We retain your data for 30 days.')).toEqual([]);
    expect(classify('We use your content to train our AI models.').map((c) => c.category)).toContain('ai-training');
    expect(classify('We share your data with advertising partners.').map((c) => c.category)).toContain('third-party-sharing');
    expect(skipped()).toBe(1);
  });

  it('stops entirely after the cap of late classifications', () => {
    const { classify, skipped } = boundedClassifier(() => true, 2);
    classify('We share your data with advertising partners.');
    classify('We sell personal information to data brokers.');
    expect(classify('We use your content to train our AI models.')).toEqual([]);
    expect(skipped()).toBe(1);
  });
});

describe('no catastrophic backtracking', () => {
  it.each([
    `Does the company disclose information it has about me? ${'-'.repeat(80)}`,
    `We may share ${"'".repeat(60)} information ${'- '.repeat(60)}`,
    `Third parties ${'—-'.repeat(60)} may collect ${'-'.repeat(60)}`,
  ])('classifies a sentence full of dashes or quotes quickly (%#)', (sentence) => {
    const t0 = performance.now();
    classifySentence(sentence);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
