import { describe, expect, it } from 'vitest';
import { cues } from './cues';
import { MAX_WORDS, prepare, words } from './features';

const of = (s: string) => cues(words(prepare(s)));

describe('cues: arrangements of words that n-grams cannot see', () => {
  it.each([
    ['We may disclose your contact details to carefully selected third parties.', 'give>other'],
    ['Nous pouvons communiquer vos informations à des prestataires qui agissent pour notre compte.', 'give>other'],
    ['Compartimos sus datos personales con socios publicitarios.', 'give>other'],
    ['Wir geben Ihre Daten an Werbepartner weiter.', 'give>other'],
    ['Condividiamo i tuoi dati con fornitori di servizi.', 'give>other'],
    ['Wij verstrekken uw gegevens aan derden.', 'give>other'],
    ['Ihre Daten können an Dritte übermittelt werden.', 'other>give'],
    ['Advertising networks we work with may collect your device identifier.', 'other>take'],
    ['We never sell your personal information.', 'not>give'],
    ["We don't share your contact details with anyone.", 'not>give'],
    ['Processors act on our behalf and under our instructions.', 'behalf'],
    // German compounds of "Unternehmen" are other companies; German puts "wir" after its verb, and Spanish
    // and Italian say "we" with the verb's ending.
    ['Außerdem übermitteln wir Ihre Kaufhistorie an Partnerunternehmen.', 'give>other'],
    ['Außerdem übermitteln wir Ihre Kaufhistorie an Partnerunternehmen.', 'we>give'],
    ['Compartimos sus datos personales con socios publicitarios.', 'we>give'],
    ['Podemos compartir su información con socios.', 'we>give'],
    ['Condividiamo i tuoi dati con fornitori di servizi.', 'we>give'],
  ])('"%s" has the cue %s', (sentence, cue) => {
    expect(of(sentence)).toContain(cue);
  });

  it('sees no handing over in a sentence that only keeps data', () => {
    const found = of('We keep your account details for as long as your account is open.');
    expect(found).not.toContain('give');
    expect(found.some((c) => c.includes('>'))).toBe(false);
  });

  it('does not take a word for another party for a verb of handing over ("vendors" is not "vend")', () => {
    expect(of('Our vendors are bound by contract.')).toEqual(['other']);
  });

  it('reads no other party in a browser\'s "user agent" and no handing over in "es gibt"', () => {
    expect(of('Your browser sends its user agent string with every request.')).not.toContain('other');
    expect(of('Es gibt keine Werbung in der App.')).not.toContain('give');
  });

  it('does not let words far apart make an arrangement', () => {
    // Nine words from "share" to "third": one past the reach of eight.
    const filler = Array.from({ length: 8 }, () => 'carefully').join(' ');
    expect(of(`We share ${filler} third parties.`)).not.toContain('give>other');
  });

  it('names each cue once and reads a bounded number of words, however long the sentence', () => {
    const huge = 'we share it with partners and '.repeat(100_000);
    const found = of(huge);
    expect(new Set(found).size).toBe(found.length);
    expect(words(prepare(huge)).length).toBeLessThanOrEqual(MAX_WORDS);
    expect(found).toContain('give>other');
  });
});

// Telling the reader is not handing data over (review 23d, 6 December 2026).
describe('cues: a verb of telling the reader', () => {
  it.each([
    'Le comunicamos que hemos actualizado nuestra política de privacidad.',
    'Te comunicamos cualquier cambio por correo electrónico.',
    'Ti comunichiamo che abbiamo aggiornato la nostra informativa.',
    'Comunicamos que el servicio cambiará de nombre.',
    'Änderungen teilen wir Ihnen per E-Mail mit.',
    'Im Folgenden geben wir Ihnen einen Überblick über die Verarbeitung.',
  ])('"%s" does not say that we hand over', (sentence) => {
    expect(of(sentence)).not.toContain('we>give');
  });
  it('still reads "we" in a verb that hands data over', () => {
    expect(of('Comunicamos sus datos a las autoridades.')).toContain('we>give');
    expect(of('Außerdem geben wir Ihre Daten an Partner weiter.')).toContain('we>give');
  });
});

// A word the lists lack is what its English gloss is (gloss.ts): the lists and the gloss table no longer
// have to spell each language's every form twice (session 26).
describe('cues: a verb or party the lists lack, known by its English', () => {
  it.each([
    ['Los expedientes de los alumnos se ceden a la consejería de educación.', 'give'],
    ['I dati dei clienti vengono ceduti a una società di recupero crediti.', 'give'],
    ['A loja disponibiliza os contatos dos clientes a uma transportadora.', 'give'],
    ['A loja disponibiliza os contatos dos clientes a parceiros de logística.', 'give>other'],
    ['Le coordinate del vincitore vengono trasmesse a partner dello sponsor.', 'give>other'],
  ])('"%s" has the cue %s', (sentence, cue) => {
    expect(of(sentence)).toContain(cue);
  });

  it('takes no kind from a gloss that is neither handing over nor a party ("disposición": available)', () => {
    expect(of('Ponemos a su disposición un formulario de contacto.')).toEqual([]);
  });
});
