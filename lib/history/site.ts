/**
 * The store's view of page addresses: lib/core/url.ts, with an address that names no web page reported as a
 * StoreError of code `invalid-input`, as every other bad input to the store is.
 */
import * as url from '../core/url';
import { StoreError } from './errors';

export type { PolicyKey } from '../core/url';
export { parsePolicyId, policyIdFor, samePolicyAddress } from '../core/url';

function storeErrors<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof url.AddressError) throw new StoreError('invalid-input', error.message);
      throw error;
    }
  };
}

export const siteForUrl = storeErrors(url.siteForUrl);
export const normalizePolicyPath = storeErrors(url.normalizePolicyPath);
export const originForUrl = storeErrors(url.originForUrl);
export const policyKeyFor = storeErrors(url.policyKeyFor);

/**
 * The site a policy id names (its origin's registrable domain: where a policy whose own record was lost is
 * listed, read.ts), or undefined for an id that names no web address.
 */
export function siteOfPolicyId(policyId: string): string | undefined {
  const parts = url.parsePolicyId(policyId);
  if (!parts) return undefined;
  try {
    return url.siteForUrl(parts.origin);
  } catch {
    return undefined;
  }
}
