import { describe, expect, it } from 'vitest';
import { explainer } from './explain';
import { UserError, userErrorOf } from './user-error';

describe('errors a person can act on', () => {
  it('are known by their code, thrown or rebuilt from a reply', () => {
    expect(userErrorOf(new UserError('version-gone', 'That version is no longer stored.'))).toEqual({ code: 'version-gone', value: '' });
    expect(userErrorOf(Object.assign(new Error('x is not watched.'), { code: 'not-watched', value: 'x.example' }))).toEqual({ code: 'not-watched', value: 'x.example' });
  });

  it('are not invented: an error without a known code is not one', () => {
    expect(userErrorOf(new Error('boom'))).toBeNull();
    expect(userErrorOf(Object.assign(new Error('boom'), { code: 'ENOENT' }))).toBeNull();
    expect(userErrorOf('a string')).toBeNull();
  });

  it('are worded in the user\'s language, naming what was typed', () => {
    const e = userErrorOf(new UserError('not-an-address', '"ex ample" is not a domain or web address.', 'ex ample'));
    if (!e) throw new Error('not recognised');
    expect(explainer('de').ui.userError(e)).toBe('„ex ample“ ist weder eine Domain noch eine Webadresse.');
    expect(explainer('en').ui.userError(e)).toBe('"ex ample" is not a domain or web address.');
  });
});
