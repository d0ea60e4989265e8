import { describe, expect, it } from 'vitest';
import { explainer } from '../core/explain';
import { BADGE_COLORS, badgeFor, type BadgeInput } from './badge';

const base: BadgeInput = { site: 'inkwell.example', siteMajor: 0, siteGoodNews: 0, headlines: [], otherSites: [] };

describe('badgeFor', () => {
  it('counts unreviewed major changes in red with the headlines in the tooltip', () => {
    const b = badgeFor({ ...base, siteMajor: 2, headlines: ['New: AI training', 'New: sharing with advertisers'] });
    expect(b).toMatchObject({ text: '2', color: BADGE_COLORS.major });
    expect(b.title).toContain('2 major changes');
    expect(b.title).toContain('New: AI training');
  });

  it('shows good news as a green check, not an alarm', () => {
    expect(badgeFor({ ...base, siteGoodNews: 1 })).toMatchObject({ text: '✓', color: BADGE_COLORS.goodNews });
  });

  it('prefers the current site over other sites', () => {
    expect(badgeFor({ ...base, siteMajor: 1, headlines: ['x'], otherSites: ['a.example', 'b.example'] }).text).toBe('1');
  });

  it('counts other sites with unreviewed major changes in amber', () => {
    const b = badgeFor({ ...base, otherSites: ['a.example', 'b.example'] });
    expect(b).toMatchObject({ text: '2', color: BADGE_COLORS.elsewhere });
    expect(b.title).toContain('a.example');
  });

  it('says "9+" past nine other sites, and "at least 10" in the tooltip (the background stops counting at ten)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `s${i}.example`);
    const b = badgeFor({ ...base, otherSites: ten });
    expect(b.text).toBe('9+');
    expect(b.title).toBe('Clausewatch: at least 10 watched sites have unreviewed privacy policy changes (s0.example, s1.example, s2.example, …)');
    // Nine were all counted: the exact number.
    expect(badgeFor({ ...base, otherSites: ten.slice(0, 9) }).title).toMatch(/^Clausewatch: 9 watched sites have /);
  });

  it.each([
    ['de', 'Clausewatch: mindestens 10 beobachtete Websites haben'],
    ['fr', 'Clausewatch\u00a0: au moins 10 sites surveillés ont'],
    ['es', 'Clausewatch: al menos 10 sitios vigilados tienen'],
  ])('%s: "at least 10" in the reader’s language', (lang, start) => {
    const ten = Array.from({ length: 10 }, (_, i) => `s${i}.example`);
    expect(badgeFor({ ...base, otherSites: ten }, explainer(lang).ui.badge).title.startsWith(start)).toBe(true);
  });

  it('is empty when there is nothing to review (first visit, cosmetic changes)', () => {
    expect(badgeFor(base).text).toBe('');
  });

  it('caps the number and the tooltip length', () => {
    const b = badgeFor({ ...base, siteMajor: 120, headlines: Array.from({ length: 9 }, (_, i) => `h${i}`) });
    expect(b.text).toBe('99+');
    expect(b.title.split('\n')).toHaveLength(6);
  });
});
