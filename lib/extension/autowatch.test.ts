import { describe, expect, it } from 'vitest';
import { joinsOnCapture, joinsOnPopup } from './autowatch';

describe('joinsOnCapture', () => {
  it.each([
    [{ autoWatchVisited: false, kind: 'privacy-policy', watched: false, removed: false }, false],
    [{ autoWatchVisited: true, kind: 'privacy-policy', watched: false, removed: false }, true],
    [{ autoWatchVisited: true, kind: 'privacy-policy', watched: true, removed: false }, false],
    [{ autoWatchVisited: true, kind: 'privacy-adjacent', watched: false, removed: false }, false],
    // The user stopped watching it: a visit does not put it back.
    [{ autoWatchVisited: true, kind: 'privacy-policy', watched: false, removed: true }, false],
  ] as const)('%j: %s', (options, joins) => {
    expect(joinsOnCapture(options)).toBe(joins);
  });
});

describe('joinsOnPopup', () => {
  it.each([
    [{ hasPrivacyPolicy: true, watched: false, introduced: false, removed: false }, true],
    // Shown once already: the user may have removed it since, and it stays removed.
    [{ hasPrivacyPolicy: true, watched: false, introduced: true, removed: false }, false],
    // Removed on the options page, where the popup never showed it.
    [{ hasPrivacyPolicy: true, watched: false, introduced: false, removed: true }, false],
    [{ hasPrivacyPolicy: true, watched: true, introduced: false, removed: false }, false],
    [{ hasPrivacyPolicy: false, watched: false, introduced: false, removed: false }, false],
  ] as const)('%j: %s', (options, joins) => {
    expect(joinsOnPopup(options)).toBe(joins);
  });
});
