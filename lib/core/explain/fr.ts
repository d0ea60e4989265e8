import { uiFr } from './ui-fr';
import type { Signal } from '../schema';
import type { Parts, Words } from './words';

const has = (p: Parts, s: Signal) => p.signals.includes(s);
// French typography: a no-break space before a colon and a semicolon.
const C = '\u00a0:';
const S = '\u00a0;';
/** The sensitive terms quoted, in brackets; none when the finding has no evidence (a digest, for the badge). */
const terms = (p: Parts) => (p.sensitive ? ` (${p.sensitive})` : '');
/** « de » before a word, elided before a vowel: « de publicité », « d’analyse », « d’entraînement ». */
const de = (x: string) => (/^[aeiouàâäéèêëîïôöûüœæ]/i.test(x) ? `d’${x}` : `de ${x}`);
/** « à » before a recipient, contracted with its article: « aux autorités », « au public », « à des tiers ». */
const to = (x: string) => (x.startsWith('les ') ? `aux ${x.slice(4)}` : x.startsWith('le ') ? `au ${x.slice(3)}` : `à ${x}`);

function headline(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return `Nouveau${C} vos données peuvent servir à entraîner des modèles d’IA${p.trainersAll ? `, y compris par ${p.trainersAll}` : ''}`;
      if (kind === 'expanded' && has(p, 'promise-removed')) return `Élargi${C} l’engagement de ne pas utiliser vos données pour entraîner des modèles d’IA a été supprimé`;
      if (kind === 'expanded') {
        const by = p.trainersGained ? `, désormais aussi par ${p.trainersGained}` : '';
        return p.dataGained ? `Élargi${C} ces données peuvent désormais servir à entraîner des modèles d’IA${by}${C} ${p.dataGained}` : `Élargi${C} davantage de vos données peuvent servir à entraîner des modèles d’IA${by}`;
      }
      if (kind === 'restricted') return has(p, 'opt-out') ? `Bonne nouvelle${C} vous pouvez désormais refuser l’entraînement de l’IA sur vos données` : `Bonne nouvelle${C} de nouvelles limites à l’entraînement de l’IA sur vos données`;
      return `Reformulé${C} les clauses sur l’entraînement de l’IA ont été réécrites, pratique inchangée`;
    case 'third-party-sharing':
      if (kind === 'new') {
        if (has(p, 'sale')) return `Nouveau${C} vos données personnelles peuvent être vendues`;
        return p.whoAll ? `Nouveau${C} vos données peuvent être partagées avec ${p.whoAll}${p.purposesAll ? `, à des fins ${de(p.purposesAll)}` : ''}` : `Nouveau${C} vos données peuvent être partagées avec d’autres`;
      }
      if (kind === 'expanded') {
        if (has(p, 'promise-removed')) return `Élargi${C} un engagement limitant la vente ou le partage de vos données a été supprimé`;
        if (p.whoGained) return `Élargi${C} désormais aussi partagées avec ${p.whoGained}${p.purposesGained ? `, à des fins ${de(p.purposesGained)}` : ''}`;
        if (has(p, 'sale')) return `Élargi${C} vos données personnelles peuvent désormais être vendues`;
        if (p.dataGained) return `Élargi${C} ces données peuvent désormais être partagées${C} ${p.dataGained}`;
        if (p.purposesGained) return `Élargi${C} vos données peuvent désormais être partagées à des fins ${de(p.purposesGained)}`;
        return `Élargi${C} vos données peuvent désormais être partagées plus largement`;
      }
      if (kind === 'restricted') {
        if (has(p, 'opt-out')) return `Bonne nouvelle${C} vous pouvez désormais vous opposer à la vente ou au partage de vos données`;
        if (has(p, 'sale')) return `Bonne nouvelle${C} la politique indique désormais que vos données ne sont pas vendues`;
        return `Bonne nouvelle${C} de nouvelles limites au partage de vos données`;
      }
      return `Reformulé${C} les clauses de partage ont été réécrites, pratique inchangée`;
    case 'sensitive-data':
      if (kind === 'new') return `Nouveau${C} des données sensibles sont mentionnées${terms(p)}`;
      if (kind === 'expanded') return `Élargi${C} d’autres données sensibles sont mentionnées${terms(p)}`;
      if (kind === 'restricted') return `Bonne nouvelle${C} de nouvelles limites pour les données sensibles`;
      return `Reformulé${C} les clauses sur les données sensibles ont été réécrites`;
    case 'advertising-profiling':
      if (kind === 'restricted') return has(p, 'opt-out') ? `Bonne nouvelle${C} vous pouvez désormais limiter la publicité ciblée ou le profilage` : `Bonne nouvelle${C} de nouvelles limites à la publicité ciblée ou au profilage`;
      if (kind === 'reworded') return `Reformulé${C} les clauses sur la publicité ont été réécrites`;
      return `${kind === 'new' ? 'Nouveau' : 'Élargi'}${C} vos données peuvent servir à la publicité ciblée ou au profilage`;
    case 'retention':
      if (kind === 'restricted') return `Bonne nouvelle${C} de nouvelles limites à la durée de conservation de vos données`;
      if (kind === 'reworded') return `Reformulé${C} les clauses sur la conservation ont été réécrites`;
      return `Modifié${C} la durée de conservation de vos données`;
    case 'international-transfer':
      if (kind === 'restricted') return `Bonne nouvelle${C} de nouvelles limites aux transferts à l’étranger`;
      if (kind === 'reworded') return `Reformulé${C} les clauses sur les transferts internationaux ont été réécrites`;
      return `${kind === 'new' ? 'Nouveau' : 'Élargi'}${C} vos données peuvent être transférées vers d’autres pays`;
    case 'children':
      if (kind === 'restricted') return `Bonne nouvelle${C} de nouvelles limites pour les données des enfants`;
      if (kind === 'reworded') return `Reformulé${C} les clauses sur les données des enfants ont été réécrites`;
      return `Modifié${C} les clauses sur les données des enfants`;
    case 'user-rights':
      if (kind === 'reworded') return `Reformulé${C} la section sur vos droits a été réécrite`;
      return `Bonne nouvelle${C} de nouveaux droits ou choix sur vos données`;
  }
}

function label(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return 'nouvel entraînement de l’IA';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'engagement sur l’entraînement de l’IA supprimé' : 'entraînement de l’IA élargi';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'refus de l’entraînement de l’IA' : 'limites à l’entraînement de l’IA';
      return 'clauses sur l’IA reformulées';
    case 'third-party-sharing':
      if (kind === 'new') return has(p, 'sale') ? 'nouvelle vente de données' : p.whoAll ? `nouveau partage avec ${p.whoAll}` : 'nouveau partage de vos données';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'engagement sur le partage supprimé' : p.toWhoGained ? `partage élargi ${p.toWhoGained}` : has(p, 'sale') ? 'vente de données élargie' : 'partage élargi';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'opposition au partage' : has(p, 'sale') ? 'pas de vente de données' : 'limites au partage';
      return 'clauses de partage reformulées';
    case 'sensitive-data':
      return { new: 'nouvelles données sensibles', expanded: 'plus de données sensibles', restricted: 'limites aux données sensibles', reworded: 'clauses sur les données sensibles reformulées' }[kind];
    case 'advertising-profiling':
      return { new: 'nouvelle publicité ciblée', expanded: 'publicité ciblée élargie', restricted: has(p, 'opt-out') ? 'publicité ciblée limitable' : 'limites à la publicité ciblée', reworded: 'clauses publicitaires reformulées' }[kind];
    case 'retention':
      return { new: 'conservation modifiée', expanded: 'conservation modifiée', restricted: 'conservation plus courte', reworded: 'clauses de conservation reformulées' }[kind];
    case 'international-transfer':
      return { new: 'transferts à l’étranger', expanded: 'transferts à l’étranger', restricted: 'limites aux transferts', reworded: 'clauses de transfert reformulées' }[kind];
    case 'children':
      return { new: 'données des enfants', expanded: 'données des enfants', restricted: 'limites pour les données des enfants', reworded: 'clauses sur les enfants reformulées' }[kind];
    case 'user-rights':
      return kind === 'reworded' ? 'droits reformulés' : 'nouveaux droits ou choix';
  }
}

export const fr: Words = {
  locale: 'fr',
  name: 'Français',
  category: {
    'ai-training': 'Entraînement de l’IA',
    'third-party-sharing': 'Partage avec des tiers',
    'sensitive-data': 'Données sensibles',
    'advertising-profiling': 'Publicité et profilage',
    retention: 'Conservation des données',
    'international-transfer': 'Transferts internationaux',
    children: 'Données des enfants',
    'user-rights': 'Vos droits',
  },
  severity: { major: 'Important', minor: 'Mineur', 'good-news': 'Bonne nouvelle', cosmetic: 'Forme' },
  kind: { new: 'Nouveau', expanded: 'Élargi', restricted: 'Restreint', reworded: 'Reformulé' },
  statement: {
    'ai-training': { states: 'Dit utiliser vos données pour entraîner l’IA', restricts: 'Dit ne pas utiliser vos données pour entraîner l’IA' },
    'third-party-sharing': { states: 'Dit partager vos données avec d’autres', restricts: 'Dit ne pas partager ni vendre vos données, ou limiter leur partage' },
    'sensitive-data': { states: 'Dit collecter ou utiliser des données sensibles', restricts: 'Dit limiter son usage des données sensibles' },
    'advertising-profiling': { states: 'Dit utiliser vos données pour la publicité ou le profilage', restricts: 'Dit ne pas utiliser vos données pour la publicité ou le profilage' },
    retention: { states: 'Indique combien de temps vos données sont conservées', restricts: 'Dit limiter la durée de conservation de vos données' },
    'international-transfer': { states: 'Dit transférer vos données vers d’autres pays', restricts: 'Dit conserver vos données dans votre région' },
    children: { states: 'Dit collecter des données d’enfants', restricts: 'Dit ne pas collecter sciemment de données d’enfants' },
    'user-rights': { states: 'Décrit vos droits sur vos données', restricts: 'Dit que certains de vos droits sont limités' },
  },
  recipient: {
    advertisers: 'des annonceurs',
    'data-brokers': 'des courtiers en données',
    'ai-providers': 'des fournisseurs d’IA',
    'service-providers': 'des prestataires',
    affiliates: 'des sociétés affiliées',
    partners: 'des partenaires',
    authorities: 'les autorités',
    buyers: 'un acquéreur de l’entreprise',
    employers: 'des employeurs',
    'financial-institutions': 'des banques et assureurs',
    'social-networks': 'des réseaux sociaux',
    researchers: 'des chercheurs',
    public: 'le public',
    'third-parties': 'des tiers',
  },
  recipientForms: { to },
  data: {
    content: 'vos contenus',
    messages: 'vos messages et conversations',
    feedback: 'vos avis et réponses aux enquêtes',
    'voice-images': 'votre voix ou vos images',
    contact: 'vos coordonnées',
    location: 'votre localisation',
    activity: 'votre activité',
    device: 'les données de l’appareil',
    purchases: 'vos achats',
    sensitive: 'des données sensibles',
    'personal-data': 'des données personnelles',
  },
  purpose: {
    advertising: 'publicité',
    marketing: 'marketing',
    analytics: 'analyse',
    'ai-training': 'entraînement de l’IA',
    research: 'recherche',
    personalization: 'personnalisation',
    security: 'sécurité',
    legal: 'obligations légales',
    service: 'fonctionnement du service',
  },
  headline,
  label,
  summary: {
    separator: `${S} `,
    major: (n, labels, { count }) => `${count(n, 'changement important', 'changements importants')}${C} ${labels}.`,
    goodNews: (n, labels, { count }) => `${count(n, 'bonne nouvelle', 'bonnes nouvelles')}${C} ${labels}.`,
    minorEdits: (n, { count }) => `${count(n, 'modification mineure', 'modifications mineures')}.`,
    onlyFormatting: 'Aucun changement de fond (mise en forme seulement).',
    noChange: 'Aucun changement.',
  },
  samePassage: (h) => `Le même passage que «\u00a0${h}\u00a0», cité plus haut.`,
  ui: uiFr('fr'),
  uiFor: uiFr,
};
