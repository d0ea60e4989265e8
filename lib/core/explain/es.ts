import { uiEs } from './ui-es';
import type { Signal } from '../schema';
import type { Parts, Words } from './words';

const has = (p: Parts, s: Signal) => p.signals.includes(s);
/** The sensitive terms quoted, in brackets; none when the finding has no evidence (a digest, for the badge). */
const terms = (p: Parts) => (p.sensitive ? ` (${p.sensitive})` : '');
/** "a" before a recipient, contracted with the article: "al público", "a las autoridades", "a terceros". */
const to = (x: string) => (x.startsWith('el ') ? `al ${x.slice(3)}` : `a ${x}`);

function headline(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return `Nuevo: sus datos pueden usarse para entrenar modelos de IA${p.trainersAll ? `, también por parte de ${p.trainersAll}` : ''}`;
      if (kind === 'expanded' && has(p, 'promise-removed')) return 'Ampliado: se ha eliminado el compromiso de no usar sus datos para entrenar modelos de IA';
      if (kind === 'expanded') {
        const by = p.trainersGained ? `, ahora también por parte de ${p.trainersGained}` : '';
        return p.dataGained ? `Ampliado: ahora estos datos pueden usarse para entrenar modelos de IA${by}: ${p.dataGained}` : `Ampliado: más de sus datos pueden usarse para entrenar modelos de IA${by}`;
      }
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Buenas noticias: ahora puede oponerse a que se entrene IA con sus datos' : 'Buenas noticias: nuevos límites al entrenamiento de IA con sus datos';
      return 'Reformulado: se reescribieron las condiciones sobre entrenamiento de IA, misma práctica';
    case 'third-party-sharing':
      if (kind === 'new') {
        if (has(p, 'sale')) return 'Nuevo: sus datos personales pueden venderse';
        return p.whoAll ? `Nuevo: sus datos pueden compartirse con ${p.whoAll}${p.purposesAll ? `, con fines de ${p.purposesAll}` : ''}` : 'Nuevo: sus datos pueden compartirse con otros';
      }
      if (kind === 'expanded') {
        if (has(p, 'promise-removed')) return 'Ampliado: se ha eliminado un compromiso que limitaba la venta o la cesión de sus datos';
        if (p.whoGained) return `Ampliado: ahora también se comparten con ${p.whoGained}${p.purposesGained ? `, con fines de ${p.purposesGained}` : ''}`;
        if (has(p, 'sale')) return 'Ampliado: ahora sus datos personales pueden venderse';
        if (p.dataGained) return `Ampliado: ahora también pueden compartirse estos datos: ${p.dataGained}`;
        if (p.purposesGained) return `Ampliado: ahora sus datos pueden compartirse con fines de ${p.purposesGained}`;
        return 'Ampliado: ahora sus datos pueden compartirse más ampliamente';
      }
      if (kind === 'restricted') {
        if (has(p, 'opt-out')) return 'Buenas noticias: ahora puede oponerse a la venta o el intercambio de sus datos';
        if (has(p, 'sale')) return 'Buenas noticias: la política indica ahora que sus datos no se venden';
        return 'Buenas noticias: nuevos límites al intercambio de sus datos';
      }
      return 'Reformulado: se reescribieron las condiciones de intercambio, misma práctica';
    case 'sensitive-data':
      if (kind === 'new') return `Nuevo: se mencionan datos sensibles${terms(p)}`;
      if (kind === 'expanded') return `Ampliado: se mencionan más datos sensibles${terms(p)}`;
      if (kind === 'restricted') return 'Buenas noticias: nuevos límites para los datos sensibles';
      return 'Reformulado: se reescribieron las condiciones sobre datos sensibles';
    case 'advertising-profiling':
      if (kind === 'restricted') return has(p, 'opt-out') ? 'Buenas noticias: ahora puede limitar la publicidad personalizada o la elaboración de perfiles' : 'Buenas noticias: nuevos límites a la publicidad personalizada o la elaboración de perfiles';
      if (kind === 'reworded') return 'Reformulado: se reescribieron las condiciones sobre publicidad';
      return `${kind === 'new' ? 'Nuevo' : 'Ampliado'}: sus datos pueden usarse para publicidad personalizada o elaboración de perfiles`;
    case 'retention':
      if (kind === 'restricted') return 'Buenas noticias: nuevos límites al tiempo que se conservan sus datos';
      if (kind === 'reworded') return 'Reformulado: se reescribieron las condiciones de conservación';
      return 'Cambiado: cuánto tiempo se conservan sus datos';
    case 'international-transfer':
      if (kind === 'restricted') return 'Buenas noticias: nuevos límites a las transferencias al extranjero';
      if (kind === 'reworded') return 'Reformulado: se reescribieron las condiciones sobre transferencias internacionales';
      return `${kind === 'new' ? 'Nuevo' : 'Ampliado'}: sus datos pueden transferirse a otros países`;
    case 'children':
      if (kind === 'restricted') return 'Buenas noticias: nuevos límites para los datos de menores';
      if (kind === 'reworded') return 'Reformulado: se reescribieron las condiciones sobre datos de menores';
      return 'Cambiado: condiciones sobre datos de menores';
    case 'user-rights':
      if (kind === 'reworded') return 'Reformulado: se reescribió la sección sobre sus derechos';
      return 'Buenas noticias: nuevos derechos u opciones sobre sus datos';
  }
}

function label(p: Parts): string {
  const { kind } = p;
  switch (p.category) {
    case 'ai-training':
      if (kind === 'new') return 'nuevo entrenamiento de IA';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'compromiso sobre el entrenamiento de IA eliminado' : 'entrenamiento de IA ampliado';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'oposición al entrenamiento de IA' : 'límites al entrenamiento de IA';
      return 'condiciones de IA reformuladas';
    case 'third-party-sharing':
      if (kind === 'new') return has(p, 'sale') ? 'nueva venta de datos' : p.whoAll ? `nuevo intercambio con ${p.whoAll}` : 'nuevo intercambio de sus datos';
      if (kind === 'expanded') return has(p, 'promise-removed') ? 'compromiso sobre el intercambio eliminado' : p.toWhoGained ? `intercambio ampliado ${p.toWhoGained}` : has(p, 'sale') ? 'venta de datos ampliada' : 'intercambio ampliado';
      if (kind === 'restricted') return has(p, 'opt-out') ? 'oposición al intercambio' : has(p, 'sale') ? 'sin venta de datos' : 'límites al intercambio';
      return 'condiciones de intercambio reformuladas';
    case 'sensitive-data':
      return { new: 'nuevos datos sensibles', expanded: 'más datos sensibles', restricted: 'límites a datos sensibles', reworded: 'condiciones sobre datos sensibles reformuladas' }[kind];
    case 'advertising-profiling':
      return { new: 'nueva publicidad personalizada', expanded: 'publicidad personalizada ampliada', restricted: has(p, 'opt-out') ? 'publicidad limitable' : 'límites a la publicidad personalizada', reworded: 'condiciones publicitarias reformuladas' }[kind];
    case 'retention':
      return { new: 'conservación modificada', expanded: 'conservación modificada', restricted: 'conservación más corta', reworded: 'condiciones de conservación reformuladas' }[kind];
    case 'international-transfer':
      return { new: 'transferencias al extranjero', expanded: 'transferencias al extranjero', restricted: 'límites a las transferencias', reworded: 'condiciones de transferencia reformuladas' }[kind];
    case 'children':
      return { new: 'datos de menores', expanded: 'datos de menores', restricted: 'límites a datos de menores', reworded: 'condiciones sobre menores reformuladas' }[kind];
    case 'user-rights':
      return kind === 'reworded' ? 'derechos reformulados' : 'nuevos derechos u opciones';
  }
}

export const es: Words = {
  locale: 'es',
  name: 'Español',
  category: {
    'ai-training': 'Entrenamiento de IA',
    'third-party-sharing': 'Intercambio con terceros',
    'sensitive-data': 'Datos sensibles',
    'advertising-profiling': 'Publicidad y perfiles',
    retention: 'Conservación de datos',
    'international-transfer': 'Transferencias internacionales',
    children: 'Datos de menores',
    'user-rights': 'Sus derechos',
  },
  severity: { major: 'Importante', minor: 'Menor', 'good-news': 'Buenas noticias', cosmetic: 'De forma' },
  kind: { new: 'Nuevo', expanded: 'Ampliado', restricted: 'Restringido', reworded: 'Reformulado' },
  statement: {
    'ai-training': { states: 'Dice que usa sus datos para entrenar IA', restricts: 'Dice que no usa sus datos para entrenar IA' },
    'third-party-sharing': { states: 'Dice que comparte sus datos con otros', restricts: 'Dice que no comparte ni vende sus datos, o que limita su intercambio' },
    'sensitive-data': { states: 'Dice que recoge o usa datos sensibles', restricts: 'Dice que limita el uso de datos sensibles' },
    'advertising-profiling': { states: 'Dice que usa sus datos para publicidad o perfiles', restricts: 'Dice que no usa sus datos para publicidad o perfiles' },
    retention: { states: 'Indica cuánto tiempo conserva sus datos', restricts: 'Dice que limita cuánto tiempo conserva sus datos' },
    'international-transfer': { states: 'Dice que transfiere sus datos a otros países', restricts: 'Dice que mantiene sus datos en su región' },
    children: { states: 'Dice que recoge datos de menores', restricts: 'Dice que no recoge a sabiendas datos de menores' },
    'user-rights': { states: 'Describe sus derechos sobre sus datos', restricts: 'Dice que algunos de sus derechos están limitados' },
  },
  recipient: {
    advertisers: 'anunciantes',
    'data-brokers': 'intermediarios de datos',
    'ai-providers': 'proveedores de IA',
    'service-providers': 'proveedores de servicios',
    affiliates: 'empresas afiliadas',
    partners: 'socios',
    authorities: 'las autoridades',
    buyers: 'un comprador de la empresa',
    employers: 'empleadores',
    'financial-institutions': 'bancos y aseguradoras',
    'social-networks': 'redes sociales',
    researchers: 'investigadores',
    public: 'el público',
    'third-parties': 'terceros',
  },
  recipientForms: { to },
  data: {
    content: 'su contenido',
    messages: 'sus mensajes y conversaciones',
    feedback: 'sus comentarios y respuestas a encuestas',
    'voice-images': 'su voz o sus imágenes',
    contact: 'sus datos de contacto',
    location: 'su ubicación',
    activity: 'su actividad',
    device: 'datos del dispositivo',
    purchases: 'sus compras',
    sensitive: 'datos sensibles',
    'personal-data': 'datos personales',
  },
  purpose: {
    advertising: 'publicidad',
    marketing: 'marketing',
    analytics: 'análisis',
    'ai-training': 'entrenamiento de IA',
    research: 'investigación',
    personalization: 'personalización',
    security: 'seguridad',
    legal: 'motivos legales',
    service: 'funcionamiento del servicio',
  },
  headline,
  label,
  summary: {
    separator: '; ',
    major: (n, labels, { count }) => `${count(n, 'cambio importante', 'cambios importantes')}: ${labels}.`,
    goodNews: (n, labels, { count }) => `${count(n, 'buena noticia', 'buenas noticias')}: ${labels}.`,
    minorEdits: (n, { count }) => `${count(n, 'cambio menor', 'cambios menores')}.`,
    onlyFormatting: 'Ningún cambio de fondo (solo formato).',
    noChange: 'Sin cambios.',
  },
  samePassage: (h) => `El mismo pasaje que «${h}», citado más arriba.`,
  ui: uiEs('es'),
  uiFor: uiEs,
};
