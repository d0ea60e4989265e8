import { counting, listing, perLocale } from './count';
import type { UiWords } from './ui';
import { shownValue } from '../import-refusal';

/** "heute" → "Heute": a relative date opens the sentence in German ("Heute geändert"). */
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('de') + s.slice(1);

const FREQUENCY: Record<number, string> = {
  12: 'Alle 12 Stunden',
  24: 'Täglich',
  72: 'Alle 3 Tage',
  168: 'Wöchentlich',
  336: 'Alle 2 Wochen',
  720: 'Monatlich',
};

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const UNKNOWN_DATE = 'unbekanntes Datum';
const UNKNOWN_WHEN = 'zu einem unbekannten Zeitpunkt';
/** A date after a verb: „am 02.11.2026“; one that cannot be read, „zu einem unbekannten Zeitpunkt“. */
const on = (date: string) => (date === UNKNOWN_DATE ? UNKNOWN_WHEN : `am ${date}`);
/** A date after „zwischen“ or „und“: „02.11.2026“, „einem unbekannten Datum“. */
const theDay = (date: string) => (date === UNKNOWN_DATE ? 'einem unbekannten Datum' : date);

/** An error nobody foresaw; its technical detail (bounded by the caller), when it has one, in brackets. */
const unexpectedError = (detail: string): string => (detail ? `ein unerwarteter Fehler (technische Angabe: ${detail})` : 'ein unerwarteter Fehler');

/** The words, with numbers written as `locale` (a tag of German) writes them. */
function build(locale: string): UiWords {
  const { num, pick, count } = counting(locale);
  const list = listing(locale);
  const mb = (bytes = 0) => `${num(Math.round(bytes / 100_000) / 10)} ${BYTE_UNITS[2]}`;
  const versions = (n: number) => count(n, 'Version', 'Versionen');
  const exported = (filename: string, records: number) =>
    `${filename} exportiert (${count(records, 'WARC-Eintrag', 'WARC-Einträge')}). Prüfen Sie die Datei mit: clausewatch verify ${filename}`;
  return {
    time: {
      on,
      unknownDate: UNKNOWN_DATE,
      unknownWhen: UNKNOWN_WHEN,
      unknownTime: 'unbekannte Uhrzeit',
      byteUnits: BYTE_UNITS,
      unknownSize: 'unbekannt',
    },
    common: {
      dismiss: 'Ausblenden',
      privacyPolicy: 'Datenschutzerklärung',
      relatedPolicy: 'Weitere Richtlinie',
      versions,
      separator: ' · ',
      quote: (text) => `„${text}“`,
      loading: 'Wird geladen…',
      stillLoading: 'Clausewatch hat noch nicht geantwortet. Es ist vielleicht mit einem großen Verlauf beschäftigt oder wurde angehalten: Versuchen Sie es erneut, oder schließen Sie diese Seite und öffnen Sie sie wieder.',
      tryAgain: 'Erneut versuchen',
      somethingWentWrong: (error) => `Etwas ist schiefgegangen: ${error}`,
      exportEvidence: 'Nachweise exportieren (WARC)',
      exported,
      exportFailed: (error) => `Export fehlgeschlagen: ${error}`,
    },
    loadFailed: {
      tabPolicy: (error) => `Die Richtlinie dieses Tabs konnte nicht geladen werden: ${error}`,
      settings: (error) => `Die Einstellungen konnten nicht geladen werden: ${error}`,
      history: (site, error) => `Der Verlauf von ${site} konnte nicht geladen werden: ${error}`,
      comparison: (error) => `Der Vergleich konnte nicht geladen werden: ${error}`,
    },
    popup: {
      noPolicySeen: (site) => `Noch keine Datenschutzerklärung auf ${site ?? 'dieser Seite'} gesehen`,
      changed: (when) => `${cap(when)} geändert`,
      watchingSince: (day, n) => `Beobachtet seit ${day === UNKNOWN_DATE ? 'einem unbekannten Datum' : day} · ${versions(n)}`,
      firstSeen: (day, n) => `Zuerst gesehen ${on(day)} · ${versions(n)}`,
      latestSeen: (when) => `neueste Version ${when} gesehen`,
      statedUpdate: (date) => `laut eigener Angabe aktualisiert am ${date}`,
      reviewed: 'geprüft',
      showReviewed: 'Geprüfte Änderungen anzeigen',
      markReviewed: 'Als geprüft markieren',
      history: 'Verlauf',
      notAWebPage:
        'Clausewatch sieht sich nur gewöhnliche Webseiten an (http und https). Öffnen Sie eine Website, um zu sehen, was in ihrer Datenschutzerklärung steht und was sich geändert hat.',
      watchJoined:
        'Clausewatch prüft diese Richtlinie jetzt auch im Hintergrund, etwa einmal am Tag und ohne Cookies, und sagt Ihnen, wenn sie sich ändert.',
      watchJoinedPaused:
        'Clausewatch hat diese Website zu Ihren beobachteten Websites hinzugefügt, aber die Prüfungen im Hintergrund sind in den Einstellungen angehalten: Bis Sie sie wieder einschalten, wird diese Richtlinie nur geprüft, wenn Sie sie besuchen.',
      checksPaused: 'Die Prüfungen im Hintergrund sind in den Einstellungen angehalten: Diese Richtlinie wird nur geprüft, wenn Sie sie besuchen.',
      checkFailed: (attempts) =>
        `Die letzte Prüfung dieser Richtlinie im Hintergrund ist fehlgeschlagen${attempts > 1 ? ` (${count(attempts, 'Versuch', 'Versuche')} in Folge)` : ''}. Die Einstellungen zeigen, warum, und was Sie tun können.`,
      stopWatching: 'Nicht mehr beobachten',
      notWatched: 'Nicht beobachtet: Clausewatch prüft diese Richtlinie nur, wenn Sie sie besuchen.',
      watchSite: 'Diese Website beobachten',
      noPolicyHint:
        'Öffnen Sie einmal die Datenschutzerklärung der Website, dann merkt Clausewatch sie sich. Oder fügen Sie die Website in den Einstellungen hinzu.',
      settings: 'Einstellungen und beobachtete Websites',
      highlighted: 'Auf der Seite der Richtlinie hervorgehoben.',
      passageNotFound: 'Die Seite der Richtlinie wurde geöffnet, die Textstelle dort aber nicht gefunden.',
      pageElsewhere: 'Der Tab zeigt eine andere Website als die der Richtlinie, daher wurde dort nichts hervorgehoben.',
      markedReviewed: 'Als geprüft markiert.',
      couldNotMarkReviewed: 'Nicht als geprüft markiert: Diese Version ist nicht mehr gespeichert. Die Ansicht wurde aktualisiert.',
      watching: (site) => `${site} wird jetzt beobachtet.`,
      couldNotWatch: 'Diese Website konnte nicht beobachtet werden.',
      stoppedWatching: (site) => `${site} wird nicht mehr beobachtet. Clausewatch vergleicht die Richtlinie weiterhin, wenn Sie sie besuchen.`,
      noActiveTab: 'kein aktiver Tab',
    },
    analysis: {
      onlyFormatting: 'Nur Formatierung oder Formulierungen geändert – nichts zu prüfen.',
      truncated: 'Diese Richtlinie ist zu lang für einen vollständigen Vergleich: Ein Teil ihres Textes wurde nur grob oder gar nicht verglichen, eine Änderung darin kann hier also fehlen.',
      nothingFoundInPart: 'Im Teil, der verglichen werden konnte, gibt es nichts zu prüfen.',
      sameText: 'Die beiden Versionen haben denselben Text: Es hat sich nichts geändert.',
      before: 'Vorher stand in der Richtlinie:',
      beforeKept: 'Das stand schon vorher in der Richtlinie und steht dort weiterhin:',
      morePassages: (n) => `und ${count(n, 'weitere Textstelle', 'weitere Textstellen')} dieser Art`,
      section: (path) => `Abschnitt: ${path}`,
      showOnPage: 'Auf der Seite zeigen',
    },
    statements: {
      heading: 'Was diese Richtlinie jetzt sagt',
      firstVersion: 'Dies ist die erste Version, die Clausewatch gesehen hat. Ab jetzt erfahren Sie, was sich daran ändert.',
      notCompared: 'Clausewatch hat keinen Vergleich dieser Version mit der vorigen. Die Verlaufsseite vergleicht zwei beliebige Versionen.',
      nothingOnSharing: 'Clausewatch hat darin nichts zur Weitergabe Ihrer Daten an andere erkannt.',
      nothingOnAi: 'Sie sagt nichts über das Training von KI mit Ihren Daten.',
      nothingFound: 'Nichts dazu gefunden.',
      moreLikeThis: (n) => `und ${num(n)} weitere dieser Art`,
    },
    comparison: {
      heading: (older, newer) => `Änderungen zwischen ${theDay(older)} und ${theDay(newer)}`,
      headingStated: (older, newer) => `Änderungen zwischen Stand\u00a0${older} und Stand\u00a0${newer}`,
      headingSameMoment: (moment) => `Änderungen zwischen zwei Versionen, beide zuerst gesehen ${on(moment)}`,
      changeType: { added: 'Hinzugefügt', removed: 'Entfernt', modified: 'Geändert', moved: 'Verschoben' },
      noDifferences: 'Keine Unterschiede im Text.',
      changesLabel: 'Änderungen',
      showChanges: 'Änderungen anzeigen',
      inline: 'Im Text',
      sideBySide: 'Nebeneinander',
      copyMarkdown: 'Zusammenfassung als Markdown kopieren',
      copied: 'Kopiert',
      couldNotCopy: (error) => `Kopieren fehlgeschlagen: ${error}`,
      whatChanged: 'Was sich geändert hat',
      theText: 'Der Text',
      older: (day) => `Ältere Version, gesehen ${on(day)}`,
      newer: (day) => `Neuere Version, gesehen ${on(day)}`,
    },
    history: {
      title: 'Verlauf',
      titleOf: (site) => `Verlauf von ${site}`,
      documentTitle: (site) => `Verlauf von ${site} · Clausewatch`,
      noSite: 'Keine Website angegeben. Öffnen Sie den Verlauf über das Clausewatch-Symbol in der Symbolleiste.',
      evidenceNote: (site) =>
        `Die Nachweisdatei (WARC 1.1, das Format für Webarchive) enthält jede gespeicherte Seite von ${site} so, wie sie erfasst wurde, den Text, den Clausewatch daraus gelesen hat, und die Hash-Kette, die beides verbindet. Eine gespeicherte Seite ist die Seite, wie Ihr Browser sie zeigte: Waren Sie angemeldet, kann sie Ihren Namen oder Ihre E-Mail-Adresse enthalten. Sehen Sie sie an, bevor Sie die Datei weitergeben.`,
      exporting: 'Wird exportiert…',
      noPolicy: (site) => `Clausewatch hat auf ${site} noch keine Datenschutzerklärung gesehen.`,
      pickTwo: 'Wählen Sie zwei Versionen aus, um sie zu vergleichen.',
      pickTwoOfOne: 'Wählen Sie zwei Versionen derselben Richtlinie aus, um zu sehen, was sich dazwischen geändert hat.',
      onlyOne: 'Bisher wurde nur eine Version gesehen. Wenn sich die Richtlinie ändert, erscheinen die Änderungen hier.',
      timelineLabel: (title) => `Versionen von ${title}, neueste zuerst`,
      seen: (when) => `${cap(when)} gesehen`,
      versionNumber: (n) => `Version ${num(n)}`,
      dated: (date) => `Stand:\u00a0${date}`,
      firstVersion: 'Erste Version, die Clausewatch gesehen hat.',
      notCompared: 'Kein Vergleich mit der vorigen Version. Wählen Sie beide aus, um sie zu vergleichen.',
      majorChanges: (n) => count(n, 'wichtige Änderung', 'wichtige Änderungen'),
      reviewed: 'Geprüft',
      notReviewed: 'Noch nicht geprüft',
      versionGone: (latestShown) =>
        `Die Version, auf die dieser Link verweist, ist nicht mehr gespeichert: Clausewatch entfernt alte Versionen, um Platz zu schaffen, wenn der Speicher voll ist.${latestShown ? ' Stattdessen wird die neueste Änderung gezeigt.' : ''}`,
    },
    record: {
      checking: 'Aufzeichnung wird geprüft…',
      couldNotCheck: 'Die Aufzeichnung konnte nicht geprüft werden.',
      pages: (kept, pruned) =>
        `${count(kept, 'gespeicherte Seite', 'gespeicherte Seiten')} aufbewahrt${pruned > 0 ? `, ${num(pruned)} entfernt, um Platz zu schaffen` : ''}`,
      verifies: 'Aufzeichnung bestätigt',
      verifiesDetail: (entries, pages) => `: ${count(entries, 'Eintrag', 'Einträge')} in der Hash-Kette, ${pages}.`,
      chainHead: 'Kopf der Kette',
      doesNotVerify: 'Aufzeichnung nicht bestätigt',
      doesNotVerifyDetail: (pages) => ` (${pages}):`,
      andMore: (n) => `und ${num(n)} weitere.`,
      problem: (p, seen) => {
        switch (p.code) {
          case 'other-policy':
            return `Eintrag ${num(p.seq + 1)} der Kette gehört zu einer anderen Richtlinie.`;
          case 'misnumbered':
            return `Eintrag ${num(p.seq + 1)} der Kette steht an Stelle ${num(p.position + 1)}.`;
          case 'altered-entry':
            return `Eintrag ${num(p.seq + 1)} der Kette passt nicht zu seinem eigenen Hash (er wurde verändert).`;
          case 'starts-with-link':
            return `Eintrag ${num(p.seq + 1)} beginnt die Kette, nennt aber einen Eintrag davor.`;
          case 'broken-link':
            return `Eintrag ${num(p.seq + 1)} der Kette verweist nicht auf den Eintrag davor (ein Eintrag wurde verändert, entfernt oder eingefügt).`;
          case 'no-entry':
            return `Die Version, die ${seen} zuerst gesehen wurde, hat keinen Eintrag in der Kette.`;
          case 'text-altered':
            return `Der gespeicherte Text der Version, die ${seen} zuerst gesehen wurde, ist nicht der Text, den ihr Eintrag in der Kette nennt (er wurde verändert oder beschädigt).`;
          case 'page-altered':
            return `Die gespeicherte Seite ${p.sha}… passt nicht zu ihrem Hash (sie wurde verändert oder beschädigt).`;
        }
      },
      pageKept: 'Gespeicherte Seite aufbewahrt',
      pagePruned: 'Gespeicherte Seite entfernt, um Platz zu schaffen',
      pageImported: 'Keine gespeicherte Seite (aus einer Verlaufsdatei importiert; gespeicherte Seiten werden nicht exportiert)',
      pageNone: 'Keine gespeicherte Seite (gesehen, bevor Clausewatch Seiten aufbewahrte)',
      reread: (extractor, was) => `Text von Extraktor ${extractor} neu gelesen (vorher ${was === 0 ? 'ohne Nummer' : was})`,
      versionEvidence: (page, text) => [page, text].filter(Boolean).join('; '),
    },
    options: {
      title: 'Clausewatch-Einstellungen',
      watchedSites: 'Beobachtete Websites',
      addSite: 'Website hinzufügen',
      checksAndNotifications: 'Prüfungen und Benachrichtigungen',
      history: 'Verlauf',
      storage: 'Speicher',
      frequency: (hours) => FREQUENCY[hours] ?? (hours === 1 ? 'Stündlich' : `Alle ${num(hours)} Stunden`),
      status: { upToDate: 'Aktuell', changed: 'Geändert', pending: 'Noch nicht geprüft', failed: 'Fehlgeschlagen' },
      failureReason: (reason) => `: ${reason}`,
      attempts: (n) => ` (${count(n, 'Versuch', 'Versuche')} in Folge)`,
      watchInstead: (url) => `Stattdessen ${url} beobachten`,
      noWatches: 'Noch keine beobachteten Websites. Fügen Sie unten eine hinzu oder öffnen Sie die Datenschutzerklärung einer Website.',
      column: {
        site: 'Website',
        policy: 'Richtlinie',
        lastCheck: 'Letzte Prüfung',
        lastChange: 'Letzte Änderung',
        status: 'Status',
        frequency: 'Häufigkeit',
        actions: 'Aktionen',
      },
      never: 'Nie',
      noneSeen: 'Keine gesehen',
      frequencyFor: (site) => `Prüfhäufigkeit für ${site}`,
      checkNowFor: (site) => `Jetzt prüfen: ${site}`,
      checking: 'Wird geprüft…',
      checkNow: 'Jetzt prüfen',
      removeSite: (site) => `${site} entfernen`,
      remove: 'Entfernen',
      checkResult: (site, status, reason) =>
        `${site}: ${{ unchanged: 'keine Änderung', changed: 'geändert', unanalysed: 'neue Version gespeichert, noch nicht verglichen', formatting: 'nur Formatierung oder Formulierungen geändert, nichts zu prüfen', first: 'erste Version gespeichert', failed: 'Prüfung fehlgeschlagen' }[status]}${reason ? ` (${reason})` : ''}`,
      checkFailed: (site, error) => `${site}: Prüfung fehlgeschlagen: ${error}`,
      stoppedWatching: (site) => `${site} wird nicht mehr beobachtet. Der Verlauf bleibt erhalten.`,
      couldNotRemove: (site, error) => `${site} konnte nicht entfernt werden: ${error}`,
      nowWatching: (what) => `${what} wird jetzt beobachtet.`,
      couldNotWatch: (what, error) => `${what} konnte nicht beobachtet werden${error ? `: ${error}` : '.'}`,
      couldNotSetFrequency: (site, error) => `Die Prüfhäufigkeit für ${site} konnte nicht geändert werden: ${error}`,
      lookingUp: 'Datenschutzerklärung wird gesucht…',
      noneFound: (site) => `Auf ${site} wurde keine Datenschutzerklärung gefunden. Geben Sie stattdessen die Adresse der Seite ein, auf der sie steht.`,
      found: (n, site) => `Auf ${site} ${pick(n, 'wurde', 'wurden')} ${count(n, 'mögliche Seite', 'mögliche Seiten')} mit der Datenschutzerklärung gefunden.`,
      lookupFailed: (error) => `Diese Website konnte nicht abgefragt werden: ${error}`,
      watchFailed: (error) => `Beobachten fehlgeschlagen: ${error}`,
      addressLabel: 'Website oder Adresse der Richtlinie',
      addressPlaceholder: 'example.com oder https://example.com/privacy',
      findPolicy: 'Richtlinie suchen',
      whichPage: (site) => `Welche Seite ist die Datenschutzerklärung von ${site}?`,
      confirmWatch: 'Bestätigen und beobachten',
      settings: {
        paused: { label: 'Alle Prüfungen pausieren', hint: 'Bis Sie dies wieder ausschalten, laufen keine Prüfungen im Hintergrund.' },
        autoWatchVisited: {
          label: 'Besuchte Richtlinien beobachten',
          hint: 'Eine Datenschutzerklärung, die Sie öffnen, kommt sofort zu den beobachteten Websites. Ist dies aus, kommt sie dazu, sobald Sie Clausewatch zum ersten Mal auf ihrer Website öffnen.',
        },
        notifications: {
          label: 'Mit einer Systembenachrichtigung informieren',
          hint: 'Wenn eine Prüfung im Hintergrund eine wichtige Änderung findet. Ihr Browser fragt Sie zuerst um Erlaubnis.',
        },
      },
      notificationsDenied: 'Benachrichtigungen bleiben aus: Der Browser hat die Berechtigung nicht erteilt.',
      saved: 'Gespeichert.',
      couldNotSave: (error) => `Speichern fehlgeschlagen: ${error}`,
      exportNote: 'Der Export ist eine JSON-Datei mit dem Text aller Versionen, die Clausewatch aufbewahrt hat; die gespeicherten Seiten sind nicht darin enthalten (sie bleiben in diesem Browser: Die Nachweisdatei unten enthält sie). Beim Import kommen deren Versionen zu Ihren hinzu, ohne gespeicherte Seiten.',
      exportHistory: 'Verlauf exportieren',
      importHistory: 'Verlauf importieren',
      evidenceNote: [
        'Die Nachweisdatei (WARC 1.1, das Format für Webarchive) enthält jede gespeicherte Seite so, wie sie erfasst wurde, den Text, den Clausewatch daraus gelesen hat, und je Richtlinie eine Hash-Kette, die zeigt, dass nachträglich nichts verändert wurde. Jeder kann sie mit ',
        ' prüfen oder mit Werkzeugen für Webarchive lesen. Eine gespeicherte Seite ist die Seite, wie Ihr Browser sie zeigte: Waren Sie angemeldet, kann sie Ihren Namen oder Ihre E-Mail-Adresse enthalten. Sehen Sie sie an, bevor Sie die Datei weitergeben.',
      ],
      historyExported: 'Verlauf exportiert.',
      exportingEvidence: 'Nachweisdatei wird exportiert…',
      importing: (file) => `${file} wird importiert…`,
      importFailed: (message) => `Import fehlgeschlagen: ${message}`,
      imported: (added, skipped) => `${count(added, 'Version', 'Versionen')} importiert (${num(skipped)} bereits vorhanden).`,
      notJson: 'Diese Datei ist kein JSON. Wählen Sie eine von Clausewatch exportierte Datei.',
      importFull: 'der Browser hat keinen Platz mehr für Clausewatch. Es wurde nichts importiert.',
      importRefused: (r) => {
        switch (r.kind) {
          case 'not-ours':
            return 'Dies ist keine Verlaufsdatei von Clausewatch. Es wurde nichts importiert.';
          case 'damaged':
            return `Diese Verlaufsdatei von Clausewatch ist beschädigt oder wurde von einer Clausewatch-Version erstellt, die diese Version nicht lesen kann (${r.detail}). Es wurde nichts importiert.`;
          case 'bad-site':
            return `Die Datei nennt eine Website, deren Name ungültig ist („${r.site}“). Es wurde nichts importiert.`;
          case 'checksum':
            return `Die Datei ist beschädigt: Version ${num(r.version)} von ${r.policy} passt nicht zu ihrer Prüfsumme. Es wurde nichts importiert.`;
          case 'future':
            return `Die Datei enthält eine Version von ${r.policy}, gesehen am ${r.seen}, also nach dem heutigen Datum dieses Computers: Die Uhr des Computers, der sie aufgezeichnet hat, ging damals vor, oder die Datei wurde verändert. Sie lässt sich importieren, sobald dieses Datum vorüber ist. Es wurde nichts importiert.`;
          case 'outside':
            return `Die Datei ordnet eine Richtlinie von ${r.site} einer Adresse außerhalb dieser Website zu (${r.address}). Es wurde nichts importiert.`;
          case 'too-large':
            if (r.unit === 'paragraphs') return `Die Versionen der Datei umfassen zusammen mehr als ${num(r.limit)} Absätze, mehr als Clausewatch auf einmal importiert. Es wurde nichts importiert.`;
            if (r.policy !== undefined) return `Die Datei enthält eine Version von ${r.policy} mit mehr als ${num(r.limit)} Zeichen, mehr als Clausewatch importiert. Es wurde nichts importiert.`;
            return `Die Versionen der Datei umfassen zusammen mehr als ${num(r.limit)} Zeichen Text, mehr als Clausewatch auf einmal importiert. Es wurde nichts importiert.`;
          case 'store-closed':
            return 'die Verlaufsdatenbank wurde geschlossen, wahrscheinlich weil Clausewatch gerade aktualisiert wurde. Laden Sie diese Seite neu und importieren Sie erneut. Es wurde nichts importiert.';
        }
      },
      importLeftOut: (l) => {
        const of = l.sites === 1 ? l.site : `${l.site} und ${count(l.sites - 1, 'weiteren Website', 'weiteren Websites')}`;
        return `${count(l.policies, 'Richtlinie', 'Richtlinien')} (${versions(l.versions)}) von ${of} ${l.policies === 1 ? 'wurde' : 'wurden'} nicht importiert: Clausewatch bewahrt höchstens ${num(l.limit)} Richtlinien einer Website auf.`;
      },
      used: (bytes, v, p, s) => `${bytes} belegt: ${versions(v)} von ${count(p, 'Richtlinie', 'Richtlinien')} auf ${count(s, 'Website', 'Websites')}.`,
      savedPages: (captures, bytes, pageBytes, withRaw, v) =>
        `Gespeicherte Seiten: ${count(captures, 'Seite', 'Seiten')} aufbewahrt (${bytes} komprimiert, ${pageBytes} wie erfasst). Versionen mit der Seite, aus der sie gelesen wurden: ${num(withRaw)} von ${num(v)}.`,
      keepNote:
        'Clausewatch bewahrt die Seite auf, aus der jede Version gelesen wurde. So können Sie zeigen, was in der Richtlinie stand, nicht nur, was Clausewatch daraus gemacht hat. Wird der Speicher knapp, werden zuerst gespeicherte Seiten entfernt, die ältesten zuerst; die erste und die neueste jeder Richtlinie bleiben immer erhalten. Erst danach werden Versionen entfernt. Versionen, die gesehen wurden, bevor Clausewatch Seiten aufbewahrte, haben keine.',
      reextractPending: (extractor, pending) =>
        `Clausewatch liest den Text von Seiten seit diesem Update anders (Extraktor ${extractor}): ${count(pending, 'gespeicherte Seite wird', 'gespeicherte Seiten werden')} noch neu gelesen. Ein Text, der anders ausfällt, ersetzt den alten; das wird nie als Änderung gemeldet.`,
      reextractDone: (extractor, changed, same, failed) =>
        `Von Extraktor ${extractor} neu gelesene Seiten: ${num(changed)} ${pick(changed, 'ergab', 'ergaben')} einen anderen Text (jetzt gespeichert), ${num(same)} denselben Text${failed > 0 ? `, ${num(failed)} ${pick(failed, 'konnte', 'konnten')} nicht gelesen werden (ihr Text bleibt erhalten)` : ''}. Nichts davon wurde als Änderung gemeldet.`,
      extractor: (extractor) => `Der Text wird von Extraktor ${extractor} aus den Seiten gelesen.`,
      quarantined: (n) =>
        pick(
          n,
          `${num(n)} gespeicherter Eintrag konnte nicht gelesen werden und wurde beiseitegelegt. Er bleibt erhalten, wird aber weder angezeigt noch verglichen, damit ein beschädigter Eintrag nicht Ihren Verlauf stört.`,
          `${num(n)} gespeicherte Einträge konnten nicht gelesen werden und wurden beiseitegelegt. Sie bleiben erhalten, werden aber weder angezeigt noch verglichen, damit ein beschädigter Eintrag nicht Ihren Verlauf stört.`,
        ),
      setAside: (n) =>
        pick(
          n,
          `${num(n)} gespeicherte Einstellung oder beobachtete Website konnte nicht gelesen werden und wurde beiseitegelegt. Sie bleibt erhalten, wird aber nicht verwendet; Ihre übrigen Einstellungen und beobachteten Websites gelten weiter.`,
          `${num(n)} gespeicherte Einstellungen oder beobachtete Websites konnten nicht gelesen werden und wurden beiseitegelegt. Sie bleiben erhalten, werden aber nicht verwendet; Ihre übrigen Einstellungen und beobachteten Websites gelten weiter.`,
        ),
    },
    markdown: {
      untitled: 'Datenschutzerklärung',
      compared: (older, newer) => `Verglichen wurde die Version, die zuerst ${on(older)} gesehen wurde, mit der, die zuerst ${on(newer)} gesehen wurde.`,
      policyLabel: 'Richtlinie:',
      summaryLabel: 'Zusammenfassung:',
      severityLabel: 'Einstufung:',
      categoryLabel: 'Kategorie:',
      sectionLabel: 'Abschnitt:',
      footer: 'Zusammenfassung von Clausewatch. Hinzugefügte Wörter sind fett, entfernte durchgestrichen.',
    },
    badge: {
      changed: (site, n) => `Clausewatch: Die Datenschutzerklärung von ${site} hat sich geändert (${count(n, 'wichtige Änderung', 'wichtige Änderungen')})`,
      line: (text) => `• ${text}`,
      more: (n) => `und ${num(n)} weitere`,
      goodNews: (site) => `Clausewatch: Gute Nachricht – die Datenschutzerklärung von ${site} schützt Sie jetzt besser`,
      elsewhere: (n, shown, atLeast) =>
        `Clausewatch: ${atLeast ? 'mindestens ' : ''}${count(n, 'beobachtete Website hat', 'beobachtete Websites haben')} ungeprüfte Änderungen an der Datenschutzerklärung (${shown.join(', ')}${n > shown.length ? ', …' : ''})`,
      nothing: (site) => `Clausewatch: keine ungeprüften Änderungen der Richtlinien von ${site}`,
    },
    storage: {
      saveFailed: () =>
        'Eine neue Version einer Richtlinie konnte nicht gespeichert werden: Der Browser hat keinen Speicherplatz mehr für Clausewatch. Geben Sie Speicherplatz auf dem Datenträger frei; Clausewatch versucht es erneut, wenn es die Richtlinie das nächste Mal prüft oder Sie sie öffnen.',
      pruned: ({ removedRaw: raw, removedVersions: versions, removedUnreviewed: unreviewed = 0 }) =>
        `Der Speicher war voll. Um Platz zu schaffen, ${raw + versions === 1 ? 'wurde' : 'wurden'} entfernt: ${list([
          raw > 0 ? count(raw, 'ältere gespeicherte Seite', 'ältere gespeicherte Seiten') : '',
          versions > unreviewed ? count(versions - unreviewed, 'alte Zwischenversion', 'alte Zwischenversionen') : '',
          unreviewed > 0 ? count(unreviewed, 'noch nicht geprüfte Änderung', 'noch nicht geprüfte Änderungen') : '',
        ])} (die erste und die neueste Version jeder Richtlinie und die Seiten, aus denen sie gelesen wurden, bleiben immer erhalten).`,
    },
    discoveryWhy: (w) =>
      ({ entered: 'die Adresse, die Sie eingegeben haben', rel: 'von der Website als rel="privacy-policy" gekennzeichnet', label: `Link mit der Beschriftung „${w.detail ?? ''}“`, path: `Link auf ${w.detail ?? ''}`, usual: 'ein üblicher Ort für eine Datenschutzerklärung' })[w.code],
    unexpectedError,
    userError: ({ code, value }) =>
      ({
        'not-an-address': `„${value}“ ist weder eine Domain noch eine Webadresse.`,
        'not-a-web-page': 'Nur http- und https-Seiten können beobachtet werden.',
        'has-credentials': 'Eine Adresse mit Benutzername oder Passwort kann nicht beobachtet werden: Lassen Sie den Teil vor dem „@“ weg.',
        'not-watched': `${value} wird nicht beobachtet.`,
        'version-gone': 'Diese Version ist nicht mehr gespeichert.',
        'different-policies': 'Nur Versionen derselben Richtlinie lassen sich vergleichen.',
        'export-gone': 'Dieser Export liegt nicht mehr vor (die Erweiterung wurde neu gestartet oder ein neuerer Export hat ihn ersetzt). Exportieren Sie erneut.',
        'export-incomplete': 'Der Export brach vorzeitig ab. Exportieren Sie erneut.',
        'import-piece-too-large': `Ein Teil eines Imports umfasst höchstens ${num(Number(value))} Zeichen.`,
        'import-lost': 'Dieser Import liegt nicht mehr vor (die Erweiterung wurde neu gestartet). Importieren Sie die Datei erneut.',
        'import-too-large': `Die Datei ist größer als ${num(Number(value))} Zeichen, mehr als ein Clausewatch-Verlauf enthält.`,
      })[code],
    failure: (f) => {
      const d = f.detail ?? '';
      switch (f.code) {
        case 'http-error': return `der Server antwortete mit HTTP ${f.n}`;
        case 'http-status': return `unerwarteter HTTP-Status ${f.n}`;
        case 'not-html': return `keine HTML-Seite (${d})`;
        case 'invalid-url': return 'keine Webadresse';
        case 'login-redirect': return `weitergeleitet auf eine Anmeldeseite (${d})`;
        case 'consent-redirect': return `weitergeleitet auf eine Einwilligungsseite (${d})`;
        case 'captcha': return 'die Website antwortete mit einem Captcha oder einer Bot-Prüfung';
        case 'login-form': return 'die Website antwortete mit einem Anmeldeformular';
        case 'not-a-policy': return 'die Seite sieht nicht mehr wie eine Datenschutzerklärung aus';
        case 'scheme': return `leitet auf eine ${d}:-Adresse weiter, keine Webseite`;
        case 'credentials': return 'leitet auf eine Adresse mit Benutzername oder Passwort weiter';
        case 'downgrade': return `leitet von einer sicheren (https) auf eine unsichere Adresse weiter (${d})`;
        case 'local': return `${f.direct ? 'verweist' : 'leitet weiter'} auf eine Adresse in Ihrem eigenen Netzwerk (${d}), die Clausewatch für eine öffentliche Website nie abruft`;
        case 'other-site': return `verweist jetzt auf ${d}, eine andere Website`;
        case 'moved-same-site': return `führt jetzt zu ${d} auf derselben Website; Clausewatch hat sie nicht gespeichert, weil die Weiterleitung unterwegs nicht geprüft werden konnte. Beobachten Sie diese Adresse, wenn dort jetzt die Richtlinie steht`;
        case 'hidden-redirect': return 'die Adresse leitet jetzt weiter, und der Browser zeigt Erweiterungen nicht, wohin, ohne der Weiterleitung zu folgen; Prüfungen im Hintergrund folgen ihr daher nicht. Mit „Jetzt prüfen“ sehen Sie, wohin sie führt';
        case 'redirect-loop': return 'die Adresse leitet weiter und kommt zu sich selbst zurück (eine Cookie- oder Einwilligungsprüfung?); nicht gespeichert';
        case 'bad-redirect': return 'leitet auf eine ungültige Adresse weiter';
        case 'too-many-redirects': return `mehr als ${f.n} Weiterleitungen`;
        case 'too-large': return f.m !== undefined ? `die Seite ist größer als ${mb(f.n)} (laut Server ${mb(f.m)}); nicht gespeichert` : `die Seite ist größer als ${mb(f.n)}; sie wurde dort abgebrochen und nicht gespeichert`;
        case 'attributes-in-tag': return `ein Element der Seite hat ${num(f.n ?? 0)} Attribute, mehr als die ${num(f.m ?? 0)}, die Clausewatch in einem Element liest; nicht gespeichert`;
        case 'attributes': return `die Seite hat ${num(f.n ?? 0)} Attribute, mehr als die ${num(f.m ?? 0)}, die Clausewatch in einer Seite liest; nicht gespeichert`;
        case 'too-many-changes': return `die Richtlinien dieser Website haben sich in den letzten 24 Stunden schon ${num(f.n ?? 0)}-mal geändert, so oft, wie Clausewatch an einem Tag aufzeichnet; diese Version wurde nicht gespeichert`;
        case 'too-many-policies': return `Clausewatch bewahrt höchstens ${num(f.n ?? 0)} Richtlinien einer Website auf, und diese Website hat so viele: diese Adresse wurde nicht gespeichert`;
        case 'too-nested': return 'die Seite ist zu tief verschachtelt, um sie zu lesen; nicht gespeichert';
        case 'timeout': return 'die Website hat nicht rechtzeitig geantwortet';
        case 'unfinished': return 'der Browser hat den Hintergrund von Clausewatch beendet, bevor die Prüfung fertig war; sie wird später wiederholt';
        case 'network': return `die Seite konnte nicht abgerufen werden (${d})`;
        // A check that failed in a way nobody foresaw: its English message is the technical detail.
        case 'error': return unexpectedError(shownValue(d));
      }
    },
    notification: {
      title: (site) => `${site} hat die Datenschutzerklärung geändert`,
      message: 'Clausewatch hat wichtige Änderungen gefunden. Klicken Sie hier, um zu sehen, was sich geändert hat.',
    },
  };
}

/** German, with numbers as a tag of German writes them ("de", "de-CH"), made once per tag. */
export const uiDe = perLocale(build);
