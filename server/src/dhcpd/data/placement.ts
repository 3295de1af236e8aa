/**
 * Where each dhcpd.conf statement may appear: completion offers it there, hover names the places,
 * and validation reports it elsewhere. Source of the facts: ISC DHCP 4.4.3 server/confpars.c
 * (parse_statement and the declaration parsers) and dhcpd.conf(5), checked with `dhcpd -t`.
 */
import { dict } from '../../common/text';

/** The kinds of block a statement can be in. `exec` is the body of if/else, on, switch/case. */
export type Scope =
  | 'root'
  | 'shared-network'
  | 'subnet'
  | 'subnet6'
  | 'host'
  | 'group'
  | 'pool'
  | 'pool6'
  | 'class'
  | 'exec'
  | 'failover'
  | 'zone'
  | 'key';

export interface Placement {
  /** Where the statement goes: completion offers it there and hover lists these. */
  readonly scopes: readonly Scope[];
  /**
   * Where it is not offered but validation does not report it either: places dhcpd's parser
   * accepts (a shared-network in a pool), and a few `dhcpd -t` rejects that are not reported yet.
   */
  readonly notReportedIn?: readonly Scope[];
  /** Why it is not accepted elsewhere: validation checks where it is only when this is given. */
  readonly misplaced?: string;
}

const NET: Scope[] = ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6', 'host', 'class'];
const ANY: Scope[] = [...NET, 'exec'];

/** By the statement's first keyword (zone, key and failover bodies have tables of their own in keywords.ts). */
export const PLACEMENT: Readonly<Record<string, Placement>> = dict({
  // dhcpd -t rejects it in a conditional block (not reported yet)
  include: { scopes: NET },
  'shared-network': {
    scopes: ['root', 'group'],
    notReportedIn: ['pool', 'pool6'],
    misplaced: 'shared networks go at the top level or in a group',
  },
  subnet: {
    scopes: ['root', 'shared-network', 'group'],
    misplaced: 'subnets go at the top level or in a shared-network or group',
  },
  subnet6: {
    scopes: ['root', 'shared-network', 'group'],
    misplaced: 'subnets go at the top level or in a shared-network or group',
  },
  // dhcpd -6 -t fails on an IPv4 range in a subnet6 (not reported yet)
  range: { scopes: ['subnet', 'pool'], notReportedIn: ['subnet6'], misplaced: 'ranges go inside a subnet or a pool' },
  // in a `subnet`: dhcpd -6 -t fails on the IPv4 subnet itself (not reported yet); so for prefix6 and pool6
  range6: {
    scopes: ['subnet6', 'pool6'],
    notReportedIn: ['subnet'],
    misplaced: 'range6 goes inside a subnet6 or pool6',
  },
  prefix6: {
    scopes: ['subnet6', 'pool6'],
    notReportedIn: ['subnet'],
    misplaced: 'prefix6 goes inside a subnet6 or pool6',
  },
  'fixed-prefix6': { scopes: ['host'], misplaced: 'fixed-prefix6 goes inside a host declaration' },
  host: {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6'],
    misplaced: 'host declarations go at the top level or in a shared-network, subnet, group or pool',
  },
  group: {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6'],
    misplaced: 'groups go at the top level or in a shared-network, subnet or pool',
  },
  pool: { scopes: ['shared-network', 'subnet'], misplaced: 'a pool goes inside a subnet or shared-network' },
  pool6: { scopes: ['subnet6'], notReportedIn: ['subnet'], misplaced: 'a pool6 goes inside a subnet6' },
  class: {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6', 'host'],
    misplaced: 'class declarations cannot be nested or conditional',
  },
  subclass: {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6', 'host'],
    misplaced: 'class declarations cannot be nested or conditional',
  },
  'vendor-class': {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6', 'host'],
    misplaced: 'class declarations cannot be nested or conditional',
  },
  'user-class': {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6', 'host'],
    misplaced: 'class declarations cannot be nested or conditional',
  },
  hardware: { scopes: ['host'], misplaced: 'hardware addresses go inside a host declaration' },
  'fixed-address': { scopes: ['host'], misplaced: 'fixed addresses go inside a host declaration' },
  'fixed-address6': { scopes: ['host'], misplaced: 'fixed addresses go inside a host declaration' },
  'host-identifier': { scopes: ['host'], misplaced: 'it belongs inside a host declaration' },
  uid: { scopes: ['host'], misplaced: 'it belongs inside a host declaration' },
  failover: {
    scopes: ['root', 'shared-network', 'pool'],
    misplaced:
      'failover peers are declared at the top level or in a shared-network (a pool names one with `failover peer "NAME";`)',
  },
  authoritative: {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6'],
    misplaced: 'it belongs to a network declaration or the top level',
  },
  // `not authoritative`: dhcpd -t accepts it in a class, rejects it in a conditional block (not reported yet)
  not: {
    scopes: ['root', 'shared-network', 'subnet', 'subnet6', 'group', 'pool', 'pool6'],
    notReportedIn: ['class', 'exec'],
  },
  'server-identifier': { scopes: NET, misplaced: 'use `option dhcp-server-identifier` in conditional blocks' },
  option: { scopes: ANY },
  allow: { scopes: ANY },
  deny: { scopes: ANY },
  ignore: { scopes: ANY },
  zone: { scopes: ANY },
  key: { scopes: ANY },
  if: { scopes: ANY },
  elsif: { scopes: ANY },
  else: { scopes: ANY },
  switch: { scopes: ANY },
  case: { scopes: ['exec'] },
  default: { scopes: ANY },
  on: { scopes: ANY },
  set: { scopes: ANY },
  unset: { scopes: ANY },
  define: { scopes: ANY },
  eval: { scopes: ANY },
  execute: { scopes: ANY },
  return: { scopes: ANY },
  log: { scopes: ANY },
  add: { scopes: ANY },
  break: { scopes: ANY },
  send: { scopes: ANY },
  supersede: { scopes: ANY },
  prepend: { scopes: ANY },
  append: { scopes: ANY },
  match: { scopes: ['class'], misplaced: 'it belongs inside a class declaration' },
  spawn: { scopes: ['class'], misplaced: 'it belongs inside a class declaration' },
  lease: { scopes: ['class'], misplaced: '`lease limit N;` belongs inside a class declaration' },
  interface: { scopes: ['shared-network', 'subnet', 'subnet6', 'group'] },
  'server-duid': { scopes: ['root'] },
  'lease-id-format': { scopes: ['root'] },
  'db-time-format': { scopes: ['root'] },
  dynamic: { scopes: ['host'], misplaced: 'it belongs inside a host declaration' },
  // not offered by completion (OMAPI only), but checked
  deleted: { scopes: ['host'], misplaced: 'it belongs inside a host declaration' },
});

/** The scope of the statements in the block of each declaration, by its keyword. */
export const BLOCK_SCOPES: Readonly<Record<string, Scope>> = dict({
  'shared-network': 'shared-network',
  subnet: 'subnet',
  subnet6: 'subnet6',
  host: 'host',
  group: 'group',
  pool: 'pool',
  pool6: 'pool6',
  class: 'class',
  subclass: 'class',
  'vendor-class': 'class',
  'user-class': 'class',
  zone: 'zone',
  key: 'key',
  failover: 'failover',
  if: 'exec',
  elsif: 'exec',
  else: 'exec',
  on: 'exec',
  switch: 'exec',
});

/** The bit of a scope in a set of scopes (a number: asked for every statement of a file). */
export function scopeBit(scope: Scope): number {
  switch (scope) {
    case 'root':
      return 1;
    case 'shared-network':
      return 2;
    case 'subnet':
      return 4;
    case 'subnet6':
      return 8;
    case 'host':
      return 16;
    case 'group':
      return 32;
    case 'pool':
      return 64;
    case 'pool6':
      return 128;
    case 'class':
      return 256;
    case 'exec':
      return 512;
    case 'failover':
      return 1024;
    case 'zone':
      return 2048;
    default:
      return 4096;
  }
}

/** Every scope. */
const ALL_SCOPES = 8191;

/** Per keyword, the scopes validation lets it be in. */
const ACCEPTED: ReadonlyMap<string, number> = new Map(
  Object.entries(PLACEMENT).map(([name, p]) => {
    let bits = 0;
    for (const s of [...p.scopes, ...(p.notReportedIn ?? [])]) bits |= scopeBit(s);
    return [name, bits] as const;
  }),
);

/** The scopes validation lets the statement `name` be in, as bits (all for a statement not in the table). */
export function acceptedScopes(name: string): number {
  return ACCEPTED.get(name) ?? ALL_SCOPES;
}

/** Whether validation lets the statement `name` be in `scope`. */
export function accepts(name: string, scope: Scope): boolean {
  return (acceptedScopes(name) & scopeBit(scope)) !== 0;
}

/** Why dhcpd does not accept the statement `name` where it is (for a message). */
export function misplaced(name: string): string {
  return PLACEMENT[name]?.misplaced ?? '';
}

/** Where the statement `name` goes (hover lists these). */
export function placesOf(name: string): readonly Scope[] {
  return PLACEMENT[name]?.scopes ?? [];
}

/** Whether completion offers the statement `name` in `scope`. */
export function offeredIn(name: string, scope: Scope): boolean {
  return PLACEMENT[name]?.scopes.includes(scope) ?? false;
}

/** Where a scope is, in words ("in a subnet declaration"), for messages and hover. */
export function scopeName(scope: Scope): string {
  switch (scope) {
    case 'root':
      return 'at the top level';
    case 'exec':
      return 'inside a conditional or event block';
    case 'shared-network':
      return 'in a shared-network';
    default:
      return `in a ${scope} declaration`;
  }
}
