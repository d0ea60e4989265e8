/**
 * When a policy the user visits joins the watch list, so that Clausewatch starts fetching it in the
 * background. A watched policy is requested from the user's machine on a schedule, without cookies:
 * a request the page's owner can see (it tells the site that Clausewatch is installed) and can try to
 * steer. So a page must not be able to put itself on the list just by looking like a policy.
 *
 * The rule: a visited privacy policy joins the watch list
 *  - at once, when the user turned on "Watch policies I visit" in the options (off by default), unless
 *    the user stopped watching that site (`removed`, until they watch it again);
 *  - otherwise the first time the user opens Clausewatch's popup on its site: the popup then shows the
 *    policy, says that it is now checked in the background, and offers "Stop watching". Opening the
 *    popup is something only the user can do, and it is the moment they show interest in that site's
 *    policy; it happens once per site, so a site the user removed is never added back behind their back.
 * Until then the policy is still recorded and compared on every visit; only background checks wait.
 */
import type { PolicyKind } from '../core/schema';

/** On a capture: does the visited policy join the watch list now? */
export function joinsOnCapture(options: { autoWatchVisited: boolean; kind: PolicyKind; watched: boolean; removed: boolean }): boolean {
  return options.autoWatchVisited && options.kind === 'privacy-policy' && !options.watched && !options.removed;
}

/**
 * When the popup shows a site: does its privacy policy join the watch list now? `introduced` says the
 * popup has shown this site's policy before (whatever the user did then); `removed`, that the user took the
 * site off the watch list (on the options page too, where the popup never showed it).
 */
export function joinsOnPopup(options: { hasPrivacyPolicy: boolean; watched: boolean; introduced: boolean; removed: boolean }): boolean {
  return options.hasPrivacyPolicy && !options.watched && !options.introduced && !options.removed;
}
