/**
 * Numeric ranges BIND 9.18 enforces on single-number statements: ports, signature validity and
 * the negative-cache TTL (lib/bind9/check.c), rate-limit parameters (bin/named/server.c).
 * `ctx`: only in that block.
 */
import type { ContextId } from './types';

export interface ValueRange {
  readonly lo: number;
  readonly hi: number;
  readonly ctx?: ContextId;
}

const perSecond: ValueRange = { lo: 0, hi: 1000, ctx: 'rate-limit' };
const port: ValueRange = { lo: 1, hi: 65535, ctx: 'options' };

export const VALUE_RANGES: Readonly<Record<string, ValueRange>> = Object.assign(
  Object.create(null) as Record<string, ValueRange>,
  {
    port,
    'tls-port': port,
    'https-port': port,
    'http-port': port,
    'dnskey-sig-validity': { lo: 0, hi: 3660 },
    'sig-validity-interval': { lo: 1, hi: 3660 },
    'max-ncache-ttl': { lo: 0, hi: 604800 },
    'responses-per-second': perSecond,
    'referrals-per-second': perSecond,
    'nodata-per-second': perSecond,
    'nxdomains-per-second': perSecond,
    'errors-per-second': perSecond,
    'all-per-second': perSecond,
    slip: { lo: 0, hi: 10, ctx: 'rate-limit' },
    window: { lo: 1, hi: 3600, ctx: 'rate-limit' },
    'qps-scale': { lo: 1, hi: 4294967295, ctx: 'rate-limit' },
    'ipv4-prefix-length': { lo: 8, hi: 32, ctx: 'rate-limit' },
    'ipv6-prefix-length': { lo: 16, hi: 64, ctx: 'rate-limit' },
  } satisfies Record<string, ValueRange>,
);
