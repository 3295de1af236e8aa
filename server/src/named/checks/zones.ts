/**
 * Zones: duplicates, names, in-view, the statements each type needs (type, file, primaries),
 * empty server lists, shared writable files, mirror zones, and the zones catalog-zones and
 * response-policy name.
 */
import { blocksOf, body, clauseName, hasBlock, type Clause, type WordItem } from '../tree';
import { boolValue, canonical, firstArg, isNoneList, isValidDomainName } from '../values';
import { checkSecondarySigning, checkZonePolicy } from './dnssec';
import { checkUpdatePolicy } from './updatePolicy';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';
import { zoneIndexOf, type ZoneClauses, type ZoneIndex, type ZoneInfo } from './zoneIndex';

/** What the checks of one zone share with those of the others. */
interface ZoneScope {
  readonly ix: ZoneIndex;
  /** Top-level remote-server lists by canonical name (the first one, as a scan would find). */
  readonly remoteLists: ReadonlyMap<string, Clause>;
  /** The dnssec-policy names defined (the file's and its includes'). */
  readonly policies: ReadonlyMap<string, Clause>;
  readonly viewNames: ReadonlyMap<string, Clause>;
  /** Zones of class in (not redirect, no `|` in the name) by view (its start, -1: none), then name. */
  readonly seen: Map<number, Map<string, ZoneInfo>>;
  /** The other zones, by view, class, name (and redirect), for duplicates. */
  readonly seenOther: Map<string, ZoneInfo>;
  /** Zone files by view (its start, -1: none), then path. */
  readonly files: Map<number, Map<string, ZoneInfo>>;
  /** The zones of `files` that write their file. */
  readonly writers: Set<ZoneInfo>;
}

export function checkZones(f: FileFacts, rep: Reporter): void {
  const ix = zoneIndexOf(f);
  const remoteLists = new Map<string, Clause>();
  for (const x of f.top) {
    const xn = clauseName(x);
    if (xn !== 'parental-agents' && xn !== 'primaries' && xn !== 'masters' && xn !== 'remote-servers') continue;
    const k = canonical(firstArg(x)?.text ?? '');
    if (!remoteLists.has(k)) remoteLists.set(k, x);
  }
  const policies = new Map(
    [...f.top, ...f.includedTop]
      .filter((c) => clauseName(c) === 'dnssec-policy')
      .map((c) => [canonical(firstArg(c)?.text ?? ''), c] as const),
  );
  const scope: ZoneScope = {
    ix,
    remoteLists,
    policies,
    viewNames: new Map(f.views.map((v) => [firstArg(v)?.text ?? '', v])),
    seen: new Map(),
    seenOther: new Map(),
    files: new Map(),
    writers: new Set(),
  };
  for (const z of ix.zones) checkZone(z, scope, rep);
  checkZoneLists(f, ix, rep);
}

function checkZone(z: ZoneInfo, s: ZoneScope, rep: Reporter): void {
  // both made on read (see ZoneIndex): once here
  const c = z.clause;
  const nameItem = z.nameItem;
  // the common zone is keyed by its name alone (no string made per zone); no key of the one
  // map can equal a key of the other
  const common = z.cls === 'in' && z.type !== 'redirect' && !z.name.includes('|');
  const seen = common ? inner(s.seen, z.view ? z.view.start : -1) : s.seenOther;
  const key = common
    ? z.name
    : `${z.view ? z.view.start : ''}|${z.cls}|${z.name}|${z.type === 'redirect' ? 'redirect' : ''}`;
  const prev = seen.get(key);
  if (prev) {
    if (rep.wants('named-duplicate-zone', nameItem.start))
      rep.add(
        'named-duplicate-zone',
        nameItem.start,
        nameItem.end,
        `Zone \`${nameItem.text}\` is already defined${z.view ? ' in this view' : ''} (line ${rep.line(prev.nameItem.start)}).`,
      );
  } else seen.set(key, z);
  if (!hasBlock(c)) return;
  if (!isValidDomainName(nameItem.text))
    rep.add('named-invalid-value', nameItem.start, nameItem.end, `\`${nameItem.text}\` is not a valid zone name.`);
  const zc = s.ix.clausesOf(z);
  const inView = zc.get('in-view');
  if (inView) {
    checkInView(z, inView, s, rep);
    return;
  }
  if (!zc.get('type')) {
    rep.add(
      'named-zone-missing-type',
      nameItem.start,
      nameItem.end,
      `Zone \`${nameItem.text}\` has no \`type\`: add e.g. \`type primary;\` or \`type secondary;\`.`,
    );
    return;
  }
  const t = z.type;
  const file = zc.get('file');
  const hasDlz = !!zc.get('dlz') || !!zc.get('database');
  if (!file && !hasDlz && (t === 'primary' || t === 'hint' || (t === 'secondary' && zc.inlineYes))) {
    rep.add(
      'named-zone-missing-file',
      nameItem.start,
      nameItem.end,
      `${t} zone \`${nameItem.text}\` has no \`file\`: add \`file "${z.name === '.' ? 'root' : z.name}.db";\`.`,
    );
  }
  checkPrimaries(z, zc, s, rep);
  if (file) checkWritableFile(z, zc, file, s, rep);
  if (t === 'mirror') checkMirror(z, zc, rep);
  if (t === 'secondary') checkSecondarySigning(zc, rep);
  if (t === 'primary' || t === 'secondary') checkZonePolicy(z, zc, s.policies, rep);
  const up = zc.get('update-policy');
  if (up) checkUpdatePolicy(up, rep);
}

/** An in-view zone takes no other options, and names a zone of an earlier view. */
function checkInView(z: ZoneInfo, inView: Clause, s: ZoneScope, rep: Reporter): void {
  const others = body(z.clause).filter((x) => !['in-view', 'forwarders', 'forward'].includes(clauseName(x)));
  if (others.length)
    rep.add(
      'named-conflicting-options',
      z.nameItem.start,
      z.nameItem.end,
      `Zone \`${z.nameItem.text}\` uses \`in-view\`, which takes no other zone options (found \`${clauseName(others[0]!)}\`).`,
    );
  const target = firstArg(inView);
  if (target) {
    const tv = s.viewNames.get(target.text);
    const ok = tv && tv.start < z.clause.start && s.ix.zoneNamesIn(tv).has(z.name);
    if (!ok)
      rep.add(
        'named-undefined-reference',
        target.start,
        target.end,
        `\`in-view\`: zone \`${z.nameItem.text}\` does not exist in view \`${target.text}\`, or that view is defined later.`,
      );
  }
}

/** primaries (or masters, not both) where the type needs them, and no empty server lists. */
function checkPrimaries(z: ZoneInfo, zc: ZoneClauses, s: ZoneScope, rep: Reporter): void {
  const t = z.type;
  const prim = zc.get('primaries') ?? zc.get('masters');
  if (zc.get('primaries') && zc.get('masters')) {
    const m = zc.get('primaries')!;
    rep.add(
      'named-conflicting-options',
      m.start,
      m.start + 9,
      '`primaries` and `masters` are the same statement: keep only `primaries`.',
    );
  }
  if (!prim && (t === 'secondary' || t === 'stub' || (t === 'mirror' && z.name !== '.'))) {
    rep.add(
      'named-zone-missing-primaries',
      z.nameItem.start,
      z.nameItem.end,
      `${t} zone \`${z.nameItem.text}\` has no \`primaries\`: add \`primaries { 192.0.2.1; };\`.`,
    );
  }
  for (const pa of [zc.get('parental-agents'), prim]) {
    if (!pa) continue;
    const bl = blocksOf(pa)[0];
    if (bl && bl.clauses.length === 0)
      rep.add(
        'named-invalid-value',
        z.nameItem.start,
        z.nameItem.end,
        `Zone \`${z.nameItem.text}\`: \`${clauseName(pa)}\` is empty: list at least one server.`,
      );
    if (bl)
      for (const e of bl.clauses) {
        const f = e.items[0];
        if (!f || f.kind !== 'word') continue;
        const list = s.remoteLists.get(canonical(f.text));
        if (list && blocksOf(list)[0] && blocksOf(list)[0]!.clauses.length === 0)
          rep.add(
            'named-empty-list-reference',
            z.nameItem.start,
            z.nameItem.end,
            `Zone \`${z.nameItem.text}\`: list \`${f.text}\` in \`${clauseName(pa)}\` is empty.`,
          );
      }
  }
}

/**
 * Two zones of a view (or one of a view and one outside) may not share a file one of them writes
 * (named-checkconf: a secondary or mirror zone, one with dynamic updates or a dnssec-policy writes
 * its file; a primary or hint zone only reads it; other types are not counted).
 */
function checkWritableFile(z: ZoneInfo, zc: ZoneClauses, file: Clause, s: ZoneScope, rep: Reporter): void {
  const t = z.type;
  const f = firstArg(file)?.text;
  if (!f) return;
  const writable =
    t === 'secondary' ||
    t === 'mirror' ||
    !!zc.get('update-policy') ||
    (!!zc.get('allow-update') && !isNoneList(zc.get('allow-update')!)) ||
    signsWithPolicy(zc, s.policies);
  if (!writable && t !== 'primary' && t !== 'hint') return;
  const other = inner(s.files, z.view ? z.view.start : -1).get(f) ?? inner(s.files, -1).get(f);
  if (other && (writable || s.writers.has(other)))
    rep.add(
      'named-conflicting-options',
      file.start,
      file.end,
      `File \`${f}\` is also the file of zone \`${other.nameItem.text}\` (line ${rep.line(other.nameItem.start)}), and ${writable ? 'this zone' : 'that zone'} writes it: two zones cannot share a file one of them writes.`,
    );
  const files = inner(s.files, z.view ? z.view.start : -1);
  if (!files.has(f)) {
    files.set(f, z);
    if (writable) s.writers.add(z);
  }
}

/** Whether a zone has a dnssec-policy in force (its own, its view's or options'): built in but none, or defined. */
function signsWithPolicy(zc: ZoneClauses, policies: ReadonlyMap<string, Clause>): boolean {
  const p = firstArg(zc.get('dnssec-policy') ?? zc.viewGet('dnssec-policy'))?.text;
  return !!p && (p === 'default' || p === 'insecure' || (p !== 'none' && policies.has(canonical(p))));
}

/** The map of `outer` at key k, made on first use. */
function inner(outer: Map<number, Map<string, ZoneInfo>>, k: number): Map<string, ZoneInfo> {
  let m = outer.get(k);
  if (!m) outer.set(k, (m = new Map()));
  return m;
}

/** Mirror zones: notify off or explicit, and recursion on. */
function checkMirror(z: ZoneInfo, zc: ZoneClauses, rep: Reporter): void {
  const notify = firstArg(zc.get('notify'));
  if (notify && !['no', 'false', '0', 'explicit'].includes(notify.text.toLowerCase())) {
    rep.add(
      'named-conflicting-options',
      z.nameItem.start,
      z.nameItem.end,
      `Mirror zone \`${z.nameItem.text}\` has \`notify ${notify.text}\`: mirror zones need \`notify no;\` or \`notify explicit;\`.`,
    );
  }
  if (boolValue(zc.viewGet('recursion')) === false)
    rep.add(
      'named-conflicting-options',
      z.nameItem.start,
      z.nameItem.end,
      'Mirror zones cannot be used when recursion is disabled.',
    );
  const ar = zc.viewGet('allow-recursion');
  if (
    ar &&
    blocksOf(ar)[0]?.clauses.length === 1 &&
    blocksOf(ar)[0]!.clauses[0]!.items.length === 1 &&
    (blocksOf(ar)[0]!.clauses[0]!.items[0] as WordItem).text === 'none'
  ) {
    rep.add(
      'named-conflicting-options',
      z.nameItem.start,
      z.nameItem.end,
      'Mirror zones cannot be used when recursion is disabled (`allow-recursion { none; }`).',
    );
  }
}

function isPrimaryOrSecondary(z: ZoneInfo): boolean {
  return z.type === 'primary' || z.type === 'secondary';
}

/**
 * The zones a list may name, by name: a primary or secondary zone first, else the first of that
 * name (as a scan would find).
 */
function byName(pool: readonly ZoneInfo[]): Map<string, ZoneInfo> {
  const m = new Map<string, ZoneInfo>();
  for (const z of pool) {
    const prev = m.get(z.name);
    if (!prev || (!isPrimaryOrSecondary(prev) && isPrimaryOrSecondary(z))) m.set(z.name, z);
  }
  return m;
}

/**
 * catalog-zones / response-policy zones must be primary or secondary zones in the same view:
 * those of its view, or (for options, when there are views) those of every view; the pool is made
 * only for a scope that has such a list (a file may hold 100,000 views, or a list of 100,000 zones).
 */
function checkZoneLists(f: FileFacts, ix: ZoneIndex, rep: Reporter): void {
  const scopes: Array<[Clause | undefined, Clause | undefined]> = [
    [undefined, f.options],
    ...f.views.map((v): [Clause, Clause] => [v, v]),
  ];
  for (const [view, holder] of scopes) {
    if (!holder) continue;
    const hb = body(holder);
    let pool: Map<string, ZoneInfo> | undefined;
    for (const n of ['catalog-zones', 'response-policy'] as const) {
      const c = hb.find((x) => clauseName(x) === n);
      if (!c) continue;
      const list = blocksOf(c)[0];
      if (!list) continue;
      pool ??= byName(!view && f.views.length ? ix.zones.filter((z) => z.view) : ix.zonesOf(view));
      checkZoneList(n, list.clauses, pool, view, rep);
    }
  }
}

function checkZoneList(
  n: 'catalog-zones' | 'response-policy',
  entries: readonly Clause[],
  pool: ReadonlyMap<string, ZoneInfo>,
  view: Clause | undefined,
  rep: Reporter,
): void {
  const seenNames = new Set<string>();
  let count = 0;
  for (const e of entries) {
    const zw = e.items[1];
    if (!zw || zw.kind !== 'word') continue;
    count++;
    if (n === 'response-policy' && count === 65)
      rep.add(
        'named-value-out-of-range',
        zw.start,
        zw.end,
        `More than 64 response policy zones: \`${zw.text}\` is the 65th.`,
      );
    const zn = canonical(zw.text);
    if (n === 'catalog-zones') {
      if (seenNames.has(zn))
        rep.add('named-duplicate-zone', zw.start, zw.end, `Catalog zone \`${zw.text}\` is listed twice.`);
      seenNames.add(zn);
      const dp = e.items.some((i) => i.kind === 'word' && i.text === 'default-primaries');
      const dm = e.items.some((i) => i.kind === 'word' && i.text === 'default-masters');
      if (dp && dm)
        rep.add(
          'named-conflicting-options',
          zw.start,
          zw.end,
          'A catalog zone cannot have both `default-primaries` and `default-masters`.',
        );
    }
    const target = pool.get(zn);
    if (!target || !isPrimaryOrSecondary(target)) {
      rep.add(
        'named-undefined-reference',
        zw.start,
        zw.end,
        `${n === 'catalog-zones' ? 'Catalog' : 'Response-policy'} zone \`${zw.text}\` is not a primary or secondary zone${view ? ' in this view' : ''}.`,
      );
    }
  }
}
