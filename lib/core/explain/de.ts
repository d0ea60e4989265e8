import { uiDe } from './ui-de';
import type { Signal } from '../schema';
import type { Parts, Words } from './words';

const has = (p: Parts, s: Signal) => p.signals.includes(s);
/** The sensitive terms quoted, in brackets; none when the finding has no evidence (a digest, for the badge). */
const terms = (p: Parts) => (p.sensitive ? ` (${p.sensitive})` : '');

/**
 * Recipients after „von“, in the dative („auch von Werbetreibenden“); `recipient` has them for „an“, in the
 * accusative („an Werbetreibende“).
 */
const DATIVE: Record<string, string> = {
  advertisers: 'Werbetreibenden',
  'data-brokers': 'Datenhändlern',
  'ai-providers': 'KI-Anbietern',
  'service-providers': 'Dienstleistern',
  affiliates: 'verbundenen Unternehmen',
  partners: 'Partnern',
  authorities: 'Behörden',
  buyers: 'einem Käufer des Unternehmens',
  employers: 'Arbeitgebern',
  'financial-institutions': 'Banken und Versicherern',
  'social-networks': 'sozialen Netzwerken',
  researchers: 'Forschenden',
  public: 'der Öffentlichkeit',
  'third-parties': 'Dritten',
};

// Lists of data come after a colon ("… genutzt werden: Ihre Inhalte und Ihr Standort"), so the verb never
// has to agree with a list whose number and gender we do not know.
function headline(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return `Neu: Ihre Daten dürfen zum Training von KI-Modellen verwendet werden${p.trainersAll ? `, auch von ${p.trainersAll}` : ''}`;
      if (kind === 'expanded' && has(p, 'promise-removed')) return 'Erweitert: Die Zusage, Ihre Daten nicht für das Training von KI-Modellen zu nutzen, wurde gestrichen';
      if (kind === 'expanded') {
        const by = p.trainersGained ? `, jetzt auch von ${p.trainersGained}` : '';
        return p.dataGained ? `Erweitert: Für das Training von KI-Modellen dürfen jetzt auch diese Daten genutzt werden${by}: ${p.dataGained}` : `Erweitert: Mehr Ihrer Daten dürfen zum Training von KI-Modellen genutzt werden${by}`;
      }
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Gute Nachricht: Sie können dem KI-Training jetzt widersprechen' : 'Gute Nachricht: Neue Grenzen für das Training von KI mit Ihren Daten';
      return 'Umformuliert: Die Regeln zum KI-Training wurden neu gefasst, die Praxis bleibt gleich';
    case 'third-party-sharing':
      if (kind === 'new') {
        if (has(p, 'sale')) return 'Neu: Ihre personenbezogenen Daten dürfen verkauft werden';
        return p.whoAll ? `Neu: Ihre Daten dürfen an ${p.whoAll} weitergegeben werden${p.purposesAll ? ` (Zweck: ${p.purposesAll})` : ''}` : 'Neu: Ihre Daten dürfen an andere weitergegeben werden';
      }
      if (kind === 'expanded') {
        if (has(p, 'promise-removed')) return 'Erweitert: Eine Zusage, die Verkauf oder Weitergabe Ihrer Daten begrenzte, wurde gestrichen';
        if (p.whoGained) return `Erweitert: Weitergabe jetzt auch an ${p.whoGained}${p.purposesGained ? ` (Zweck: ${p.purposesGained})` : ''}`;
        if (has(p, 'sale')) return 'Erweitert: Ihre personenbezogenen Daten dürfen jetzt verkauft werden';
        if (p.dataGained) return `Erweitert: Jetzt dürfen auch diese Daten weitergegeben werden: ${p.dataGained}`;
        if (p.purposesGained) return `Erweitert: Ihre Daten dürfen jetzt auch für diese Zwecke weitergegeben werden: ${p.purposesGained}`;
        return 'Erweitert: Ihre Daten dürfen jetzt breiter weitergegeben werden';
      }
      if (kind === 'restricted') {
        if (has(p, 'opt-out')) return 'Gute Nachricht: Sie können dem Verkauf oder der Weitergabe Ihrer Daten jetzt widersprechen';
        if (has(p, 'sale')) return 'Gute Nachricht: Laut Richtlinie werden Ihre Daten jetzt nicht verkauft';
        return 'Gute Nachricht: Neue Grenzen für die Weitergabe Ihrer Daten';
      }
      return 'Umformuliert: Die Regeln zur Weitergabe wurden neu gefasst, die Praxis bleibt gleich';
    case 'sensitive-data':
      if (kind === 'new') return `Neu: Sensible Daten werden erwähnt${terms(p)}`;
      if (kind === 'expanded') return `Erweitert: Weitere sensible Daten werden erwähnt${terms(p)}`;
      if (kind === 'restricted') return 'Gute Nachricht: Neue Grenzen für sensible Daten';
      return 'Umformuliert: Die Regeln zu sensiblen Daten wurden neu gefasst';
    case 'advertising-profiling':
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Gute Nachricht: Sie können personalisierte Werbung oder Profilbildung jetzt einschränken' : 'Gute Nachricht: Neue Grenzen für personalisierte Werbung oder Profilbildung';
      if (kind === 'reworded') return 'Umformuliert: Die Regeln zur Werbung wurden neu gefasst';
      return `${kind === 'new' ? 'Neu' : 'Erweitert'}: Ihre Daten dürfen für personalisierte Werbung oder Profilbildung genutzt werden`;
    case 'retention':
      if (kind === 'restricted') return 'Gute Nachricht: Neue Grenzen dafür, wie lange Ihre Daten gespeichert werden';
      if (kind === 'reworded') return 'Umformuliert: Die Regeln zur Speicherdauer wurden neu gefasst';
      return 'Geändert: wie lange Ihre Daten gespeichert werden';
    case 'international-transfer':
      if (kind === 'restricted') return 'Gute Nachricht: Neue Grenzen für Übermittlungen ins Ausland';
      if (kind === 'reworded') return 'Umformuliert: Die Regeln zu Übermittlungen ins Ausland wurden neu gefasst';
      return `${kind === 'new' ? 'Neu' : 'Erweitert'}: Ihre Daten dürfen in andere Länder übermittelt werden`;
    case 'children':
      if (kind === 'restricted') return 'Gute Nachricht: Neue Grenzen für Daten von Kindern';
      if (kind === 'reworded') return 'Umformuliert: Die Regeln zu Daten von Kindern wurden neu gefasst';
      return 'Geändert: Regeln zu Daten von Kindern';
    case 'user-rights':
      if (kind === 'reworded') return 'Umformuliert: Der Abschnitt über Ihre Rechte wurde neu gefasst';
      return 'Gute Nachricht: Neue Rechte oder Wahlmöglichkeiten für Ihre Daten';
  }
}

function label(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return 'neues KI-Training';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'Zusage zum KI-Training gestrichen' : 'mehr KI-Training';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Widerspruch gegen KI-Training' : 'Grenzen für KI-Training';
      return 'KI-Regeln umformuliert';
    case 'third-party-sharing':
      if (kind === 'new') return has(p, 'sale') ? 'neu: Verkauf von Daten' : p.whoAll ? `neue Weitergabe an ${p.whoAll}` : 'neue Weitergabe Ihrer Daten';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'Zusage zur Weitergabe gestrichen' : p.whoGained ? `mehr Weitergabe an ${p.whoGained}` : has(p, 'sale') ? 'mehr Verkauf von Daten' : 'mehr Weitergabe Ihrer Daten';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Widerspruch gegen Weitergabe' : has(p, 'sale') ? 'kein Verkauf von Daten' : 'Grenzen für Weitergabe';
      return 'Weitergabe-Regeln umformuliert';
    case 'sensitive-data':
      return { new: 'neue sensible Daten', expanded: 'mehr sensible Daten', restricted: 'Grenzen für sensible Daten', reworded: 'Regeln zu sensiblen Daten umformuliert' }[kind];
    case 'advertising-profiling':
      return { new: 'neue personalisierte Werbung', expanded: 'mehr personalisierte Werbung', restricted: has(p, 'opt-out') ? 'Werbung einschränkbar' : 'Grenzen für personalisierte Werbung', reworded: 'Werberegeln umformuliert' }[kind];
    case 'retention':
      return { new: 'Speicherdauer geändert', expanded: 'Speicherdauer geändert', restricted: 'kürzere Speicherdauer', reworded: 'Regeln zur Speicherdauer umformuliert' }[kind];
    case 'international-transfer':
      return { new: 'Übermittlung ins Ausland', expanded: 'Übermittlung ins Ausland', restricted: 'Grenzen für Übermittlungen', reworded: 'Übermittlungsregeln umformuliert' }[kind];
    case 'children':
      return { new: 'Daten von Kindern', expanded: 'Daten von Kindern', restricted: 'Grenzen für Daten von Kindern', reworded: 'Regeln zu Kindern umformuliert' }[kind];
    case 'user-rights':
      return kind === 'reworded' ? 'Rechte umformuliert' : 'neue Rechte oder Wahlmöglichkeiten';
  }
}

export const de: Words = {
  locale: 'de',
  name: 'Deutsch',
  category: {
    'ai-training': 'KI-Training',
    'third-party-sharing': 'Weitergabe an Dritte',
    'sensitive-data': 'Sensible Daten',
    'advertising-profiling': 'Werbung und Profilbildung',
    retention: 'Speicherdauer',
    'international-transfer': 'Übermittlung ins Ausland',
    children: 'Daten von Kindern',
    'user-rights': 'Ihre Rechte',
  },
  severity: { major: 'Wichtig', minor: 'Geringfügig', 'good-news': 'Gute Nachricht', cosmetic: 'Formal' },
  kind: { new: 'Neu', expanded: 'Erweitert', restricted: 'Eingeschränkt', reworded: 'Umformuliert' },
  statement: {
    'ai-training': { states: 'Nutzt laut eigener Aussage Ihre Daten zum Training von KI', restricts: 'Nutzt laut eigener Aussage Ihre Daten nicht zum Training von KI' },
    'third-party-sharing': { states: 'Gibt laut eigener Aussage Ihre Daten an andere weiter', restricts: 'Gibt laut eigener Aussage Ihre Daten nicht weiter, verkauft sie nicht oder begrenzt die Weitergabe' },
    'sensitive-data': { states: 'Erhebt oder nutzt laut eigener Aussage sensible Daten', restricts: 'Begrenzt laut eigener Aussage die Nutzung sensibler Daten' },
    'advertising-profiling': { states: 'Nutzt laut eigener Aussage Ihre Daten für Werbung oder Profilbildung', restricts: 'Nutzt laut eigener Aussage Ihre Daten nicht für Werbung oder Profilbildung' },
    retention: { states: 'Sagt, wie lange Ihre Daten gespeichert werden', restricts: 'Begrenzt laut eigener Aussage, wie lange Ihre Daten gespeichert werden' },
    'international-transfer': { states: 'Übermittelt laut eigener Aussage Ihre Daten in andere Länder', restricts: 'Behält laut eigener Aussage Ihre Daten in Ihrer Region' },
    children: { states: 'Erhebt laut eigener Aussage Daten von Kindern', restricts: 'Erhebt laut eigener Aussage nicht wissentlich Daten von Kindern' },
    'user-rights': { states: 'Beschreibt Ihre Rechte an Ihren Daten', restricts: 'Sagt, dass einige Ihrer Rechte eingeschränkt sind' },
  },
  recipient: {
    advertisers: 'Werbetreibende',
    'data-brokers': 'Datenhändler',
    'ai-providers': 'KI-Anbieter',
    'service-providers': 'Dienstleister',
    affiliates: 'verbundene Unternehmen',
    partners: 'Partner',
    authorities: 'Behörden',
    buyers: 'einen Käufer des Unternehmens',
    employers: 'Arbeitgeber',
    'financial-institutions': 'Banken und Versicherer',
    'social-networks': 'soziale Netzwerke',
    researchers: 'Forschende',
    public: 'die Öffentlichkeit',
    'third-parties': 'Dritte',
  },
  recipientForms: { by: (word, code) => (code === null ? word : (DATIVE[code] ?? word)) },
  data: {
    content: 'Ihre Inhalte',
    messages: 'Ihre Nachrichten und Unterhaltungen',
    feedback: 'Ihr Feedback und Ihre Umfrageantworten',
    'voice-images': 'Ihre Stimme oder Bilder von Ihnen',
    contact: 'Ihre Kontaktdaten',
    location: 'Ihr Standort',
    activity: 'Ihre Aktivität',
    device: 'Gerätedaten',
    purchases: 'Ihre Käufe',
    sensitive: 'sensible Daten',
    'personal-data': 'personenbezogene Daten',
  },
  purpose: {
    advertising: 'Werbung',
    marketing: 'Marketing',
    analytics: 'Analyse',
    'ai-training': 'KI-Training',
    research: 'Forschung',
    personalization: 'Personalisierung',
    security: 'Sicherheit',
    legal: 'rechtliche Gründe',
    service: 'Betrieb des Dienstes',
  },
  headline,
  label,
  summary: {
    separator: '; ',
    major: (n, labels, { count }) => `${count(n, 'wichtige Änderung', 'wichtige Änderungen')}: ${labels}.`,
    goodNews: (n, labels, { count }) => `${count(n, 'gute Nachricht', 'gute Nachrichten')}: ${labels}.`,
    minorEdits: (n, { count }) => `${count(n, 'geringfügige Änderung', 'geringfügige Änderungen')}.`,
    onlyFormatting: 'Keine inhaltlichen Änderungen (nur Formatierung).',
    noChange: 'Keine Änderungen.',
  },
  samePassage: (h) => `Dieselbe Textstelle wie bei „${h}“, oben zitiert.`,
  ui: uiDe('de'),
  uiFor: uiDe,
};
