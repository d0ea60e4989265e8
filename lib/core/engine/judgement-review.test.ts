/**
 * Before/after pairs from a review of this session's judgement rules (6 December 2026), each with the verdict
 * a careful reader gives: a removed sharing denial, data taken out before use, a consent condition dropped,
 * "other businesses", German and Spanish words and cues. The review wrote 114 such pairs; these are the ones
 * that cover each rule's right cases and the wrong verdicts it found, which this file keeps from coming back;
 * those named 23f-… come from a second, independent review of the rules as first fixed (106 pairs); those
 * named 24-… from the twenty-fourth session.
 */
import { describe, expect, it } from 'vitest';
import { documentFromMarkdown } from '../page/markdown';
import { analyzeChange } from './index';

const CATEGORY = { sharing: 'third-party-sharing', ai: 'ai-training' } as const;
const PAIRS: Array<{ id: string; cat: keyof typeof CATEGORY; expect: 'alert' | 'no-alert'; lang: string; old: string; new: string }> = [
  {
    id: "r1-01-plain-removal",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\n## Sale of data\nWe do not sell your personal information.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us."
  },
  {
    id: "r1-06-not-for-sale",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nWe do not sell your personal information.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nYour personal information is not for sale, and it never will be."
  },
  {
    id: "r1-09-password-denial-removed",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\n## Security\nWe will never share your password with anyone, including our own staff.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\n## Security\nWe store passwords using a one-way hash."
  },
  {
    id: "r2-01-delete-account-then-share",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nEven if you delete your account, we may continue to share your purchase history with our advertising partners."
  },
  {
    id: "r2-05-remove-then-share-advertisers",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nWe remove your name and then share your location and browsing history with advertising partners."
  },
  {
    id: "r2-06-masked-before-training-ok",
    cat: "ai",
    expect: "no-alert",
    lang: "en",
    old: "## AI\nWe use your conversations to train our models.",
    new: "## AI\nWe use your conversations to train our models. Before training, we remove names, email addresses and phone numbers."
  },
  {
    id: "r2-09-remove-spam-purpose",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nTo remove spam we share the messages you send with our security vendor and with Google."
  },
  {
    id: "r3-03-signup-newsletter",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nIf you sign up for our newsletter, we share your email address with our email service provider.",
    new: "## Sharing\nTo send our newsletter, we share your email address with our email service provider."
  },
  {
    id: "r3-04-agree-terms-reword",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWhen you agree to these terms, you also allow us to share your information with our payment processors.",
    new: "## Sharing\nBy using the service, you allow us to share your information with our payment processors."
  },
  {
    id: "r5-03-like-other-organisations",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. Like other organisations, we share personal information with our hosting providers."
  },
  {
    id: "r5-05-other-merchants-collect",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. We may receive information about you from other merchants when you use our payment button on their sites."
  },
  {
    id: "r6-01-de-dritten-abschnitt",
    cat: "sharing",
    expect: "no-alert",
    lang: "de",
    old: "## Weitergabe\nWir geben Ihre Daten an Dienstleister weiter, wie unten beschrieben.",
    new: "## Weitergabe\nWir geben Ihre Daten an Dienstleister weiter, wie im dritten Abschnitt beschrieben."
  },
  {
    id: "r6-02-es-comunicaremos-cambios",
    cat: "sharing",
    expect: "no-alert",
    lang: "es",
    old: "## Cambios\nPodemos actualizar esta política.",
    new: "## Cambios\nPodemos actualizar esta política. Comunicaremos cualquier cambio importante por correo electrónico."
  },
  {
    id: "r6-03-de-teilen-wir-mit",
    cat: "sharing",
    expect: "no-alert",
    lang: "de",
    old: "## Änderungen\nWir können diese Erklärung ändern.",
    new: "## Änderungen\nWir können diese Erklärung ändern. Änderungen teilen wir auf dieser Seite mit."
  },
  {
    id: "r6-10-de-nicht-verkauf-removed-real",
    cat: "sharing",
    expect: "alert",
    lang: "de",
    old: "## Weitergabe\nWir geben Ihre Daten an Dienstleister weiter, die unsere Website hosten.\n\nWir verkaufen Ihre Daten nicht an Dritte.",
    new: "## Weitergabe\nWir geben Ihre Daten an Dienstleister weiter, die unsere Website hosten."
  },
  {
    id: "r1-19-list-we-never",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nWe do not sell your personal information.",
    new: "## Sharing\nWe share personal information with service providers who host our website and process payments for us. These providers may use it only to perform services for us.\n\nOur promises to you:\n- No selling of your personal information, ever.\n- No ads based on your health data."
  },
  {
    id: "r1-21-de-passive",
    cat: "sharing",
    expect: "no-alert",
    lang: "de",
    old: "## Weitergabe\nWir geben Ihre Daten an Dienstleister weiter, die unsere Website hosten.\n\nWir verkaufen keine personenbezogenen Daten.",
    new: "## Weitergabe\nWir geben Ihre Daten an Dienstleister weiter, die unsere Website hosten.\n\nPersonenbezogene Daten werden von uns zu keinem Zeitpunkt verkauft."
  },
  {
    id: "r3-25-choose-to-pay-by-card",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nIf you choose to pay by card, we share your card details with our payment processor.",
    new: "## Sharing\nCard payments are handled by our payment processor, with whom we share your card details."
  },
  {
    id: "r6-13-es-cedemos-real",
    cat: "sharing",
    expect: "alert",
    lang: "es",
    old: "## Cesión\nCompartimos sus datos con proveedores que alojan nuestro sitio web.",
    new: "## Cesión\nCompartimos sus datos con proveedores que alojan nuestro sitio web. También cedemos su correo electrónico a empresas del grupo y a socios comerciales."
  },
  {
    id: "r3-08-join-program-dropped",
    cat: "ai",
    expect: "alert",
    lang: "en",
    old: "## AI\nIf you choose to join our research programme, we use your recordings to train our speech models.",
    new: "## AI\nWe use your recordings to train our speech models."
  },
  {
    id: "23f-1-03",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\nWe do not sell your personal information.",
    new: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\n## CCPA disclosures\n| Category of personal information | Sold or shared in the past 12 months |\n|---|---|\n| Identifiers | No |\n| Internet activity | No |\n| Geolocation data | No |"
  },
  {
    id: "23f-1-06",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\nWe do not sell your personal information.\n\n## Your choices\nYou can update your profile at any time.",
    new: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\n## Your choices\nYou can update your profile at any time. You can choose not to share your location with us by turning off location services."
  },
  {
    id: "23f-1-08",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\nWe do not sell your personal information.\n\n## Account security\nKeep your password safe.",
    new: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\n## Account security\nKeep your password safe and do not share your login details with anyone."
  },
  {
    id: "23f-1-09",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\nWe will never sell your info.",
    new: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us."
  },
  {
    id: "23f-1-10",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share customer data with subprocessors listed on our website.\n\nWe do not sell customer data.",
    new: "## Sharing\nWe share customer data with subprocessors listed on our website."
  },
  {
    id: "23f-2-06",
    cat: "ai",
    expect: "alert",
    lang: "en",
    old: "## AI\nWe use your text prompts to train our models.",
    new: "## AI\nWe use your text prompts to train our models. We also pseudonymise your voice recordings and use them to train our models."
  },
  {
    id: "23f-2-08",
    cat: "sharing",
    expect: "alert",
    lang: "es",
    old: "## Publicidad\nCompartimos datos agregados con anunciantes.",
    new: "## Publicidad\nEliminamos su nombre y compartimos su historial de compras y su ubicación con anunciantes."
  },
  {
    id: "23f-2-11",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Printing\nWe share the photos you upload with our print partners to fulfil your order.",
    new: "## Printing\nWe strip metadata such as location from photos you upload, and we share the photos with our print partners to fulfil your order."
  },
  {
    id: "23f-3-04",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Partners\nIf you consent, we share your contact details with our insurance partners.",
    new: "## Partners\nWhere you have given your consent, we share your contact details with our insurance partners."
  },
  {
    id: "23f-3-06",
    cat: "ai",
    expect: "no-alert",
    lang: "en",
    old: "## AI\nIf you choose to participate in the beta programme, we use your feedback and usage data to train our models.",
    new: "## AI\nIf you join the beta programme, we use your feedback and usage data to train our models."
  },
  {
    id: "23f-3-11",
    cat: "sharing",
    expect: "no-alert",
    lang: "de",
    old: "## Partner\nMit Ihrer Einwilligung geben wir Ihre E-Mail-Adresse an Partnerunternehmen weiter.",
    new: "## Partner\nSofern Sie eingewilligt haben, geben wir Ihre E-Mail-Adresse an Partnerunternehmen weiter."
  },
  {
    id: "23f-3-12",
    cat: "sharing",
    expect: "no-alert",
    lang: "es",
    old: "## Socios\nCon su consentimiento, compartimos su correo electrónico con socios comerciales.",
    new: "## Socios\nSi nos da su consentimiento, compartimos su correo electrónico con socios comerciales."
  },
  {
    id: "23f-3-13",
    cat: "sharing",
    expect: "alert",
    lang: "es",
    old: "## Socios\nCon su consentimiento, compartimos su correo electrónico con socios comerciales.",
    new: "## Socios\nCompartimos su correo electrónico con socios comerciales."
  },
  {
    id: "23f-3-15",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Research\nIf you agree to take part in a study, we share your fitness data with research partners.",
    new: "## Research\nBy using the app, you allow us to share your fitness data with research partners."
  },
  {
    id: "23f-5-02",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe may share your information with our affiliates.",
    new: "## Sharing\nWe may share your information with our affiliates, meaning other companies owned by our parent company."
  },
  {
    id: "23f-5-03",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe may share your information with our affiliates.",
    new: "## Sharing\nWe may share your information with our other companies and brands."
  },
  {
    id: "23f-5-09",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share your purchase history with our payment processor.",
    new: "## Sharing\nWe share your purchase history with our payment processor and with other retailers that participate in our loyalty programme."
  },
  {
    id: "23f-5-10",
    cat: "sharing",
    expect: "no-alert",
    lang: "en",
    old: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\nWe disclose information to regulators when required by law.",
    new: "## Sharing\nWe share your personal information with service providers who host our website and process payments on our behalf. They may use it only to provide those services to us.\n\nSimilar to other organisations in our sector, we disclose information to regulators when required by law."
  },
  {
    id: "23f-5-14",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share your information with service providers who help us run the service.",
    new: "## Sharing\nWe share your information with service providers who help us run the service. We may also share it with other companies."
  },
  {
    id: "23f-5-15",
    cat: "sharing",
    expect: "alert",
    lang: "en",
    old: "## Sharing\nWe share your order details with the shipping carrier you select.",
    new: "## Sharing\nWe share your order details with the shipping carrier you select and with other merchants on our marketplace."
  },
  {
    id: "24-training-narrowed-to-public-posts",
    cat: "ai",
    expect: "no-alert",
    lang: "en",
    old: "## Captions\nWe use the messages, photos and comments you post to train the AI models behind our automatic captions.",
    new: "## Captions\nWe use only publicly shared photos and comments to train the AI models behind our automatic captions. Private messages are not used for training."
  },
  {
    id: "24b-italian-position-reworded",
    cat: "sharing",
    expect: "no-alert",
    lang: "it",
    old: "## Condivisione\nCondividiamo i suoi dati di contatto con i nostri partner commerciali.",
    new: "## Condivisione\nIn base alla sua posizione contrattuale, condividiamo i suoi dati di contatto con i nostri partner commerciali; il Titolare resta responsabile del trattamento."
  }
];

describe('judgement of a change, as a careful reader judges it', () => {
  it.each(PAIRS)('$id: $expect', (p) => {
    const read = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: p.lang });
    const findings = analyzeChange(read(p.old), read(p.new)).findings.filter((f) => f.category === CATEGORY[p.cat]);
    expect(findings.some((f) => f.kind === 'new' || f.kind === 'expanded')).toBe(p.expect === 'alert');
  });
});
