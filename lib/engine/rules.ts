/**
 * The classifier's rules: readable regular expressions over a lower-cased, normalised sentence, each with
 * sentences it must and must not match (checked by a test), so every verdict can be explained by the
 * words that fired it. English first; a rule carries its language so other languages can be added beside.
 *
 * Vocabulary is kept in named pieces (actions, recipients, AI objects) because the same pieces also tell
 * the explanation which recipients or data a sentence names.
 */
import type { Category } from '../schema';

export interface Rule {
  id: string;
  category: Category;
  lang: string;
  /** Cheap tests first (all must pass); most sentences stop here. */
  gate?: RegExp | RegExp[];
  /** Every pattern must match; the matched text of each is reported as a trigger. */
  all: RegExp[];
  /** Any of these vetoes the rule (e.g. the user, not the service, is the one sharing). */
  none?: RegExp[];
  examples: { positive: string[]; negative: string[] };
}

// One word. Hyphens and apostrophes only between letters, so a run of dashes or quotes can only be read as
// punctuation: with a looser class, "word ------" splits many ways and a nested gap backtracks exponentially.
const W = "\\w+(?:[-'’]\\w+)*";
const gap = (n: number) => `(?:\\W+${W}){0,${n}}?\\W+`;
// Services or products provided to partners are not data handed to them ("provides search services to partners").
const NOT_A_SERVICE = '(?! (?:[\\w-]+ ){0,2}?(?:services?|products?|solutions|support|tools|features|functionality) (?:and [\\w-]+ )?to\\b)';
// A gap that does not run through "to you", "with us" or "we": the object of "provide ... to" ends where a
// person is named or a new clause starts ("providing the services to you ..., we provide your data to vendors").
const gapNotPerson = (n: number) => `(?:\\W+(?!(?:to|with) (?:you|us)\\b|we\\b)${W}){0,${n}}?\\W+`;

// ---- vocabulary (English) ----
export const RECIPIENT_EN =
  "(?:third[- ]?part(?:y|ies)(?: (?:companies|partners|providers|services|vendors|websites|sites|apps|advertisers|platforms))?|(?:advertising|marketing|business|trusted|strategic|research|commercial|selected|select|sponsorship|integration|technology|measurement|analytics|data|media|social media|channel|distribution|joint marketing|co-branding|ad(?:vertising)? tech(?:nology)?|ai|affiliate|retail|content|publishing|payment|financial|carefully selected) partners?|partners?|affiliat(?:es?|ed (?:companies|entities|businesses|organi[sz]ations|brands|sites))|subsidiar(?:y|ies)|parent (?:company|companies|entity)|group (?:companies|entities|members)|(?:companies|entities|members) (?:with)?in (?:our|the) (?:\\w+(?:[-'’]\\w+)* )?group|family of (?:companies|brands)|corporate family|sister (?:companies|brands)|advertisers?|(?:advertising|ad|ad tech|adtech|marketing|analytics|measurement) (?:networks?|companies|technology companies|platforms?|providers?|services|exchanges|agencies|vendors)|data (?:brokers?|aggregators|resellers|partners)|(?:service|technology|payment|analytics|cloud|hosting|marketing|platform|ai|model|llm|third[- ]party|communications?|infrastructure|identity|verification|security|fraud prevention|customer support|professional|shipping|delivery|logistics) (?:service )?providers?|vendors?|(?:sub-?)?processors?|contractors?|suppliers?|(?:law enforcement|government(?:al)?|public|regulatory|tax|judicial|competent|supervisory) (?:agencies|authorities|bodies|officials|entities)|law enforcement|authorities|regulators?|courts?|(?:prospective |potential )?(?:buyers?|purchasers?|acquir(?:er|ing (?:company|entity))s?|successors?|investors?)|other (?:companies|businesses|organi[sz]ations|users|members|services|people|entities|parties)|publishers?|app developers|developers|merchants?|sellers?|(?:re)?sellers?|retailers?|dealers?|distributors?|sponsors?|(?:social media|social network(?:ing)?) (?:platforms?|sites?|networks?|providers?|services|companies)|credit (?:reference |reporting )?(?:agencies|bureaus)|(?:fraud prevention|debt collection|collection) agencies|insurers?|insurance companies|(?:credit card|card|payment(?: processing)?|shipping|delivery) compan(?:y|ies)|licensors?|licensees?|researchers?|(?:external|outside|unaffiliated) (?:parties|organi[sz]ations|entit(?:y|ies)|advisers|advisors)|another (?:party|company|entity|organi[sz]ation)|(?:a |the |that |any )?social networks?|auditors?|(?:professional )?(?:advisers|advisors)|lawyers|apps and integrations|integrations|openai|anthropic|(?:ai|llm|model) (?:providers?|vendors?|companies|developers)|recipients|(?:your |their )?employers?|(?:your )?(?:family members|family and friends|friends and family|relatives|caregivers)|(?:federal|state|government|authori[sz]ed|public) officials|outside parties|other parties|(?:[\\w-]+ )?providers|others)";
const SHARE_STRONG_EN =
  '(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing|ures?)|sell(?:s|ing)?|sold|sale|rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)|trad(?:e|es|ed|ing)|transfer(?:s|red|ring)?|make (?:it |them |this |such |your |personal |certain )*(?:\\w+ )?(?:available|accessible)|made (?:available|accessible)|pass(?:es|ed)? (?:it |them |this )?(?:on|along)|syndicat(?:e|es|ed|ing)|transmit(?:s|ted|ting)?|transmission of (?:\\w+ ){0,3}?(?:information|data)|releas(?:e|es|ed|ing)|(?<!\\b(?:data|ad|advertising) )exchang(?:e|es|ed|ing)|grant(?:s|ed)? access|allow (?!us\\b)(?:\\w+ ){0,3}access)';
const SHARE_WEAK_EN = '(?:provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|send(?:s|ing)?|sent|forward(?:s|ed|ing)?|supply|supplied|report(?:s|ed)?|communicat(?:e|es|ed))';
const COLLECT_BY_OTHERS_EN =
  '(?:collect(?:s|ed)?|gather(?:s|ed)?|receiv(?:e|es|ed)|obtain(?:s|ed)?|access(?:es|ed)?|(?:use|using) (?:their own|(?:these|such|similar|the same) (?:tracking )?technologies|(?:[\\w-]+ ){0,2}?(?:cookies|pixels|tags|sdks|tracking|(?:web )?beacons))|place (?:cookies|their own)|set (?:cookies|their own)|track(?:s|ed)?)';

// Sentences about the user sharing with friends, or a "share" button, are not the service disclosing data.
// Also children disclosing about themselves, and advice to the user ("Do not share your password with others").
// The user's own device sharing a cookie with the site that set it, and features that let the user share, too.
// ...unless the service itself shares in the same sentence ("when you post, we share it with partners"), or
// what the user posts "may be shared" by the service.
const WE_ALSO_SHARE = String.raw`[^.]*\bwe\b[^.]*\b(?:share|disclose|sell|provide)\b`;
const MAY_BE_SHARED = String.raw`[^.]*\b(?:can|may|will|might|could) (?:also )?be (?:shared|disclosed|syndicated|made available|sold|transferred|provided)\b`;
const USER_SHARES_EN = new RegExp(
  [
    // "you can share", "your children disclose", "your browser will only share"
    String.raw`\b(?:you|users?|members?|visitors?|customers?|(?:your )?(?:children|child|kids|minors|computer|browser|device)) (?:can |may |might |have |had |choose to |decide to |(?:will )?be able to |are able to )?(?:(?:will )?only )?(?:share|post|send|publish|disclose)s?\b(?!${WE_ALSO_SHARE}|${MAY_BE_SHARED})`,
    String.raw`\b(?:you|users?|members?) (?:have|had) (?:already )?shared\b`,
    // features that let the user share
    String.raw`\b(?:(?:allow|allows|allowing|enable|enables|enabling|let|lets|permit|permits|option|ability|opportunity) (?:you|users|members|visitors)(?: of (?:our|the|this) [\w-]+)?|(?:give|gives|offer|offers) (?:you|users|members) the (?:option|ability|opportunity|choice)) to (?:\w+,? ){0,3}?(?:share|post|send|publish)\b(?!${WE_ALSO_SHARE})`,
    // advice to the user
    String.raw`^(?:please )?(?:do not|don't|never) (?:share|disclose|give out|reveal|post)\b`,
  ].join('|'),
);

// A cookie "transferred to your computer" goes to the user's own device, not to a recipient.
const TO_YOUR_DEVICE_EN = /\b(?:transfer|send|sent|transmit|plac|stor)\w* (?:\w+ ){0,3}?(?:to|on) your (?:computer|device|browser|hard drive|mobile device|phone)/;

// "Transfer ... to the U.S. or any other country in which our service providers have facilities": the data goes to
// a country (international transfer, its own category), not to the providers named after it. Not when the
// sentence also makes data available or shares it.
const TO_A_COUNTRY_EN =
  /^(?!.*\b(?:accessible|available|shar\w*|disclos\w*)\b).*\btransfer\w*(?: of)? (?:[\w-]+ ){0,4}?to (?:the )?(?:u\.s\.?|us\b|united states|(?:any )?other countr(?:y|ies)|countries|another country|other jurisdictions|jurisdictions|locations|servers|data cent(?:er|re)s)/;

export const AI_OBJECT_EN =
  "(?:ai (?:systems|models?|features|technolog(?:y|ies)|tools|products|services|assistants?)|artificial intelligence(?: models?| systems)?|a\\.i\\.|ai|machine[- ]learning|ml|deep learning|(?:large )?language models?|llms?|(?:ai |ml |machine learning |foundation |generative |language |predictive |statistical |our |the |these |such |their |its )?models?|generative ai|gen ?ai|genai|foundation models?|neural (?:networks?|nets?)|algorithms?|classifiers?|speech recognition|computer vision|natural language processing|chatbots?|grok|ai (?:systems|features|technolog(?:y|ies)|tools|products|services|assistants?))";
const TRAIN_EN = '(?:train(?:s|ed|ing)?|re-?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing)|pre-?train(?:s|ed|ing)?)';
const DEVELOP_EN = '(?:develop(?:s|ed|ing|ment)?|improv(?:e|es|ed|ing|ement)|build(?:s|ing)?|creat(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|refin(?:e|es|ed|ing)|evaluat(?:e|es|ed|ing|ion)|teach(?:es|ing)?|advanc(?:e|es|ed|ing))';
// What an AI "thing" is when it is being built, not merely used ("improve our AI technologies", not "uses AI").
const AI_THING_EN = `(?:${'(?:artificial intelligence|\\bai\\b|machine[- ]learning|\\bml\\b|generative ai)'}\\W+(?:\\w+(?:[-'’]\\w+)*\\W+){0,1}?(?:models?|systems?|technolog(?:y|ies)|features?|products?|tools|research|capabilit(?:y|ies)|services|algorithms?|assistants?)|machine[- ]learning|deep learning|language models?|\\bllms?\\b|foundation models?|neural networks?)`;

// ---- vocabulary (French, a first cut so the structure serves other languages) ----
const RECIPIENT_FR =
  '(?:tiers|partenaires?(?: commerciaux| publicitaires)?|soci[eé]t[eé]s? (?:du|de notre) groupe|filiales?|annonceurs?|prestataires?|sous-traitants?|fournisseurs?|autorit[eé]s?)';
const SHARE_FR = '(?:partag(?:e|er|eons|é|és|ée|ées|eront)|communiqu(?:e|er|ons|ées?|és)|transmett(?:re|ons)|transmis(?:es)?|vend(?:re|ons|ues?)|c[eè]d(?:er|ons)|mett(?:re|ons) à disposition|divulgu(?:er|ons))';

/** A cheap test that a clause names some recipient at all, before the costly windowed patterns run. */
const RECIPIENT_GATE =
  /\b(?:third|partner|affiliat|subsidiar|group|famil|corporate|sister|advertis|ad |ad-|adtech|data (?:broker|aggregator|reseller|partner)|provider|vendor|processor|sub-?processor|contractor|supplier|law enforcement|authorit|government|regulat|court|buyer|purchaser|acquir|successor|investor|other|publisher|developer|merchant|seller|sponsor|social|credit|agenc|insur|research|external|outside|auditor|advis|lawyer|integration|openai|anthropic|recipient|parent|compan|entit|organi|business|brand|licens|retailer|dealer|distributor|relative|caregiver|employer|network|another part)/;

export const RULES: Rule[] = [
  // ---------------- third-party sharing ----------------
  {
    id: 'share-with-recipient',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:shar|disclos|sell|sold|sale|rent|leas|trad|transfer|availab|accessib|pass|transmi|syndicat|releas|exchang|grant|allow)/, RECIPIENT_GATE],
    all: [new RegExp(`\\b${SHARE_STRONG_EN}\\b(?:${gap(14)}|\\W+)(?:with|to|among|between|by|within|for)?\\W*(?:${W}\\W+){0,6}?${RECIPIENT_EN}\\b`)],
    none: [USER_SHARES_EN, TO_YOUR_DEVICE_EN, TO_A_COUNTRY_EN],
    examples: {
      positive: [
        'We may share your personal information with our advertising partners.',
        'We disclose information to law enforcement when required by law.',
        'Your data may be transferred to our affiliates and subsidiaries.',
        'We make certain data available to third-party service providers.',
      ],
      negative: [
        'You can share your playlists with friends.',
        'We share our commitment to privacy.',
        'We transfer data to servers in Ireland.',
      ],
    },
  },
  {
    id: 'recipient-receives',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:collect|gather|receiv|obtain|access|us(?:e|ing) |place|set|track)/, RECIPIENT_GATE],
    all: [
      new RegExp(
        `\\b(?:third[- ]?part(?:y|ies)|(?:our |these |such |certain |trusted )?(?:advertising |marketing |business |analytics |measurement )?partners|advertisers|ad networks|(?:advertising|analytics|measurement) (?:companies|providers|services)|social (?:media|network(?:ing)?) (?:platforms|sites|companies|providers)|service providers|vendors|affiliates|data brokers|other companies)\\b(?:${gap(10)}|\\W+|(?: (?:that|who|which) [^.;]{0,200}?, ))(?:(?:may|can|might|will|also|to) )*(?<!\\b(?:(?:we|i|you|us)(?: (?:have|has|had|may|will|can|also|already|then|permission to|to))*|provides?|providing|provided|gives?|giving|grants?|granting) )${COLLECT_BY_OTHERS_EN}\\b`,
      ),
    ],
    examples: {
      positive: [
        'Third parties may collect data about what you do online across many sites.',
        'Vendors that run our ads may also use these technologies.',
        'Our advertising partners use cookies to show you relevant ads.',
        'We allow analytics providers to collect data from your device.',
      ],
      negative: ['We collect information you give us.', 'Third parties are not responsible for our practices.'],
    },
  },
  {
    id: 'provide-to-recipient',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:provid|giv|send|sent|forward|suppl|report|communicat)/, RECIPIENT_GATE],
    all: [
      new RegExp(
        `\\b${SHARE_WEAK_EN}\\b(?! you\\b)${NOT_A_SERVICE}(?:${gapNotPerson(14)})(?:to|with)\\W+(?!you\\b)(?:(?!(?:via|through|from|by)\\b)${W}\\W+){0,4}?${RECIPIENT_EN}\\b(?![- ](?:accounts?|log-?ins?|credentials)\\b)|\\b(?:provid(?:e|es|ed|ing)|giv(?:e|es|ing)|sell(?:s|ing)?|rent(?:s|ing)?)\\W+(?:our |other |certain |select(?:ed)? |any |that |these |such |the )?(?:${W} ){0,2}?${RECIPIENT_EN}(?:,? (?:and |or )?(?:${W} ){0,2}?${RECIPIENT_EN})* (?:with )?(?:your|personal|customer|user|contact|their|the (?:${W} ){0,2}?(?:information|data|details|records))\\b|\\b(?:giv(?:e|es|ing)|sell(?:s|ing)?|rent(?:s|ing)?|send(?:s|ing)?) (?:that|this|the|these|those|such|any) (?:${W} ){0,2}?(?:your|their) (?:names?|e-?mail|(?:e-?mail |postal |mailing )?address(?:es)?|phone|telephone|personal|contact|information|data|details)\\b`,
      ),
    ],
    none: [
      USER_SHARES_EN,
      /\bprovid(?:e|es|ed|ing) (?:to )?(?:you|users)\b(?! with)/,
      TO_YOUR_DEVICE_EN,
      /\bcommunicat(?:e|es|ed|ing) with\b/,
    ],
    examples: {
      positive: [
        'We provide your email address to our marketing partners.',
        'Usage data is sent to analytics providers.',
        'We may provide advertisers with your postcode and age range.',
        'We will provide your details to the vendors so that they can send you your order.',
        'When we run a promotion for a sponsor, we never give that sponsor your email address.',
        'We do not provide ad networks or analytics companies with your name.',
      ],
      negative: ['We provide our services to you.', 'Send your request to our support team.', 'Account holders can communicate with other users.', 'We send you newsletters about offers from us and our business partners.'],
    },
  },
  {
    id: 'sale-of-data',
    category: 'third-party-sharing',
    lang: 'en',
    gate: /\b(?:sell|sold|sale)|"(?:sale|sell)/,
    all: [
      /\b(?:sell(?:s|ing)?|sold|sale)\b(?:\W+\w+(?:[-'’]\w+)*){0,8}?\W+(?:personal|your|data|information|consumer|customer|user)\b|\b(?:personal|your|data|information)\b(?:\W+\w+(?:[-'’]\w+)*){0,6}?\W+(?:sold|sell|sale)\b|"(?:sale|sell|selling|sold)"/,
    ],
    none: [/\bsale of (?:goods|products|tickets|items)\b/, /\b(?:sell|sale)(?:s|ing)? (?:of )?(?:our |your )?(?:products|goods|services|items|tickets)\b/],
    examples: {
      positive: ['We may sell your personal information.', 'This may be considered a "sale" under California law.', 'Personal data is sold to data partners.'],
      negative: ['Sellers list items for sale.', 'We sell subscriptions to our services.'],
    },
  },
  {
    id: 'share-for-advertising',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\bshar|"shar/, /advertising|"shar/],
    all: [/\bshar(?:e|es|ed|ing)\b(?:\W+\w+(?:[-'’]\w+)*){0,14}?\W+(?:cross[- ]context behaviou?ral|targeted|interest[- ]based|personali[sz]ed) advertising\b|"shar(?:e|ed|ing)"/],
    none: [USER_SHARES_EN],
    examples: {
      positive: ['We share personal information for cross-context behavioral advertising.', 'This may be considered "sharing" under the CPRA.'],
      negative: ['We show targeted advertising based on your activity.'],
    },
  },
  {
    id: 'legal-or-business-transfer',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:disclos|shar|transfer|provid|releas)/, /\b(?:law|legal|regulat|court|subpoena|warrant|request|required|compelled|good[- ]faith|merger|acquisition|bankruptcy|reorgani|divestiture|sale of)/],
    all: [
      new RegExp(
        `\\b(?:disclos(?:e|es|ed|ing|ure)|shar(?:e|es|ed|ing)|transfer(?:s|red|ring)?|provid(?:e|es|ed|ing)(?= (?:\\w+ ){0,3}?(?:information|data|records|details|it|them|such)\\b)|releas(?:e|es|ed|ing))\\b(?:${gap(20)})(?:(?:required|compelled|obligated|requested) (?:\\w+ ){0,4}(?:by law|by a court|legally|by (?:a |any )?(?:governmental|government|public|law enforcement))|legally (?:required|obligated|compelled)|(?:to )?(?:comply|conform) (?:with|to) (?:\\w+ ){0,3}(?:law|legal|regulation|court|subpoena|applicable)|(?:to )?satisfy (?:\\w+ ){0,3}(?:laws?|legal|regulations?|court|subpoena)|in response to (?:\\w+ ){0,3}(?:subpoena|court order|legal process|lawful request|requests? from|claims)|subpoenas?|warrants?|court orders?|legal process|good[- ]faith belief|(?:merger|acquisition|bankruptcy|reorgani[sz]ation|divestiture|sale of (?:all|some|part|substantially)))\\b`,
      ),
    ],
    examples: {
      positive: [
        'We may disclose your information if required by law or in response to a subpoena.',
        'Your data may be transferred in connection with a merger or acquisition.',
      ],
      negative: ['We comply with the law.', 'We collect data to comply with legal obligations.'],
    },
  },
  {
    id: 'share-with-named-group',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:shar|disclos|exchang|sell|sold|rent|trad|transfer|available)/, /\b(?:companies|entities|organi|businesses|brands|offices|divisions|units)/],
    all: [/\b(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|exchang(?:e|es|ed|ing)|sell(?:s|ing)?|sold|rent(?:s|ed|ing)?|trad(?:e|es|ed|ing)|transfer(?:s|red|ring)?|(?:make|makes|made) (?:\w+ ){0,4}?available)\b(?:\W+\w+(?:[-'’]\w+)*){0,10}?\W+(?:with|to|within) (?:the |our |other |its |their )?(?:\w+(?:[-'’]\w+)*\.? ){0,2}?(?:companies|entities|organi[sz]ations|businesses|brands|offices|divisions|business units)\b/],
    none: [USER_SHARES_EN],
    examples: {
      positive: ['We share information with Acme companies to support innovation.', 'Data may be disclosed to other organisations.', 'We may transfer your details to other Acme Co. offices for administration.'],
      negative: ['Companies share a common goal.'],
    },
  },
  {
    id: 'business-transfer',
    category: 'third-party-sharing',
    lang: 'en',
    gate: /\b(?:merg|acquisition|acquired|bankruptcy|reorgani|divestiture|change (?:in|of) control|business transfer|sale of|assets|business units?|divisions|transferred (?:along )?with)/,
    all: [
      /\b(?:merger|acquisition|acquired by|bankruptcy|reorgani[sz]ation|divestiture|change (?:in|of) control|business transfers?|sale of (?:all|some|substantially|part|assets|our (?:company|business)|the company)|(?:buy|sell|sells|sold) (?:or (?:buy|sell) )?(?:\w+ ){0,3}assets|(?:buy|sell)(?: or (?:buy|sell))? (?:\w+ ){0,3}?(?:business units?|businesses|divisions|subsidiaries)|(?:substantially all|all or (?:part|a portion|substantially all)) of (?:\w+ ){0,2}assets|transferred (?:along )?with (?:the rest of )?(?:the |our |that |its )?(?:\w+ ){0,3}?(?:business(?: units?)?|company|assets)|(?:sold|merged)(?:,? (?:or |and )?(?:otherwise )?(?:merged|transferred|acquired|sold))+)\b/,
      /\b(?:information|data|assets|records)\b/,
    ],
    examples: {
      positive: [
        'If we sell or buy business units, customer data is generally transferred along with the rest of the business.',
        'The company may be sold along with its assets, and our customer records with it.',
        'If we sell business assets, account records may be transferred with them.', 'The company may be sold, merged or otherwise transferred, and user records with it.', 'In the event of a merger or acquisition, user information may be transferred to the acquiring company.', 'Customer data is one of the assets transferred in a sale of all or part of our business.'],
      negative: ['We announced the acquisition of a new office building.', 'We collect information when you buy products.'],
    },
  },
  {
    id: 'third-party-tracking',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:cookie|web beacon|pixel|tracking|sdk|serve|tag)/, RECIPIENT_GATE],
    all: [
      /\b(?:third[- ]part(?:y|ies)|advertis(?:ers|ing (?:companies|networks|partners))|ad (?:networks|servers|companies)|analytics (?:companies|providers|partners)|these companies|other companies|social (?:media|network(?:ing)?) (?:platforms|sites|companies))\b(?:\W+\w+(?:[-'’]\w+)*){0,12}?\W+(?:cookies|web beacons|pixel tags|pixels|tracking technolog(?:y|ies)|sdks?|(?:serve|deliver) (?:ads|advertisements))\b/,
    ],
    examples: {
      positive: ['Third-party advertising companies may use cookies to collect information about your visits.', 'These companies may place web beacons on our pages.'],
      negative: ['We use cookies to remember your preferences.'],
    },
  },
  {
    id: 'agents-on-our-behalf',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:on our behalf|to perform|to provide|to help|to assist|to process|to host|to send)/, RECIPIENT_GATE],
    all: [
      /\b(?:employ|hire|engage|use|utili[sz]e|work with|contract with|retain|rely on)\b(?:\W+\w+(?:[-'’]\w+)*){0,4}?\W+(?:other companies|third[- ]part(?:y|ies)|companies|service providers|vendors|contractors|agents|processors)\b(?:\W+\w+(?:[-'’]\w+)*){0,12}?\W+(?:on our behalf|to (?:perform|provide|help|assist|process|host|send))\b/,
    ],
    examples: {
      positive: ['We employ other companies to perform functions on our behalf.', 'We work with service providers to host our website and send emails.'],
      negative: ['We use your information to provide our services.'],
    },
  },
  {
    id: 'share-data',
    category: 'third-party-sharing',
    lang: 'en',
    // "We may share personal information about you ...", "we use or disclose your health information": in a
    // policy, the service handing over data at all is a disclosure to someone else, named or not.
    gate: [/\b(?:shar|disclos|sell|sold|rent|trad|exchang|releas|provided to)/, /\b(?:information|data|pii|details|address|lists?|records|identifiers|it|them|disclosures?)\b/],
    all: [
      new RegExp(
        `^(?:\\W*(?:[a-z]|[ivx]+|\\d+)[.)]\\s+)?(?:to )?(?:(?:use|collect|store|process)(?:,? (?:and|or) |, ))?(?:shar(?:e|ing)|disclos(?:e|ing)|sell(?:ing)?|rent(?:ing)?) (?:your|personal|such|this|that|the|any|customer|user|member) (?:${W} ){0,3}?(?:information|data|details|pii)\\b(?! with (?:your )?(?:friends|family|contacts)\\b)|\\b(?:we|i|our (?:company|site|sites|service|services)|[a-z&.]+ (?:inc|llc|ltd)\\.?|(?:also|may|might|will|can|could|who|never|does)(?: also)?)\\W+(?:${W}\\W+){0,3}?(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|sell(?:s|ing)?|rent(?:s|ing)?|trad(?:e|es|ing)|exchang(?:e|es|ing)|releas(?:e|es|ing))\\b(?:\\W+(?:${W}\\W+){0,5}?)(?:information|data|pii|details|addresses|mailing lists?|customer lists?|records|identifiers)\\b|\\b(?:information|data|pii|details|addresses|records|content)\\b(?:\\W+${W}){0,8}?\\W+(?:may|might|will|can|could|is|are|was|were)(?: also)?(?: be)? (?:shared|disclosed|sold|rented|traded|exchanged|released|made available|provided(?= to (?!(?:you|us)\\b)))\\b(?! (?:to|with) (?:you|us)\\b)|\\b(?:may|might|will|can|could)(?: also)? be (?:shared|disclosed|sold)(?:\\W*$|:)|\\b(?:believe|determine|consider|deem)s? (?:that )?(?:such|the|this|that|a) disclosures? (?:is |are |to be |would be )?(?:reasonably )?(?:necessary|appropriate|required|warranted)\\b|\\b(?:we|i)\\W+(?:${W}\\W+){0,3}?(?:shar(?:e|es|ed)|disclos(?:e|es|ed)|sell|sold|rent|trade|releas(?:e|es|ed)) (?:it|them)\\b(?! (?:to|with) (?:you|us)\\b)`,
      ),
    ],
    none: [USER_SHARES_EN, /\b(?:share|shares|shared|disclose|discloses|provide|provides) (?:\w+ ){0,6}with us\b/, /\bwhen you (?:\w+ ){0,3}?(?:share|disclose|provide|post|send|submit|publish)\b/, /\bwithout (?:\w+ )?(?:disclos|shar)/],
    examples: {
      positive: [
        'We may share personal information about you for the reasons listed at sign-up.',
        'The clinic may disclose your medical records when a life is at risk.',
        'We also share information about our readers in aggregate form.',
        'In that case, account details may be disclosed to the buyer.',
        'Use and share your information with the clubs you follow.',
        'The shop never sells customer data.',
      ],
      negative: ['When you share information with us, we can improve our services.', 'You can share photos from your library.', 'Information you provide is disclosed to you in your account page.'],
    },
  },
  {
    id: 'made-public',
    category: 'third-party-sharing',
    lang: 'en',
    // Posts and profiles readable by anyone: the audience is the recipient.
    gate: [/\b(?:public|publish|anyone|others|other (?:users|people|members|visitors)|third parties)/, /\b(?:post|posts|posted|posting|profiles?|comments?|reviews?|forums?|boards?|chat|content|submit|upload|activities|areas|publish|display|show)/],
    all: [
      // The service publishing the user's name or words ("we may publish your name and city with your review").
      /\b(?:we|i|may|might|will|can|could)(?: also)? publish (?:your|the user's|users'|their|his or her) (?:\w+ ){0,2}?(?:names?|user ?names?|screen names?|photos?|pictures?|likeness|image|comments?|reviews?|posts?|submissions?|entries|content|city|town)\b|\b(?:becomes?|is|are|be|been|made|make|makes) (?:publicly available|public(?: information)?)\b|\bmade available (?:publicly|to the (?:general )?public)\b|\b(?:display|show|post|publish)(?:s|es|ed|ing)? (?:\w+ ){0,2}?publicly\b|\bpublicly (?:available|visible|posted|displayed|accessible|viewable)\b|\b(?:seen|read|viewed|collected|used|accessed|searchable|available|visible|display|displays|displayed|show|shows|shown|disclosed) (?:\w+ ){0,4}?(?:by|to) (?:anyone|others|other (?:users|people|members|visitors|posters|community members)|the (?:general )?public|(?:any )?third parties|everyone|all (?:other )?users)\b/,
    ],
    none: [/\bpublicly available (?:sources|information (?:about|from)|records)\b/, /\bfrom (?:\w+ ){0,3}public(?:ly available)? sources\b/, /\b(?:secure|search for|searchable)\b/],
    examples: {
      positive: [
        'Anything you write in a public forum becomes public.',
        'Comments you post can be read and copied by other users of the forum.',
        'Your profile may be visible to other members.',
        'If you win, we may publish your name and home town.',
      ],
      negative: ['We may collect information from publicly available sources.', 'Our public library is open to everyone.', 'We publish our annual report online.'],
    },
  },
  {
    id: 'others-collect',
    category: 'third-party-sharing',
    lang: 'en',
    // Third parties collecting on the service: ad networks, social plugins, embedded content, analytics.
    gate: /\b(?:collect|gather|record|receiv|recogni|cookie|beacon|access|track)/,
    all: [
      new RegExp(
        `\\b(?:they|these (?:[\\w-]+ )?(?:third[- ]part(?:y|ies)|companies|parties|providers|vendors|partners|advertisers|networks|features|plug-?ins|widgets|services|tools|sites)|such (?:third[- ]part(?:y|ies)|companies|parties|providers|vendors|partners|advertisers|networks)|(?:the |that |a |any )?social (?:network|media|networking)(?: (?:site|service|platform|provider|features?|plug-?ins?|widgets?|buttons?))?s?|(?:other )?content providers?|ad (?:servers|networks?)|(?:network|third[- ]party) advertisers?|(?:our |web |online )?(?:advertising|analytics|marketing) (?:partners?|providers?|companies|networks?|services?)|(?:the )?(?:issuer|operator|sponsor)s?|(?:third[- ]part(?:y|ies)|partners?|vendors?|service providers?|advertisers?)(?: ${W}){0,2})\\b(?:\\W+${W}){0,6}?\\W+(?:may |might |can |could |will |also |automatically |independently |be able to )*(?:collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|record(?:ed)?|receive(?:s|d)?|recogni[sz]e(?:s|d)?|(?:place|set|use|read|access|serve|drop)(?:s)? (?:or (?:recogni[sz]e|read|access) )?(?:a |an |their own |unique |persistent |"|(?:flash )?(?:cookies|web beacons|pixels|pixel tags|tracking technologies))+|track(?:s|ed)?)\\b`,
      ),
    ],
    none: [
      /\b(?:we|i) (?:\w+ ){0,3}(?:collect(?:s|ed)?|gather(?:s|ed)?|record(?:s|ed)?|receive[sd]?)\b(?! (?:\w+ ){0,6}(?:from|through|via) (?:third|partner|social))/,
      // Receiving mail, messages or money is not collecting data ("they may receive occasional e-mails").
      /\breceiv(?:e|es|ed|ing) (?:\w+ ){0,3}?(?:e-?mails?|e-?mail messages|messages|newsletters?|acknowledge?ments?|notifications?|notices|offers|communications|promotions|funds|revenue|payments?|compensation)\b/,
      // A definition of cookies (small files a provider can later recognise your browser by) describes how
      // cookies work, not what this service does.
      /\bcookies?["”]? (?:are|is) (?:a |an )?(?:small|tiny|little|simple)? ?(?:text |data )?(?:files?|pieces?|bits?)\b/,
    ],
    examples: {
      positive: [
        'The social network behind the like button may collect data about your visit.',
        'They may separately record which browser you use.',
        'Advertising partners may set their own cookie in your browser.',
        'These features may collect your IP address and set a cookie.',
      ],
      negative: ['We collect the information you give us.', 'They may contact us at any time.', 'Cookies are small files that a website or its provider stores on your computer so that the provider can recognise your browser later.'],
    },
  },
  {
    id: 'information-collected-by-others',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:collected|gathered|received|processed|accessed|used) by\b/, RECIPIENT_GATE],
    all: [new RegExp(`\\b(?:collected|gathered|received|processed|accessed|used) (?:\\w+ ){0,3}?by (?:a |an |the |these |our |any |such |that )?(?:${W} ){0,2}?${RECIPIENT_EN}\\b`)],
    examples: {
      positive: ['If this data is being collected by a third party, the form tells you.', 'Card numbers are received by a third-party payment vendor.'],
      negative: ['Information collected by us is stored securely.'],
    },
  },
  {
    id: 'allow-others',
    category: 'third-party-sharing',
    lang: 'en',
    gate: [/\b(?:allow|permit|authori|enabl|let)/, RECIPIENT_GATE],
    all: [
      new RegExp(
        `\\b(?:allow|permit|authori[sz]e|enable|let)s?\\W+(?:${W}\\W+){0,2}?${RECIPIENT_EN}\\b(?:\\W+${W}){0,26}?\\W+to (?:\\w+ )?(?:access|collect|use|set|place|serve|do so|track|recogni[sz]e|view|see|gather|obtain|receive|read)\\b`,
      ),
    ],
    examples: {
      positive: ['We may allow third parties to place cookies on our pages.', 'We may allow certain third parties, such as our analytics vendor, to use these tracking tools.'],
      negative: ['We allow you to access your data.', 'Our partners allow users to log in.'],
    },
  },
  {
    id: 'recipient-list-item',
    category: 'third-party-sharing',
    lang: 'en',
    // An item of a "we share information with:" list, read alone (the engine also reads it with its lead-in).
    // Also an item that is only recipients, then a condition or purpose ("Law enforcement authorities,
    // courts or other entities, when:", "Another entity, in the course of a merger").
    gate: [/^\W*(?:(?:[a-z]|[ivx]+|\d+)[.)]\s+)?(?:with|to |our |other |another |certain |select|trusted |third|law |service |advertis|affiliat|subsidiar|government|court|vendor|partner)/, RECIPIENT_GATE],
    all: [
      new RegExp(
        `^(?:\\W*(?:[a-z]|[ivx]+|\\d+)[.)]\\s+)?(?:with|to) (?:our |other |certain |select(?:ed)? |trusted |carefully selected |any |the |a |an )*(?:${W} ){0,2}?${RECIPIENT_EN}\\b|^(?:\\W*(?:[a-z]|[ivx]+|\\d+)[.)]\\s+)?(?:our |other |certain |select(?:ed)? |trusted |any |the |an? )*(?:${W} ){0,2}?${RECIPIENT_EN}(?:,? (?:and |or )?(?:${W} ){0,2}?${RECIPIENT_EN})*(?:,? (?:when|if|where|in (?:the course of|connection with)|for the purpose|that (?:provide|perform|help|assist|work))\\b)`,
      ),
    ],
    examples: {
      positive: [
        'With hosting providers, chosen advertisers and other companies.',
        'To our parent company and its subsidiaries.',
        'Courts, regulators or law enforcement agencies, when the law requires it.',
        'Service providers that help us deliver parcels.',
      ],
      negative: ['To contact our support team, write to us.', 'With your consent, we send newsletters.', 'Third-party websites', 'Partners'],
    },
  },
  {
    id: 'access-given',
    category: 'third-party-sharing',
    lang: 'en',
    // Access handed to others ("our fulfilment vendor will be given access to your name"), or data run through
    // someone else's system ("processed through a third-party vendor").
    gate: /\b(?:access|through|via)\b/,
    all: [
      /\b(?:(?:be |been )?given|give|gives|provide[sd]?|grant(?:s|ed)?|be provided with)\b(?:\W+\w+(?:[-'’]\w+)*){0,10}?\W+access to\b(?:\W+\w+(?:[-'’]\w+)*){0,6}?\W+(?:information|data|database|records|your|personal|account)\b|\b(?:processed|handled|stored|hosted) (?:\w+ ){0,2}?(?:through|via|by) (?:a |an |our |the )?(?:third[- ]party|outside|external|independent) (?:[\w-]+ ){0,2}?(?:vendors?|providers?|processors?|services?|compan(?:y|ies))\b/,
    ],
    // Access granted to the person the data is about (a user-access right) or to us is not a disclosure.
    none: [
      USER_SHARES_EN,
      /\b(?:provid|giv|grant)(?:e|es|ed|ing|en|s)? (?:(?:online |registered |our )?(?:you|users|visitors|customers|members|individuals|consumers|account holders|parents(?: or (?:legal )?guardians)?|us)) (?:with )?(?:\w+ ){0,3}?access\b/,
      /\b(?:request|requests|reasonable|right (?:of|to)|ability to|(?:not|decline to|refuse to) provide|providing) access to (?:your|their|his|her|such|the|this|any)\b/,
    ],
    examples: {
      positive: ['The courier is given access to your name and delivery address.', 'Payments are processed through an external payment provider.'],
      negative: ['We provide you with access to your account information.', 'You can access your data at any time.'],
    },
  },
  {
    id: 'share-with-recipient-fr',
    category: 'third-party-sharing',
    lang: 'fr',
    gate: /\b(?:parta|communi|transm|vend|c[eè]d|dispos|divulg)/,
    all: [new RegExp(`\\b${SHARE_FR}\\b(?:${gap(12)}|\\W+)${RECIPIENT_FR}\\b`)],
    examples: {
      positive: ['Nous partageons vos données avec nos partenaires commerciaux.', 'Vos données peuvent être transmises à des tiers.'],
      negative: ['Nous collectons vos données.'],
    },
  },

  // ---------------- AI training ----------------
  {
    id: 'train-model',
    category: 'ai-training',
    lang: 'en',
    gate: /\b(?:train|re-?train|fine-?tun|pre-?train)/,
    all: [
      new RegExp(
        `\\b${TRAIN_EN}\\b(?:${gap(8)}|\\W+)${AI_OBJECT_EN}\\b|\\b${AI_OBJECT_EN}\\W+(?:${W}\\W+){0,3}?${TRAIN_EN}\\b|\\btrain(?:s|ed)?\\W+(?:${W}\\W+){0,2}?(?:products|tools|systems|technolog(?:y|ies)|features|services)\\b`,
      ),
    ],
    none: [/\b(?:train|training|trained)\b(?:\W+\w+(?:[-'’]\w+)*){0,4}?\W+(?:employees|staff|personnel|workforce|team members|agents|representatives)\b/],
    examples: {
      positive: [
        'We use your content to train our AI models.',
        'Your conversations may be used for model training.',
        'Your photos can help train our systems to recognise faces.',
        'Data is used to fine-tune large language models.',
      ],
      negative: ['We train our employees on privacy.', 'Training sessions are available to customers.'],
    },
  },
  {
    id: 'develop-ai',
    category: 'ai-training',
    lang: 'en',
    gate: /\b(?:ai\b|a\.i\.|artificial|machine|learning|model|llm|neural|generative|genai|algorithm)/,
    all: [
      new RegExp(
        `\\b${DEVELOP_EN}\\b(?:${gap(6)}|\\W+)(?:${W}\\W+){0,2}?${AI_THING_EN}|\\b(?:ai|artificial intelligence|machine learning) (?:research|development)\\b|\\b(?:improve|develop|build)(?:s|ing|ed)?\\W+(?:${W}\\W+){0,3}?(?:models|algorithms)\\b(?:${gap(3)})?(?:,? (?:and |or )?(?:machine learning|ai|artificial intelligence))?`,
      ),
    ],
    examples: {
      positive: [
        'We use information to improve our AI technologies and support AI research.',
        'Your inputs help us develop generative AI features.',
        'We use location data to improve our algorithms, machine learning, and other modelling.',
      ],
      negative: ['Our support chat is powered by AI.', 'We develop new features for our apps.', 'Our product is built on trusted content and advanced AI.', 'Westlaw Edge with AI-Assisted Research'],
    },
  },
  {
    id: 'ai-training-fr',
    category: 'ai-training',
    lang: 'fr',
    gate: /\b(?:entra[iî]n|am[eé]lior|d[eé]velopp)/,
    all: [/\b(?:entra[iî]n(?:er|ement|ons|é|ée|és)|am[eé]liorer|d[eé]velopper)\b(?:\W+\w+(?:[-'’]\w+)*){0,8}?\W+(?:mod[eè]les?|intelligence artificielle|ia|algorithmes?|apprentissage automatique)\b/],
    examples: {
      positive: ['Vos contenus peuvent servir à entraîner nos modèles.', 'Nous utilisons ces données pour améliorer nos modèles d’intelligence artificielle.'],
      negative: ['Nous améliorons nos services.'],
    },
  },

  // ---------------- other categories ----------------
  {
    id: 'sensitive-data',
    category: 'sensitive-data',
    lang: 'en',
    gate: /\b(?:biometric|face|facial|fingerprint|voice|iris|retina|precise|exact|gps|health|medical|genetic|racial|ethnic|religious|sex|trade union|political|sensitive|special|social security|government|passport|financial)/,
    all: [
      /\b(?:biometric(?:s| data| information| identifiers)?|face ?prints?|facial (?:recognition|geometry|scans?|features)|fingerprints?|voice ?prints?|iris scans?|retina|precise (?:geo-?)?location|exact location|gps (?:location|coordinates|data)|health(?: data| information| conditions?| records)|medical (?:data|information|records|conditions?)|genetic(?: data| information)?|racial or ethnic|ethnic origin|religious (?:or philosophical )?beliefs|sex(?:ual)? (?:orientation|life)|trade union|political (?:opinions|views)|sensitive (?:personal )?(?:data|information)|special categor(?:y|ies) of (?:personal )?data|social security numbers?|government[- ]issued id|passport numbers?|financial account)\b/,
    ],
    examples: {
      positive: ['We collect biometric identifiers such as face geometry.', 'We may process your precise location.', 'This includes health information you provide.'],
      negative: ['We collect your approximate location from your IP address.', 'We collect your email address.'],
    },
  },
  {
    id: 'advertising-profiling',
    category: 'advertising-profiling',
    lang: 'en',
    gate: /\b(?:ads?\b|advertis|marketing|profil|re-?target|remarketing|automated|inference)/,
    all: [
      /\b(?:(?:targeted|personali[sz]ed|interest[- ]based|behaviou?ral|tailored|relevant|customi[sz]ed) (?:ads|advertis(?:ing|ements?)|marketing)|cross[- ]context behaviou?ral advertising|profiling|build (?:a )?profiles?|ad personali[sz]ation|re-?targeting|remarketing|(?:show|serve|deliver)(?:s|ing)? (?:you )?(?:ads|advertisements)|automated decision[- ]making|inferences? about you)\b/,
    ],
    examples: {
      positive: ['We use your activity to show you ads.', 'We use this data for interest-based advertising.', 'We may engage in profiling.'],
      negative: ['We use your activity to secure your account.'],
    },
  },
  {
    id: 'retention',
    category: 'retention',
    lang: 'en',
    gate: /\b(?:retain|retention|keep|stor|delet|as long as)/,
    all: [/\b(?:retain(?:s|ed|ing)?|retention|keep (?:your |personal |this |the |such )(?:data|information)|stor(?:e|ed) (?:\w+ ){0,4}for (?:as long as|up to|\d+|a period)|delet(?:e|ed) (?:\w+ ){0,5}(?:after|within) (?:\d+|a period)|as long as (?:necessary|needed|your account))\b/],
    examples: {
      positive: ['We retain your data for 30 days.', 'We keep your information as long as necessary.'],
      negative: ['We keep you informed about updates.'],
    },
  },
  {
    id: 'international-transfer',
    category: 'international-transfer',
    lang: 'en',
    gate: /\b(?:transfer|cross|international|standard contractual|adequacy|data privacy framework|privacy shield|binding|stored|processed|hosted)/,
    all: [
      /\b(?:transfer(?:s|red|ring)?(?:\W+\w+(?:[-'’]\w+)*){0,8}?\W+(?:outside|other countries|countries other|united states|the u\.s\.|eea|european economic area|abroad|internationally|third countr(?:y|ies)|across borders|jurisdictions?)|cross[- ]border|international (?:data )?transfers?|standard contractual clauses|adequacy decisions?|data privacy framework|privacy shield|binding corporate rules|(?:stored|processed|hosted) (?:\w+ ){0,4}(?:in|outside) (?:the )?(?:united states|u\.s\.|eu|eea|other countries))\b/,
    ],
    examples: {
      positive: ['Your data may be transferred to the United States.', 'We rely on standard contractual clauses.'],
      negative: ['You can transfer your account to another email.'],
    },
  },
  {
    id: 'children',
    category: 'children',
    lang: 'en',
    gate: /\b(?:child|minor|kid|under|coppa|teen|parental)/,
    all: [/\b(?:children|child's|childrens?|minors?|kids|under (?:the age of )?1[3-8]|coppa|teens?|teenagers?|parental consent)\b/],
    examples: {
      positive: ['Inkwell is not meant for children under 13.', 'We require parental consent for minors.'],
      negative: ['Our services are for adults.'],
    },
  },
  {
    id: 'user-rights',
    category: 'user-rights',
    lang: 'en',
    gate: /\b(?:right|you|opt|unsubscrib|withdraw|data subject|do not sell)/,
    all: [
      /\b(?:right (?:to|of) (?:access|deletion|delete|erasure|rectification|correct|portability|object|restrict|opt[- ]out|withdraw|know|non-discrimination|lodge a complaint|be forgotten|limit)|you (?:can|may|have the right to) (?:\w+ ){0,2}(?:access|delete|correct|request|opt[- ]out|object|withdraw|download|export|unsubscribe)|opt[- ]?out|unsubscribe|withdraw (?:your )?consent|data subject (?:access )?requests?|do not sell(?: or share)? my)\b/,
    ],
    examples: {
      positive: ['You have the right to access and delete your data.', 'You can opt out at any time.', 'You may withdraw your consent.'],
      negative: ['We access your data to provide the service.'],
    },
  },
];

/**
 * Statements about a disclosure law rather than a disclosure: "California Civil Code Section 1798.83 permits
 * residents to request a list of the third parties to which we disclosed ...". They describe a right to ask.
 */
const LAW_ABOUT_SHARING_EN =
  /\b(?:1798\.83|shine the light|(?:request|obtain|ask for|receive)(?: and (?:obtain|receive))?,? (?:[\w'’]+,? ){0,10}?(?:a list|the list|a notice|(?:certain )?information (?:about|regarding|concerning|on|as to)) (?:[\w'’]+,? ){0,10}?(?:disclos|shar|third parties)|rights? to (?:know|request|receive|obtain) (?:[\w'’]+,? ){0,8}?(?:how|whether|which|what|to whom|with whom)\b|(?:law|laws|act|code|statute)(?: \w+){0,3}? (?:requires?|permits?|allows?|entitles?) (?:certain |such |a |any |some )?(?:businesses|companies|operators|residents|consumers|customers)|(?:such|certain|those|these|a|any) business(?:es)? (?:may|must|can|that|to)\b|a list of (?:all )?(?:the )?(?:third parties (?:(?:to|with) (?:which|whom)|(?:that|who|which) (?:have )?received)|categories of personal information))/;
/** A policy describing itself ("this policy explains how we collect, use and share information") states no practice. */
const ABOUT_THE_POLICY_EN =
  /\b(?:(?:how|the (?:\w+ )?ways?(?: in which)?) (?:we|they|it|the company|other companies|[\w&.'’-]+ [\w&.'’-]+) (?:\w+,? ){0,4}(?:and |or )?(?:share|disclose|transfer)s?|(?:^|\b(?:including|of|explain|explains|know|tell you|about) )(?:with whom|who|to whom),? (?:if anyone,? )?(?:[\w'’]+ ){0,4}?(?:will|may|might|is|are)(?: be)? (?:shared|disclosed)|^who (?:do )?we (?:share|disclose)|(?:regarding|about|over|to) our (?:collection|use)(?:,? (?:and |or )?(?:collection|use|sharing|disclosure))+ of|with whom (?:do )?we (?:share|disclose)|(?:aware of|know|understand|informed (?:of|about)) (?:\w+,? ){0,12}?(?:whether|under what circumstances|(?:to )?whom)|(?:section|heading) (?:\w+ )?(?:titled|entitled|called)|(?:this|the|our) (?:privacy )?(?:policy|notice|statement) (?:explains|describes|sets out|tells you|discloses)|(?:explains|describes|tells you|shows you) (?:\w+ ){0,2}?(?:what|which|how) (?:\w+ ){0,3}?(?:is |are )?(?:shared|disclosed))\b/;
/**
 * Security caveats are not a sharing practice: data intercepted ("third parties may intercept your
 * data in transit") or obtained by deception, misappropriated, disclosed by mistake or without authorisation. Disclosing
 * data to prevent or investigate unauthorised access is a practice, and is not vetoed.
 */
const NOT_A_DISCLOSURE_EN =
  /\b(?:intercept(?:s|ed|ion)?|misrepresent(?:s|ed|ing)? their|inadvertent(?:ly)? disclos\w*|misappropriat\w*|improperly (?:\w+ ){0,3}?(?:taken|used|using|accessed|obtained|collect\w*)|(?<!\b(?:prevent\w*|protect\w* against|guard\w* against|investigat\w*|detect\w*|combat\w*|stop\w*)(?: \w+){0,3} )unauthori[sz]ed (?:third[- ]part(?:y|ies) )?(?:access|disclosures?|acquisition))\b/;
/**
 * Disclaimers: what the policy does not cover ("this policy does not apply to information collected by
 * advertisers") and what the service does not control ("we do not have access to, nor control over,
 * these third parties' use of cookies"). The practice itself is stated, when it is, in its own sentence;
 * only a clause that opens with the disclaimer is vetoed, so "partners may set cookies, which we do not
 * control" still counts.
 */
const DISCLAIMER_EN =
  /^(?:\w+ ){0,2}?(?:we|[\w&.'’-]+(?: [\w&.'’-]+){0,2}) (?:(?:cannot|can not|do not|does not|will not)(?: and (?:do|does|will) not)? (?:assume|accept|take|bear) (?:any )?|(?:are|is) not )(?:responsib|liab)|\b(?:this|our|the) (?:online )?(?:privacy )?(?:policy|statement|notice) (?:applies only|only applies|governs only|covers only)\b|^(?:for (?:more |further |additional )?information (?:about|on|regarding)|(?:you should|please|we (?:encourage|recommend|urge|advise) you to) (?:\w+ ){0,2}?(?:review|read|consult|check|see|visit))\b|\b(?:this|our|the) (?:online )?(?:privacy )?(?:policy|statement|notice)(?: \w+){0,2}? (?:does not|doesn't|do not|will not|shall not) (?:apply|cover|govern|address)\b|^(?:please (?:note|understand|be aware) that )?(?:we|[\w&.'’-]+(?: [\w&.'’-]+){0,2}) (?:do|does) not (?:have (?:any )?)?(?:access to,? (?:nor|or|and) )?control\b/;
for (const rule of RULES) {
  if (rule.category === 'third-party-sharing' && rule.lang === 'en') rule.none = [...(rule.none ?? []), LAW_ABOUT_SHARING_EN, ABOUT_THE_POLICY_EN, NOT_A_DISCLOSURE_EN, DISCLAIMER_EN];
}

export interface Restrictor {
  category: Category | '*';
  /** A denial ("we do not sell") limits; an opt-out also reveals that the practice exists. */
  kind: 'denial' | 'opt-out';
  re: RegExp;
  examples: { positive: string[]; negative: string[] };
}

const NEG = "(?:do|does|did|will|shall|would|should|may|can|must|is|are|was|were|has|have|had)(?: not|n't)|never|no longer|won't|don't|doesn't|cannot";
const Q = `["'“”]?`;
/**
 * Patterns that turn a practice into a restriction (a denial or an opt-out). Checked per clause, so that
 * "we do not sell your data, but we share it with partners" still states sharing.
 */
export const RESTRICTORS: Restrictor[] = [
  {
    category: '*',
    kind: 'denial',
    re: new RegExp(`\\b(?:${NEG})\\s+(?:${W}\\s+){0,4}?${Q}(?:sells?|sold|shares?|shared|rents?|rented|disclos(?:e|es|ed)|trades?|transfers?|transferred|provides?|provided|leases?|gives?|pass(?:es)?|makes?|uses?|used|utili[sz]es?|trains?|trained|allows?|permits?|process(?:es)?|collects?|releases?|access(?:es)?|stores?|retains?|targets?|shows?|tracks?|leverages?|feeds?|monetizes?|engages?)\\b`),
    examples: { positive: ['We do not sell your personal information.', 'We will never use your data to train models.', 'We have not "sold" personal data.', 'The shop never sells customer data.'], negative: ['We may share your data.'] },
  },
  {
    category: '*',
    kind: 'denial',
    re: new RegExp(`\\b(?:not|never|no longer) (?:be |been |being )?${Q}(?:sold|shared|rented|disclosed|traded|transferred|provided|made available|used|utili[sz]ed|given|leased|accessed|processed)\\b`),
    examples: { positive: ['Your data is not sold.', 'Content will not be used for training.'], negative: ['Your data is sold.'] },
  },
  {
    category: '*',
    kind: 'denial',
    re: /\bno (?:personal |customer |user |idp )?(?:data|information|content) (?:is|are|will be|shall be) (?:sold|shared|used|disclosed)\b|\bno (?:sale|sales|selling|sharing)\b|\bneither\b.{0,40}\bnor\b|\bprohibit(?:s|ed)?\b.{0,30}\b(?:from )?(?:using|selling|sharing|disclosing|training)\b|\b(?:ne|n')\b.{0,40}\b(?:pas|jamais)\b|\baucune?\b/,
    examples: { positive: ['No personal data is sold.', 'No sale, sharing or targeted advertising.', 'Vos données ne sont pas utilisées pour entraîner nos modèles.'], negative: ['Personal data is sold.'] },
  },
  {
    category: '*',
    kind: 'opt-out',
    re: /\b(?:opt(?:[- ])?out|object to|turn off|switch off|disable|withdraw (?:your )?consent|choose not to|decline|exclude (?:your )?(?:data|content)|limit the use|do not sell(?: or share)? my|right to (?:object|opt[- ]out|limit|restrict))\b/,
    examples: { positive: ['You can opt out of the sale of your data.', 'You can turn off AI training in settings.'], negative: ['We may use your data for AI training.'] },
  },
  {
    category: 'children',
    kind: 'denial',
    re: /\bnot (?:directed|intended|designed|targeted|aimed)\b|\bdo not knowingly\b|\bmust be (?:at least|over) \d+/,
    examples: { positive: ['Our services are not directed to children.'], negative: ['We offer accounts for children with parental consent.'] },
  },
];

/** After a denial, these bring the practice back ("we do not share ... except with service providers"). */
export const EXCEPTION = /\b(?:except|unless|other than|apart from|save for|but (?:we )?(?:may|do|will))\b/g;
/** A denial bounded only by consent is still a restriction. */
export const CONSENT_ONLY = /\b(?:without|unless (?:we have|you give|you provide|you opt|you consent|you choose|expressly|authori[sz]ed|required|necessary|needed)|(?:except|unless|other than) (?:as|where|when|if) (?:\w+ )?(?:needed|necessary|required|permitted by law|compelled)|(?:except|unless|other than) with (?:your |their )?(?:prior |express |explicit |affirmative )?(?:consent|permission|authori[sz]ation|opt[- ]in))/;

/** Words that make an existing practice wider when they are added: new data, recipients, purposes. */
export const WIDENING_TERMS =
  /\b(?:third[- ]?part(?:y|ies)|partners?|affiliat\w*|subsidiar\w*|advertis\w*|marketing|data brokers?|brokers?|sell|sold|sale|publicly available|public (?:posts|content|information|data)|posts|photos|images|videos|voice|audio|recordings?|messages|conversations?|chats?|prompts?|inputs?|outputs?|interactions?|content|transcri(?:pts?|ptions?)|survey responses|responses|feedback|files|documents|ads|ad measurement|measur(?:e|es|ing|ement)|attribution|inferences?|market research|employers?|search(?:es| data| history)?|location|contacts?|purchase(?:s| history)?|browsing|biometric\w*|health|financial|device|usage|ai|artificial intelligence|machine learning|models?|generative|research|develop\w*|improv\w*|train\w*|innovation|products?|insights|analytics|profil\w*|targeted|personali[sz]\w*|other companies|companies|including|and others|such as)\b/g;

/** Words whose removal widens a practice: limits on purpose, scope or form. */
export const LIMIT_TERMS = /\b(?:only|solely|exclusively|strictly|never|not|no|aggregated?|de-?identified|anonymi[sz]ed|pseudonymi[sz]ed|with your (?:prior |express |explicit )?consent|limited|necessary|opt[- ]in)\b/g;
