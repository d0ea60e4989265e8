/**
 * Multilingual vocabulary shared by the gate and the detector. Everything is matched against text
 * folded by `foldForMatch` (lower case, accents stripped), so the patterns carry no accents.
 *
 * Languages covered: en, de, fr, es, it, nl, pt.
 */
import { stripAccents } from '../../text/normalize';

/** Lower case, accents removed, separators (-, _, /, .) turned into spaces: one form for URLs and text. */
export function foldForMatch(input: string): string {
  return collapseSeparators(stripAccents(input).toLowerCase());
}

/** ASCII separators: whitespace and - _ / . + % : | , ; ( ) [ ] " ' */
const ASCII_SEPARATOR = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v-_/.+%:|,;()[]"\'') ASCII_SEPARATOR[ch.charCodeAt(0)] = 1;
const UNICODE_SPACE = /\s/;

function isSeparator(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? ASCII_SEPARATOR[c] === 1 : UNICODE_SPACE.test(s[i]!);
}

/**
 * Every run of separators (as above, plus Unicode whitespace) becomes one space. The same as
 * `replace(/[\s\-_/.+%:|,;()[\]"']+/g, ' ')`, in one scan that copies runs of text whole, which
 * matters on the tens of thousands of characters detection folds per page.
 */
export function collapseSeparators(s: string): string {
  let out = '';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    if (!isSeparator(s, i)) {
      i++;
      continue;
    }
    out += `${s.slice(start, i)} `;
    i++;
    while (i < n && isSeparator(s, i)) i++;
    start = i;
  }
  return start === 0 ? s : out + s.slice(start);
}

/** Titles or main headings that name a privacy policy outright. */
export const POLICY_TITLE =
  /隐私政策|隐私保护|隱私權政策|隱私政策|プライバシーポリシー|プライバシー ?ポリシー|個人情報保護方針|개인정보 ?처리방침|\b(privacy|data) (policy|notice|statement|commitments?|protection (policy|notice|statement|information))\b|\bprivacy (and|&) cookies? (policy|notice)|\bprivacy\b.{0,24}\b(policy|notice|statement|center|centre|hub|information)\b|\bpersonal (data|information) (policy|notice|protection)|datenschutz ?(erklarung|hinweise?|richtlinie|bestimmungen|information(en)?|grundsatze|policy|bestimmung)|politique (de |relative a la |sur la )?(confidentialite|protection des (donnees|renseignements)|vie privee|donnees)|charte (de )?(confidentialite|vie privee|(des )?donnees)|declaration de confidentialite|protection des donnees personnelles|politica (de|sobre) (privacidad|privacidade|proteccion de datos|protecao de dados|datos)|aviso de privacidad|aviso de privacidade|declaracion de privacidad|declaracao de privacidade|informativa (sulla |sul |per il |privacy|sulla protezione|ai sensi)|politica (sulla |della |di |per la )privacy|privacy ?(verklaring|beleid|statement|reglement)/;

/** A bare privacy word: suggestive in a title, not conclusive (news articles use it too). */
export const PRIVACY_WORD =
  /your (personal )?(data|information)|how we use|隐私|隱私|个人信息|プライバシー|개인정보|\bprivacy\b|datenschutz|confidentialite|vie privee|privacidad|privacidade|donnees personnelles|dati personali|datos personales|dados pessoais|persoonsgegevens|gegevensbescherming|protection des donnees|proteccion de datos|protecao de dados|\bgdpr\b|\brgpd\b|\bdsgvo\b/;

/** Cookie or tracker policies and data-processing agreements: privacy-adjacent documents. */
export const ADJACENT_TITLE =
  /\bcookies?\b|\btrackers?\b|\btraceurs\b|data processing (agreement|addendum|terms)|\bdpa\b|auftragsverarbeitung|sous traitance|accordo (sul|per il) trattamento|verwerkersovereenkomst|encargado del tratamiento/;

/** Titles or headings of other legal and ordinary documents that are not privacy policies. */
export const OTHER_LEGAL_TITLE =
  /terms (of|and) (service|use|sale)|terms ?(&|and) conditions|\bterms\b|conditions (of|generales)|\btos\b|user agreement|nutzungsbedingungen|\bagb\b|geschaftsbedingungen|impressum|imprint|legal notice|mentions legales|\bcgu\b|\bcgv\b|conditions d ?utilisation|terminos|condiciones|aviso legal|termini|condizioni|note legali|voorwaarden|gebruiksvoorwaarden|colofon|termos|condicoes|community (guidelines|standards|rules)|richtlinien|acceptable use|usage policy|use policy|copyright|dmca|accessibility|barrierefreiheit|brand (guidelines|assets)|developer (terms|policy|agreement)|api terms|guidelines|code of conduct|refund|shipping|returns/;

/** URL path words that name a privacy policy. */
export const POLICY_PATH =
  /privacy|privacidad|privacidade|datenschutz|dsgvo|confidentialite|vie privee|donnees personnelles|informativa|persoonsgegevens|privacybeleid|privacyverklaring|data policy|datapolicy|personal (data|information)|your data|how we use|\bgdpr\b|\brgpd\b|\bccpa\b|\bpp\b/;

export const OTHER_PATH =
  /\bterms\b|\btos\b|\bcgu\b|\bcgv\b|\bagb\b|impressum|imprint|mentions legales|aviso legal|condiciones|condizioni|voorwaarden|termos|guidelines|community|acceptable use|use policy|copyright|dmca|accessibility|\bnews\b|\bblog\b|\barticles?\b|\bstory\b|\d{4} \d{2} \d{2}/;

/**
 * Phrases that are frequent in privacy policies and rare elsewhere, with a weight each. Body text is
 * scored by their density per thousand words.
 */
export const BODY_TERMS: ReadonlyArray<readonly [RegExp, number]> = [
  // en
  [/\bpersonal (data|information)\b/g, 2],
  [/\b(we|may) (collect|process|use|share|disclose|retain|store)\b/g, 1.5],
  [/\binformation (we|that we) (collect|receive|obtain)\b/g, 2],
  [/\bthird part(y|ies)\b/g, 1],
  [/\bservice providers?\b/g, 0.7],
  [/\b(data )?controller\b/g, 1.5],
  [/\bretention|retain\b/g, 1],
  [/\bopt ?out\b/g, 1],
  [/\b(right|rights) to (access|rectif|erasure|delet|object|restrict|portab|correct|know|opt)/g, 2],
  [/\bdata (subject|protection|processing)\b/g, 1.5],
  [/\bprivacy (policy|notice|statement)\b/g, 1],
  [/\bcookies?\b/g, 0.5],
  [/\b(ip address|device identifiers?|browsing history|geolocation)\b/g, 1],
  [/\blegitimate interests?\b/g, 1.5],
  [/\bgdpr|ccpa|cpra|coppa\b/g, 1],
  [/\bchildren (under|younger)\b/g, 1],
  [/\byour (personal )?(data|information)\b/g, 1],
  [/\b(access|correct|delete|deletion of) your\b/g, 1],
  // de
  [/\bpersonenbezogene(n|r)? daten\b/g, 2],
  [/\bverantwortliche(r|n)?\b/g, 1.5],
  [/\b(wir )?(erheben|verarbeiten|speichern)\b/g, 1.2],
  [/\bdritte(n)?\b/g, 0.7],
  [/\brechtsgrundlage\b/g, 1.5],
  [/\b(auskunft|loschung|berichtigung|widerspruch)\b/g, 1.2],
  [/\bdatenschutz/g, 1],
  [/\bspeicherdauer|aufbewahr/g, 1],
  // fr
  [/\bdonnees (a caractere )?personnelles\b/g, 2],
  [/\bresponsable (du|de) traitement\b/g, 2],
  [/\b(nous )?(collectons|traitons|conservons|partageons)\b/g, 1.5],
  [/\btiers\b/g, 0.7],
  [/\bdroit (d acces|de rectification|a l effacement|d opposition|a la portabilite)/g, 2],
  [/\bbase legale|interet legitime\b/g, 1.5],
  [/\bduree de conservation\b/g, 1.5],
  [/\bvos donnees\b/g, 1],
  [/\btraitement (de |des |de vos )?donnees\b/g, 1.5],
  [/\b(finalites?|destinataires|sous traitants?|personnes concernees)\b/g, 1],
  [/\bcnil|rgpd\b/g, 1],
  [/\bconserv(ons|ees?|ation)\b/g, 0.7],
  [/\b(nous )?(recueillons|utilisons vos|communiquons)\b/g, 1],
  // es / pt
  [/\bdatos personales\b/g, 2],
  [/\bdados pessoais\b/g, 2],
  [/\bresponsable del tratamiento\b/g, 2],
  [/\b(recopilamos|tratamos|recogemos|compartimos|coletamos|tratamos|compartilhamos)\b/g, 1.5],
  [/\bterceros|terceiros\b/g, 0.7],
  [/\b(derecho|direito)s? (de|a) (acceso|acesso|rectificacion|supresion|oposicion|portabilidad|eliminacao|correcao)/g, 2],
  [/\binteres legitimo|interesse legitimo\b/g, 1.5],
  [/\bcontrolador\b/g, 1],
  [/\b(sus|tus|seus|teus) (datos|dados)\b/g, 1],
  [/\btratamiento de (sus |tus )?datos|tratamento de (seus )?dados\b/g, 1.5],
  [/\b(finalidad|finalidade|destinatarios|conservacion|conservacao|encarregado)\b/g, 0.8],
  // it
  [/\bdati personali\b/g, 2],
  [/\btitolare del trattamento\b/g, 2],
  [/\b(raccogliamo|trattiamo|conserviamo|condividiamo)\b/g, 1.5],
  [/\bterze parti|terzi\b/g, 0.7],
  [/\bdiritto (di accesso|di rettifica|alla cancellazione|di opposizione|alla portabilita)/g, 2],
  [/\binteresse legittimo\b/g, 1.5],
  [/\b(tuoi|suoi) dati\b/g, 1],
  [/\btrattamento (dei )?dati\b/g, 1.5],
  [/\b(finalita|destinatari|conservazione|garante)\b/g, 0.8],
  // nl
  [/\bpersoonsgegevens\b/g, 2],
  [/\bverwerkingsverantwoordelijke\b/g, 2],
  [/\b(wij|we) (verzamelen|verwerken|bewaren|delen)\b/g, 1.5],
  [/\bderde(n| partijen)\b/g, 0.7],
  [/\brecht op (inzage|rectificatie|verwijdering|bezwaar|overdraagbaarheid)/g, 2],
  [/\bgerechtvaardigd belang\b/g, 1.5],
  [/\b(uw|je|jouw) gegevens\b/g, 1],
  [/\b(verwerking|bewaartermijn|verwerkers?|doeleinden)\b/g, 0.8],
  // de extras
  [/\bihre daten\b/g, 1],
  [/\b(zweck|zwecke|empfanger|auftragsverarbeiter)\b/g, 0.8],
  // zh / ja / ko: no word boundaries, each hit counts once
  [/个人信息|個人情報|개인정보/g, 2],
  [/第三方|第三者|제3자/g, 1],
  [/收集|收集|수집/g, 1.5],
  [/隐私|プライバシー/g, 1],
];

/**
 * Section headings typical of privacy policies ("Information we collect", "Your rights"...). A page
 * with several of them is laid out like a policy, whatever its title.
 */
export const SECTION_HEADINGS =
  /(information|data) (we|that we) (collect|process|receive)|what (personal )?(information|data)|how (we|do we) (use|share|collect|protect|store)|sharing|disclos|your (rights|choices|privacy rights)|retention|retain|how long|security|children|cookies|international (data )?transfer|contact (us|information)|(information|data) (sharing|collection)|what we collect|donnees que nous|partage|transferts?|combien de temps|conserv|qui sommes nous|changes to (this|our)|legal bas[ei]s|data controller|who (we are|is responsible)|welche daten|zweck|rechtsgrundlage|ihre rechte|speicherdauer|empfanger|weitergabe|verantwortliche|donnees (que nous )?collectees|finalites|vos droits|destinataires|duree de conservation|base legale|responsable du traitement|datos que (recopilamos|recogemos|tratamos)|finalidad|sus derechos|tus derechos|destinatarios|conservacion|legitimacion|dati (che )?raccolti|finalita|diritti|destinatari|conservazione|base giuridica|titolare|welke gegevens|doeleinden|uw rechten|bewaartermijn|ontvangers|dados (que )?coletados|finalidades|seus direitos|compartilhamento|retencao|base legal|encarregado|dpo/;
