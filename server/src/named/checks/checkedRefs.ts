/**
 * Whether named-checkconf checks a reference where it stands (SymbolRef.check), over the whole
 * tree: an option of options or a view that some zone takes, a list in options that some view
 * takes, a name in an acl or server list that a checked reference leads to (lib/bind9/check.c).
 */
import type { BindVersion } from '../../service/types';
import { body, clauseKey, clauseName, sub, type Clause } from '../tree';
import { symbolTable, type SymbolDef, type SymbolRef } from '../symbolTable';
import type { NameKind } from '../data/names';
import { firstArg, matchKey, zoneTypeOf } from '../values';
import type { FileFacts } from './facts';

/** The kinds of definitions whose names named-checkconf looks up only when they are used. */
const LISTS: ReadonlySet<NameKind> = new Set<NameKind>(['acl', 'primaries', 'parental-agents']);

export function checkedRefs(f: FileFacts, version: BindVersion): (r: SymbolRef) => boolean {
  const t = new TreeScopes(f, version);
  return (r) => t.checked(r);
}

class TreeScopes {
  private readonly tops: readonly Clause[];
  private readonly views: readonly Clause[];
  private readonly options: Clause | undefined;
  /** Per holder (by key): whether a zone or view takes it. */
  private readonly taken = new Map<number, boolean>();
  /** Per view (by key) and statement name: the view's statement of that name. */
  private readonly viewSubs = new Map<string, Clause | undefined>();
  /** The definitions a checked reference leads to (by clause key), made on first use. */
  private reached: Set<number> | undefined;

  constructor(
    private readonly f: FileFacts,
    private readonly version: BindVersion,
  ) {
    this.tops = f.includedTop.length ? [...f.top, ...f.includedTop] : f.top;
    this.views = this.tops.filter((c) => clauseName(c) === 'view');
    this.options = f.options ?? f.includedTop.find((c) => clauseName(c) === 'options');
  }

  checked(r: SymbolRef): boolean {
    switch (r.check) {
      case 'always':
        return true;
      case 'never':
        return false;
      case 'from-9.20':
        return this.version >= '9.20';
      case 'definition':
        // BIND 9.20 checks every server list where it is defined, used or not
        if (this.version >= '9.20' && (r.kind === 'primaries' || r.kind === 'parental-agents')) return true;
        return !!r.holder && this.reachedDefs().has(r.holder.key);
      default:
        return this.siteChecked(r);
    }
  }

  /** A `zones` or `views` reference: whether a zone (or view) takes its option. */
  private siteChecked(r: SymbolRef): boolean {
    const h = r.holder;
    if (!h) return true;
    let yes = this.taken.get(h.key);
    if (yes === undefined) {
      yes = r.check === 'views' ? this.viewTakes(h) : this.zoneTakes(h);
      this.taken.set(h.key, yes);
    }
    return yes;
  }

  /** The statement named `name` of view v (once per view and name: a view may hold 100,000 zones). */
  private viewSub(v: Clause, name: string): Clause | undefined {
    const k = `${v.key}\0${name}`;
    if (this.viewSubs.has(k)) return this.viewSubs.get(k);
    const s = sub(v, name);
    this.viewSubs.set(k, s);
    return s;
  }

  /** A list in options: checked once with no views, else for each view that does not set it. */
  private viewTakes(h: Clause): boolean {
    const name = clauseName(h);
    return this.views.length === 0 || this.views.some((v) => !this.viewSub(v, name));
  }

  /** An option of a zone, a view or options: whether a zone uses it (its own, or taken from there). */
  private zoneTakes(h: Clause): boolean {
    const name = clauseName(h);
    const level = h.parent;
    if (!level) return false;
    const where = clauseName(level);
    const takes = (z: Clause, view: Clause | undefined) =>
      clauseName(z) === 'zone' && !sub(z, name) && this.zoneUses(z, name, view);
    if (where === 'zone') return this.zoneUses(level, name, this.viewOf(level));
    if (where === 'view') return body(level).some((z) => takes(z, level));
    return (
      this.tops.some((z) => takes(z, undefined)) ||
      this.views.some((v) => !this.viewSub(v, name) && body(v).some((z) => takes(z, v)))
    );
  }

  private viewOf(z: Clause): Clause | undefined {
    const p = z.parent;
    return p && clauseName(p) === 'view' ? p : undefined;
  }

  /**
   * Whether zone z checks its option `name` (check_zoneconf): every zone with a type but in-view
   * zones; also-notify only in primary, secondary and mirror zones that send notifies.
   */
  private zoneUses(z: Clause, name: string, view: Clause | undefined): boolean {
    const type = zoneTypeOf(z);
    if (!type || type === 'in-view') return false;
    if (name !== 'also-notify') return true;
    if (type !== 'primary' && type !== 'secondary' && type !== 'mirror') return false;
    const notify =
      sub(z, 'notify') ??
      (view ? this.viewSub(view, 'notify') : undefined) ??
      (this.options && sub(this.options, 'notify'));
    const v = firstArg(notify)?.text.toLowerCase();
    if (v === 'no' || v === 'false' || v === '0') return false;
    return !(type !== 'primary' && (v === 'primary-only' || v === 'master-only'));
  }

  /** The acl and server list definitions that checked references lead to, through one another. */
  private reachedDefs(): Set<number> {
    if (this.reached) return this.reached;
    const reached = (this.reached = new Set<number>());
    const refs: SymbolRef[] = [...this.f.table.refs];
    for (const t of this.f.included) refs.push(...symbolTable(t).refs);
    const defs = new Map<string, SymbolDef[]>();
    for (const d of this.f.table.defs) {
      if (!LISTS.has(d.kind)) continue;
      const k = matchKey(d.kind, d.name);
      const l = defs.get(k);
      if (l) l.push(d);
      else defs.set(k, [d]);
    }
    const inside = new Map<number, SymbolRef[]>();
    const queue: SymbolRef[] = [];
    for (const r of refs) {
      if (!LISTS.has(r.kind)) continue;
      if (r.check === 'definition') {
        const k = clauseKey(r.holder);
        const l = inside.get(k);
        if (l) l.push(r);
        else inside.set(k, [r]);
      } else if (this.checked(r)) queue.push(r);
    }
    for (let r = queue.pop(); r; r = queue.pop())
      for (const d of defs.get(matchKey(r.kind, r.name)) ?? []) {
        const k = d.clause.key;
        if (reached.has(k)) continue;
        reached.add(k);
        for (const x of inside.get(k) ?? []) queue.push(x);
      }
    return reached;
  }
}
