/**
 * What the toolbar badge says for a tab. Decided here, from counts, so it can be tested without a browser.
 *
 * - The tab's site has unreviewed major changes: their number, in red, the summary in the tooltip.
 * - Only good news (a new restriction) unreviewed: a green check, never an alarm.
 * - Otherwise, when other sites have unreviewed major changes (found by a background check): the number
 *   of those sites, in amber, so a change is not missed while the user is elsewhere.
 * - Nothing to say, including a first visit (there is nothing to compare yet): no badge.
 * Cosmetic and reworded-only changes never count: they are not `major` or `good-news` findings.
 */
import { en } from '../core/explain/en';
import type { UiWords } from '../core/explain/ui';

export interface BadgeInput {
  site: string | null;
  /** Major findings in the site's unreviewed latest versions. */
  siteMajor: number;
  /** Good-news findings in the site's unreviewed latest versions. */
  siteGoodNews: number;
  /** Headlines of the site's unreviewed major findings, most important first. */
  headlines: string[];
  /** Sites other than this one with unreviewed major changes (the caller may stop at ten: "9+"). */
  otherSites: string[];
}

export interface Badge {
  text: string;
  /** RGB hex. */
  color: string;
  title: string;
}

export const BADGE_COLORS = { major: '#b91c1c', goodNews: '#15803d', elsewhere: '#b45309' } as const;

const MAX_TITLE_LINES = 4;

/** The tooltip's words, in the reader's language (lib/core/explain, ui.badge); English by default. */
export type BadgeWords = UiWords['badge'];

export function badgeFor(input: BadgeInput, words: BadgeWords = en.ui.badge): Badge {
  if (input.siteMajor > 0) {
    const n = input.siteMajor;
    const lines = input.headlines.slice(0, MAX_TITLE_LINES).map((h) => words.line(h));
    if (input.headlines.length > MAX_TITLE_LINES) lines.push(words.line(words.more(input.headlines.length - MAX_TITLE_LINES)));
    return {
      text: n > 99 ? '99+' : String(n),
      color: BADGE_COLORS.major,
      title: [words.changed(input.site ?? '', n), ...lines].join('\n'),
    };
  }
  if (input.siteGoodNews > 0) {
    return {
      text: '✓',
      color: BADGE_COLORS.goodNews,
      title: words.goodNews(input.site ?? ''),
    };
  }
  if (input.otherSites.length > 0) {
    const n = input.otherSites.length;
    // Past nine the caller stops counting (it reads ten at most): the badge says "9+", the tooltip "at least 10".
    const uncounted = n > 9;
    return {
      text: uncounted ? '9+' : String(n),
      color: BADGE_COLORS.elsewhere,
      title: words.elsewhere(n, input.otherSites.slice(0, 3), uncounted),
    };
  }
  return { text: '', color: BADGE_COLORS.major, title: input.site ? words.nothing(input.site) : 'Clausewatch' };
}
