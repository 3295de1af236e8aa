/**
 * Top-level domains for the first label of an iqn. naming authority.
 *
 * Source: RFC 3720 §3.2.6.3.1 (and RFC 7143 §4.2.7.3): the first component after the date is a
 * top-level domain — "com", "edu", "gov", "org", "net", "mil" or a two-letter country code —
 * plus the other long-standing generic TLDs in the IANA root zone database (checked 2025).
 * Every two-letter alphabetic label is taken as a country code. The list is not exhaustive
 * (the root holds over a thousand newer gTLDs): an unknown first label alone is never reported;
 * it only feeds the "written forward" check (`example.com` instead of `com.example`).
 */

/** The RFC's own list plus long-standing generic TLDs. */
export const KNOWN_TLDS: ReadonlySet<string> = new Set([
  // RFC 3720's list
  'com',
  'edu',
  'gov',
  'org',
  'net',
  'mil',
  // other original and sponsored generic TLDs
  'int',
  'arpa',
  'info',
  'biz',
  'name',
  'pro',
  'aero',
  'coop',
  'museum',
  'mobi',
  'asia',
  'tel',
  'jobs',
  'travel',
  'cat',
  'post',
  'xxx',
  // widely used newer generic TLDs
  'app',
  'dev',
  'cloud',
  'tech',
  'online',
  'site',
  'store',
  'xyz',
  'top',
  'club',
  'live',
  'network',
  'systems',
  'solutions',
  'services',
  'company',
  'digital',
  'email',
  'global',
  'group',
  'host',
  'hosting',
  'software',
  'storage',
  'works',
  'zone',
  'page',
  'space',
  'website',
  'blog',
  'shop',
]);

/**
 * Names people use as if they were TLDs but that are not delegated in the root (private or
 * reserved, RFC 2606 / RFC 6762 / RFC 8375): an iqn. naming authority must be a domain you own.
 */
export const PSEUDO_TLDS: ReadonlyMap<string, string> = new Map([
  ['local', 'reserved for multicast DNS (RFC 6762)'],
  ['localdomain', 'a placeholder, not delegated'],
  ['localhost', 'reserved (RFC 2606)'],
  ['lan', 'a private name, not delegated'],
  ['home', 'a private name, not delegated'],
  ['internal', 'reserved for private use'],
  ['intranet', 'a private name, not delegated'],
  ['corp', 'a private name, not delegated'],
  ['private', 'a private name, not delegated'],
  ['test', 'reserved for testing (RFC 2606)'],
  ['invalid', 'reserved as invalid (RFC 2606)'],
  ['example', 'reserved for documentation (RFC 2606)'],
]);

export function isKnownTld(label: string): boolean {
  const l = label.toLowerCase();
  return KNOWN_TLDS.has(l) || /^[a-z]{2}$/.test(l) || /^xn--[a-z0-9-]+$/.test(l);
}
