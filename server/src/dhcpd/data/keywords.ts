/**
 * dhcpd.conf statements that are not server parameters: declarations, option statements,
 * conditionals, failover, zone and key blocks, and the allow/deny keywords.
 * Source of the facts (keywords; where each may appear is in placement.ts): ISC DHCP 4.4.3 server/confpars.c,
 * common/parse.c and the man pages dhcpd.conf(5), dhcp-eval(5). Descriptions are our own words.
 */

import { dict } from '../../common/text';

export interface KeywordDef {
  readonly name: string;
  /** Syntax shown in hover and completion. */
  readonly syntax: string;
  readonly doc: string;
  /** True when the statement opens a `{ }` block. */
  readonly block?: boolean;
}

export const KEYWORDS: readonly KeywordDef[] = [
  { name: 'include', syntax: 'include "FILE";', doc: 'Reads another configuration file at this point.' },
  {
    name: 'shared-network',
    syntax: 'shared-network NAME { subnet ... }',
    doc: 'Groups the subnets that share one physical network (one link).',
    block: true,
  },
  {
    name: 'subnet',
    syntax: 'subnet NETWORK netmask MASK { ... }',
    doc: 'Declares an IPv4 subnet the server serves or knows about.',
    block: true,
  },
  {
    name: 'subnet6',
    syntax: 'subnet6 PREFIX/LENGTH { ... }',
    doc: 'Declares an IPv6 subnet (DHCPv6 mode only).',
    block: true,
  },
  {
    name: 'range',
    syntax: 'range [dynamic-bootp] LOW [HIGH];',
    doc: 'Addresses the server may lease dynamically; inside a subnet or a pool.',
  },
  {
    name: 'range6',
    syntax: 'range6 LOW HIGH; | range6 PREFIX/LEN [temporary];',
    doc: 'IPv6 addresses the server may lease; inside a subnet6 or pool6.',
  },
  {
    name: 'prefix6',
    syntax: 'prefix6 LOW HIGH /LENGTH;',
    doc: 'Prefixes the server may delegate (prefix delegation).',
  },
  {
    name: 'fixed-prefix6',
    syntax: 'fixed-prefix6 PREFIX/LENGTH;',
    doc: 'A prefix always delegated to this host.',
  },
  {
    name: 'host',
    syntax: 'host NAME { hardware ethernet MAC; fixed-address ADDRESS; }',
    doc: 'Declares one client, usually by MAC address, with its own parameters.',
    block: true,
  },
  {
    name: 'group',
    syntax: 'group [NAME] { ... }',
    doc: 'Applies common parameters to the declarations inside it.',
    block: true,
  },
  {
    name: 'pool',
    syntax: 'pool { range ...; allow ...; }',
    doc: 'A set of address ranges with their own access rules and parameters.',
    block: true,
  },
  {
    name: 'pool6',
    syntax: 'pool6 { range6 ...; }',
    doc: 'A set of IPv6 ranges with their own access rules and parameters.',
    block: true,
  },
  {
    name: 'class',
    syntax: 'class "NAME" { match if EXPRESSION; }',
    doc: 'Defines a client class that pools can allow or deny.',
    block: true,
  },
  {
    name: 'subclass',
    syntax: 'subclass "CLASS" VALUE [{ ... }]',
    doc: 'Adds a member to a class that matches on a data expression.',
  },
  {
    name: 'vendor-class',
    syntax: 'vendor-class "NAME" { ... }',
    doc: 'Old name of a class declaration matched on the vendor class.',
    block: true,
  },
  {
    name: 'user-class',
    syntax: 'user-class "NAME" { ... }',
    doc: 'Old name of a class declaration matched on the user class.',
    block: true,
  },
  {
    name: 'hardware',
    syntax: 'hardware ethernet 00:11:22:33:44:55;',
    doc: "The host's network hardware type and address (only in host declarations).",
  },
  {
    name: 'fixed-address',
    syntax: 'fixed-address ADDRESS [, ADDRESS ...];',
    doc: 'The IPv4 address (or host name) always given to this host.',
  },
  {
    name: 'fixed-address6',
    syntax: 'fixed-address6 ADDRESS;',
    doc: 'The IPv6 address always given to this host.',
  },
  {
    name: 'host-identifier',
    syntax: 'host-identifier option NAME VALUE;',
    doc: 'Identifies a host by an option value (e.g. a DHCPv6 client id) instead of its MAC.',
  },
  { name: 'uid', syntax: 'uid VALUE;', doc: 'Identifies a host by its client identifier.' },
  {
    name: 'failover',
    syntax: 'failover peer "NAME" { primary; address A; peer address B; ... }',
    doc: 'Declares a failover peer, or names the peer a pool is shared with.',
    block: true,
  },
  {
    name: 'authoritative',
    syntax: 'authoritative; | not authoritative;',
    doc: 'This server is the authority for its networks: it sends DHCPNAK for wrong addresses.',
  },
  {
    name: 'not',
    syntax: 'not authoritative;',
    doc: 'With authoritative: the server is not the authority for these networks.',
  },
  {
    name: 'server-identifier',
    syntax: 'server-identifier ADDRESS;',
    doc: 'The address the server identifies itself with in replies.',
  },
  {
    name: 'option',
    syntax: 'option NAME VALUE; | option NAME code N = TYPE; | option space NAME;',
    doc: 'Sets an option sent to clients, defines a new option, or declares an option space.',
  },
  {
    name: 'allow',
    syntax: 'allow unknown-clients; | allow members of "CLASS";',
    doc: 'Allows a kind of client (in pools) or a server behaviour.',
  },
  {
    name: 'deny',
    syntax: 'deny unknown-clients; | deny members of "CLASS";',
    doc: 'Denies a kind of client (in pools) or a server behaviour.',
  },
  {
    name: 'ignore',
    syntax: 'ignore client-updates;',
    doc: 'Like deny, but the request is silently ignored.',
  },
  {
    name: 'zone',
    syntax: 'zone NAME. { primary ADDRESS; key KEY; }',
    doc: 'The DNS server and key used for dynamic updates of one zone.',
    block: true,
  },
  {
    name: 'key',
    syntax: 'key NAME { algorithm hmac-md5; secret "BASE64"; }',
    doc: 'A TSIG key used to sign dynamic DNS updates or OMAPI connections.',
    block: true,
  },
  {
    name: 'if',
    syntax: 'if EXPRESSION { ... } elsif EXPRESSION { ... } else { ... }',
    doc: 'Runs the statements in the block when the boolean expression is true.',
    block: true,
  },
  {
    name: 'elsif',
    syntax: 'elsif EXPRESSION { ... }',
    doc: 'Another condition tried when the ones before it were false.',
    block: true,
  },
  {
    name: 'else',
    syntax: 'else { ... }',
    doc: 'Runs when no condition of the if statement was true.',
    block: true,
  },
  {
    name: 'switch',
    syntax: 'switch (EXPRESSION) { case VALUE: ...; default: ...; }',
    doc: "Runs the statements after the case that matches the expression's value.",
    block: true,
  },
  { name: 'case', syntax: 'case VALUE:', doc: 'A label inside a switch block.' },
  {
    name: 'default',
    syntax: 'default: | default option NAME VALUE;',
    doc: 'The switch label used when no case matches, or sets an option only when the client did not ask for it.',
  },
  {
    name: 'on',
    syntax: 'on commit | release | expiry { ... }',
    doc: 'Statements run when a lease is committed, released or expires.',
    block: true,
  },
  { name: 'set', syntax: 'set NAME = EXPRESSION;', doc: 'Sets a variable stored with the lease.' },
  { name: 'unset', syntax: 'unset NAME;', doc: 'Removes a variable.' },
  {
    name: 'define',
    syntax: 'define NAME = EXPRESSION; | define NAME (ARGS) { ... }',
    doc: 'Defines a variable or a function.',
  },
  { name: 'eval', syntax: 'eval EXPRESSION;', doc: 'Evaluates an expression for its side effects.' },
  {
    name: 'execute',
    syntax: 'execute ("PROGRAM", ARG, ...);',
    doc: 'Runs an external program (if the server was built with it).',
  },
  { name: 'return', syntax: 'return EXPRESSION;', doc: 'Returns a value from a defined function.' },
  {
    name: 'log',
    syntax: 'log (info|error|debug|fatal, EXPRESSION);',
    doc: 'Writes the value of an expression to the log.',
  },
  { name: 'add', syntax: 'add "CLASS";', doc: 'Makes the client a member of a class.' },
  { name: 'break', syntax: 'break;', doc: 'Leaves the current switch or if block.' },
  {
    name: 'send',
    syntax: 'send NAME VALUE;',
    doc: 'Sends an option to the client even though it did not ask for it.',
  },
  {
    name: 'supersede',
    syntax: 'supersede NAME VALUE;',
    doc: 'Sets an option, replacing any value set before (same as option).',
  },
  {
    name: 'prepend',
    syntax: 'prepend NAME VALUE;',
    doc: "Puts a value before the client's own value of the option.",
  },
  {
    name: 'append',
    syntax: 'append NAME VALUE;',
    doc: "Puts a value after the client's own value of the option.",
  },
  {
    name: 'match',
    syntax: 'match if EXPRESSION; | match DATA-EXPRESSION;',
    doc: 'How a class decides its members (only in class declarations).',
  },
  {
    name: 'spawn',
    syntax: 'spawn with DATA-EXPRESSION;',
    doc: 'Creates one subclass per distinct value of the expression.',
  },
  {
    name: 'lease',
    syntax: 'lease limit N;',
    doc: 'Limits how many leases the members of a class may hold.',
  },
  {
    name: 'interface',
    syntax: 'interface NAME;',
    doc: 'Binds a subnet or shared network to a network interface.',
  },
  {
    name: 'server-duid',
    syntax: 'server-duid LLT [TYPE TIME MAC] | EN NUM ID | LL [TYPE MAC];',
    doc: 'The DUID the DHCPv6 server identifies itself with.',
  },
  {
    name: 'lease-id-format',
    syntax: 'lease-id-format octal | hex;',
    doc: 'How client ids are written in the lease file.',
  },
  {
    name: 'db-time-format',
    syntax: 'db-time-format default | local;',
    doc: 'How times are written in the lease file.',
  },
  { name: 'dynamic', syntax: 'dynamic;', doc: 'Marks a host declared over OMAPI as dynamic.' },
];

/** Sub-statements of `zone NAME { ... }`. */
export const ZONE_STATEMENTS: Readonly<Record<string, string>> = dict({
  primary: 'The DNS server (IPv4 address or name) that receives updates for the zone.',
  secondary: 'A DNS server tried when the primary does not answer.',
  primary6: 'The DNS server (IPv6 address) that receives updates for the zone.',
  secondary6: 'A DNS server (IPv6 address) tried when the primary does not answer.',
  key: 'The TSIG key (defined earlier with a key statement) that signs updates for the zone.',
});

/** Sub-statements of `key NAME { ... }`. */
export const KEY_STATEMENTS: Readonly<Record<string, string>> = dict({
  algorithm: 'The TSIG algorithm, e.g. hmac-md5, hmac-sha256.',
  secret: 'The shared secret, base64-encoded (as made by tsig-keygen or dnssec-keygen).',
});

export const KEY_ALGORITHMS = [
  'hmac-md5',
  'hmac-md5.sig-alg.reg.int',
  'hmac-sha1',
  'hmac-sha224',
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
];

/** Sub-statements of `failover peer NAME { ... }` (first words). */
export const FAILOVER_STATEMENTS: Readonly<Record<string, string>> = dict({
  primary: 'This server is the primary of the pair.',
  secondary: 'This server is the secondary of the pair.',
  address: 'The address this server listens on for its peer.',
  port: 'The TCP port this server listens on for its peer.',
  peer: '`peer address A;` / `peer port N;`: where the other server listens.',
  'max-response-delay': 'Seconds without a message after which the peer is taken to be down.',
  'max-unacked-updates': 'How many updates may be sent before the peer acknowledges them.',
  mclt: 'Maximum client lead time in seconds (primary only).',
  split: 'Share of the clients the primary serves, 0-256 (primary only).',
  hba: 'Load-balancing bitmap, 32 hex octets (instead of split).',
  load: '`load balance max seconds N;`: answer for the peer after a client has waited this long.',
  'max-lease-misbalance': 'Percentage of imbalance that triggers rebalancing.',
  'max-lease-ownership': 'Percentage of leases that may change owner at once.',
  'min-balance': 'Shortest time between rebalancing runs.',
  'max-balance': 'Longest time between rebalancing runs.',
  'auto-partner-down': 'Seconds after which communications-interrupted becomes partner-down.',
});

/** What may follow allow/deny/ignore. */
export const ALLOW_DENY: Readonly<Record<string, string>> = dict({
  'unknown-clients': 'Clients without a host declaration.',
  'known-clients': 'Clients with a host declaration.',
  'unknown clients': 'Clients without a host declaration (in pools).',
  'known clients': 'Clients with a host declaration (in pools).',
  'members of': 'Members of the named class (in pools).',
  'dynamic bootp clients': 'BOOTP clients (in pools).',
  'authenticated clients': 'Authenticated clients (in pools; not implemented).',
  'unauthenticated clients': 'Unauthenticated clients (in pools; not implemented).',
  'all clients': 'Every client (in pools).',
  after: 'Clients after a date (in pools).',
  bootp: 'BOOTP requests.',
  booting: 'Booting of the client at all.',
  'dynamic-bootp': 'Dynamic addresses for BOOTP clients.',
  duplicates: 'Several leases for one client.',
  declines: 'DHCPDECLINE messages.',
  'client-updates': 'Clients updating their own DNS names.',
  leasequery: 'Lease queries.',
});

export const HARDWARE_TYPES = ['ethernet', 'token-ring', 'fddi', 'infiniband'];
export const ON_EVENTS = ['commit', 'release', 'expiry', 'transmission'];
export const OPTION_TYPES = [
  'boolean',
  'integer',
  'signed',
  'unsigned',
  'ip-address',
  'ip6-address',
  'ip6-prefix',
  'text',
  'string',
  'domain-name',
  'domain-list',
  'encapsulate',
  'zerolen',
  'array',
];

/** The keywords by name. */
export const KEYWORD_BY_NAME: ReadonlyMap<string, KeywordDef> = new Map(KEYWORDS.map((k) => [k.name, k] as const));

/** What `allow`/`deny` take in a pool (pool permits, dhcpd.conf(5) "permit list"): suggestions. */
export const POOL_PERMITS: readonly string[] = [
  'unknown-clients',
  'known-clients',
  'unknown clients',
  'known clients',
  'members of',
  'dynamic bootp clients',
  'all clients',
  'authenticated clients',
  'unauthenticated clients',
  'after',
];

/** What `allow`/`deny`/`ignore` take outside pools (server flags, server/stables.c): suggestions. */
export const SERVER_FLAGS: readonly string[] = [
  'unknown-clients',
  'bootp',
  'booting',
  'dynamic-bootp',
  'duplicates',
  'declines',
  'client-updates',
  'leasequery',
];
