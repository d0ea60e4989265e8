/**
 * What a statement names: who receives the data (a kind, and a company's name when the text gives one),
 * which data, for which purposes, and whose models are trained. These are vocabularies (the words a
 * policy uses for an advertiser or for location data), read from the sentence, not learned: they let a
 * change be judged by what it adds ("now also advertisers, for ads") and named in plain words.
 *
 * Every pattern is a flat alternation of words between word boundaries: no nested or unbounded
 * repetition, so each runs in time linear in the sentence (the ReDoS meta-test checks them all).
 */
import { trimEndChars } from '../text/trim';
import { DATA_IT_PT_NL, LIMITS_IT_PT_NL, PURPOSES_IT_PT_NL, RECIPIENTS_IT_PT_NL } from './attributes-it-pt-nl';

/** Most specific first: a kind's words are blanked before the next kinds are read ("advertising partners" is advertisers, not also partners). */
export const RECIPIENT_KINDS = [
  'advertisers',
  'data-brokers',
  'ai-providers',
  'social-networks',
  'service-providers',
  'affiliates',
  'authorities',
  'buyers',
  'employers',
  'financial-institutions',
  'researchers',
  'public',
  'partners',
  'third-parties',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const DATA_KINDS = ['content', 'messages', 'feedback', 'voice-images', 'contact', 'location', 'activity', 'device', 'purchases', 'sensitive', 'personal-data'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const PURPOSES = ['advertising', 'marketing', 'analytics', 'ai-training', 'research', 'personalization', 'security', 'legal', 'service'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Attributes {
  recipients: RecipientKind[];
  /** Companies named as recipients ("with OpenAI"), not the service itself. */
  named: string[];
  data: DataKind[];
  purposes: Purpose[];
  /** Limits the sentence puts on the practice (only, aggregated, de-identified, with consent...). */
  limits: string[];
  /** For a statement about AI training: whose models are trained. */
  models: 'own' | 'third-party' | 'both';
}

// Word boundaries that know accented letters: `\b` takes "é" or "ü" for a non-word character, so "publicité"
// followed by a space, or "Datenhändler", would never end a word. A letter is a Latin one (the vocabularies'
// languages), written as a class: `\p{L}` needs the `u` flag, which made every pattern five times slower.
const LATIN = 'A-Za-z\\u00C0-\\u024F';
/**
 * Each vocabulary pattern's twins, for asking only whether it matches (kindsOf): it matches exactly where
 * one of them does, and V8 runs them faster (1.2 to 1.9 times a pattern, measured on corpus sentences).
 * - The word's start is read forwards: "a character that is not a letter", consumed, in place of the lookbehind
 *   "no letter before", a backward match tried at every position of the sentence. What follows is read from
 *   the same place, inner lookbehinds too. The text is read after one space (paddedForTwins), which stands for
 *   its start: "the start or a non-letter" as one alternation took V8 twice as long to compile (about 20 ms
 *   of a first analysis), and no inner lookbehind can tell that space from the start (each needs a word).
 * - The words that need a word before them ("einer fusion": an alternative that opens with a lookbehind) are a
 *   twin of their own: among the others, they keep V8 from skipping the positions where no word of the list
 *   can start.
 * Built with the pattern from its list of words, split at its top-level "|" (the test checks the agreement).
 */
const ALTERNATIVES = new WeakMap<RegExp, { plain: string[]; guarded: string[] }>();
const PRESENCE = new WeakMap<RegExp, RegExp[]>();
function words(list: string): RegExp {
  const read = list.replaceAll('\\p{L}', `[${LATIN}]`);
  const re = new RegExp(`(?<![${LATIN}0-9_])(?:${read})(?![${LATIN}0-9_])`, 'g');
  const alternatives = topLevelAlternatives(read);
  ALTERNATIVES.set(re, { plain: alternatives.filter((a) => !a.startsWith('(?<')), guarded: alternatives.filter((a) => a.startsWith('(?<')) });
  return re;
}

/** A pattern's twins (made once). */
function twinsOf(re: RegExp): RegExp[] {
  let twins = PRESENCE.get(re);
  if (!twins) {
    const alternatives = ALTERNATIVES.get(re);
    twins = alternatives
      ? [alternatives.plain, alternatives.guarded].filter((group) => group.length > 0).map((group) => new RegExp(`[^${LATIN}0-9_](?:${group.join('|')})(?![${LATIN}0-9_])`, 'g'))
      : [re];
    PRESENCE.set(re, twins);
  }
  return twins;
}

/** A pattern source's alternatives at its top level (the "|" outside groups and classes). */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** What follows "publicly available" when it describes data rather than a recipient. */
const DESCRIBED_DATA = '(?:personal )?(?:data|information|info|content|posts?|comments?|photos?|images?|profiles?|sources?|texts?|web|datasets?|materials?|records?)(?![A-Za-z])';

// Order matters only for reading: each kind is tested on its own.
const RECIPIENT_PATTERNS_BASE: Record<RecipientKind, RegExp> = {
  advertisers: words(
    'advertisers?|advertising (?:partners?|networks?|companies|providers?|platforms?|services)|ad (?:networks?|partners?|tech|technology companies|companies|servers|exchanges|platforms?)|adtech|marketing (?:partners?|companies|providers?)|annonceurs?|partenaires publicitaires|r[ée]gies publicitaires|' +
      // German (compounds: "Werbepartnern", "Werbenetzwerke") and Spanish.
      'werbetreibenden?|werbe(?:partner|netzwerk|unternehmen|dienstleister|anbieter|plattform|kunde)\\p{L}*|anzeigen(?:partner|netzwerk)\\p{L}*|marketingpartner\\p{L}*|(?:werbe|marketing)agentur(?:en)?|' +
      'anunciantes?|socios (?:publicitarios|de (?:publicidad|marketing))|redes (?:publicitarias|de publicidad|de anuncios)|agencias (?:de publicidad|de marketing|publicitarias)|(?:empresas|proveedores|plataformas) (?:de publicidad|publicitari[oa]s)',
  ),
  'data-brokers': words('data (?:brokers?|aggregators?|resellers?)|list brokers?|courtiers en donn[eé]es|(?:daten|adress)h[äa]ndler\\p{L}*|datenbroker\\p{L}*|(?:corredores|intermediarios|brokers) de datos'),
  // Companies (OpenAI, Anthropic...) are read as names, with their capitals: see namedRecipients.
  'ai-providers': words('ai (?:providers?|vendors?|companies|partners?|developers?)|(?:model|llm|language model) (?:providers?|vendors?|developers?)|ki-(?:anbieter|dienstleister|unternehmen)\\p{L}*|proveedores de (?:ia|inteligencia artificial)|fournisseurs d[e’\'] ?(?:ia|intelligence artificielle)'),
  'service-providers': words(
    'service providers?|(?:technology|payment|cloud|hosting|analytics|infrastructure|customer support|shipping|delivery|logistics|verification|security|fraud prevention|communications?) (?:service )?providers?|(?:analytics|fulfil?lment|payment|payment processing|credit card processing|hosting|shipping|delivery|courier) (?:company|companies|firms?)|vendors?|(?:sub-?)?processors?|contractors?|consultants?|suppliers?|prestataires?|sous-traitants?|fournisseurs?|' +
      '(?!finanz)\\p{L}*dienstleister\\p{L}*|(?:hosting|cloud|e-mail|zahlungs|versand)-anbieter\\p{L}*|cloudanbieter\\p{L}*|paketdienst\\p{L}*|(?:unter)?auftragsverarbeiter\\p{L}*|subunternehmer\\p{L}*|zulieferer\\p{L}*|(?:versand|logistik|zahlungs|hosting|transport)(?:unternehmen|anbieter\\p{L}*)|' +
      'proveedor(?:es)?(?: de servicios?)?|prestadores de servicios?|encargados? del tratamiento|subencargados?|contratistas?|' +
      '(?:empresas?|proveedores?) de (?:mensajer[ií]a|paqueter[ií]a|transporte|reparto|pagos?|alojamiento)|pasarelas? de pago',
  ),
  affiliates: words('affiliates?|affiliated (?:companies|entities|businesses)|subsidiar(?:y|ies)|parent (?:company|companies)|group (?:companies|entities|members)|family of (?:companies|brands)|corporate family|sister (?:companies|brands)|filiales?|soci[eé]t[eé]s du groupe|' +
      'verbundenen? unternehmen|konzern(?:gesellschaft|unternehmen)\\p{L}*|tochter(?:gesellschaft|unternehmen)\\p{L}*|muttergesellschaft\\p{L}*|unternehmensgruppe|gruppenunternehmen|schwestergesellschaft\\p{L}*|' +
      'afiliad[ao]s|(?:empresas|sociedades|entidades) (?:del|de nuestro) grupo|sociedad matriz|empresas (?:vinculadas|participadas)'),
  partners: words(
    'partners?|business partners?|trusted partners?|co-sponsors?|(?:a|its|our|their|contest|event|promotion|sweepstakes) sponsors?|partenaires?|' +
      '(?:gesch[äa]fts|kooperations|vertriebs)?partnern?|partner(?:unternehmen|firmen|gesellschaften)|socios(?: comerciales)?(?! (?:del?|de la) (?:club|asociaci[oó]n|entidad|cooperativa))|(?:empresas|entidades) colaboradoras|colaboradores',
  ),
  authorities: words('law enforcement|(?:government(?:al)?|public|regulatory|tax|judicial|competent|supervisory|federal|state) (?:agency|agencies|authority|authorities|body|bodies|officials)|authorities|regulators?|courts?|police|autorit[eé]s?|' +
      '\\p{L}*beh[öo]rden?|(?<=(?:zust[äa]ndigen?|ordentlichen?|staatlichen?|beh[öo]rden(?: und|,)|an|vor|an (?:die|das|ein)) )gerichte?n?|polizei|staatsanwaltschaft\\p{L}*|autoridad(?:es)?|tribunal(?:es)?|juzgados?|administraci[oó]n (?:tributaria|p[úu]blica)|organismos p[úu]blicos|agencia (?:tributaria|espa[ñn]ola de protecci[oó]n de datos)|aepd|fuerzas (?:y cuerpos )?de seguridad|polic[ií]a'),
  buyers: words('buyers?|purchasers?|acquirers?|acquiring (?:company|entity)|successors?|merger|(?<!customer |user |client |lead )acquisition|bankruptcy|reorgani[sz]ation|sale of (?:all|some|substantially|part|a business|the business|our business|the company)|business (?:transfers?|transitions?)|corporate transactions?|transferred (?:business )?assets|(?:acquired|bought) by (?:another|a new|an unaffiliated) (?:company|entity|party|business)|(?:merge[sd]? with|merged into) (?:another|a third) (?:company|entity|party|business|firm)|' +
      'k[äa]ufern?|erwerbern?|unternehmensverkauf\\p{L}*|unternehmens[üu]bernahme\\p{L}*|verschmelzung(?:en)?|neuen? eigent[üu]mer|(?<=(?:einer|der|die|bei|una|la|de|por) )(?:fusion(?:en)?|fusi[oó]n)|comprador(?:es)?|adquirentes?|(?<=fusi[oó]n(?:,| o| u| y) )adquisici[oó]n|reestructuraci[oó]n empresarial|venta de la (?:compa[ñn][ií]a|empresa|sociedad)|adquisici[oó]n (?:de|por) (?:(?:la|una|nuestra|otra) )?(?:empresa|sociedad|compa[ñn][ií]a|negocio|entidad)'),
  'social-networks': words('social (?:media|network(?:ing)?) (?:platforms?|sites?|networks?|providers?|services|companies)|social networks?|r[ée]seaux sociaux|soziale[nr]? (?:netzwerke?n?|medien)|social-media-(?:plattform|netzwerk|anbieter|dienst)\\p{L}*|redes sociales'),
  researchers: words('researchers?|research (?:partners?|institutions?|organi[sz]ations)|academic|forscher(?:innen|n)?|forschende[n]?|forschungs(?:einrichtung|partner|institut)\\p{L}*|hochschulen|universit[äa]ten|investigadores|instituciones de investigaci[oó]n|centros de investigaci[oó]n|universidades'),
  // "Publicly available information", "publicly shared posts", "information that is publicly available",
  // "the public internet", "information available publicly", "öffentlich zugängliche Daten" or "Webseiten",
  // "información disponible públicamente" or "públicamente disponible" say where
  // data comes from (what a model is trained on), not that it is made public; "publicly visible comments",
  // "we may make publicly available information about your listing", "tu perfil estará disponible
  // públicamente" and "öffentlich sichtbare Inhalte" do make it public.
  public: words(`(?<=(?:mak(?:e|es|ing)|made) )publicly|(?<!(?:information|data|content|material|texts?|sources?) (?:that|which) (?:is|are) )(?<!(?<!(?:mak(?:e|es|ing)|made) (?!use of)(?:[a-z]+,? ){0,7})(?:information|data|content|material|texts?|sources?) (?:available|accessible) )publicly(?![- ](?:available|accessible|shared|posted|sourced) (?:[a-z]+ |and [a-z]+ )?${DESCRIBED_DATA})|the public(?! (?:internet|web|domain))|public (?:available|visible|viewable|accessible)|other users|other members|anyone|everyone|[öo]ffentlichkeit|[öo]ffentlich (?:sichtbar|einsehbar)(?:e[nrs]?)?|[öo]ffentlich zug[äa]nglich(?:e[nrs]?)?(?! (?:\\p{L}*daten|informationen|inhalten?|\\p{L}*quellen|texten?|(?:web|internet)seiten|websites?))|f[üu]r (?:alle|jeden)(?: nutzer)? (?:sichtbar|einsehbar)|anderen? (?:nutzern?|nutzerinnen|mitgliedern?)|(?<!(?:informaci[óo]n|datos|contenidos?|fuentes) (?:disponibles?|accesibles?) )(?<!(?:informaci[óo]n|datos|contenidos?|fuentes) )p[úu]blicamente|(?<=(?:informaci[óo]n|datos|contenidos?|fuentes) )p[úu]blicamente(?! (?:disponibles?|accesibles?))|(?<=(?:ha(?:cer|cemos|remos|r[áa]|ce)|pon(?:er|emos|dremos|dr[áa]|e)) (?:\\p{L}+,? ){0,5}(?:informaci[óo]n|datos|contenidos?) )p[úu]blicamente|(?:el|al) p[úu]blico(?! objetivo| destinatario)|perfil p[úu]blico|cualquier persona|otros (?:usuarios|miembros)`),
  employers: words('(?:your |their )?employers?|recruit(?:ers|ment agencies)|prospective employers|arbeitgebern?|empleador(?:es)?'),
  // "bank account" and "bank details" are data, not a bank receiving it.
  'financial-institutions': words('banks?(?! (?:accounts?|account numbers?|details|cards?|information|transfers?|statements?))|lenders?|insurers?|insurance (?:companies|providers)|credit (?:bureaus|reporting agencies|reference agencies)|financial institutions|' +
      'banken|kreditinstitut\\p{L}*|versicherungen|versicherern?|auskunfteien|finanzdienstleister\\p{L}*|(?:wirtschafts|kredit)?auskunftei|(?:wirtschafts|kredit)auskunfteien|versicherungs(?:unternehmen|gesellschaft)\\p{L}*|bancos?(?! de datos)|(?:compa[ñn][ií]as? )?aseguradoras?|entidad(?:es)? (?:financieras?|bancarias?|de cr[eé]dito)|ficheros de (?:solvencia|morosidad)'),
  'third-parties': words(
    'third[- ]?part(?:y|ies)|(?<!pays |paid |free |pricing |service )tiers|(?<!(?:like|unlike|from|than|as|similar to|that of|those of|our|its|their) )other (?:companies|businesses|merchants|retailers|brands|sellers|organi[sz]ations)(?! (?:in|within|of) (?:our|the|its) (?:[a-z]+ ){0,2}(?:group|family|portfolio|sector|industry)| (?:we|that we) (?:own|control|operate)| (?:owned|controlled) by)|outside (?:parties|companies)|external (?:parties|organi[sz]ations)|unaffiliated|collaborators|' +
      // Not the ordinal: "im dritten Abschnitt", "der dritte Schritt".
      'dritte[nr]?(?! (?:abschnitt|absatz|schritt|kapitel|teil|punkt|stufe|fall|monat|jahr|tag|woche|quartal|seite|zeile|ziffer|satz|unterabschnitt|l[äa]nder|land|staaten?)\\p{L}*)|dritt(?:anbieter|unternehmen|parteien|firmen)\\p{L}*|externe[nr]? (?:stellen|empf[äa]nger|unternehmen)|(?<!pa[ií]ses )terceros?(?! pa[ií]ses| estados)|terceras (?:partes|empresas|entidades)|empresas? terceras?|empresas? ajenas? al grupo',
  ),
};

const DATA_PATTERNS_BASE: Record<DataKind, RegExp> = {
  content: words('content|posts?|photos?|pictures?|images?|videos?|files?|documents?|uploads?|creations?|notes|comments|contenus?|publications?|inhalten?|beitr[äa]ge|fotos|bildern?|dateien|dokumenten?|fichiers|photos|vid[ée]os|contenidos?|publicaciones|im[áa]genes|v[íi]deos|archivos|documentos'),
  feedback: words('feedback|survey responses|surveys?|reviews|ratings|avis|enqu[êe]tes?|sondages?|umfragen?|bewertungen|r[üu]ckmeldungen|encuestas?|valoraciones|rese[ñn]as|opiniones(?! pol[ií]ticas)'),
  messages: words('messages?|conversations?|chats?|prompts?|inputs?|outputs?|queries|interactions?|emails? you send|transcripts?|requ[eê]tes|nachrichten|unterhaltungen|chatverl[äa]ufe|eingaben|mensajes|conversaciones|consultas'),
  'voice-images': words('voice|audio|recordings?|face|facial|biometrics?|voix|enregistrements?(?: vocaux| audio)?|visages?|stimm(?:daten|aufnahmen|profile?|merkmale|erkennung)|(?:ihre|deine|eigene) stimme|sprachaufnahmen|(?:video|foto|bild|ton)?aufnahmen|gesicht|gesichts(?:erkennung|daten|bilder?|merkmale)|voz|grabaci[oó]n(?:es)?|(?:tu|su) imagen|rostro|facial(?:es)?'),
  contact: words('names?|e-?mail(?: address(?:es)?)?|phone(?: numbers?)?|(?:postal|mailing|home) address(?:es)?|contact (?:information|details|data)|' +
      // French ("téléphone" was read as "phone" only while word boundaries stopped at accented letters).
      'pr[ée]noms?|noms? (?:et|de famille)|votre nom|num[ée]ros? de t[ée]l[ée]phone|t[ée]l[ée]phones?|adresses? (?:e-?mail|[ée]lectroniques?|postales?|de livraison|de courriel)|courriels?|coordonn[ée]es|' +
      '(?:ihren|ihr|den|vollen|vollst[äa]ndigen) namen?|deinen namen|vor- und nachnamen?|(?:ihre[rn]?|deine[rn]?) adressen?|rechnungsadressen?|vornamen?|nachnamen?|e-mail-adressen?|telefonnummern?|(?:post|liefer|wohn)?anschriften?|(?:liefer|post)adressen?|kontakt(?:daten|angaben|informationen)|' +
      '(?<!en )(?:su|tu|el) nombre(?: completo| y apellidos)?|nombre y apellidos|(?:su|tu) domicilio|n[uú]meros? de m[oó]vil|dni|nombres y apellidos|correos? electr[oó]nicos?|(?:n[uú]meros? de )?tel[eé]fonos?|direcci[oó]n(?:es)? (?:postal(?:es)?|de (?:correo|env[ií]o|entrega))|datos de contacto'),
  location: words('location|geolocation|gps|precise location|localisation|positions? g[ée]ographiques?|g[ée]olocalisation|donn[ée]es de localisation|standort(?:daten|informationen|bestimmung|verlauf)|(?:ihre[mnrs]?|deine[mnrs]?|aktuelle[mnr]?|genaue[mnr]?) standorts?|geolokali[sz]ierung|ubicaci[oó]n|geolocalizaci[oó]n|localizaci[oó]n'),
  activity: words(
    'usage|browsing|(?<!processing )activit(?:y|ies)|search(?:es| history| queries)?|clicks?|viewing history|watch history|engagement|' +
      'nutzungs(?:daten|verhaltens?|informationen)|surfverhaltens?|browserverlaufs?|suchanfragen|suchverlauf|klicks|aktivit[äa]ten|' +
      'historique de navigation|donn[ée]es (?:d[’\'] ?utilisation|de navigation)|activit[ée]s?|' +
      'datos de (?:uso|navegaci[oó]n)|historial de (?:b[uú]squeda|navegaci[oó]n)|actividad(?:es)?(?! (?:de|del) tratamiento| econ[oó]mica| comercial| empresarial| profesional)|clics',
  ),
  device: words(
    'device (?:information|identifiers?|ids?|data)|ip address(?:es)?|cookies?|identifiers?|advertising ids?|' +
      'ger[äa]te(?:daten|informationen|kennungen?|-?ids?)|ip-adressen?|adresses? ip|identifiants?(?: (?:de l[’\'] ?appareil|publicitaires?))?|informations sur (?:votre|l[’\'] ?)appareil|kennungen|werbe-?ids?|identificador(?:es)?(?: de(?:l)? dispositivos?)?|(?:datos|informaci[oó]n) del dispositivo|direcci[oó]n(?:es)? ip',
  ),
  // A bare "transaction" is as often a merger ("a Business Transaction") as a purchase: only a person's ones count.
  purchases: words('purchases?|purchase history|(?:your|payment|purchase|financial) transactions?|transaction (?:data|history|information|details|records)|payment (?:information|details|data)|order history|' +
      'achats?|historique d[’\'] ?achats?|historique des commandes|donn[ée]es de paiement|informations de paiement|' +
      'kaufhistorie|kaufverhaltens?|k[äa]ufe|bestell(?:historie|daten|verlauf)|zahlungs(?:daten|informationen)|transaktionsdaten|eink[äa]ufe|bestellungen|bankverbindung(?:en)?|bankdaten|kreditkarten(?:daten|informationen|nummern?)|' +
      'compras|historial de (?:compras|pedidos)|datos de pago|datos bancarios|(?:datos de (?:la |tu |su )?)?tarjetas? de cr[eé]dito|pedidos|informaci[oó]n de pago|transacciones(?! corporativas| societarias| empresariales)'),
  sensitive: words('health|medical|genetic|biometric|racial|ethnic|religious|sexual orientation|political|precise (?:geo)?location|financial account|social security|donn[eé]es sensibles|sant[ée]|g[ée]n[ée]tiques?|biom[ée]triques?|origine (?:ethnique|raciale)|convictions religieuses|orientation sexuelle|opinions politiques|' +
      'gesundheits(?:daten|informationen|zustand)|genetische[nr]?|biometrische[nr]?|ethnische[nr]?|religi[öo]se[nr]?|sexuelle[nr]? orientierung|politische[nr]? (?:meinungen|ansichten)|' +
      'salud|gen[ée]tic[oa]s|biom[ée]tric[oa]s|origen (?:[ée]tnico|racial)|creencias religiosas|orientaci[oó]n sexual|opiniones pol[ií]ticas|datos sensibles|categor[ií]as especiales de datos|besonderen? kategorien personenbezogener daten|special categor(?:y|ies) of (?:personal )?data'),
  'personal-data': words('personal (?:information|data)|personally identifiable|pii|donn[eé]es personnelles|donn[eé]es [aà] caract[eè]re personnel|personenbezogene[nr]? daten|pers[öo]nliche[nr]? daten|datos personales|datos de car[aá]cter personal|informaci[oó]n personal'),
};

const PURPOSE_PATTERNS_BASE: Record<Purpose, RegExp> = {
  advertising: words('advertising|advertisements?|ads|targeted|interest-based|behavio(?:u)?ral advertising|publicit[eé]s?|publicitaires?|werbung|werbezwecken?|werbliche[nr]?|interessenbasierte[nr]?|publicidad|publicitari[oa]s?|(?<!tus |sus |mis )anuncios'),
  marketing: words('marketing|promotions?|promotional|newsletters?|prospection|direktwerbung|werbeangebote?n?|mercadotecnia|promociones|comunicaciones comerciales'),
  analytics: words('analytics|measurement|measure|attribution|statistics|statistical (?:analys[ie]s|purposes)|traffic patterns?|(?:audience|usage|traffic|site|web) analys[ie]s|analy[sz](?:e|es|ed|ing) (?:how|the use|usage|traffic|trends|visits|(?:your|their) use|(?:website|site|web) traffic|and (?:improve|report))|statistiques|' +
      'mesure d[’\'] ?audience|analyses? statistiques?|' +
      '(?:web|nutzungs|reichweiten|traffic)?analysen? (?:des|der|ihres|deines|unserer) (?:nutzungsverhaltens|nutzerverhaltens|surfverhaltens|besucherverhaltens|nutzung|website|webseite|app|zugriffe)|(?:web|reichweiten|traffic)analyse\\p{L}*|analysezwecken?|statistik(?:en)?|statistische[nr]? zwecken?|reichweitenmessung|anal[ií]tic[ao]s?|an[aá]lisis|estad[ií]stic[oa]s?|medici[oó]n|statistische[nr]? auswertung(?:en)?'),
  'ai-training': words(
    'train(?:s|ed|ing)?|fine-?tun(?:e|ed|ing)|machine learning|artificial intelligence|ai models?|language models?|llms?|generative ai|(?<!device |phone |hardware |vehicle |car )models?|entra[iî]n(?:er|ement)|mod[eè]les?|' +
      'trainieren|trainiert|ki-modell\\p{L}*|maschinelle[nms]? lernen|k[üu]nstliche[nr]? intelligenz|(?:sprach|basis)?modellen?|entren(?:ar|amos|an|a|ado|ados|ada|adas|amiento)|modelos?(?! (?:del?|de su|de tu) (?:dispositivo|tel[eé]fono|m[oó]vil|terminal|veh[ií]culo|negocio))|aprendizaje autom[aá]tico|inteligencia artificial',
  ),
  research: words('research|studies|recherche|forschung(?:s(?:zwecken?|-))?|studien|investigaci[oó]n(?! (?:de|del|sobre) (?:fraudes?|incidentes?|reclamaciones|quejas|infracciones|delitos)| policial| judicial| penal)|estudios (?:de mercado|cient[ií]ficos|cl[ií]nicos|estad[ií]sticos|de investigaci[oó]n)'),
  personalization: words('personali[sz](?:e|ed|ation)|customi[sz](?:e|ed|ation)|recommendations?|tailor(?:ed)?|personnalis(?:er|ation|[ée]e?s?)|recommandations?|personalisier(?:ung|en|te[nr]?)|empfehlungen|personaliza(?:r|ci[oó]n|d[oa]s?)|recomendaciones'),
  security: words('security|fraud|abuse|safety|protect(?:ion)?|s[eé]curit[eé]|fraude|sicherheit|betrug(?:s(?:pr[äa]vention|bek[äa]mpfung))?|missbrauch\\p{L}*|(?<!cuerpos de |fuerzas de )seguridad(?! social)|abusos?'),
  legal: words('law|legal|laws|regulations?|subpoenas?|court orders?|comply|compliance|obligations? l[eé]gales?|gesetzlich(?:e[nr]?)?|rechtlich(?:e[nr]?)?|gesetze?n?|gerichtliche[nr]? anordnung\\p{L}*|ley(?:es)?|obligaciones legales|requerimientos? judicial(?:es)?|legalmente'),
  service: words('provide (?:the|our) services?|operate (?:the|our) services?|perform services|process (?:your )?(?:orders?|payments?)|deliver(?:y)?|customer support|fournir (?:le|nos) services?|' +
      'bereitstellung (?:unserer|der) (?:dienste|leistungen|website)|vertragserf[üu]llung|abwicklung (?:ihrer|der) bestellung\\p{L}*|durchf[üu]hrung des vertrages|vertragsabwicklung|kundenservice|kundensupport|' +
      'prestar(?:le|te)? (?:el|los|nuestros) servicios?|atenci[oó]n al cliente|gestionar (?:su|tu|el) pedido'),
};

const LIMIT_PATTERN_BASE = words(
  '(?<!not )only|solely|exclusively|strictly|never|not(?! only)|no(?! obstante| s[oó]lo| solamente| [úu]nicamente)|aggregated?|de-?identified|anonymi[sz]ed|pseudonymi[sz]ed|with your (?:prior |express |explicit )?(?:consent|permission)|limited|opt[- ]in|uniquement|anonymis[eé]es?|' +
    // A practice that waits for the user's consent: "if you choose to join", "once you opt in", "where you consent".
    // Not an occasion ("if you choose to pay by card", "when you sign up", "if you agree to these terms").
    '(?:if|when|once|where) you (?:consent|opt[- ]?in|enrol?l? in|join|participate in|take part in|(?:choose|decide|elect|agree) to (?:join|participate|take part|share|allow|let us|contribute|opt[- ]?in|enrol?l?))|' +
    // Consent named as such, however it is given ("where you have given your consent", "si nos da su consentimiento").
    'your (?:prior |express |explicit )?consent|su (?:previo |expreso )?consentimiento|' +
    '(?<!nicht )nur|ausschlie(?:ß|ss)lich|lediglich|niemals|nie|nicht(?! nur)|keine?[nmrs]?|aggregiert(?:e[nr]?)?|anonymisiert(?:e[nr]?)?|pseudonymisiert(?:e[nr]?)?|mit (?:ihrer|deiner) (?:vorherigen |ausdr[üu]cklichen )?(?:einwilligung|zustimmung)|nach (?:ihrer|deiner) (?:vorherigen |ausdr[üu]cklichen )?einwilligung|(?:sofern|wenn|falls) (?:sie|du) (?:eingewilligt|zugestimmt) (?:haben|hast)|' +
    '(?<!no )s[oó]lo(?! (?:plan|practitioners?|founders?|developers?|firms?|accounts?|creators?))|solamente|[úu]nicamente|exclusivamente|nunca|agregad[oa]s?|anonimizad[oa]s?|seudonimizad[oa]s?|con (?:su|tu) (?:previo |expreso )?consentimiento|previo consentimiento',
);

/** One pattern: the first's words or the second list's (Italian, Portuguese and Dutch: attributes-it-pt-nl.ts). */
function either(re: RegExp, more: string | undefined): RegExp {
  if (!more) return re;
  const added = words(more);
  const out = new RegExp(`(?:${re.source})|${added.source}`, re.flags);
  const [first, second] = [ALTERNATIVES.get(re), ALTERNATIVES.get(added)];
  if (first && second) ALTERNATIVES.set(out, { plain: [...first.plain, ...second.plain], guarded: [...first.guarded, ...second.guarded] });
  return out;
}
function withMore<K extends string>(patterns: Record<K, RegExp>, more: Partial<Record<K, string>>): Record<K, RegExp> {
  const out = {} as Record<K, RegExp>;
  for (const kind of Object.keys(patterns) as K[]) out[kind] = either(patterns[kind], more[kind]);
  return out;
}
const RECIPIENT_PATTERNS = withMore(RECIPIENT_PATTERNS_BASE, RECIPIENTS_IT_PT_NL);
const DATA_PATTERNS = withMore(DATA_PATTERNS_BASE, DATA_IT_PT_NL);
const PURPOSE_PATTERNS = withMore(PURPOSE_PATTERNS_BASE, PURPOSES_IT_PT_NL);
const LIMIT_PATTERN = either(LIMIT_PATTERN_BASE, LIMITS_IT_PT_NL);
// The twins are made as the module loads, as the patterns are, so that the ReDoS check (tests/meta) sees them too.
for (const table of [RECIPIENT_PATTERNS, DATA_PATTERNS, PURPOSE_PATTERNS]) for (const re of Object.values<RegExp>(table)) twinsOf(re);

/** Every vocabulary pattern with the twin kindsOf tests it by, for the test that they agree. */
export function presenceTwins(): Array<[RegExp, RegExp[]]> {
  return [RECIPIENT_PATTERNS, DATA_PATTERNS, PURPOSE_PATTERNS].flatMap((table) => Object.values<RegExp>(table).map((re): [RegExp, RegExp[]] => [re, twinsOf(re)]));
}

/** A text as the twins read it: after a space, which stands for its start (see the twins' comment). */
export function paddedForTwins(text: string): string {
  return ` ${text}`;
}

/** Whether a pattern matches a text, asked of its twins on the text padded (paddedForTwins; exported for the test). */
export function twinsMatch(re: RegExp, padded: string): boolean {
  for (const twin of twinsOf(re)) {
    twin.lastIndex = 0;
    if (twin.test(padded)) return true;
  }
  return false;
}

/** The kinds whose words the text holds; with `blank`, a kind's words are blanked before later kinds read the text. */
function kindsOf<K extends string>(patterns: Record<K, RegExp>, text: string, blank = false): K[] {
  const out: K[] = [];
  let rest = text;
  let padded = paddedForTwins(rest);
  for (const kind of Object.keys(patterns) as K[]) {
    const re = patterns[kind];
    if (!twinsMatch(re, padded)) continue;
    out.push(kind);
    if (blank) {
      rest = rest.replace(re, (m) => ' '.repeat(m.length));
      padded = paddedForTwins(rest);
    }
  }
  return out;
}

// A capitalised name after a word that introduces a recipient: "with OpenAI", "to Microsoft Corporation",
// "such as Google Analytics". At most three words; each word starts with a capital letter.
const NAMED = /\b(with|to|by|including|includes|such as|like|namely|via)\s+([A-Z][\p{L}\p{N}&.'’-]{1,30}(?:\s[A-Z][\p{L}\p{N}&.'’-]{1,30}){0,2})/gu;
// "to" names a recipient only after a verb of giving a few words before ("disclose your data to
// Microsoft"); otherwise it is the infinitive of a list item ("we use it to: Personalize ads").
const GIVING_BEFORE =
  /\b(?:shar\w*|disclos\w*|transfer\w*|sell\w*|sold|send\w*|sent|provid\w*|giv\w*|gave|pass\w*|transmit\w*|available|rent\w*|licens\w*|report\w*|submit\w*|forward\w*|upload\w*|access|releas\w*|suppl\w*|deliver\w*|export\w*|relay\w*|rout\w*|stream\w*|sync\w*|expos\w*|reveal\w*|hand\w*|transmis\w*)\b/i;
// How far before "to" the verb may stand (characters): "disclose your name, e-mail address, phone number and order history to Meta".
const GIVING_REACH = 160;
// Capitalised words that are not company names.
const NOT_A_NAME = new Set(
  'We Our Us You Your The This That These Those Their They It Its A An Any All Some Other Others Third Parties Party Partners Personal Information Data Privacy Policy Notice Statement Section Terms Service Services Website Site App Apps Platform Products Product Content Users User Members Customers Customer Business Businesses Affiliates Vendors Providers Provider Law Laws California Europe European Union United States Kingdom EEA EU US UK U.S U.K E.U Government Governments GDPR CCPA Act Regulation Regulations Article Settings Account Accounts Please Note If When Where For In On At From As Such Including And Or AI Data-Protection Cookie Cookies January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Chat Help Center Support Team Appendix Table Contact Contacts Prompts Prompt Inputs Input Outputs Output Materials Feedback Submissions Controller Processor Processors Subprocessors Consent Legal Basis Purposes Purpose Rights Request Requests Users Developers Partner Program Programs Features Feature Tools Models Model'.split(
    ' ',
  ),
);
// A capitalised phrase ending in one of these names a kind of data ("Registration Data"), not a company.
const DATA_NOUN = new Set(['Data', 'Information', 'Content', 'Details', 'Inputs', 'Materials']);

/**
 * What tells a company's name from other capitalised words, for one policy: the service's own names
 * (`self`, lower-cased: never a recipient) and the words the policy writes in lower case somewhere
 * (`common`: "Billing" opening a list item is the word "billing", not a company; a company's name keeps
 * its capital wherever the policy writes it). The price: a company named by an ordinary word that the
 * policy also uses ("Segment" where it segments users, "Adjust" where you adjust settings) is not named.
 */
export interface Names {
  self: readonly string[];
  common?: { has(word: string): boolean };
}
const NO_NAMES: Names = { self: [] };

/** Names of companies the sentence gives as recipients, without the service's own names or the policy's common words. */
export function namedRecipients(sentence: string, names: Names = NO_NAMES): string[] {
  const { common } = names;
  const out: string[] = [];
  const head = sentence.length > 2400 ? sentence.slice(0, 2400) : sentence;
  // One candidate: the capitalised words `raw`, ending at `end` in the sentence.
  const take = (rawText: string, end: number) => {
    const raw = trimEndChars(rawText.trim(), ".,;:'’");
    const rawWords = raw.split(/\s+/);
    const all = rawWords.map(bareName);
    if (DATA_NOUN.has(all[all.length - 1] ?? '')) return;
    const parts = all.filter((w) => w.length > 0 && !NOT_A_NAME.has(w) && !/\d\D*\d/.test(w));
    // The first word decides: "Billing Address" is the policy's word "billing", "Google Analytics" a name.
    if (parts[0] && common?.has(parts[0].toLowerCase())) return;
    // "Sub-processors" is the policy's word "sub-processors", not a company "Sub".
    if (common?.has(trimEndChars(rawWords[0] ?? '', ".,'’").toLowerCase())) return;
    // ("Acme's partners" names Acme: a possessive or a suffix ends the name.)
    const last = rawWords[rawWords.length - 1] ?? '';
    if (bareName(last) === trimEndChars(last, ".,'’") && modifies(head, end)) return;
    if (parts.length === 0) return;
    const name = parts.join(' ');
    // A place, or a company's form after its name ("OpenAI, L.L.C.").
    if (PLACES.has(name) || CORPORATE.has(name.replace(/\./g, ''))) return;
    const lower = name.toLowerCase();
    // (names.self is read only here: an analysis works it out when a sentence first names a company.)
    if (lower.length < 2 || names.self.some((s) => s && (lower.includes(s) || s.includes(lower)))) return;
    if (!out.includes(name)) out.push(name);
  };
  for (const m of head.matchAll(NAMED)) {
    if (m[1] === 'to' && !GIVING_BEFORE.test(head.slice(Math.max(0, m.index - GIVING_REACH), m.index))) continue;
    let end = m.index + m[0].length;
    take(m[2] ?? '', end);
    // The names listed after it: "with Google, Meta and Amazon" (at most MAX_LISTED).
    for (let n = 0; n < MAX_LISTED; n++) {
      LISTED.lastIndex = end;
      const more = LISTED.exec(head);
      if (!more) break;
      end = more.index + more[0].length;
      take(more[1] ?? '', end);
    }
  }
  return out;
}
// Countries and regions data is transferred to ("to Canada"): places, not companies.
const PLACES = new Set(
  'Canada Mexico Brazil Argentina Chile Colombia Peru Ireland Germany France Spain Italy Portugal Netherlands Belgium Luxembourg Switzerland Austria Poland Sweden Norway Denmark Finland Estonia Lithuania Latvia Czechia Romania Bulgaria Greece Hungary Croatia Serbia Ukraine Turkey Israel Egypt Nigeria Kenya India Pakistan Bangladesh China Japan Korea Taiwan Singapore Malaysia Indonesia Philippines Vietnam Thailand Australia Zealand Africa Asia America Americas Emirates Arabia Qatar Russia England Scotland Wales Britain Hong Kong Delaware Texas Virginia Oregon Ohio Washington Dublin London Paris Berlin Amsterdam Frankfurt Tokyo Sydney'.split(
    ' ',
  ),
);
for (const place of ['New Zealand', 'South Africa', 'South Korea', 'Hong Kong', 'United Arab Emirates', 'Saudi Arabia', 'North America', 'Latin America', 'Great Britain', 'Czech Republic']) PLACES.add(place);
// A further name of a list: ", Meta", " and Amazon", ", and Microsoft", " or Apple".
const LISTED = /,? (?:and |or )?([A-Z][\p{L}\p{N}&.'’-]{1,30}(?: [A-Z][\p{L}\p{N}&.'’-]{1,30}){0,2})/uy;
const MAX_LISTED = 12;

// The nouns that capitalised words qualify when they are not a company ("IP address", "Time zone", "QR
// code", "Preventing abuse"), and the pronouns that open a clause after an adverb ("Sometimes these").
// Any other word after a name leaves it a name: "with Stripe whenever you pay", "with Google now".
const QUALIFIED = new Set(
  'address addresses code codes number numbers zone zones data information details use usage abuse fraud identifier identifiers id ids account accounts setting settings history histories record records log logs cookie cookies pixel pixels tag tags beacon beacons name names location locations preference preferences content device devices technology technologies tool tools feature features categories category type types form forms field fields request requests rights right activity activities interactions these this those they it we you he she'.split(
    ' ',
  ),
);

/** Whether the capitalised words before `end` qualify the noun right after them ("IP address", "Voice data"). */
function modifies(text: string, end: number): boolean {
  if (text[end] !== ' ') return false;
  let i = end + 1;
  while (i < text.length && text.charCodeAt(i) >= 97 && text.charCodeAt(i) <= 122) i++;
  const next = text.slice(end + 1, i);
  return QUALIFIED.has(next);
}

/** A word of a name without its possessive or a lower-case suffix ("Acme's", "Acme-owned": Acme). */
function bareName(word: string): string {
  let w = trimEndChars(word, ".,'’");
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  const dash = w.indexOf('-');
  if (dash > 0 && /^[a-z]/.test(w.slice(dash + 1))) w = w.slice(0, dash);
  return w;
}

/** Everything a (lower-cased, prepared) sentence names; `original` keeps capitals for company names. */
export function attributesOf(prepared: string, original: string, names: Names = NO_NAMES): Attributes {
  const named = namedRecipients(original, names);
  const recipients = kindsOf(RECIPIENT_PATTERNS, prepared, true);
  return {
    recipients,
    named,
    data: kindsOf(DATA_PATTERNS, prepared),
    purposes: kindsOf(PURPOSE_PATTERNS, prepared),
    limits: [...new Set(prepared.match(LIMIT_PATTERN) ?? [])],
    models: whoseModels(prepared, recipients, named),
  };
}

const OTHERS_MODELS = /\b(?:their|its) (?:own )?(?:\w+ )?(?:models?|ai|algorithms?|systems?)\b|\bthird[- ]party (?:ai |generative ai |language )?models?\b/;
const OUR_MODELS = /\b(?:our|we|us)\b/;

/**
 * Whose models a statement about AI training trains: another party's when it names a recipient (a kind
 * other than the public, the authorities, a buyer or the service's own affiliates, or a company), the
 * service's own otherwise; both when it names one and speaks of "our" models too. It agrees with our
 * labels on 84% of the training statements whose owner they name (`npm run train -- --cv`).
 */
function whoseModels(prepared: string, recipients: RecipientKind[], named: string[]): Attributes['models'] {
  // Affiliates are the service's own group.
  const others = named.length > 0 || recipients.some((r) => r !== 'public' && r !== 'authorities' && r !== 'buyers' && r !== 'affiliates');
  if (!others) return 'own';
  if (OTHERS_MODELS.test(prepared)) return OUR_MODELS.test(prepared) && /\bour (?:\w+ )?(?:models?|ai)\b/.test(prepared) ? 'both' : 'third-party';
  return OUR_MODELS.test(prepared) ? 'both' : 'third-party';
}

/** The keys by which two statements are compared: what they name, as `to:`, `named:`, `data:`, `for:` keys. */
export function attributeKeys(a: Attributes): string[] {
  return [...a.recipients.map((r) => `to:${r}`), ...a.named.map((n) => `named:${n.toLowerCase()}`), ...a.data.map((d) => `data:${d}`), ...a.purposes.map((p) => `for:${p}`)];
}

/**
 * The service's own names, which are never "named recipients": the words of the page's title before
 * "Privacy", and the main label of its host name ("linkedin" for www.linkedin.com).
 */
export function selfNames(title: string, url: string): string[] {
  const out = new Set<string>();
  const t = title.split(/\b(?:privacy|confidentialit|datenschutz|pol[ií]tica|politique|-|–|\|)/i)[0]?.trim().toLowerCase();
  if (t && t.length >= 2 && t.length <= 40) out.add(t);
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    const label = host.split('.').slice(-2, -1)[0];
    if (label && label.length >= 2) out.add(label);
  } catch {
    /* not a URL: no host name */
  }
  return [...out];
}

/** At most this many words are kept (a bound on the set's size). */
const MAX_COMMON_WORDS = 50_000;

/**
 * The words `texts` write in lower case (`Names.common`), outside addresses: "google" in
 * policies.google.com or google-analytics.com, an e-mail address. Hyphens join a word's parts
 * ("intercom-session-id" is one word, not "intercom"). A character scan, linear in the texts' length.
 */
export function lowerCaseWords(texts: Iterable<string>): Set<string> {
  const common = new Set<string>();
  for (const text of texts) {
    let start = -1;
    let lower = true;
    for (let i = 0; i <= text.length; i++) {
      const ch = i < text.length ? text[i] ?? ' ' : ' ';
      const letter = isLetter(ch);
      // A hyphen between letters continues the word.
      const joins = ch === '-' && start >= 0 && LETTER.test(text[i + 1] ?? ' ');
      if (letter || joins) {
        if (start < 0) {
          start = i;
          lower = true;
        }
        // (An ASCII letter is upper case between A and Z: no string made to find out.)
        const code = ch.charCodeAt(0);
        if (code < 128 ? code <= 90 && code >= 65 : ch !== ch.toLowerCase()) lower = false;
        continue;
      }
      if (start < 0) continue;
      const inAddress = partOfAddress(text, start, i) || (ch !== '.' && ADDRESS_MARK.has(ch)) || /\d/.test(ch);
      if (lower && !inAddress && i - start >= 2) {
        common.add(text.slice(start, i));
        if (common.size >= MAX_COMMON_WORDS) return common;
      }
      start = -1;
    }
  }
  return common;
}
const LETTER = /\p{L}/u;
const ADDRESS_MARK = new Set(['/', '@', '.', '_', '#', '=', '?', '&', ':']);

/** A letter of any script (a test of the code first: most text is ASCII). */
function isLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code > 127 && LETTER.test(ch));
}

/** Whether the word text[start, end) is part of an address: after a "/", "@", "." ..., or before ".com". */
function partOfAddress(text: string, start: number, end: number): boolean {
  return ADDRESS_MARK.has(text[start - 1] ?? ' ') || (text[end] === '.' && LETTER.test(text[end + 1] ?? ' '));
}

// The forms and registry numbers of companies ("Acme Pty Ltd, ABN 12 345"): a list of a group's companies repeats them.
const CORPORATE = new Set('Inc Incorporated LLC Ltd Limited Pty Corp Corporation Company GmbH AG SA SAS SARL BV NV SpA Srl plc PLC ABN ACN KK LLP LP Co'.split(' '));
/** How often, at least, and how many times more than any other, a policy names itself (see ownName). */
const OWN_NAME_MIN = 10;
const OWN_NAME_LEAD = 1.5;
/** How often, at least, the two most written words must come together to be read as one two-word name. */
const OWN_NAME_TOGETHER = 0.8;
/** At most this many characters of a policy are read for its own name (a bound on the work). */
const OWN_NAME_CHARS = 400_000;

/**
 * The name a policy calls its own service by, when its title and address do not give it (a page titled
 * "Privacy Policy" on facebook.com writes "Meta" three hundred times): the capitalised word it writes most
 * often, at least OWN_NAME_MIN times and OWN_NAME_LEAD times as often as any other. Lower-cased; undefined
 * when no word stands out. A character scan, linear in the text read.
 */
export function ownName(texts: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  // Two capitalised words in a row ("Thomson Reuters"): a two-word name counts as one.
  const pairs = new Map<string, number>();
  let read = 0;
  for (const full of texts) {
    const text = full.length > OWN_NAME_CHARS - read ? full.slice(0, Math.max(0, OWN_NAME_CHARS - read)) : full;
    read += text.length;
    let start = -1;
    // Whether the next word opens the text or a sentence: "To provide the service", "This Statement".
    let opening = true;
    let openingWord = true;
    // The counted word just before, when only one space separates it from the next.
    let previous = '';
    for (let i = 0; i <= text.length; i++) {
      const ch = i < text.length ? text[i] ?? ' ' : ' ';
      const letter = isLetter(ch);
      if (letter) {
        if (start < 0) {
          start = i;
          openingWord = opening;
          opening = false;
        }
        continue;
      }
      if (start >= 0) {
        const word = text.slice(start, i);
        const first = word[0] ?? '';
        // A part of an address ("Last" in Last.fm, a host name) is not a use of a name.
        const inAddress = partOfAddress(text, start, i);
        const counted = word.length >= 2 && !openingWord && first !== first.toLowerCase() && !inAddress && !NOT_A_NAME.has(word) && !CORPORATE.has(word);
        if (counted) {
          counts.set(word, (counts.get(word) ?? 0) + 1);
          if (previous) pairs.set(`${previous} ${word}`, (pairs.get(`${previous} ${word}`) ?? 0) + 1);
        }
        previous = counted && ch === ' ' ? word : '';
        start = -1;
      } else if (ch !== ' ') previous = '';
      if (ch === '.' || ch === '!' || ch === '?' || ch === ':' || ch === ';' || ch === '|' || ch === '*' || ch === '-' || ch === '(' || ch === '"' || ch === '“') opening = ch === '.' ? !LETTER.test(text[i + 1] ?? ' ') : true;
    }
    if (read >= OWN_NAME_CHARS) break;
  }
  let best = '';
  let top = 0;
  let runnerUp = '';
  let second = 0;
  for (const [word, n] of counts) {
    if (n > top) {
      runnerUp = best;
      second = top;
      top = n;
      best = word;
    } else if (n > second) {
      second = n;
      runnerUp = word;
    }
  }
  if (top < OWN_NAME_MIN) return undefined;
  if (top >= OWN_NAME_LEAD * second) return best.toLowerCase();
  // The two most written words are one name when they nearly always come together: "Thomson Reuters".
  for (const pair of [`${best} ${runnerUp}`, `${runnerUp} ${best}`]) {
    if ((pairs.get(pair) ?? 0) >= OWN_NAME_TOGETHER * second) return pair.toLowerCase();
  }
  return undefined;
}
