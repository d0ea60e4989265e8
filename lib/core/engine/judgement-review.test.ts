/**
 * Before/after pairs from a review of this session's judgement rules (6 December 2026), each with the verdict
 * a careful reader gives: a removed sharing denial, data taken out before use, a consent condition dropped,
 * "other businesses", German and Spanish words and cues. The review wrote 114 such pairs; these are the ones
 * that cover each rule's right cases and the wrong verdicts it found, which this file keeps from coming back.
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
  }
];

describe('judgement of a change, as a careful reader judges it', () => {
  it.each(PAIRS)('$id: $expect', (p) => {
    const read = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: p.lang });
    const findings = analyzeChange(read(p.old), read(p.new)).findings.filter((f) => f.category === CATEGORY[p.cat]);
    expect(findings.some((f) => f.kind === 'new' || f.kind === 'expanded')).toBe(p.expect === 'alert');
  });
});
