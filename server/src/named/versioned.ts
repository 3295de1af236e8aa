/**
 * The named.conf grammar as one BIND version reads it: the 9.18 table (data/clauses.ts) with each
 * statement's status and value syntax in that version (data/versions.ts) laid over it, and the
 * statements only another version has.
 */
import type { BindVersion } from '../service/types';
import { BIND_VERSIONS, CLAUSE_VERSIONS, type ClauseVersions, type VersionStatus } from './data/versions';
import type { ClauseDef, ClauseStatus, ContextId } from './data/types';
import { clauseIn, clausesOf } from './grammar';

/** A statement as a version reads it. */
export interface VersionedClause {
  /** Its definition for that version: status and syntax as that version has them. */
  readonly def: ClauseDef;
  /** Its row of statuses, where the version table has one. */
  readonly row?: ClauseVersions;
  /** `absent`: that version does not know the statement (another does). */
  readonly status: VersionStatus | 'absent';
  readonly version: BindVersion;
}

const ROWS = new Map<string, ClauseVersions>();
for (const r of CLAUSE_VERSIONS) ROWS.set(`${r.context} ${r.name}`, r);

/**
 * What a version parses where our matcher needs more than the documented syntax: 9.20 takes
 * `none` for the query source of options and views (`query-source none;`, also `address none`).
 */
const OVERRIDES: Partial<Record<BindVersion, Readonly<Record<string, string>>>> = {
  '9.20': {
    'options query-source': 'x ( none | address none | <querysource4> )',
    'options query-source-v6': 'x ( none | address none | <querysource6> )',
    'view query-source': 'x ( none | address none | <querysource4> )',
    'view query-source-v6': 'x ( none | address none | <querysource6> )',
  },
};

/** Statements only a later version has that may occur more than once. */
const NEW_MULTI: ReadonlySet<string> = new Set(['top key-store']);

/** Statements new in a version that stand for an older one (the same grammar and flags). */
export const SYNONYM_OF: Readonly<Record<string, string>> = { 'remote-servers': 'primaries' };

const STATUS: Partial<Record<VersionStatus, ClauseStatus>> = {
  ancient: 'removed',
  obsolete: 'obsolete',
  deprecated: 'deprecated',
  'test-only': 'test-only',
};

/**
 * Made once per version, context and name (the grammar compiles patterns per definition object),
 * looked up by nested maps: a 50,000-zone file asks once per statement.
 */
const cache = new Map<BindVersion, Map<ContextId, Map<string, VersionedClause | null>>>();

/** The statement `name` of context `ctx` as BIND `version` reads it, or undefined when no version knows it. */
export function clauseFor(ctx: ContextId, name: string, version: BindVersion): VersionedClause | undefined {
  let byCtx = cache.get(version);
  if (!byCtx) cache.set(version, (byCtx = new Map()));
  let byName = byCtx.get(ctx);
  if (!byName) byCtx.set(ctx, (byName = new Map()));
  const hit = byName.get(name);
  if (hit !== undefined) return hit ?? undefined;
  const made = make(ctx, name, version);
  // unknown words are remembered too: a bound keeps a file of random words from growing it
  if (byName.size > 4096) byName.clear();
  byName.set(name, made ?? null);
  return made;
}

function make(ctx: ContextId, name: string, version: BindVersion): VersionedClause | undefined {
  const base = clauseIn(ctx, name) ?? (SYNONYM_OF[name] ? clauseIn(ctx, SYNONYM_OF[name]!) : undefined);
  const row = ROWS.get(`${ctx} ${name}`);
  if (!row) return base ? { def: base, status: base.status === 'removed' ? 'ancient' : 'ok', version } : undefined;
  const status = row.in[version] ?? 'absent';
  const syntax = row.syntax?.[version] ?? base?.syntax ?? anySyntax(row);
  const override = OVERRIDES[version]?.[`${ctx} ${name}`];
  const def: ClauseDef = {
    ...(base ?? {}),
    name,
    ...(syntax ? { syntax } : {}),
    ...(override ? { override } : {}),
    ...(NEW_MULTI.has(`${ctx} ${name}`) ? { multi: true } : {}),
    status: STATUS[status as VersionStatus],
    since: changedIn(row, status),
  };
  return { def, row, status, version };
}

/** A syntax some version documents, for a statement the 9.18 table does not have. */
function anySyntax(row: ClauseVersions): string | undefined {
  for (const v of [...BIND_VERSIONS].reverse()) if (row.syntax?.[v]) return row.syntax[v];
  return undefined;
}

/** The first version with the statement's present status (the series that gave it that status). */
function changedIn(row: ClauseVersions, status: VersionStatus | 'absent'): string | undefined {
  if (status === 'ok' || status === 'absent') return undefined;
  return BIND_VERSIONS.find((v) => row.in[v] === status);
}

/** The first version that knows the statement at all. */
export function firstIn(row: ClauseVersions): BindVersion | undefined {
  return BIND_VERSIONS.find((v) => row.in[v] !== undefined);
}

/** The first version after one that had it where the statement is gone (ancient or absent). */
export function removedIn(row: ClauseVersions): BindVersion | undefined {
  let had = false;
  for (const v of BIND_VERSIONS) {
    const s = row.in[v];
    if (s !== undefined && s !== 'ancient') had = true;
    else if (had) return v;
  }
  return undefined;
}

/** The statements of a context that `version` accepts (for completion), with their definitions. */
export function clausesFor(ctx: ContextId, version: BindVersion): VersionedClause[] {
  const names = new Set(clausesOf(ctx).map((d) => d.name));
  for (const r of CLAUSE_VERSIONS) if (r.context === ctx) names.add(r.name);
  const out: VersionedClause[] = [];
  for (const n of names) {
    const c = clauseFor(ctx, n, version);
    if (c && c.status !== 'absent' && c.status !== 'ancient') out.push(c);
  }
  return out;
}

/**
 * A statement some version knows, version aside (the parser's question: does a word start a
 * statement?): the 9.18 definition, else the latest version's that has it.
 */
export function knownClause(ctx: ContextId, name: string): ClauseDef | undefined {
  const base = clauseIn(ctx, name);
  if (base) return base;
  const row = ROWS.get(`${ctx} ${name}`);
  if (!row) return undefined;
  for (const v of [...BIND_VERSIONS].reverse()) if (row.in[v] !== undefined) return clauseFor(ctx, name, v)?.def;
  return undefined;
}
