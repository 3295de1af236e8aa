/**
 * The names named.conf statements define and refer to, from BIND 9.18: the statements that
 * define a name and the clauses that take address match lists or server lists
 * (lib/isccfg/namedconf.c), the reserved names lib/bind9/check.c refuses, and the built-in acls,
 * dnssec-policies, tls and http configurations and logging channels the BIND 9.18 ARM describes.
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
  /** Whether its names match only as written (otherwise as domain names: any case, final dot or not). */
  readonly exact: boolean;
}

const kind = (
  builtins: readonly string[],
  o: { reserves?: boolean; renamable?: boolean; exact?: boolean } = {},
): NameKindInfo => ({
  builtins,
  reservesBuiltins: o.reserves ?? false,
  renamable: o.renamable ?? true,
  exact: o.exact ?? false,
});

export const NAME_KINDS: Readonly<Record<NameKind, NameKindInfo>> = {
  acl: kind(['any', 'none', 'localhost', 'localnets'], { reserves: true, exact: true }),
  key: kind([]),
  tls: kind(['ephemeral', 'none'], { reserves: true }),
  http: kind(['default'], { reserves: true }),
  primaries: kind([]),
  'parental-agents': kind([]),
  'dnssec-policy': kind(['default', 'insecure', 'none'], { reserves: true }),
  channel: kind(['default_syslog', 'default_debug', 'default_stderr', 'default_logfile', 'null'], { exact: true }),
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
    'remote-servers': {},
    view: { kind: 'view', outline: OutlineKind.Namespace, entered: true },
    zone: { kind: 'zone', outline: OutlineKind.Module, entered: true },
  } satisfies Record<string, DefinitionStatement>,
);

/** Clauses whose block is an address match list (acl names, `key NAME`, addresses, prefixes). */
export const ADDRESS_LIST_CLAUSES: ReadonlySet<string> = new Set([
  'allow-notify',
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
    'also-notify': 'primaries',
    'parental-agents': 'parental-agents',
    'default-primaries': 'primaries',
    'default-masters': 'primaries',
  } satisfies Record<string, NameKind>,
);
