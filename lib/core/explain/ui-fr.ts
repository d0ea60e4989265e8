import { counting, listing, perLocale } from './count';
import type { UiWords } from './ui';
import { shownValue } from '../import-refusal';

// French typography: a no-break space before a colon, a semicolon and a question mark.
const C = '\u00a0:';
const S = '\u00a0;';

const FREQUENCY: Record<number, string> = {
  12: 'Toutes les 12 heures',
  24: 'Tous les jours',
  72: 'Tous les 3 jours',
  168: 'Toutes les semaines',
  336: 'Toutes les 2 semaines',
  720: 'Tous les mois',
};

const BYTE_UNITS = ['o', 'Ko', 'Mo', 'Go', 'To'] as const;
const UNKNOWN_DATE = 'date inconnue';
const UNKNOWN_WHEN = 'à une date inconnue';
/** A date after a verb: « le 2 nov. 2026 »; one that cannot be read, « à une date inconnue ». */
const on = (date: string) => (date === UNKNOWN_DATE ? UNKNOWN_WHEN : `le ${date}`);
/** A date after « entre » or « et »: « le 2 nov. 2026 », « une date inconnue ». */
const theDay = (date: string) => (date === UNKNOWN_DATE ? 'une date inconnue' : `le ${date}`);

/** An error nobody foresaw; its technical detail (bounded by the caller), when it has one, in brackets. */
const unexpectedError = (detail: string): string => (detail ? `une erreur inattendue (détail technique${C} ${detail})` : 'une erreur inattendue');

/** The words, with numbers written as `locale` (a tag of French) writes them. */
function build(locale: string): UiWords {
  const { num, pick, count } = counting(locale);
  const list = listing(locale);
  const mb = (bytes = 0) => `${num(Math.round(bytes / 100_000) / 10)} ${BYTE_UNITS[2]}`;
  const versions = (n: number) => count(n, 'version', 'versions');
  const exported = (filename: string, records: number) =>
    `${filename} exporté (${count(records, 'enregistrement WARC', 'enregistrements WARC')}). Pour le vérifier${C} clausewatch verify ${filename}`;
  return {
    time: {
      on,
      unknownDate: UNKNOWN_DATE,
      unknownWhen: UNKNOWN_WHEN,
      unknownTime: 'heure inconnue',
      byteUnits: BYTE_UNITS,
      unknownSize: 'inconnue',
    },
    common: {
      dismiss: 'Masquer',
      privacyPolicy: 'Politique de confidentialité',
      relatedPolicy: 'Politique associée',
      versions,
      separator: ' · ',
      quote: (text) => `«\u00a0${text}\u00a0»`,
      loading: 'Chargement…',
      stillLoading: `Clausewatch n’a pas encore répondu. Il est peut-être occupé par un long historique, ou il s’est arrêté${C} réessayez, ou fermez cette page et rouvrez-la.`,
      tryAgain: 'Réessayer',
      somethingWentWrong: (error) => `Une erreur s’est produite${C} ${error}`,
      exportEvidence: 'Exporter les preuves (WARC)',
      exported,
      exportFailed: (error) => `Échec de l’export${C} ${error}`,
    },
    loadFailed: {
      tabPolicy: (error) => `Impossible de charger la politique de cet onglet${C} ${error}`,
      settings: (error) => `Impossible de charger les paramètres${C} ${error}`,
      history: (site, error) => `Impossible de charger l’historique de ${site}${C} ${error}`,
      comparison: (error) => `Impossible de charger la comparaison${C} ${error}`,
    },
    popup: {
      noPolicySeen: (site) => `Aucune politique de confidentialité vue sur ${site ?? 'cette page'} pour l’instant`,
      changed: (when) => `Modifiée ${when}`,
      watchingSince: (day, n) => `Surveillée depuis ${theDay(day)} · ${versions(n)}`,
      firstSeen: (day, n) => `Vue pour la première fois ${on(day)} · ${versions(n)}`,
      latestSeen: (when) => `dernière version vue ${when}`,
      statedUpdate: (date) => `indique avoir été mise à jour le ${date}`,
      reviewed: 'lue',
      showReviewed: 'Afficher les changements déjà lus',
      markReviewed: 'Marquer comme lu',
      history: 'Historique',
      notAWebPage:
        'Clausewatch ne regarde que les pages web ordinaires (http et https). Ouvrez un site pour voir ce que dit sa politique de confidentialité et ce qui a changé.',
      watchJoined:
        'Clausewatch vérifie désormais aussi cette politique en arrière-plan, environ une fois par jour et sans cookies, et vous prévient quand elle change.',
      watchJoinedPaused: `Clausewatch a ajouté ce site à vos sites surveillés, mais les vérifications en arrière-plan sont suspendues dans les paramètres${C} tant que vous ne les réactivez pas, cette politique n’est vérifiée que lorsque vous la consultez.`,
      checksPaused: `Les vérifications en arrière-plan sont suspendues dans les paramètres${C} cette politique n’est vérifiée que lorsque vous la consultez.`,
      checkFailed: (attempts) =>
        `La dernière vérification en arrière-plan de cette politique a échoué${attempts > 1 ? ` (${count(attempts, 'tentative', 'tentatives')} d’affilée)` : ''}. La page des paramètres indique pourquoi, et ce que vous pouvez faire.`,
      stopWatching: 'Ne plus surveiller',
      notWatched: `Non surveillée${C} Clausewatch ne vérifie cette politique que lorsque vous la consultez.`,
      watchSite: 'Surveiller ce site',
      noPolicyHint:
        'Ouvrez une fois la page de la politique de confidentialité du site et Clausewatch la retiendra, ou ajoutez le site dans les paramètres.',
      settings: 'Paramètres et sites surveillés',
      highlighted: 'Passage mis en évidence sur la page de la politique.',
      passageNotFound: 'La page de la politique a été ouverte, mais ce passage n’y a pas été trouvé.',
      pageElsewhere: `L’onglet affiche un autre site que celui de la politique${C} rien n’y a été mis en évidence.`,
      markedReviewed: 'Marqué comme lu.',
      couldNotMarkReviewed: `Non marqué comme lu${C} cette version n’est plus enregistrée. L’affichage a été actualisé.`,
      watching: (site) => `Surveillance de ${site} activée.`,
      couldNotWatch: 'Impossible de surveiller ce site.',
      stoppedWatching: (site) => `${site} n’est plus surveillé. Clausewatch compare toujours sa politique lorsque vous la consultez.`,
      noActiveTab: 'aucun onglet actif',
    },
    analysis: {
      onlyFormatting: 'Seules la mise en forme ou la formulation ont changé — rien à examiner.',
      truncated: `Cette politique est trop longue pour être comparée en entier${C} une partie de son texte n’a été comparée que sommairement, ou pas du tout, et une modification à cet endroit peut donc manquer ici.`,
      nothingFoundInPart: 'Rien à examiner dans la partie qui a pu être comparée.',
      sameText: `Les deux versions ont le même texte${C} rien n’a changé.`,
      before: `Auparavant, la politique disait${C}`,
      beforeKept: `La politique disait déjà, et dit toujours${C}`,
      morePassages: (n) => `et ${count(n, 'autre passage', 'autres passages')} de ce type`,
      section: (path) => `Section${C} ${path}`,
      showOnPage: 'Voir sur la page',
    },
    statements: {
      heading: 'Ce que dit cette politique aujourd’hui',
      firstVersion: 'C’est la première version que Clausewatch voit. Désormais, il vous dira ce qui change.',
      notCompared: 'Clausewatch n’a pas de comparaison de cette version avec la précédente. La page d’historique compare deux versions au choix.',
      nothingOnSharing: 'Elle ne dit rien que Clausewatch ait reconnu sur le partage de vos données avec d’autres.',
      nothingOnAi: 'Elle ne dit rien de l’entraînement de l’IA sur vos données.',
      nothingFound: 'Rien trouvé à ce sujet.',
      moreLikeThis: (n) => `et ${count(n, 'autre', 'autres')} de ce type`,
    },
    comparison: {
      heading: (older, newer) => `Changements entre ${theDay(older)} et ${theDay(newer)}`,
      headingStated: (older, newer) => `Changements entre les versions datées du ${older} et du ${newer}`,
      headingSameMoment: (moment) => `Changements entre deux versions vues pour la première fois ${on(moment)}`,
      changeType: { added: 'Ajouté', removed: 'Supprimé', modified: 'Modifié', moved: 'Déplacé' },
      noDifferences: 'Aucune différence dans le texte.',
      changesLabel: 'Changements',
      showChanges: 'Afficher les changements',
      inline: 'Dans le texte',
      sideBySide: 'Côte à côte',
      copyMarkdown: 'Copier le résumé en Markdown',
      copied: 'Copié',
      couldNotCopy: (error) => `Copie impossible${C} ${error}`,
      whatChanged: 'Ce qui a changé',
      theText: 'Le texte',
      older: (day) => `Ancienne version, vue ${on(day)}`,
      newer: (day) => `Nouvelle version, vue ${on(day)}`,
    },
    history: {
      title: 'Historique',
      titleOf: (site) => `Historique de ${site}`,
      documentTitle: (site) => `Historique de ${site} · Clausewatch`,
      noSite: 'Aucun site indiqué. Ouvrez l’historique depuis l’icône de Clausewatch dans la barre d’outils.',
      evidenceNote: (site) =>
        `Le fichier de preuves (WARC 1.1, le format des archives du web) contient chaque page enregistrée de ${site} telle qu’elle a été capturée, le texte que Clausewatch en a lu et la chaîne de hachage qui les relie. Une page enregistrée est la page telle que votre navigateur l’affichait${C} si vous étiez connecté, elle peut contenir votre nom ou votre adresse e-mail. Vérifiez-la avant de partager le fichier.`,
      exporting: 'Export en cours…',
      noPolicy: (site) => `Clausewatch n’a encore vu aucune politique de confidentialité sur ${site}.`,
      pickTwo: 'Choisissez deux versions pour les comparer.',
      pickTwoOfOne: 'Choisissez deux versions d’une même politique pour voir ce qui a changé entre elles.',
      onlyOne: 'Une seule version vue jusqu’ici. Quand la politique changera, les changements apparaîtront ici.',
      timelineLabel: (title) => `Versions de ${title}, la plus récente d’abord`,
      seen: (when) => `Vue ${when}`,
      versionNumber: (n) => `version ${num(n)}`,
      dated: (date) => `datée du ${date}`,
      firstVersion: 'Première version vue par Clausewatch.',
      notCompared: 'Aucune comparaison avec la version précédente. Choisissez les deux pour les comparer.',
      majorChanges: (n) => count(n, 'changement important', 'changements importants'),
      reviewed: 'Lue',
      notReviewed: 'Pas encore lue',
      versionGone: (latestShown) =>
        `La version indiquée par ce lien n’est plus enregistrée${C} Clausewatch supprime d’anciennes versions pour libérer de l’espace quand le stockage est plein.${latestShown ? ' Le dernier changement est affiché à la place.' : ''}`,
    },
    record: {
      checking: 'Vérification du dossier…',
      couldNotCheck: 'Le dossier n’a pas pu être vérifié.',
      pages: (kept, pruned) =>
        `${count(kept, 'page enregistrée conservée', 'pages enregistrées conservées')}${pruned > 0 ? `, ${count(pruned, 'supprimée', 'supprimées')} pour libérer de l’espace` : ''}`,
      verifies: 'Dossier vérifié',
      verifiesDetail: (entries, pages) => `${C} ${count(entries, 'entrée', 'entrées')} dans sa chaîne de hachage, ${pages}.`,
      chainHead: 'Tête de chaîne',
      doesNotVerify: 'Dossier non vérifié',
      doesNotVerifyDetail: (pages) => ` (${pages})${C}`,
      andMore: (n) => `et ${num(n)} de plus.`,
      problem: (p, seen) => {
        switch (p.code) {
          case 'other-policy':
            return `L’entrée ${num(p.seq + 1)} de la chaîne appartient à une autre politique.`;
          case 'misnumbered':
            return `L’entrée ${num(p.seq + 1)} de la chaîne se trouve à la place ${num(p.position + 1)}.`;
          case 'altered-entry':
            return `L’entrée ${num(p.seq + 1)} de la chaîne ne correspond pas à son propre hachage (elle a été modifiée).`;
          case 'starts-with-link':
            return `L’entrée ${num(p.seq + 1)} ouvre la chaîne mais désigne une entrée précédente.`;
          case 'broken-link':
            return `L’entrée ${num(p.seq + 1)} de la chaîne ne renvoie pas à l’entrée qui la précède (une entrée a été modifiée, supprimée ou insérée).`;
          case 'no-entry':
            return `La version vue pour la première fois ${seen} n’a pas d’entrée dans la chaîne.`;
          case 'text-altered':
            return `Le texte enregistré de la version vue pour la première fois ${seen} n’est pas celui que désigne son entrée dans la chaîne (il a été modifié ou endommagé).`;
          case 'page-altered':
            return `La page enregistrée ${p.sha}… ne correspond pas à son hachage (elle a été modifiée ou endommagée).`;
        }
      },
      pageKept: 'Page enregistrée conservée',
      pagePruned: 'Page enregistrée supprimée pour libérer de l’espace',
      pageImported: `Aucune page enregistrée (importée d’un fichier d’historique${S} les pages enregistrées ne sont pas exportées)`,
      pageNone: 'Aucune page enregistrée (vue avant que Clausewatch ne conserve les pages)',
      reread: (extractor, was) => `texte relu par l’extracteur ${extractor} (auparavant ${was === 0 ? 'non numéroté' : was})`,
      versionEvidence: (page, text) => [page, text].filter(Boolean).join(`${S} `),
    },
    options: {
      title: 'Paramètres de Clausewatch',
      watchedSites: 'Sites surveillés',
      addSite: 'Ajouter un site',
      checksAndNotifications: 'Vérifications et notifications',
      history: 'Historique',
      storage: 'Stockage',
      frequency: (hours) => FREQUENCY[hours] ?? (hours === 1 ? 'Toutes les heures' : `Toutes les ${num(hours)} heures`),
      status: { upToDate: 'À jour', changed: 'Modifiée', pending: 'Pas encore vérifiée', failed: 'Échec' },
      failureReason: (reason) => `${C} ${reason}`,
      attempts: (n) => ` (${count(n, 'tentative', 'tentatives')} d’affilée)`,
      watchInstead: (url) => `Surveiller ${url} à la place`,
      noWatches: 'Aucun site surveillé pour l’instant. Ajoutez-en un ci-dessous ou ouvrez la page de la politique de confidentialité d’un site.',
      column: {
        site: 'Site',
        policy: 'Politique',
        lastCheck: 'Dernière vérification',
        lastChange: 'Dernier changement',
        status: 'État',
        frequency: 'Fréquence',
        actions: 'Actions',
      },
      never: 'Jamais',
      noneSeen: 'Aucun',
      frequencyFor: (site) => `Fréquence de vérification de ${site}`,
      checkNowFor: (site) => `Vérifier maintenant${C} ${site}`,
      checking: 'Vérification…',
      checkNow: 'Vérifier maintenant',
      removeSite: (site) => `Retirer ${site}`,
      remove: 'Retirer',
      checkResult: (site, status, reason) =>
        `${site}${C} ${{ unchanged: 'aucun changement', changed: 'politique modifiée', unanalysed: 'nouvelle version enregistrée, pas encore comparée', formatting: 'seules la mise en forme ou la formulation ont changé, rien à examiner', first: 'première version enregistrée', failed: 'échec de la vérification' }[status]}${reason ? ` (${reason})` : ''}`,
      checkFailed: (site, error) => `${site}${C} échec de la vérification${C} ${error}`,
      stoppedWatching: (site) => `${site} n’est plus surveillé. Son historique est conservé.`,
      couldNotRemove: (site, error) => `Impossible de retirer ${site}${C} ${error}`,
      nowWatching: (what) => `Surveillance de ${what} activée.`,
      couldNotWatch: (what, error) => `Impossible de surveiller ${what}${error ? `${C} ${error}` : '.'}`,
      couldNotSetFrequency: (site, error) => `Impossible de modifier la fréquence de vérification de ${site}${C} ${error}`,
      lookingUp: 'Recherche de la politique de confidentialité…',
      noneFound: (site) => `Aucune politique de confidentialité trouvée sur ${site}. Saisissez plutôt l’adresse de la page de la politique.`,
      found: (n, site) => `Trouvé sur ${site}${C} ${count(n, 'page possible', 'pages possibles')} pour la politique.`,
      lookupFailed: (error) => `Impossible de consulter ce site${C} ${error}`,
      watchFailed: (error) => `Impossible de le surveiller${C} ${error}`,
      addressLabel: 'Site ou adresse de la politique',
      addressPlaceholder: 'example.com ou https://example.com/privacy',
      findPolicy: 'Trouver la politique',
      whichPage: (site) => `Quelle page est la politique de confidentialité de ${site}\u00a0?`,
      confirmWatch: 'Confirmer et surveiller',
      settings: {
        paused: { label: 'Suspendre toutes les vérifications', hint: 'Aucune vérification en arrière-plan tant que cette option est activée.' },
        autoWatchVisited: {
          label: 'Surveiller les politiques que je consulte',
          hint: 'Une politique de confidentialité que vous ouvrez rejoint aussitôt les sites surveillés. Si cette option est désactivée, elle les rejoint la première fois que vous ouvrez Clausewatch sur son site.',
        },
        notifications: {
          label: 'M’avertir par une notification système',
          hint: 'Quand une vérification en arrière-plan trouve un changement important. Votre navigateur vous demande d’abord l’autorisation.',
        },
      },
      notificationsDenied: `Les notifications restent désactivées${C} le navigateur n’a pas accordé l’autorisation.`,
      saved: 'Enregistré.',
      couldNotSave: (error) => `Impossible d’enregistrer${C} ${error}`,
      exportNote: `L’export est un fichier JSON contenant le texte de toutes les versions conservées par Clausewatch${S} les pages enregistrées n’y figurent pas (elles restent dans ce navigateur${C} le fichier de preuves ci-dessous les contient). En importer un ajoute ses versions aux vôtres, sans pages enregistrées.`,
      exportHistory: 'Exporter l’historique',
      importHistory: 'Importer un historique',
      evidenceNote: [
        'Le fichier de preuves (WARC 1.1, le format des archives du web) contient chaque page enregistrée telle qu’elle a été capturée, le texte que Clausewatch en a lu et, pour chaque politique, une chaîne de hachage qui montre que rien n’a été modifié après coup. Chacun peut le vérifier avec ',
        ` ou le lire avec des outils d’archives du web. Une page enregistrée est la page telle que votre navigateur l’affichait${C} si vous étiez connecté, elle peut contenir votre nom ou votre adresse e-mail. Vérifiez-la avant de partager le fichier.`,
      ],
      historyExported: 'Historique exporté.',
      exportingEvidence: 'Export du fichier de preuves…',
      importing: (file) => `Importation de ${file}…`,
      importFailed: (message) => `Échec de l’import${C} ${message}`,
      imported: (added, skipped) => `${count(added, 'version importée', 'versions importées')} (${num(skipped)} déjà connue${skipped > 1 ? 's' : ''}).`,
      notJson: 'Ce fichier n’est pas du JSON. Choisissez un fichier exporté par Clausewatch.',
      importFull: 'le navigateur n’a plus de place pour Clausewatch. Rien n’a été importé.',
      importRefused: (r) => {
        switch (r.kind) {
          case 'not-ours':
            return 'ce fichier n’est pas un historique Clausewatch. Rien n’a été importé.';
          case 'damaged':
            return `cet historique Clausewatch est endommagé, ou a été créé par une version de Clausewatch que celle-ci ne sait pas lire (${r.detail}). Rien n’a été importé.`;
          case 'bad-site':
            return `le fichier nomme un site dont le nom n’est pas valide («\u00a0${r.site}\u00a0»). Rien n’a été importé.`;
          case 'checksum':
            return `le fichier est endommagé (la version ${num(r.version)} de ${r.policy} ne correspond pas à sa somme de contrôle). Rien n’a été importé.`;
          case 'future':
            return `le fichier contient une version de ${r.policy} vue le ${r.seen}, après la date du jour sur cet ordinateur${C} l’horloge de l’ordinateur qui l’a enregistrée avançait alors, ou le fichier a été modifié. Il pourra être importé une fois cette date passée. Rien n’a été importé.`;
          case 'outside':
            return `le fichier place une politique de ${r.site} à une adresse hors de ce site (${r.address}). Rien n’a été importé.`;
          case 'too-large':
            if (r.unit === 'paragraphs') return `les versions du fichier comptent ensemble plus de ${num(r.limit)} paragraphes, plus que ce que Clausewatch importe en une fois. Rien n’a été importé.`;
            if (r.policy !== undefined) return `le fichier contient une version de ${r.policy} de plus de ${num(r.limit)} caractères, plus que ce que Clausewatch importe. Rien n’a été importé.`;
            return `les versions du fichier comptent ensemble plus de ${num(r.limit)} caractères de texte, plus que ce que Clausewatch importe en une fois. Rien n’a été importé.`;
          case 'store-closed':
            return 'la base de l’historique a été fermée, sans doute parce que Clausewatch vient d’être mis à jour. Rechargez cette page et importez de nouveau. Rien n’a été importé.';
        }
      },
      importLeftOut: (l) => {
        const of = l.sites === 1 ? l.site : `${l.site} et ${count(l.sites - 1, 'autre site', 'autres sites')}`;
        return `${count(l.policies, 'politique', 'politiques')} (${versions(l.versions)}) de ${of} ${l.policies === 1 ? 'n’a pas été importée' : 'n’ont pas été importées'}${C} Clausewatch conserve au plus ${num(l.limit)} politiques par site.`;
      },
      used: (bytes, v, p, s) => `${bytes} utilisés${C} ${versions(v)} de ${count(p, 'politique', 'politiques')} sur ${count(s, 'site', 'sites')}.`,
      savedPages: (captures, bytes, pageBytes, withRaw, v) =>
        `Pages enregistrées${C} ${count(captures, 'page conservée', 'pages conservées')} (${bytes} compressés, ${pageBytes} telles que capturées). Versions qui ont la page d’où elles ont été lues${C} ${num(withRaw)} sur ${num(v)}.`,
      keepNote: `Clausewatch conserve la page d’où chaque version a été lue${C} vous pouvez ainsi montrer ce que disait la politique, et pas seulement ce que Clausewatch en a compris. Quand le stockage est plein, les pages enregistrées sont supprimées en premier, les plus anciennes d’abord, en gardant toujours la première et la plus récente de chaque politique${S} les versions ne partent qu’ensuite. Les versions vues avant que Clausewatch ne conserve les pages n’en ont pas.`,
      reextractPending: (extractor, pending) =>
        `Depuis cette mise à jour, Clausewatch lit le texte des pages autrement (extracteur ${extractor})${C} ${count(pending, 'page enregistrée reste', 'pages enregistrées restent')} à relire. Un texte qui change remplace l’ancien${S} ce n’est jamais signalé comme un changement.`,
      reextractDone: (extractor, changed, same, failed) =>
        `Pages enregistrées relues par l’extracteur ${extractor}${C} ${num(changed)} ${pick(changed, 'a donné', 'ont donné')} un texte différent (désormais enregistré), ${num(same)} le même texte${failed > 0 ? `, ${num(failed)} ${pick(failed, 'n’a pas pu être lue', 'n’ont pas pu être lues')} (leur texte est conservé)` : ''}. Aucune n’a été signalée comme un changement.`,
      extractor: (extractor) => `Le texte des pages est lu par l’extracteur ${extractor}.`,
      quarantined: (n) =>
        pick(
          n,
          `${num(n)} enregistrement stocké n’a pas pu être lu et a été mis de côté. Il est conservé, mais ni affiché ni comparé${C} un enregistrement endommagé ne peut pas casser votre historique.`,
          `${num(n)} enregistrements stockés n’ont pas pu être lus et ont été mis de côté. Ils sont conservés, mais ni affichés ni comparés${C} un enregistrement endommagé ne peut pas casser votre historique.`,
        ),
      setAside: (n) =>
        pick(
          n,
          `${num(n)} réglage ou site surveillé stocké n’a pas pu être lu et a été mis de côté. Il est conservé, mais pas utilisé ; vos autres réglages et sites surveillés restent utilisés comme avant.`,
          `${num(n)} réglages ou sites surveillés stockés n’ont pas pu être lus et ont été mis de côté. Ils sont conservés, mais pas utilisés ; vos autres réglages et sites surveillés restent utilisés comme avant.`,
        ),
    },
    markdown: {
      untitled: 'Politique de confidentialité',
      compared: (older, newer) => `Comparaison de la version vue pour la première fois ${on(older)} avec celle vue pour la première fois ${on(newer)}.`,
      policyLabel: `Politique${C}`,
      summaryLabel: `Résumé${C}`,
      severityLabel: `Gravité${C}`,
      categoryLabel: `Catégorie${C}`,
      sectionLabel: `Section${C}`,
      footer: 'Résumé par Clausewatch. Les mots ajoutés sont en gras, les mots supprimés sont barrés.',
    },
    badge: {
      changed: (site, n) =>
        `Clausewatch${C} la politique de confidentialité de ${site} a changé (${count(n, 'changement important', 'changements importants')})`,
      line: (text) => `• ${text}`,
      more: (n) => `et ${num(n)} de plus`,
      goodNews: (site) => `Clausewatch${C} bonne nouvelle — la politique de confidentialité de ${site} vous protège désormais davantage`,
      elsewhere: (n, shown, atLeast) =>
        `Clausewatch${C} ${atLeast ? 'au moins ' : ''}${count(n, 'site surveillé a', 'sites surveillés ont')} des changements de politique de confidentialité non lus (${shown.join(', ')}${n > shown.length ? ', …' : ''})`,
      nothing: (site) => `Clausewatch${C} aucun changement de politique non lu sur ${site}`,
    },
    storage: {
      saveFailed: () =>
        `Une nouvelle version d’une politique n’a pas pu être enregistrée${C} le navigateur n’a plus d’espace de stockage pour Clausewatch. Libérez de l’espace disque${S} Clausewatch réessaiera à la prochaine vérification de la politique ou quand vous l’ouvrirez.`,
      // Every noun here is feminine (page, version, modification): the participle agrees with them.
      pruned: ({ removedRaw: raw, removedVersions: versions, removedUnreviewed: unreviewed = 0 }) =>
        `L’espace de stockage était plein. Pour faire de la place, ${raw + versions === 1 ? 'a été supprimée' : 'ont été supprimées'}${C} ${list([
          raw > 0 ? count(raw, 'ancienne page enregistrée', 'anciennes pages enregistrées') : '',
          versions > unreviewed ? count(versions - unreviewed, 'ancienne version intermédiaire', 'anciennes versions intermédiaires') : '',
          unreviewed > 0 ? count(unreviewed, 'modification que vous n’aviez pas encore lue', 'modifications que vous n’aviez pas encore lues') : '',
        ])} (la première et la dernière version de chaque politique, et les pages d’où elles ont été lues, sont toujours conservées).`,
    },
    discoveryWhy: (w) =>
      ({ entered: 'l’adresse que vous avez saisie', rel: 'signalée rel="privacy-policy" par le site', label: `lien intitulé «\u00a0${w.detail ?? ''}\u00a0»`, path: `lien vers ${w.detail ?? ''}`, usual: 'un emplacement habituel pour une politique de confidentialité' })[w.code],
    unexpectedError,
    userError: ({ code, value }) =>
      ({
        'not-an-address': `«\u00a0${value}\u00a0» n’est ni un domaine ni une adresse web.`,
        'not-a-web-page': 'Seules les pages http et https peuvent être surveillées.',
        'has-credentials': `Une adresse avec un nom d’utilisateur ou un mot de passe ne peut pas être surveillée${C} retirez la partie avant le «\u00a0@\u00a0».`,
        'not-watched': `${value} n’est pas surveillé.`,
        'version-gone': 'Cette version n’est plus enregistrée.',
        'different-policies': 'Seules des versions d’une même politique peuvent être comparées.',
        'export-gone': 'Cet export n’est plus disponible (l’extension a redémarré, ou un export plus récent l’a remplacé). Exportez à nouveau.',
        'export-incomplete': 'L’export s’est interrompu avant la fin. Exportez à nouveau.',
        'import-piece-too-large': `Un morceau d’import contient au plus ${num(Number(value))}\u00a0caractères.`,
        'import-lost': 'Cet import n’est plus disponible (l’extension a redémarré). Importez à nouveau le fichier.',
        'import-too-large': `Le fichier dépasse ${num(Number(value))}\u00a0caractères, plus que ne contient un historique Clausewatch.`,
      })[code],
    failure: (f) => {
      const d = f.detail ?? '';
      switch (f.code) {
        case 'http-error': return `le serveur a répondu HTTP ${f.n}`;
        case 'http-status': return `statut HTTP inattendu ${f.n}`;
        case 'not-html': return `pas une page HTML (${d})`;
        case 'invalid-url': return 'pas une adresse web';
        case 'login-redirect': return `redirigé vers une page de connexion (${d})`;
        case 'consent-redirect': return `redirigé vers une page de consentement (${d})`;
        case 'captcha': return 'le site a répondu par un captcha ou une vérification anti-robot';
        case 'login-form': return 'le site a répondu par un formulaire de connexion';
        case 'not-a-policy': return 'la page ne ressemble plus à une politique de confidentialité';
        case 'scheme': return `redirige vers une adresse ${d}:, pas une page web`;
        case 'credentials': return 'redirige vers une adresse contenant un nom d’utilisateur ou un mot de passe';
        case 'downgrade': return `redirige d’une adresse sécurisée (https) vers une adresse non sécurisée (${d})`;
        case 'local': return `${f.direct ? 'pointe' : 'redirige'} vers une adresse de votre propre réseau (${d}), que Clausewatch ne consulte jamais pour un site public`;
        case 'other-site': return `pointe désormais vers ${d}, un autre site`;
        case 'moved-same-site': return `mène désormais à ${d} sur le même site${C} Clausewatch ne l’a pas enregistrée, faute d’avoir pu vérifier la redirection en chemin. Surveillez cette adresse si la politique s’y trouve désormais`;
        case 'hidden-redirect': return `l’adresse redirige désormais, et le navigateur ne laisse pas les extensions voir où mène une redirection sans la suivre${S} les vérifications en arrière-plan ne la suivent donc pas. Utilisez «\u00a0Vérifier maintenant\u00a0» pour voir où elle mène`;
        case 'redirect-loop': return `l’adresse redirige et revient à elle-même (une vérification de cookies ou de consentement\u00a0?)${S} non enregistrée`;
        case 'bad-redirect': return 'redirige vers une adresse invalide';
        case 'too-many-redirects': return `plus de ${f.n} redirections`;
        case 'too-large': return f.m !== undefined ? `la page dépasse ${mb(f.n)} (elle annonce ${mb(f.m)})${S} non enregistrée` : `la page dépasse ${mb(f.n)}${S} elle a été abandonnée à ce stade et non enregistrée`;
        case 'attributes-in-tag': return `un élément de la page a ${num(f.n ?? 0)}\u00a0attributs, plus que les ${num(f.m ?? 0)} que Clausewatch lit dans un élément${S} non enregistrée`;
        case 'attributes': return `la page a ${num(f.n ?? 0)}\u00a0attributs, plus que les ${num(f.m ?? 0)} que Clausewatch lit dans une page${S} non enregistrée`;
        case 'too-many-changes': return `les politiques de ce site ont déjà changé ${num(f.n ?? 0)} fois au cours des dernières 24 heures, autant que Clausewatch en enregistre par jour${S} cette version n’a pas été enregistrée`;
        case 'too-many-policies': return `Clausewatch conserve au plus ${num(f.n ?? 0)} politiques par site, et ce site en a déjà autant${S} cette adresse n’a pas été enregistrée`;
        case 'too-nested': return `la page est trop profondément imbriquée pour être lue${S} non enregistrée`;
        case 'timeout': return 'le site n’a pas répondu à temps';
        case 'unfinished': return `le navigateur a arrêté l’arrière-plan de Clausewatch avant la fin de la vérification${S} elle sera refaite plus tard`;
        case 'network': return `la page n’a pas pu être récupérée (${d})`;
        // A check that failed in a way nobody foresaw: its English message is the technical detail.
        case 'error': return unexpectedError(shownValue(d));
      }
    },
    notification: {
      title: (site) => `${site} a modifié sa politique de confidentialité`,
      message: 'Clausewatch a trouvé des changements importants. Cliquez pour voir ce qui a changé.',
    },
  };
}

/** French, with numbers as a tag of French writes them ("fr", "fr-CA"), made once per tag. */
export const uiFr = perLocale(build);
