/** Shapes of the named.conf knowledge tables (see clauses.ts and docs.ts). */

/** Where a statement may appear: the top level or the inside of one kind of block. */
export type ContextId =
  | 'top'
  | 'options'
  | 'view'
  | 'zone'
  | 'logging'
  | 'channel'
  | 'key'
  | 'server'
  | 'tls'
  | 'http'
  | 'dnssec-policy'
  | 'rate-limit'
  | 'dns64'
  | 'dlz'
  | 'controls'
  | 'statistics-channels';

export type ZoneType =
  | 'primary'
  | 'secondary'
  | 'mirror'
  | 'stub'
  | 'static-stub'
  | 'delegation-only'
  | 'hint'
  | 'redirect'
  | 'forward'
  | 'in-view';

/**
 * - `removed`: BIND 9.18 knows the name only to reject it ("no longer exists").
 * - `obsolete`: accepted with a warning, has no effect.
 * - `deprecated`: accepted with a warning, still works, will go away.
 * - `test-only`: for BIND's own tests.
 */
export type ClauseStatus = 'removed' | 'obsolete' | 'deprecated' | 'test-only';

export interface ClauseDef {
  readonly name: string;
  /** The statement's grammar in BIND's documentation notation (absent for removed statements). */
  readonly syntax?: string;
  /** BIND's internal type name (cfg_type_<type>), for reference. */
  readonly type?: string;
  readonly status?: ClauseStatus;
  /** The BIND release series that gave the statement its status (e.g. `9.16`). */
  readonly since?: string;
  /** May occur more than once in its block. */
  readonly multi?: boolean;
  /** A grammar to match instead of `syntax`, where the documented one is not what BIND parses. */
  readonly override?: string;
  /** In zones: the zone types that accept the statement. */
  readonly zoneTypes?: readonly ZoneType[];
}

export type ClauseTable = Readonly<Record<ContextId, readonly ClauseDef[]>>;
