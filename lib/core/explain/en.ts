import { uiEn } from './ui-en';
import type { Signal } from '../schema';
import type { Parts, Words } from './words';

const has = (p: Parts, s: Signal) => p.signals.includes(s);
/** The sensitive terms quoted, in brackets; none when the finding has no evidence (a digest, for the badge). */
const terms = (p: Parts) => (p.sensitive ? ` (${p.sensitive})` : '');

function headline(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return `New: your data may be used to train AI models${p.trainersAll ? `, including by ${p.trainersAll}` : ''}`;
      if (kind === 'expanded' && has(p, 'promise-removed')) return 'Expanded: a promise not to use your data to train AI models was removed';
      if (kind === 'expanded')
        return `Expanded: ${p.dataGained ? `${p.dataGained} may now be used` : 'more of your data may be used'} to train AI models${p.trainersGained ? `, now also by ${p.trainersGained}` : ''}`;
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Good news: you can now opt out of AI training' : 'Good news: new limits on using your data to train AI models';
      return 'Reworded: the AI training terms were rewritten, same practice';
    case 'third-party-sharing':
      if (kind === 'new') {
        if (has(p, 'sale')) return 'New: your personal data may be sold';
        return p.whoAll ? `New: your data may be shared with ${p.whoAll}${p.purposesAll ? `, for ${p.purposesAll}` : ''}` : 'New: your data may be shared with others';
      }
      if (kind === 'expanded') {
        if (has(p, 'promise-removed')) return 'Expanded: a promise limiting the sale or sharing of your data was removed';
        if (p.whoGained) return `Expanded: now also shared with ${p.whoGained}${p.purposesGained ? `, for ${p.purposesGained}` : ''}`;
        if (has(p, 'sale')) return 'Expanded: your personal data may now be sold';
        if (p.dataGained) return `Expanded: ${p.dataGained} may now be shared`;
        if (p.purposesGained) return `Expanded: your data may now be shared, for ${p.purposesGained}`;
        return 'Expanded: your data may now be shared more widely';
      }
      if (kind === 'restricted') {
        if (has(p, 'opt-out')) return 'Good news: you can now opt out of the sale or sharing of your data';
        if (has(p, 'sale')) return 'Good news: the policy now says your data is not sold';
        return 'Good news: new limits on sharing your data';
      }
      return 'Reworded: the sharing terms were rewritten, same practice';
    case 'sensitive-data':
      if (kind === 'new') return `New: sensitive data is mentioned${terms(p)}`;
      if (kind === 'expanded') return `Expanded: more sensitive data is mentioned${terms(p)}`;
      if (kind === 'restricted') return 'Good news: new limits on sensitive data';
      return 'Reworded: the sensitive-data terms were rewritten';
    case 'advertising-profiling':
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Good news: you can now limit targeted advertising or profiling' : 'Good news: new limits on targeted advertising or profiling';
      if (kind === 'reworded') return 'Reworded: the advertising terms were rewritten';
      return `${kind === 'new' ? 'New' : 'Expanded'}: your data may be used for targeted advertising or profiling`;
    case 'retention':
      if (kind === 'restricted') return 'Good news: new limits on how long your data is kept';
      if (kind === 'reworded') return 'Reworded: the retention terms were rewritten';
      return 'Changed: how long your data is kept';
    case 'international-transfer':
      if (kind === 'restricted') return 'Good news: new limits on transfers abroad';
      if (kind === 'reworded') return 'Reworded: the international transfer terms were rewritten';
      return `${kind === 'new' ? 'New' : 'Expanded'}: your data may be transferred to other countries`;
    case 'children':
      if (kind === 'restricted') return "Good news: new limits on children's data";
      if (kind === 'reworded') return "Reworded: the children's data terms were rewritten";
      return "Changed: terms about children's data";
    case 'user-rights':
      if (kind === 'reworded') return 'Reworded: the section on your rights was rewritten';
      return 'Good news: new rights or choices over your data';
  }
}

function label(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return 'new AI training';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'AI training promise removed' : 'wider AI training';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'AI training opt-out' : 'limits on AI training';
      return 'reworded AI training terms';
    case 'third-party-sharing':
      if (kind === 'new') return has(p, 'sale') ? 'new sale of data' : p.whoAll ? `new sharing with ${p.whoAll}` : 'new sharing of your data';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'sharing promise removed' : p.whoGained ? `wider sharing with ${p.whoGained}` : has(p, 'sale') ? 'wider sale of data' : 'wider sharing of your data';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'sharing opt-out' : has(p, 'sale') ? 'no sale of data' : 'limits on sharing';
      return 'reworded sharing terms';
    case 'sensitive-data':
      return { new: 'new sensitive data', expanded: 'more sensitive data', restricted: 'limits on sensitive data', reworded: 'reworded sensitive-data terms' }[kind];
    case 'advertising-profiling':
      return { new: 'new targeted advertising', expanded: 'wider targeted advertising', restricted: has(p, 'opt-out') ? 'ad opt-out' : 'limits on targeted advertising', reworded: 'reworded advertising terms' }[kind];
    case 'retention':
      return { new: 'retention change', expanded: 'retention change', restricted: 'shorter retention', reworded: 'reworded retention terms' }[kind];
    case 'international-transfer':
      return { new: 'transfers abroad', expanded: 'transfers abroad', restricted: 'limits on transfers', reworded: 'reworded transfer terms' }[kind];
    case 'children':
      return { new: "children's data", expanded: "children's data", restricted: "limits on children's data", reworded: "reworded children's terms" }[kind];
    case 'user-rights':
      return kind === 'reworded' ? 'reworded rights' : 'new rights or choices';
  }
}

export const en: Words = {
  locale: 'en-GB',
  name: 'English',
  category: {
    'ai-training': 'AI training',
    'third-party-sharing': 'Sharing with third parties',
    'sensitive-data': 'Sensitive data',
    'advertising-profiling': 'Advertising and profiling',
    retention: 'Data retention',
    'international-transfer': 'International transfers',
    children: "Children's data",
    'user-rights': 'Your rights',
  },
  severity: { major: 'Major', minor: 'Minor', 'good-news': 'Good news', cosmetic: 'Cosmetic' },
  kind: { new: 'New', expanded: 'Expanded', restricted: 'Restricted', reworded: 'Reworded' },
  statement: {
    'ai-training': { states: 'Says it uses your data to train AI', restricts: 'Says it does not use your data to train AI' },
    'third-party-sharing': { states: 'Says it shares your data with others', restricts: 'Says it does not share or sell your data, or limits sharing' },
    'sensitive-data': { states: 'Says it collects or uses sensitive data', restricts: 'Says it limits its use of sensitive data' },
    'advertising-profiling': { states: 'Says it uses your data for advertising or profiling', restricts: 'Says it does not use your data for advertising or profiling' },
    retention: { states: 'Says how long it keeps your data', restricts: 'Says it limits how long it keeps your data' },
    'international-transfer': { states: 'Says it transfers your data to other countries', restricts: 'Says it keeps your data in your region' },
    children: { states: "Says it collects children's data", restricts: "Says it does not knowingly collect children's data" },
    'user-rights': { states: 'Describes your rights over your data', restricts: 'Says some of your rights are limited' },
  },
  recipient: {
    advertisers: 'advertisers',
    'data-brokers': 'data brokers',
    'ai-providers': 'AI providers',
    'service-providers': 'service providers',
    affiliates: 'affiliates',
    partners: 'partners',
    authorities: 'authorities',
    buyers: 'a buyer of the business',
    employers: 'employers',
    'financial-institutions': 'banks and insurers',
    'social-networks': 'social networks',
    researchers: 'researchers',
    public: 'the public',
    'third-parties': 'third parties',
  },
  data: {
    content: 'your content',
    messages: 'your messages and conversations',
    feedback: 'your feedback and survey answers',
    'voice-images': 'your voice or images',
    contact: 'your contact details',
    location: 'your location',
    activity: 'your activity',
    device: 'device data',
    purchases: 'your purchases',
    sensitive: 'sensitive data',
    'personal-data': 'personal data',
  },
  purpose: {
    advertising: 'advertising',
    marketing: 'marketing',
    analytics: 'analytics',
    'ai-training': 'AI training',
    research: 'research',
    personalization: 'personalisation',
    security: 'security',
    legal: 'legal reasons',
    service: 'running the service',
  },
  headline,
  label,
  summary: {
    separator: '; ',
    major: (n, labels, { count }) => `${count(n, 'major change', 'major changes')}: ${labels}.`,
    // "News" has no plural: "1 piece of good news", "2 pieces of good news".
    goodNews: (n, labels, { count }) => `${count(n, 'piece', 'pieces')} of good news: ${labels}.`,
    minorEdits: (n, { count }) => `${count(n, 'minor edit', 'minor edits')}.`,
    onlyFormatting: 'No meaningful changes (only formatting).',
    noChange: 'No changes.',
  },
  samePassage: (h) => `The same passage as “${h}”, quoted above.`,
  ui: uiEn('en-GB'),
  uiFor: uiEn,
};
