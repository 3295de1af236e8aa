/**
 * Server parameters of ISC DHCP 4.4.3 (Debian isc-dhcp-server 4.4.3-P1, built without LDAP and EUI-64).
 * Source of the facts (names, codes, formats, enum values): ISC DHCP 4.4.3 server/stables.c and dhcpd.conf(5).
 * Descriptions are our own words.
 */

import { dict } from '../../common/text';
export interface ServerParamDef {
  readonly name: string;
  readonly code: number;
  /** ISC format letter: T=lease time, L/S/B=unsigned, f=boolean flag, t=text, I=IPv4, 6=IPv6, N=enum, k=key name, U/X=option space. */
  readonly format: string;
  /** "global": only meaningful at the top of the file (the server accepts it anywhere but ignores it elsewhere). */
  readonly scope: 'any' | 'global';
  readonly doc: string;
}

function p(name: string, code: number, format: string, scope: 'any' | 'global', doc: string): ServerParamDef {
  return { name, code, format, scope, doc };
}

export const SERVER_PARAMS: readonly ServerParamDef[] = [
  p('default-lease-time', 1, 'T', 'any', 'Lease length in seconds when the client asks for none.'),
  p('max-lease-time', 2, 'T', 'any', 'Longest lease in seconds the server grants, whatever the client asks.'),
  p('min-lease-time', 3, 'T', 'any', 'Shortest lease in seconds the server grants.'),
  p('dynamic-bootp-lease-cutoff', 4, 'T', 'any', 'Date on which leases given to BOOTP clients end.'),
  p('dynamic-bootp-lease-length', 5, 'L', 'any', 'Length in seconds of leases given to BOOTP clients.'),
  p('boot-unknown-clients', 6, 'f', 'any', 'Whether clients without a host declaration get addresses.'),
  p('dynamic-bootp', 7, 'f', 'any', 'Whether BOOTP clients may get dynamic addresses.'),
  p('allow-bootp', 8, 'f', 'any', 'Whether BOOTP requests are answered (also written allow bootp;).'),
  p('allow-booting', 9, 'f', 'any', 'Whether a client may boot at all (also written allow booting;).'),
  p('one-lease-per-client', 10, 'f', 'any', "Free a client's other leases when it asks for a new one."),
  p('get-lease-hostnames', 11, 'f', 'any', 'Look up each leased address in DNS and send the name as host-name.'),
  p('use-host-decl-names', 12, 'f', 'any', "Send the host declaration's name as the client's host-name."),
  p(
    'use-lease-addr-for-default-route',
    13,
    'f',
    'any',
    "Send the client's own address as its router (for proxy-ARP networks).",
  ),
  p('min-secs', 14, 'B', 'any', 'Ignore requests whose secs field is below this many seconds.'),
  p('filename', 15, 't', 'any', 'Boot file name sent in the file field (e.g. pxelinux.0).'),
  p('server-name', 16, 't', 'any', 'Server host name sent in the sname field.'),
  p('next-server', 17, 'I', 'any', 'Address of the server the client loads its boot file from (TFTP).'),
  p('authoritative', 18, 'f', 'any', 'This server is the authority for its networks: it NAKs wrong addresses.'),
  p('vendor-option-space', 19, 'U', 'any', 'Option space whose options fill vendor-encapsulated-options.'),
  p('always-reply-rfc1048', 20, 'f', 'any', 'Answer BOOTP clients in RFC 1048 format even when they did not ask.'),
  p('site-option-space', 21, 'X', 'any', 'Option space used for site-specific options (codes 224-254).'),
  p('always-broadcast', 22, 'f', 'any', 'Broadcast replies even when the client did not ask for it.'),
  p('ddns-domainname', 23, 't', 'any', "Domain appended to the client's host name for DNS updates."),
  p('ddns-hostname', 24, 't', 'any', 'Host name used for DNS updates.'),
  p(
    'ddns-rev-domainname',
    25,
    't',
    'any',
    'Domain under which reverse (PTR) records are updated, normally in-addr.arpa.',
  ),
  p('lease-file-name', 26, 't', 'global', 'Path of the lease database.'),
  p('pid-file-name', 27, 't', 'global', 'Path of the process id file.'),
  p('duplicates', 28, 'f', 'any', 'Whether a client may hold several leases (also allow/deny duplicates;).'),
  p('declines', 29, 'f', 'any', 'Whether DHCPDECLINE messages are honoured (also allow/deny declines;).'),
  p('ddns-updates', 30, 'f', 'any', 'Whether the server updates DNS for its leases.'),
  p('omapi-port', 31, 'S', 'global', 'TCP port on which the server listens for OMAPI connections.'),
  p('local-port', 32, 'S', 'global', 'UDP port the server listens on instead of 67 (547 for DHCPv6).'),
  p('limited-broadcast-address', 33, 'I', 'global', 'Address used for limited broadcasts instead of 255.255.255.255.'),
  p('remote-port', 34, 'S', 'global', 'UDP port replies are sent to instead of 68.'),
  p('local-address', 35, 'I', 'global', 'Address the server binds to instead of every address.'),
  p('omapi-key', 36, 'k', 'global', 'Name of the key OMAPI clients must use.'),
  p('stash-agent-options', 37, 'f', 'any', 'Keep relay agent options from the first request for later renewals.'),
  p('ddns-ttl', 38, 'T', 'any', 'TTL in seconds of the DNS records the server adds.'),
  p(
    'ddns-update-style',
    39,
    'Nddns-styles.',
    'global',
    'How the server updates DNS: none, ad-hoc (no longer supported), interim or standard.',
  ),
  p(
    'client-updates',
    40,
    'f',
    'any',
    'Whether clients may update their own A records (also allow/ignore client-updates;).',
  ),
  p('update-optimization', 41, 'f', 'any', 'Skip DNS updates when the lease data did not change.'),
  p('ping-check', 42, 'f', 'any', 'Ping an address before offering it, to find hosts using it already.'),
  p('update-static-leases', 43, 'f', 'any', 'Also update DNS for hosts with fixed addresses.'),
  p('log-facility', 44, 'Nsyslog-facilities.', 'global', 'Syslog facility the server logs to.'),
  p('do-forward-updates', 45, 'f', 'any', 'Whether the server updates the forward (A/AAAA) records.'),
  p('ping-timeout', 46, 'T', 'any', 'Seconds to wait for an answer to the ping check.'),
  p('infinite-is-reserved', 47, 'f', 'any', 'Treat infinite leases asked for by clients as reservations.'),
  p(
    'update-conflict-detection',
    48,
    'f',
    'any',
    'Use DHCID records to avoid overwriting names owned by other clients.',
  ),
  p('leasequery', 49, 'f', 'any', 'Whether lease queries are answered (also allow leasequery;).'),
  p(
    'adaptive-lease-time-threshold',
    50,
    'B',
    'any',
    'Pool usage percentage above which leases are shortened to min-lease-time.',
  ),
  p('do-reverse-updates', 51, 'f', 'any', 'Whether the server updates the reverse (PTR) records.'),
  p('fqdn-reply', 52, 'f', 'any', 'Whether the server replies with the FQDN option.'),
  p('preferred-lifetime', 53, 'T', 'any', 'Preferred lifetime in seconds of DHCPv6 addresses.'),
  p('dhcpv6-lease-file-name', 54, 't', 'global', 'Path of the DHCPv6 lease database.'),
  p('dhcpv6-pid-file-name', 55, 't', 'global', 'Path of the DHCPv6 process id file.'),
  p('limit-addrs-per-ia', 56, 'L', 'any', 'Most addresses given in one DHCPv6 IA.'),
  p('limit-prefs-per-ia', 57, 'L', 'any', 'Most prefixes given in one DHCPv6 IA_PD.'),
  p('delayed-ack', 58, 'S', 'global', 'Number of DHCPACKs queued before the lease file is synced.'),
  p('max-ack-delay', 59, 'L', 'global', 'Microseconds a queued DHCPACK may wait.'),
  p(
    'dhcp-cache-threshold',
    78,
    'B',
    'any',
    "Percentage of a lease's age below which it is renewed without rewriting it.",
  ),
  p('dont-use-fsync', 79, 'f', 'global', 'Do not fsync the lease file (faster, less safe).'),
  p('ddns-local-address4', 80, 'I', 'any', 'Source IPv4 address for DNS updates.'),
  p('ddns-local-address6', 81, '6', 'any', 'Source IPv6 address for DNS updates.'),
  p('ignore-client-uids', 82, 'f', 'any', 'Do not record client identifiers with leases.'),
  p('log-threshold-low', 83, 'B', 'any', 'Pool usage percentage below which the high-usage warning is reset.'),
  p('log-threshold-high', 84, 'B', 'any', 'Pool usage percentage above which a warning is logged.'),
  p('echo-client-id', 85, 'f', 'any', 'Echo the client identifier in replies (RFC 6842).'),
  p('server-id-check', 86, 'f', 'any', 'Ignore requests whose server identifier names another server.'),
  p(
    'prefix-length-mode',
    87,
    'Nprefix_length_modes.',
    'any',
    'How a requested DHCPv6 prefix length is matched: ignore, prefer, exact, minimum or maximum.',
  ),
  p('dhcpv6-set-tee-times', 88, 'f', 'any', 'Send T1/T2 values in DHCPv6 IAs computed from the lifetime.'),
  p('abandon-lease-time', 89, 'T', 'any', 'Seconds an abandoned lease stays abandoned.'),
  p(
    'check-secs-byte-order',
    92,
    'f',
    'any',
    'Accept a secs field sent in the wrong byte order (failover load balancing).',
  ),
  p('ddns-dual-stack-mixed-mode', 93, 'f', 'any', 'Relax DNS conflict rules between DHCPv4 and DHCPv6 clients.'),
  p('ddns-guard-id-must-match', 94, 'f', 'any', 'Require the DHCID guard to match before updating a name.'),
  p('ddns-other-guard-is-dynamic', 95, 'f', 'any', 'Treat names guarded by the other family as dynamic.'),
  p('release-on-roam', 96, 'f', 'any', 'Release a DHCPv6 lease when the client moves to another link.'),
  p('local-address6', 97, '6', 'global', 'IPv6 address the DHCPv6 server binds to.'),
  p('bind-local-address6', 98, 'f', 'global', 'Bind the DHCPv6 socket to local-address6.'),
  p('ping-cltt-secs', 99, 'T', 'any', 'Skip the ping check when the client was seen this recently.'),
  p('ping-timeout-ms', 100, 'T', 'any', 'Milliseconds to wait for an answer to the ping check.'),
];

/** Values of the enumerations the server parameters use (stables.c). */
export const ENUMS: Readonly<Record<string, readonly string[]>> = dict({
  'ddns-styles': ['none', 'ad-hoc', 'interim', 'standard'],
  prefix_length_modes: ['ignore', 'prefer', 'exact', 'minimum', 'maximum'],
  'syslog-facilities': [
    'kern',
    'user',
    'mail',
    'daemon',
    'auth',
    'syslog',
    'lpr',
    'news',
    'uucp',
    'cron',
    'authpriv',
    'ftp',
    'local0',
    'local1',
    'local2',
    'local3',
    'local4',
    'local5',
    'local6',
    'local7',
  ],
});

/** The server parameters by name. */
export const PARAM_BY_NAME: ReadonlyMap<string, ServerParamDef> = new Map(
  SERVER_PARAMS.map((p) => [p.name, p] as const),
);
