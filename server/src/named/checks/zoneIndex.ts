/** The zones of a file (top level and views) and the lookups the zone checks make per zone, built once. */
import { body, clauseKey, clauseName, clauseOf, itemAt, sub, type Clause, type WordItem } from '../tree';
import { canonical, firstArg, zoneTypeOf } from '../values';
import type { FileFacts } from './facts';

export interface ZoneInfo {
  readonly clause: Clause;
  /** The canonical name. */
  readonly name: string;
  readonly nameItem: WordItem;
  readonly cls: string;
  readonly view: Clause | undefined;
  readonly type: string | undefined;
}

/**
 * A zone as a few fields: its clause and name token are made on read (a file may hold 100,000
 * zones, and the index lives through the zone checks).
 */
class Zone implements ZoneInfo {
  constructor(
    /** A clause of the zone's tree (for clauseOf). */
    private readonly home: Clause,
    private readonly id: number,
    readonly name: string,
    readonly view: Clause | undefined,
    readonly type: string | undefined,
    /** The class, undefined for `in`. */
    private readonly klass: string | undefined,
  ) {}
  get clause(): Clause {
    return clauseOf(this.home, this.id)!;
  }
  get nameItem(): WordItem {
    return itemAt(this.clause, 1) as WordItem;
  }
  get cls(): string {
    return this.klass ?? 'in';
  }
}

/** A zone's statements, as the checks of one zone look them up. */
export interface ZoneClauses {
  /** The zone's first statement of that name. */
  get(n: string): Clause | undefined;
  /** The statement of that name in the zone's view, else in options. */
  viewGet(n: string): Clause | undefined;
  readonly inline: Clause | undefined;
  /** Whether `inline-signing` is set to yes. */
  readonly inlineYes: boolean;
}

/** First clause of each name (lookups per zone must not scan). */
function firstByName(clauses: readonly Clause[]): Map<string, Clause> {
  const m = new Map<string, Clause>();
  for (const c of clauses) {
    const n = clauseName(c);
    if (!m.has(n)) m.set(n, c);
  }
  return m;
}

export class ZoneIndex {
  readonly zones: ZoneInfo[] = [];
  /** By view key (see clauseKey). */
  private zonesByView: Map<number, ZoneInfo[]> | undefined;
  private readonly optionsIndex: Map<string, Clause>;
  private readonly viewIndex: Map<number, Map<string, Clause>>;
  private readonly zoneNames = new Map<number, Set<string>>();

  constructor(f: FileFacts) {
    this.gather(f.top, undefined);
    for (const v of f.views) this.gather(body(v), v);
    this.optionsIndex = firstByName(f.options ? body(f.options) : []);
    this.viewIndex = new Map(f.views.map((v) => [v.key, firstByName(body(v))]));
  }

  private gather(clauses: readonly Clause[], view: Clause | undefined): void {
    const home = clauses[0];
    for (const c of clauses) {
      if (clauseName(c) !== 'zone') continue;
      // the first two arguments (args(c)[0], [1]) without making the zone's items
      const n = itemAt(c, 1);
      if (!n || n.kind !== 'word') continue;
      const a1 = itemAt(c, 2);
      const cls = (a1 && a1.kind === 'word' ? a1.text : 'in').toLowerCase();
      this.zones.push(new Zone(home!, c.id, canonical(n.text), view, zoneTypeOf(c), cls === 'in' ? undefined : cls));
    }
  }

  /** The zones of a view (made on first use: a file may hold 100,000 views). */
  zonesOf(view: Clause | undefined): ZoneInfo[] {
    if (!this.zonesByView) {
      const m = (this.zonesByView = new Map());
      for (const z of this.zones) {
        const k = clauseKey(z.view);
        const l = m.get(k);
        if (l) l.push(z);
        else m.set(k, [z]);
      }
    }
    return this.zonesByView.get(clauseKey(view)) ?? [];
  }

  /** The canonical names of a view's zones. */
  zoneNamesIn(v: Clause): Set<string> {
    let set = this.zoneNames.get(v.key);
    if (!set) {
      set = new Set();
      for (const o of this.zonesOf(v)) set.add(o.name);
      this.zoneNames.set(v.key, set);
    }
    return set;
  }

  clausesOf(z: ZoneInfo): ZoneClauses {
    // (sub reads the names from the rows: no view made for the zone's other statements)
    const c = z.clause;
    const get = (n: string) => sub(c, n);
    const viewGet = (n: string) =>
      (z.view ? this.viewIndex.get(z.view.key)?.get(n) : undefined) ?? this.optionsIndex.get(n);
    const inline = get('inline-signing');
    const v = firstArg(inline);
    const inlineYes = !!v && ['yes', 'true', '1'].includes(v.text.toLowerCase());
    return { get, viewGet, inline, inlineYes };
  }
}

/** The zone index of a validation's facts, made once for the checks that share it. */
const indexes = new WeakMap<FileFacts, ZoneIndex>();
export function zoneIndexOf(f: FileFacts): ZoneIndex {
  let ix = indexes.get(f);
  if (!ix) indexes.set(f, (ix = new ZoneIndex(f)));
  return ix;
}
