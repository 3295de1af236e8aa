/**
 * The names named.conf statements define and refer to, from BIND 9.18: the statements that
 * define a name and the clauses that take address match lists or server lists
 * (lib/isccfg/namedconf.c), the reserved names lib/bind9/check.c refuses, and the built-in acls,
 * dnssec-policies, tls and http configurations and logging channels the BIND 9.18 ARM describes,
 * and where named-checkconf checks the names a list refers to (lib/bind9/check.c).
 * `key-store` and `remote-servers` are BIND 9.20 statements, listed so that an edit inside one is
 * never checked alone.
 */
import { SymbolKind as OutlineKind } from 'vscode-languageserver-types';

/** A kind of name: what a definition defines and a reference names. */
export type NameKind =
  'acl' | 'key' | 'tls' | 'http' | 'primaries' | 'parental-agents' | 'dnssec-policy' | 'channel' | 'view' | 'zone';

export interface NameKindInfo {
  /** Names BIND defines itself: a reference to one needs no definition. */
  readonly builtins: readonly string[];
  /** Whether a definition may not take one of the built-in names. */
  readonly reservesBuiltins: boolean;
  /** Whether rename is offered on its names. */
  readonly renamable: boolean;
  /**
   * How a reference matches a definition: only as written (`exact`), in any case (`nocase`), or as
   * domain names (`domain`: any case, final dot or not).
   */
  readonly match: 'exact' | 'nocase' | 'domain';
}

const kind = (
  builtins: readonly string[],
  o: { reserves?: boolean; renamable?: boolean; match?: NameKindInfo['match'] } = {},
): NameKindInfo => ({
  builtins,
  reservesBuiltins: o.reserves ?? false,
  renamable: o.renamable ?? true,
  match: o.match ?? 'domain',
});

export const NAME_KINDS: Readonly<Record<NameKind, NameKindInfo>> = {
  // acls and server lists by strcasecmp (lib/isccfg/aclconf.c, lib/bind9/check.c get_remotes)
  acl: kind(['any', 'none', 'localhost', 'localnets'], { reserves: true, match: 'nocase' }),
  key: kind([]),
  tls: kind(['ephemeral', 'none'], { reserves: true }),
  http: kind(['default'], { reserves: true }),
  primaries: kind([], { match: 'nocase' }),
  'parental-agents': kind([], { match: 'nocase' }),
  'dnssec-policy': kind(['default', 'insecure', 'none'], { reserves: true }),
  channel: kind(['default_syslog', 'default_debug', 'default_stderr', 'default_logfile', 'null'], { match: 'exact' }),
  view: kind([]),
  zone: kind([], { renamable: false }),
};

/** A top-level statement whose first argument is a name other statements refer to. */
export interface DefinitionStatement {
  /** The kind of name it defines (none: a statement BIND 9.18 does not know). */
  readonly kind?: NameKind;
  /** Its symbol in the outline (none: not outlined). */
  readonly outline?: OutlineKind;
  /** A block of statements in their own right (view, zone): an edit inside it is checked on its own. */
  readonly entered?: boolean;
}

export const DEFINITION_STATEMENTS: Readonly<Record<string, DefinitionStatement>> = Object.assign(
  Object.create(null) as Record<string, DefinitionStatement>,
  {
    acl: { kind: 'acl', outline: OutlineKind.Array },
    key: { kind: 'key', outline: OutlineKind.Key },
    tls: { kind: 'tls', outline: OutlineKind.Object },
    http: { kind: 'http', outline: OutlineKind.Object },
    primaries: { kind: 'primaries', outline: OutlineKind.Array },
    masters: { kind: 'primaries', outline: OutlineKind.Array },
    'parental-agents': { kind: 'parental-agents', outline: OutlineKind.Array },
    'dnssec-policy': { kind: 'dnssec-policy', outline: OutlineKind.Object },
    'key-store': {},
    // BIND 9.20: a list of servers any server list may name (primaries and parental-agents alike)
    'remote-servers': { kind: 'primaries', outline: OutlineKind.Array },
    view: { kind: 'view', outline: OutlineKind.Namespace, entered: true },
    zone: { kind: 'zone', outline: OutlineKind.Module, entered: true },
  } satisfies Record<string, DefinitionStatement>,
);

/** Clauses whose block is an address match list (acl names, `key NAME`, addresses, prefixes). */
export const ADDRESS_LIST_CLAUSES: ReadonlySet<string> = new Set([
  'allow-notify',
  'allow-proxy',
  'allow-proxy-on',
  'allow-query',
  'allow-query-cache',
  'allow-query-cache-on',
  'allow-query-on',
  'allow-recursion',
  'allow-recursion-on',
  'allow-transfer',
  'allow-update',
  'allow-update-forwarding',
  'blackhole',
  'keep-response-order',
  'sig0checks-quota-exempt',
  'listen-on',
  'listen-on-v6',
  'match-clients',
  'match-destinations',
  'no-case-compress',
  'sortlist',
  'deny-answer-addresses',
  'response-padding',
  'exempt-clients',
  'clients',
  'exclude',
  'mapped',
  'acl',
  'allow',
]);

/** Clauses whose block is a server list, and the kind of list its names refer to. */
export const SERVER_LIST_CLAUSES: Readonly<Record<string, NameKind>> = Object.assign(
  Object.create(null) as Record<string, NameKind>,
  {
    primaries: 'primaries',
    masters: 'primaries',
    'remote-servers': 'primaries',
    'also-notify': 'primaries',
    'parental-agents': 'parental-agents',
    'default-primaries': 'primaries',
    'default-masters': 'primaries',
  } satisfies Record<string, NameKind>,
);

/**
 * Where named-checkconf 9.18 checks the acl names of an option's address match lists (lib/bind9/check.c):
 * - `view`: for each view (check_viewacls, check_recursionacls, check_dns64, check_ratelimit), or
 *   once for the options when there are no views: always in a view, and in options unless every
 *   view sets the option itself;
 * - `zone`: for each zone (checkacl in check_zoneconf): always in a zone, and in a view or options
 *   only when one of its zones takes the option from there;
 * - `always`: wherever the option is (listen-on, the controls).
 * An option not listed is not checked (named fails on its names only when it loads them), nor is
 * allow-query or allow-query-on in a zone. dns64 and rate-limit stand for the lists inside them.
 */
export const ACL_CHECKED_IN: Readonly<Record<string, 'view' | 'zone' | 'always'>> = Object.assign(
  Object.create(null) as Record<string, 'view' | 'zone' | 'always'>,
  {
    'allow-query': 'view',
    'allow-query-on': 'view',
    'allow-query-cache': 'view',
    'allow-query-cache-on': 'view',
    'allow-recursion': 'view',
    'allow-recursion-on': 'view',
    blackhole: 'view',
    'keep-response-order': 'view',
    'allow-proxy': 'view',
    'allow-proxy-on': 'view',
    'sig0checks-quota-exempt': 'view',
    'match-clients': 'view',
    'match-destinations': 'view',
    sortlist: 'view',
    dns64: 'view',
    'rate-limit': 'view',
    'allow-notify': 'zone',
    'allow-transfer': 'zone',
    'allow-update': 'zone',
    'allow-update-forwarding': 'zone',
    'listen-on': 'always',
    'listen-on-v6': 'always',
    controls: 'always',
  } satisfies Record<string, 'view' | 'zone' | 'always'>,
);
