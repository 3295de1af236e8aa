/**
 * Words BIND 9.18 accepts where its grammar only says "a string": zone types
 * (lib/isccfg/namedconf.c, with `master` and `slave` as old names), TSIG algorithms
 * (lib/dns/tsig.c; a `-bits` suffix truncates the MAC), TLS protocol versions
 * (lib/isc/tls.c), logging channel destinations (lib/isccfg/namedconf.c) and update-policy
 * rule types (lib/dns/ssu.c).
 */
import type { ZoneType } from './types';

export const ZONE_TYPES: readonly ZoneType[] = [
  'primary',
  'secondary',
  'mirror',
  'stub',
  'static-stub',
  'delegation-only',
  'hint',
  'redirect',
  'forward',
];

/** TSIG algorithm names (lower case), each also accepted with a `-bits` suffix, and the old name of HMAC-MD5. */
export const TSIG_ALGORITHMS: ReadonlySet<string> = new Set([
  'hmac-md5',
  'hmac-sha1',
  'hmac-sha224',
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
]);
export const TSIG_MD5_LONG_NAME = 'hmac-md5.sig-alg.reg.int';

/** TLS protocol versions a `tls` block may list (lower case). */
export const TLS_PROTOCOLS: readonly string[] = ['tlsv1.2', 'tlsv1.3'];

/** A logging channel's destinations: it takes exactly one. */
export const LOG_DESTINATIONS: readonly string[] = ['file', 'syslog', 'null', 'stderr'];

/** update-policy rule types whose name field is the identity itself (or `.`). */
export const SELF_RULE_TYPES: readonly string[] = ['self', 'selfsub', 'selfwild'];
/** update-policy rule types whose name field is only a placeholder, `.`. */
export const PLACEHOLDER_RULE_TYPES: readonly string[] = [
  'krb5-self',
  'ms-self',
  'krb5-selfsub',
  'ms-selfsub',
  'tcp-self',
  '6to4-self',
];
