/**
 * The statements most often written in each kind of block, most common first: completion lists
 * them first and the rest after, alphabetically. Source: the example configurations of
 * dhcpd.conf(5) in ISC DHCP 4.4.3 and doc/examples/dhcpd-dhcpv6.conf; the order is our own choice.
 */
import type { Scope } from './placement';

/** By address family (a DHCPv6 file declares subnet6, range6 ...), then by block. */
export const COMMON_STATEMENTS: Readonly<Record<4 | 6, Readonly<Partial<Record<Scope, readonly string[]>>>>> = {
  4: {
    root: [
      'option',
      'subnet',
      'host',
      'ddns-update-style',
      'default-lease-time',
      'max-lease-time',
      'authoritative',
      'log-facility',
      'shared-network',
      'include',
      'key',
      'zone',
      'class',
      'group',
      'failover',
    ],
    subnet: ['range', 'option', 'host', 'pool', 'default-lease-time', 'max-lease-time', 'next-server', 'filename'],
    'shared-network': ['subnet', 'option', 'pool', 'default-lease-time', 'max-lease-time'],
    pool: ['range', 'failover', 'allow', 'deny', 'option', 'default-lease-time', 'max-lease-time'],
    host: ['hardware', 'fixed-address', 'option', 'ddns-hostname', 'filename', 'next-server'],
    group: ['host', 'option', 'filename', 'next-server', 'default-lease-time', 'max-lease-time'],
    class: ['match', 'option', 'lease', 'spawn'],
  },
  6: {
    root: [
      'option',
      'subnet6',
      'host',
      'ddns-update-style',
      'default-lease-time',
      'preferred-lifetime',
      'max-lease-time',
      'authoritative',
      'log-facility',
      'shared-network',
      'server-duid',
      'include',
      'key',
      'zone',
      'class',
      'group',
    ],
    subnet6: ['range6', 'prefix6', 'option', 'host', 'pool6', 'default-lease-time', 'preferred-lifetime'],
    'shared-network': ['subnet6', 'option', 'default-lease-time', 'preferred-lifetime'],
    pool6: ['range6', 'prefix6', 'allow', 'deny', 'option'],
    host: ['host-identifier', 'hardware', 'fixed-address6', 'fixed-prefix6', 'option'],
    group: ['host', 'option', 'default-lease-time', 'preferred-lifetime'],
    class: ['match', 'option', 'lease', 'spawn'],
  },
};
