import { counting, listing, perLocale } from './count';
import type { UiWords } from './ui';
import { shownValue } from '../import-refusal';


const FREQUENCY: Record<number, string> = {
  12: 'Cada 12 horas',
  24: 'A diario',
  72: 'Cada 3 días',
  168: 'Cada semana',
  336: 'Cada 2 semanas',
  720: 'Cada mes',
};

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const UNKNOWN_DATE = 'fecha desconocida';
const UNKNOWN_WHEN = 'en una fecha desconocida';
/** A date after a verb: "el 2 nov 2026"; one that cannot be read, "en una fecha desconocida". */
const on = (date: string) => (date === UNKNOWN_DATE ? UNKNOWN_WHEN : `el ${date}`);
/** A date after « entre » or « y »: « el 2 nov 2026 », « una fecha desconocida ». */
const theDay = (date: string) => (date === UNKNOWN_DATE ? 'una fecha desconocida' : `el ${date}`);

/** An error nobody foresaw; its technical detail (bounded by the caller), when it has one, in brackets. */
const unexpectedError = (detail: string): string => (detail ? `un error inesperado (detalle técnico: ${detail})` : 'un error inesperado');

/** The words, with numbers written as `locale` (a tag of Spanish) writes them. */
function build(locale: string): UiWords {
  const { num, pick, count } = counting(locale);
  const list = listing(locale);
  const mb = (bytes = 0) => `${num(Math.round(bytes / 100_000) / 10)} ${BYTE_UNITS[2]}`;
  const versions = (n: number) => count(n, 'versión', 'versiones');
  const exported = (filename: string, records: number) =>
    `Se exportó ${filename} (${count(records, 'registro WARC', 'registros WARC')}). Para comprobarlo: clausewatch verify ${filename}`;
  return {
    time: {
      on,
      unknownDate: UNKNOWN_DATE,
      unknownWhen: UNKNOWN_WHEN,
      unknownTime: 'hora desconocida',
      byteUnits: BYTE_UNITS,
      unknownSize: 'desconocido',
    },
    common: {
      dismiss: 'Ocultar',
      privacyPolicy: 'Política de privacidad',
      relatedPolicy: 'Política relacionada',
      versions,
      separator: ' · ',
      quote: (text) => `«${text}»`,
      loading: 'Cargando…',
      stillLoading: 'Clausewatch todavía no ha respondido. Puede que esté ocupado con un historial largo o que se haya detenido: vuelva a intentarlo, o cierre esta página y ábrala de nuevo.',
      tryAgain: 'Reintentar',
      somethingWentWrong: (error) => `Algo salió mal: ${error}`,
      exportEvidence: 'Exportar pruebas (WARC)',
      exported,
      exportFailed: (error) => `Error al exportar: ${error}`,
    },
    loadFailed: {
      tabPolicy: (error) => `No se pudo cargar la política de esta pestaña: ${error}`,
      settings: (error) => `No se pudo cargar la configuración: ${error}`,
      history: (site, error) => `No se pudo cargar el historial de ${site}: ${error}`,
      comparison: (error) => `No se pudo cargar la comparación: ${error}`,
    },
    popup: {
      noPolicySeen: (site) => `Aún no se ha visto ninguna política de privacidad en ${site ?? 'esta página'}`,
      changed: (when) => `Cambió ${when}`,
      watchingSince: (day, n) => `Vigilada desde ${theDay(day)} · ${versions(n)}`,
      firstSeen: (day, n) => `Vista por primera vez ${on(day)} · ${versions(n)}`,
      latestSeen: (when) => `última versión vista ${when}`,
      statedUpdate: (date) => `dice que se actualizó el ${date}`,
      reviewed: 'revisada',
      showReviewed: 'Mostrar los cambios revisados',
      markReviewed: 'Marcar como revisado',
      history: 'Historial',
      notAWebPage:
        'Clausewatch solo examina páginas web normales (http y https). Abra un sitio web para ver qué dice su política de privacidad y qué ha cambiado.',
      watchJoined:
        'Clausewatch ahora también comprueba esta política en segundo plano, más o menos una vez al día y sin cookies, y le avisa cuando cambia.',
      watchJoinedPaused:
        'Clausewatch añadió este sitio a sus sitios vigilados, pero las comprobaciones en segundo plano están en pausa en la configuración: hasta que las reactive, esta política solo se comprueba cuando usted la visita.',
      checksPaused: 'Las comprobaciones en segundo plano están en pausa en la configuración: esta política solo se comprueba cuando usted la visita.',
      checkFailed: (attempts) =>
        `La última comprobación en segundo plano de esta política falló${attempts > 1 ? ` (${count(attempts, 'intento', 'intentos')} ${pick(attempts, 'seguido', 'seguidos')})` : ''}. La página de configuración indica por qué y qué puede hacer.`,
      stopWatching: 'Dejar de vigilar',
      notWatched: 'No vigilada: Clausewatch solo comprueba esta política cuando usted la visita.',
      watchSite: 'Vigilar este sitio',
      noPolicyHint:
        'Abra una vez la página de la política de privacidad del sitio y Clausewatch la recordará, o añada el sitio en la configuración.',
      settings: 'Configuración y sitios vigilados',
      highlighted: 'Resaltado en la página de la política.',
      passageNotFound: 'Se abrió la página de la política, pero ese pasaje no se encontró en ella.',
      pageElsewhere: 'La pestaña muestra un sitio distinto del de la política, así que no se resaltó nada en él.',
      markedReviewed: 'Marcado como revisado.',
      couldNotMarkReviewed: 'No se marcó como revisado: esa versión ya no está guardada. La vista se ha actualizado.',
      watching: (site) => `Ahora se vigila ${site}.`,
      couldNotWatch: 'No se pudo vigilar este sitio.',
      stoppedWatching: (site) => `Se dejó de vigilar ${site}. Clausewatch sigue comparando su política cuando usted la visita.`,
      noActiveTab: 'ninguna pestaña activa',
    },
    analysis: {
      onlyFormatting: 'Solo cambió el formato o la redacción: nada que revisar.',
      truncated: 'Esta política es demasiado larga para compararla entera: parte de su texto se comparó solo a grandes rasgos o no se comparó, así que aquí puede faltar algún cambio de esa parte.',
      nothingFoundInPart: 'Nada que revisar en la parte que se pudo comparar.',
      sameText: 'Las dos versiones tienen el mismo texto: no cambió nada.',
      before: 'Antes, la política decía:',
      beforeKept: 'La política ya decía, y sigue diciendo:',
      morePassages: (n) => `y ${count(n, 'pasaje más', 'pasajes más')} como ${pick(n, 'este', 'estos')}`,
      section: (path) => `Sección: ${path}`,
      showOnPage: 'Mostrar en la página',
    },
    statements: {
      heading: 'Qué dice ahora esta política',
      firstVersion: 'Es la primera versión que ve Clausewatch. A partir de ahora le dirá qué cambia.',
      notCompared: 'Clausewatch no tiene una comparación de esta versión con la anterior. La página de historial compara dos versiones cualesquiera.',
      nothingOnSharing: 'No dice nada que Clausewatch haya reconocido sobre compartir sus datos con otros.',
      nothingOnAi: 'No dice nada sobre entrenar IA con sus datos.',
      nothingFound: 'No se encontró nada al respecto.',
      moreLikeThis: (n) => `y ${num(n)} más como ${pick(n, 'esta', 'estas')}`,
    },
    comparison: {
      heading: (older, newer) => `Cambios entre ${theDay(older)} y ${theDay(newer)}`,
      headingStated: (older, newer) => `Cambios entre las versiones con fecha del ${older} y del ${newer}`,
      headingSameMoment: (moment) => `Cambios entre dos versiones vistas por primera vez ${on(moment)}`,
      changeType: { added: 'Añadido', removed: 'Eliminado', modified: 'Modificado', moved: 'Movido' },
      noDifferences: 'No hay diferencias en el texto.',
      changesLabel: 'Cambios',
      showChanges: 'Mostrar cambios',
      inline: 'En el texto',
      sideBySide: 'En paralelo',
      copyMarkdown: 'Copiar resumen en Markdown',
      copied: 'Copiado',
      couldNotCopy: (error) => `No se pudo copiar: ${error}`,
      whatChanged: 'Qué cambió',
      theText: 'El texto',
      older: (day) => `Versión anterior, vista ${on(day)}`,
      newer: (day) => `Versión posterior, vista ${on(day)}`,
    },
    history: {
      title: 'Historial',
      titleOf: (site) => `Historial de ${site}`,
      documentTitle: (site) => `Historial de ${site} · Clausewatch`,
      noSite: 'No se indicó ningún sitio. Abra el historial desde el icono de Clausewatch en la barra de herramientas.',
      evidenceNote: (site) =>
        `El archivo de pruebas (WARC 1.1, el formato de los archivos web) contiene cada página guardada de ${site} tal como se capturó, el texto que Clausewatch leyó de cada una y la cadena de hashes que las une. Una página guardada es la página tal como la mostraba su navegador: si tenía la sesión iniciada, puede contener su nombre o su dirección de correo electrónico. Revísela antes de compartir el archivo.`,
      exporting: 'Exportando…',
      noPolicy: (site) => `Clausewatch aún no ha visto ninguna política de privacidad en ${site}.`,
      pickTwo: 'Elija dos versiones para compararlas.',
      pickTwoOfOne: 'Elija dos versiones de la misma política para ver qué cambió entre ellas.',
      onlyOne: 'Hasta ahora solo se ha visto una versión. Cuando la política cambie, los cambios aparecerán aquí.',
      timelineLabel: (title) => `Versiones de ${title}, de la más reciente a la más antigua`,
      seen: (when) => `Vista ${when}`,
      versionNumber: (n) => `versión ${num(n)}`,
      dated: (date) => `con fecha del ${date}`,
      firstVersion: 'Primera versión que vio Clausewatch.',
      notCompared: 'Sin comparación con la versión anterior. Elija ambas para compararlas.',
      majorChanges: (n) => count(n, 'cambio importante', 'cambios importantes'),
      reviewed: 'Revisada',
      notReviewed: 'Aún sin revisar',
      versionGone: (latestShown) =>
        `La versión que indica este enlace ya no está guardada: Clausewatch elimina versiones antiguas para liberar espacio cuando el almacenamiento se llena.${latestShown ? ' En su lugar se muestra el cambio más reciente.' : ''}`,
    },
    record: {
      checking: 'Comprobando el registro…',
      couldNotCheck: 'No se pudo comprobar el registro.',
      pages: (kept, pruned) =>
        `${count(kept, 'página guardada conservada', 'páginas guardadas conservadas')}${pruned > 0 ? `, ${count(pruned, 'eliminada', 'eliminadas')} para liberar espacio` : ''}`,
      verifies: 'Registro verificado',
      verifiesDetail: (entries, pages) => `: ${count(entries, 'entrada', 'entradas')} en su cadena de hashes, ${pages}.`,
      chainHead: 'Cabeza de la cadena',
      doesNotVerify: 'El registro no se puede verificar',
      doesNotVerifyDetail: (pages) => ` (${pages}):`,
      andMore: (n) => `y ${num(n)} más.`,
      problem: (p, seen) => {
        switch (p.code) {
          case 'other-policy':
            return `La entrada ${num(p.seq + 1)} de la cadena pertenece a otra política.`;
          case 'misnumbered':
            return `La entrada ${num(p.seq + 1)} de la cadena está en el lugar ${num(p.position + 1)}.`;
          case 'altered-entry':
            return `La entrada ${num(p.seq + 1)} de la cadena no coincide con su propio hash (fue alterada).`;
          case 'starts-with-link':
            return `La entrada ${num(p.seq + 1)} abre la cadena, pero nombra una entrada anterior.`;
          case 'broken-link':
            return `La entrada ${num(p.seq + 1)} de la cadena no enlaza con la anterior (se alteró, eliminó o insertó una entrada).`;
          case 'no-entry':
            return `La versión vista por primera vez ${seen} no tiene entrada en la cadena.`;
          case 'text-altered':
            return `El texto guardado de la versión vista por primera vez ${seen} no es el que nombra su entrada en la cadena (fue alterado o dañado).`;
          case 'page-altered':
            return `La página guardada ${p.sha}… no coincide con su hash (fue alterada o dañada).`;
        }
      },
      pageKept: 'Página guardada conservada',
      pagePruned: 'Página guardada eliminada para liberar espacio',
      pageImported: 'Sin página guardada (importada de un archivo de historial; las páginas guardadas no se exportan)',
      pageNone: 'Sin página guardada (vista antes de que Clausewatch guardara páginas)',
      reread: (extractor, was) => `texto releído por el extractor ${extractor} (antes ${was === 0 ? 'sin número' : was})`,
      versionEvidence: (page, text) => [page, text].filter(Boolean).join('; '),
    },
    options: {
      title: 'Configuración de Clausewatch',
      watchedSites: 'Sitios vigilados',
      addSite: 'Añadir un sitio',
      checksAndNotifications: 'Comprobaciones y notificaciones',
      history: 'Historial',
      storage: 'Almacenamiento',
      frequency: (hours) => FREQUENCY[hours] ?? (hours === 1 ? 'Cada hora' : `Cada ${num(hours)} horas`),
      status: { upToDate: 'Al día', changed: 'Cambiada', pending: 'Aún sin comprobar', failed: 'Error' },
      failureReason: (reason) => `: ${reason}`,
      attempts: (n) => ` (${count(n, 'intento', 'intentos')} ${pick(n, 'seguido', 'seguidos')})`,
      watchInstead: (url) => `Vigilar ${url} en su lugar`,
      noWatches: 'Aún no hay sitios vigilados. Añada uno abajo o abra la página de la política de privacidad de un sitio.',
      column: {
        site: 'Sitio',
        policy: 'Política',
        lastCheck: 'Última comprobación',
        lastChange: 'Último cambio',
        status: 'Estado',
        frequency: 'Frecuencia',
        actions: 'Acciones',
      },
      never: 'Nunca',
      noneSeen: 'Ninguno',
      frequencyFor: (site) => `Frecuencia de comprobación de ${site}`,
      checkNowFor: (site) => `Comprobar ahora: ${site}`,
      checking: 'Comprobando…',
      checkNow: 'Comprobar ahora',
      removeSite: (site) => `Quitar ${site}`,
      remove: 'Quitar',
      checkResult: (site, status, reason) =>
        `${site}: ${{ unchanged: 'sin cambios', changed: 'la política cambió', unanalysed: 'nueva versión guardada, aún sin comparar', formatting: 'solo cambió el formato o la redacción, nada que revisar', first: 'primera versión guardada', failed: 'la comprobación falló' }[status]}${reason ? ` (${reason})` : ''}`,
      checkFailed: (site, error) => `${site}: la comprobación falló: ${error}`,
      stoppedWatching: (site) => `Se dejó de vigilar ${site}. Su historial se conserva.`,
      couldNotRemove: (site, error) => `No se pudo quitar ${site}: ${error}`,
      nowWatching: (what) => `Ahora se vigila ${what}.`,
      couldNotWatch: (what, error) => `No se pudo vigilar ${what}${error ? `: ${error}` : '.'}`,
      couldNotSetFrequency: (site, error) => `No se pudo cambiar la frecuencia de comprobación de ${site}: ${error}`,
      lookingUp: 'Buscando la política de privacidad…',
      noneFound: (site) => `No se encontró ninguna política de privacidad en ${site}. Introduzca en su lugar la dirección de la página de la política.`,
      found: (n, site) => `Se ${pick(n, 'encontró', 'encontraron')} en ${site} ${count(n, 'página que puede ser la política', 'páginas que pueden ser la política')}.`,
      lookupFailed: (error) => `No se pudo consultar ese sitio: ${error}`,
      watchFailed: (error) => `No se pudo vigilar: ${error}`,
      addressLabel: 'Sitio o dirección de la política',
      addressPlaceholder: 'example.com o https://example.com/privacy',
      findPolicy: 'Buscar la política',
      whichPage: (site) => `¿Qué página es la política de privacidad de ${site}?`,
      confirmWatch: 'Confirmar y vigilar',
      settings: {
        paused: { label: 'Pausar todas las comprobaciones', hint: 'No se hace ninguna comprobación en segundo plano hasta que desactive esta opción.' },
        autoWatchVisited: {
          label: 'Vigilar las políticas que visito',
          hint: 'Una política de privacidad que abra se añade de inmediato a los sitios vigilados. Si esta opción está desactivada, se añade la primera vez que abra Clausewatch en su sitio.',
        },
        notifications: {
          label: 'Avisarme con una notificación del sistema',
          hint: 'Cuando una comprobación en segundo plano encuentra un cambio importante. Su navegador le pedirá permiso primero.',
        },
      },
      notificationsDenied: 'Las notificaciones siguen desactivadas: el navegador no concedió el permiso.',
      saved: 'Guardado.',
      couldNotSave: (error) => `No se pudo guardar: ${error}`,
      exportNote: 'La exportación es un archivo JSON con el texto de todas las versiones que Clausewatch guardó; las páginas guardadas no se incluyen (se quedan en este navegador: el archivo de pruebas de abajo las contiene). Al importar uno, sus versiones se añaden a las suyas, sin páginas guardadas.',
      exportHistory: 'Exportar historial',
      importHistory: 'Importar historial',
      evidenceNote: [
        'El archivo de pruebas (WARC 1.1, el formato de los archivos web) contiene cada página guardada tal como se capturó, el texto que Clausewatch leyó de cada una y, por cada política, una cadena de hashes que demuestra que nada se modificó después. Cualquiera puede comprobarlo con ',
        ' o leerlo con herramientas de archivo web. Una página guardada es la página tal como la mostraba su navegador: si tenía la sesión iniciada, puede contener su nombre o su dirección de correo electrónico. Revísela antes de compartir el archivo.',
      ],
      historyExported: 'Historial exportado.',
      exportingEvidence: 'Exportando el archivo de pruebas…',
      importing: (file) => `Importando ${file}…`,
      importFailed: (message) => `Error al importar: ${message}`,
      imported: (added, skipped) => `${count(added, 'versión importada', 'versiones importadas')} (${num(skipped)} ya conocida${skipped === 1 ? '' : 's'}).`,
      notJson: 'Este archivo no es JSON. Elija un archivo exportado por Clausewatch.',
      importFull: 'el navegador no tiene espacio para Clausewatch. No se importó nada.',
      importRefused: (r) => {
        switch (r.kind) {
          case 'not-ours':
            return 'este archivo no es un historial de Clausewatch. No se importó nada.';
          case 'damaged':
            return `este historial de Clausewatch está dañado, o lo creó una versión de Clausewatch que esta versión no puede leer (${r.detail}). No se importó nada.`;
          case 'bad-site':
            return `el archivo nombra un sitio cuyo nombre no es válido («${r.site}»). No se importó nada.`;
          case 'checksum':
            return `el archivo está dañado: la versión ${num(r.version)} de ${r.policy} no coincide con su suma de comprobación. No se importó nada.`;
          case 'future':
            return `el archivo contiene una versión de ${r.policy} vista el ${r.seen}, después de la fecha de hoy en este ordenador: el reloj del ordenador que la registró iba adelantado entonces, o el archivo se modificó. Podrá importarse cuando esa fecha haya pasado. No se importó nada.`;
          case 'outside':
            return `el archivo sitúa una política de ${r.site} en una dirección fuera de ese sitio (${r.address}). No se importó nada.`;
          case 'too-large':
            if (r.unit === 'paragraphs') return `las versiones del archivo suman más de ${num(r.limit)} párrafos, más de lo que Clausewatch importa de una vez. No se importó nada.`;
            if (r.policy !== undefined) return `el archivo contiene una versión de ${r.policy} de más de ${num(r.limit)} caracteres, más de lo que Clausewatch importa. No se importó nada.`;
            return `las versiones del archivo suman más de ${num(r.limit)} caracteres de texto, más de lo que Clausewatch importa de una vez. No se importó nada.`;
          case 'store-closed':
            return 'la base de datos del historial se cerró, probablemente porque Clausewatch acaba de actualizarse. Vuelva a cargar esta página e importe de nuevo. No se importó nada.';
        }
      },
      importLeftOut: (l) => {
        const of = l.sites === 1 ? l.site : `${l.site} y ${l.sites === 2 ? 'otro sitio' : `otros ${num(l.sites - 1)} sitios`}`;
        return `${count(l.policies, 'política', 'políticas')} (${versions(l.versions)}) de ${of} no se ${l.policies === 1 ? 'importó' : 'importaron'}: Clausewatch guarda como máximo ${num(l.limit)} políticas por sitio.`;
      },
      used: (bytes, v, p, s) => `${bytes} en uso: ${versions(v)} de ${count(p, 'política', 'políticas')} en ${count(s, 'sitio', 'sitios')}.`,
      savedPages: (captures, bytes, pageBytes, withRaw, v) =>
        `Páginas guardadas: ${count(captures, 'página conservada', 'páginas conservadas')} (${bytes} comprimidas, ${pageBytes} tal como se capturaron). Versiones con la página de la que se leyeron: ${num(withRaw)} de ${num(v)}.`,
      keepNote:
        'Clausewatch guarda la página de la que se leyó cada versión, para que pueda mostrar lo que decía la política y no solo lo que Clausewatch entendió de ella. Cuando se acaba el espacio, primero se eliminan las páginas guardadas, empezando por las más antiguas y conservando siempre la primera y la más reciente de cada política; las versiones solo se eliminan después. Las versiones vistas antes de que Clausewatch guardara páginas no tienen ninguna.',
      reextractPending: (extractor, pending) =>
        `Desde esta actualización, Clausewatch lee el texto de las páginas de otra manera (extractor ${extractor}): ${pick(pending, 'queda', 'quedan')} ${count(pending, 'página guardada', 'páginas guardadas')} por releer. Un texto que cambie sustituye al anterior; nunca se señala como un cambio.`,
      reextractDone: (extractor, changed, same, failed) =>
        `Páginas guardadas releídas por el extractor ${extractor}: ${num(changed)} ${pick(changed, 'dio', 'dieron')} un texto distinto (ya guardado), ${num(same)} el mismo texto${failed > 0 ? `, ${num(failed)} no se ${pick(failed, 'pudo', 'pudieron')} leer (se conserva su texto)` : ''}. Ninguna se señaló como un cambio.`,
      extractor: (extractor) => `El texto de las páginas lo lee el extractor ${extractor}.`,
      quarantined: (n) =>
        pick(
          n,
          `${num(n)} registro guardado no se pudo leer y se apartó. Se conserva, pero no se muestra ni se compara, para que un registro dañado no pueda estropear su historial.`,
          `${num(n)} registros guardados no se pudieron leer y se apartaron. Se conservan, pero no se muestran ni se comparan, para que un registro dañado no pueda estropear su historial.`,
        ),
      setAside: (n) =>
        pick(
          n,
          `${num(n)} ajuste o sitio vigilado guardado no se pudo leer y se apartó. Se conserva, pero no se usa; sus demás ajustes y sitios vigilados se usan como antes.`,
          `${num(n)} ajustes o sitios vigilados guardados no se pudieron leer y se apartaron. Se conservan, pero no se usan; sus demás ajustes y sitios vigilados se usan como antes.`,
        ),
    },
    markdown: {
      untitled: 'Política de privacidad',
      compared: (older, newer) => `Se comparó la versión vista por primera vez ${on(older)} con la vista por primera vez ${on(newer)}.`,
      policyLabel: 'Política:',
      summaryLabel: 'Resumen:',
      severityLabel: 'Gravedad:',
      categoryLabel: 'Categoría:',
      sectionLabel: 'Sección:',
      footer: 'Resumen de Clausewatch. Las palabras añadidas están en negrita; las eliminadas, tachadas.',
    },
    badge: {
      changed: (site, n) => `Clausewatch: la política de privacidad de ${site} cambió (${count(n, 'cambio importante', 'cambios importantes')})`,
      line: (text) => `• ${text}`,
      more: (n) => `y ${num(n)} más`,
      goodNews: (site) => `Clausewatch: buenas noticias — la política de privacidad de ${site} ahora le protege más`,
      elsewhere: (n, shown, atLeast) =>
        `Clausewatch: ${atLeast ? 'al menos ' : ''}${count(n, 'sitio vigilado tiene', 'sitios vigilados tienen')} cambios sin revisar en su política de privacidad (${shown.join(', ')}${n > shown.length ? ', …' : ''})`,
      nothing: (site) => `Clausewatch: no hay cambios sin revisar en las políticas de ${site}`,
    },
    storage: {
      saveFailed: () =>
        'No se pudo guardar una nueva versión de una política: el navegador no tiene más espacio de almacenamiento para Clausewatch. Libere espacio en el disco; Clausewatch volverá a intentarlo la próxima vez que compruebe la política o que usted la abra.',
      pruned: ({ removedRaw: raw, removedVersions: versions, removedUnreviewed: unreviewed = 0 }) =>
        `El almacenamiento estaba lleno. Para hacer sitio se ${raw + versions === 1 ? 'eliminó' : 'eliminaron'}: ${list([
          raw > 0 ? count(raw, 'página guardada antigua', 'páginas guardadas antiguas') : '',
          versions > unreviewed ? count(versions - unreviewed, 'versión intermedia antigua', 'versiones intermedias antiguas') : '',
          unreviewed > 0 ? count(unreviewed, 'cambio aún sin revisar', 'cambios aún sin revisar') : '',
        ])} (la primera y la última versión de cada política, y las páginas de las que se leyeron, se conservan siempre).`,
    },
    discoveryWhy: (w) =>
      ({ entered: 'la dirección que ha introducido', rel: 'marcada por el sitio como rel="privacy-policy"', label: `enlace con el texto «${w.detail ?? ''}»`, path: `enlace a ${w.detail ?? ''}`, usual: 'un lugar habitual para una política de privacidad' })[w.code],
    unexpectedError,
    userError: ({ code, value }) =>
      ({
        'not-an-address': `«${value}» no es un dominio ni una dirección web.`,
        'not-a-web-page': 'Solo se pueden vigilar páginas http y https.',
        'has-credentials': 'No se puede vigilar una dirección con nombre de usuario o contraseña: quite la parte anterior a la «@».',
        'not-watched': `${value} no está vigilado.`,
        'version-gone': 'Esa versión ya no está guardada.',
        'different-policies': 'Solo se pueden comparar versiones de la misma política.',
        'export-gone': 'Esta exportación ya no está disponible (la extensión se reinició o una exportación más reciente la sustituyó). Exporte de nuevo.',
        'export-incomplete': 'La exportación terminó antes de tiempo. Exporte de nuevo.',
        'import-piece-too-large': `Un fragmento de una importación contiene como máximo ${num(Number(value))} caracteres.`,
        'import-lost': 'Esta importación ya no está disponible (la extensión se reinició). Importe el archivo de nuevo.',
        'import-too-large': `El archivo supera los ${num(Number(value))} caracteres, más de lo que contiene un historial de Clausewatch.`,
      })[code],
    failure: (f) => {
      const d = f.detail ?? '';
      switch (f.code) {
        case 'http-error': return `el servidor respondió HTTP ${f.n}`;
        case 'http-status': return `estado HTTP inesperado ${f.n}`;
        case 'not-html': return `no es una página HTML (${d})`;
        case 'invalid-url': return 'no es una dirección web';
        case 'login-redirect': return `redirigido a una página de inicio de sesión (${d})`;
        case 'consent-redirect': return `redirigido a una página de consentimiento (${d})`;
        case 'captcha': return 'el sitio respondió con un captcha o una comprobación anti-bots';
        case 'login-form': return 'el sitio respondió con un formulario de inicio de sesión';
        case 'not-a-policy': return 'la página ya no parece una política de privacidad';
        case 'scheme': return `redirige a una dirección ${d}:, no a una página web`;
        case 'credentials': return 'redirige a una dirección con un nombre de usuario o una contraseña';
        case 'downgrade': return `redirige de una dirección segura (https) a una no segura (${d})`;
        case 'local': return `${f.direct ? 'apunta' : 'redirige'} a una dirección de su propia red (${d}), que Clausewatch nunca consulta para un sitio público`;
        case 'other-site': return `ahora apunta a ${d}, otro sitio`;
        case 'moved-same-site': return `ahora lleva a ${d} en el mismo sitio; Clausewatch no la guardó porque no pudo comprobar la redirección por el camino. Vigile esa dirección si la política está ahora allí`;
        case 'hidden-redirect': return 'la dirección ahora redirige, y el navegador no deja que las extensiones vean adónde lleva una redirección sin seguirla, así que las comprobaciones en segundo plano no la siguen; use «Comprobar ahora» para ver adónde lleva';
        case 'redirect-loop': return 'la dirección redirige y vuelve a sí misma (¿una comprobación de cookies o de consentimiento?); no se guardó';
        case 'bad-redirect': return 'redirige a una dirección no válida';
        case 'too-many-redirects': return `más de ${f.n} redirecciones`;
        case 'too-large': return f.m !== undefined ? `la página supera ${mb(f.n)} (declara ${mb(f.m)}); no se guardó` : `la página supera ${mb(f.n)}; se abandonó en ese punto y no se guardó`;
        case 'attributes-in-tag': return `un elemento de la página tiene ${num(f.n ?? 0)} atributos, más de los ${num(f.m ?? 0)} que Clausewatch lee en un elemento; no se guardó`;
        case 'attributes': return `la página tiene ${num(f.n ?? 0)} atributos, más de los ${num(f.m ?? 0)} que Clausewatch lee en una página; no se guardó`;
        case 'too-many-changes': return `las políticas de este sitio ya cambiaron ${num(f.n ?? 0)} veces en las últimas 24 horas, tantas como Clausewatch registra en un día; esta versión no se guardó`;
        case 'too-many-policies': return `Clausewatch guarda como máximo ${num(f.n ?? 0)} políticas de un sitio, y este sitio ya tiene tantas: esta dirección no se guardó`;
        case 'too-nested': return 'la página está anidada a demasiada profundidad para leerla; no se guardó';
        case 'timeout': return 'el sitio no respondió a tiempo';
        case 'unfinished': return 'el navegador detuvo el segundo plano de Clausewatch antes de que terminara la comprobación; se volverá a intentar más tarde';
        case 'network': return `no se pudo obtener la página (${d})`;
        // A check that failed in a way nobody foresaw: its English message is the technical detail.
        case 'error': return unexpectedError(shownValue(d));
      }
    },
    notification: {
      title: (site) => `${site} cambió su política de privacidad`,
      message: 'Clausewatch encontró cambios importantes. Haga clic para ver qué cambió.',
    },
  };
}

/** Spanish, with numbers as a tag of Spanish writes them ("es", "es-MX"), made once per tag. */
export const uiEs = perLocale(build);
