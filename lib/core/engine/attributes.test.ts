import { describe, expect, it } from 'vitest';
import { namedRecipients, wordCase } from './attributes';

describe('named recipients', () => {
  it.each([
    ['We disclose your information to Microsoft and to OpenAI.', ['Microsoft', 'OpenAI']],
    ['We send your email address to Mailchimp to deliver newsletters.', ['Mailchimp']],
    // "to" opening an infinitive names nobody.
    ['We use your data to Personalize ads for you.', []],
    // Places, governments and kinds of data are not companies.
    ['Some services are provided to U.S. federal agencies.', []],
    ['Identifiers, including Registration Data we receive when you log in.', []],
    // A capitalised word qualifying the noun after it ("IP address") is not a name.
    ['We share identifiers such as IP addresses with partners.', []],
    // Possessives and lower-case suffixes are not part of the name.
    ["We share data with Acme's partners and with Globex-owned sites.", ['Acme', 'Globex']],
  ])('%s', (sentence, names) => {
    expect(namedRecipients(sentence)).toEqual(names);
  });

  it('leaves out the service itself and the words the policy writes in lower case', () => {
    const { common, proper } = wordCase(['Your billing address is kept. We work with Stripe and with Inkwell Labs.', 'See https://stripe.com/privacy or mail privacy@inkwell.example.']);
    expect(common.has('billing')).toBe(true);
    // An address is not a use of the word: "stripe" and "inkwell" stay out of the common words.
    expect(common.has('stripe')).toBe(false);
    expect(common.has('inkwell')).toBe(false);
    expect(proper.has('Stripe')).toBe(true);
    // "Your" opens a sentence: no evidence of a name.
    expect(proper.has('Your')).toBe(false);
    const names = { self: ['inkwell'], common, proper };
    expect(namedRecipients('We share payment data with Stripe and with Inkwell Labs.', names)).toEqual(['Stripe']);
    expect(namedRecipients('Data we share, including Billing details and Stripe receipts.', names)).toEqual([]);
    expect(namedRecipients('We share it with Initech.', names)).toEqual([]);
  });
});
