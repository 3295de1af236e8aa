/**
 * Statements whose values dhcpd reads only as literals: addresses and numbers, never host names
 * or other words. Source of the facts: ISC DHCP 4.4.3 server/confpars.c (parse_subnet_declaration,
 * parse_address_range, parse_subnet6_declaration, parse_address_range6, parse_prefix6,
 * parse_fixed_prefix6, parse_fixed_addr_param, parse_failover_peer, parse_class_declaration,
 * parse_host_declaration) and common/parse.c (parse_numeric_aggregate, parse_ip6_addr, parse_zone),
 * checked with `dhcpd -t`. The forms and examples are our own words, for messages.
 */
import { dict } from '../../common/text';

export interface LiteralForm {
  /** The statement as written, with its values in capitals (its forms, where it has several). */
  readonly forms: readonly string[];
  /** A statement that dhcpd accepts. */
  readonly example: string;
}

/** By keyword: the statements whose addresses are literals (an IPv4 `range` takes no host name). */
export const LITERAL_FORMS: Readonly<Record<string, LiteralForm>> = dict({
  range: { forms: ['range LOW HIGH;'], example: 'range 10.0.0.10 10.0.0.20;' },
  subnet: {
    forms: ['subnet NETWORK netmask MASK { ... }'],
    example: 'subnet 192.168.1.0 netmask 255.255.255.0 { ... }',
  },
  subnet6: { forms: ['subnet6 PREFIX/LENGTH { ... }'], example: 'subnet6 2001:db8:0:1::/64 { ... }' },
  range6: {
    forms: ['range6 LOW HIGH;', 'range6 PREFIX/LENGTH;', 'range6 ADDRESS temporary;'],
    example: 'range6 2001:db8:0:1::100 2001:db8:0:1::1ff;',
  },
  prefix6: { forms: ['prefix6 LOW HIGH /LENGTH;'], example: 'prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56;' },
  'fixed-prefix6': { forms: ['fixed-prefix6 PREFIX/LENGTH;'], example: 'fixed-prefix6 2001:db8:0:100::/56;' },
  'fixed-address6': { forms: ['fixed-address6 ADDRESS;'], example: 'fixed-address6 2001:db8:0:1::10;' },
  primary6: { forms: ['primary6 ADDRESS;'], example: 'primary6 2001:db8::53;' },
  secondary6: { forms: ['secondary6 ADDRESS;'], example: 'secondary6 2001:db8::53;' },
});

export interface NumberForm {
  /** The words before the number, after the keyword (`load balance max seconds N`). */
  readonly words?: readonly string[];
  /** The values dhcpd accepts, where it checks them. */
  readonly min?: number;
  readonly max?: number;
  readonly example: string;
}

/** Failover peer statements that take a number (`peer port N;` and the like read the same). */
export const FAILOVER_NUMBERS: Readonly<Record<string, NumberForm>> = dict({
  port: { example: 'port 647;' },
  'max-response-delay': { example: 'max-response-delay 60;' },
  'max-unacked-updates': { example: 'max-unacked-updates 10;' },
  mclt: { example: 'mclt 3600;' },
  split: { min: 0, max: 256, example: 'split 128;' },
  load: { words: ['balance', 'max', 'seconds'], example: 'load balance max seconds 3;' },
  'max-lease-misbalance': { example: 'max-lease-misbalance 15;' },
  'max-lease-ownership': { example: 'max-lease-ownership 10;' },
  'min-balance': { example: 'min-balance 60;' },
  'max-balance': { example: 'max-balance 3600;' },
  'auto-partner-down': { example: 'auto-partner-down 3600;' },
});

/** Other statements with a number at a fixed place: `lease limit N;` (class), `host-identifier v6relopt N ...` (host). */
export const OTHER_NUMBERS: Readonly<Record<string, NumberForm>> = dict({
  lease: { words: ['limit'], example: 'lease limit 10;' },
  'host-identifier': {
    words: ['v6relopt'],
    min: 0,
    example: 'host-identifier v6relopt 1 dhcp6.client-id 00:01:00:01:4a:1f:ba:e3:60:b9:1f:01;',
  },
});
