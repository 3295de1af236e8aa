/**
 * The findings of one dhcpd.conf parse (or of validation's own checks) as rows: an offset and a
 * rule each, and the finding itself only where the facade may list it.
 *
 * doValidation() keeps the first finding made at an offset (and the first missing `;` there), then
 * the first MAX_FINDINGS_PER_RULE + 1 of each rule by position; the facade lists no more. A
 * million-line file that repeats one mistake would make a million messages for 1,001 to be
 * listed. So a finding's message and data are kept only while fewer than
 * MAX_FINDINGS_PER_RULE + 1 findings of its rule are sure to be listed before it; past that, the
 * row alone is kept (it still hides a later finding at its offset).
 *
 * Sure to be listed before a later finding: one at a smaller offset (or made earlier at the same
 * one) that nothing made before it can hide. With `inOrder` (the parser, whose walk makes its
 * findings in document order) that is one past every offset made since the last seal() and where
 * no row made before the seal is; otherwise (validation's checks) one past the last sure one of
 * its rule, at another offset than the finding made just before. Either way not where `hiddenAt`
 * (findings listed first) has one. Rows made with later() are never counted: they are the ones
 * taken back. doValidation() checks that every finding it lists has its message, and makes them all
 * again if one has not.
 */
import type { FixData } from '../common/fixes';
import { MAX_FINDINGS_PER_RULE } from '../service/types';
import { IntRows } from '../common/rows';
import { partitionPoint } from '../common/search';
import { RULES, type DhcpdRuleId } from './rules';

export interface RawFinding {
  readonly rule: DhcpdRuleId;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: FixData;
  /** A second place the finding refers to (e.g. the `{` that is never closed). */
  readonly relatedAt?: { readonly start: number; readonly end: number; readonly message: string };
}

/** Rule indices (the rows keep the index, below TAKEN_BACK: dhcpd has a few dozen rules). */
const RULE_INDEX = new Map<DhcpdRuleId, number>(RULES.map((r, i) => [r.id, i]));
function ruleIndex(rule: DhcpdRuleId): number {
  return RULE_INDEX.get(rule)!;
}
/** The one rule whose findings are kept apart from the others at an offset (see doValidation). */
export const SEMI = ruleIndex('dhcpd-missing-semicolon');
/** The rule index of a row taken back. */
export const TAKEN_BACK = 255;
const LISTED = MAX_FINDINGS_PER_RULE + 1;

/** Rows by offset (then in the order made): `rows[k]`, or row k itself when `rows` is null (made in order). */
export interface RowOrder {
  readonly rows: Int32Array | null;
  readonly length: number;
}

export interface FindingRowsOptions {
  readonly inOrder: boolean;
  /** false: every finding is kept with its message. */
  readonly cut: boolean;
  /** Whether findings listed before these have one at `start` (of a missing `;`, or of anything else). */
  readonly hiddenAt?: (start: number, semi: boolean) => boolean;
  /** Makes the finding of a row made with later(). */
  readonly make?: (ref: number) => RawFinding;
}

/**
 * The fields of a row: its offset, and its rule index plus, for a row made with later(),
 * 256 × (1 + the number to hand to `make`).
 */
const START = 0,
  RULE = 1;
/** Numbers for `make` that fit in a row (later() makes the finding at once past them). */
const MAX_REF = 2 ** 22;

export class FindingRows {
  private readonly rows = new IntRows(2);
  /** The findings kept, by row (a few thousand at most, in the usual case). */
  private readonly details = new Map<number, RawFinding>();
  /**
   * Per rule index: the offsets of the first LISTED sure findings, as a max-heap (the largest
   * first), and how many it holds. Once full, a finding at or past its top has LISTED before it.
   */
  private bounds: Array<{ heap: Int32Array; size: number } | undefined> = [];
  /** Per rule index: the offset of the last sure finding (validation's checks). */
  private sureLast: number[] = [];
  /** The largest offset made since the last seal(), and the offset of the row made last. */
  private last = -1;
  private prev = -1;
  /** The rows made before the last seal(), by offset. */
  private sealed: RowOrder | undefined;
  /** Whether the rows were made in the order of their offsets; and the rows of each rule. */
  private ascending = true;
  private readonly perRule = new Int32Array(256);
  /** Rows of missing `;` (the only ones taken back) in the order made, one run per seal(). */
  private readonly semiRuns: Array<{ rows: number[]; sorted: boolean }> = [{ rows: [], sorted: true }];

  /** The last question hasAt() answered: where the first row at or past lastStart is in lastOrder. */
  private lastOrder: RowOrder | undefined;
  private lastStart = 0;
  private lastFound = 0;

  /** The same findings made again with cut false (doValidation() asks for them if a listed one has no message). */
  uncut: (() => FindingRows) | undefined;

  constructor(private readonly opts: FindingRowsOptions) {}

  /**
   * Whether a finding of `rule` at `start` would be kept with its message. Ask before making an
   * expensive message at a place that may fire on every statement of a huge file (pastCut()
   * asks and records the row).
   */
  wants(rule: DhcpdRuleId, start: number): boolean {
    if (!this.opts.cut) return true;
    const b = this.bounds[this.indexOf(rule)];
    return !(b && b.size === LISTED && start >= b.heap[0]!);
  }

  add(rule: DhcpdRuleId, start: number, end: number, message: string, data?: FixData): void {
    this.push(
      this.wants(rule, start) ? { rule, start, end, message, data } : undefined,
      this.indexOf(rule),
      start,
      true,
    );
  }

  /** The rule asked last, and its index: a rule that fires on every line asks a million times (wants(), then add()). */
  private lastRule: DhcpdRuleId | undefined;
  private lastIndex = -1;
  private indexOf(rule: DhcpdRuleId): number {
    if (rule !== this.lastRule) {
      this.lastRule = rule;
      this.lastIndex = ruleIndex(rule);
    }
    return this.lastIndex;
  }

  /** A finding made whole (one with `relatedAt`). */
  addFinding(f: RawFinding): void {
    this.push(this.wants(f.rule, f.start) ? f : undefined, this.indexOf(f.rule), f.start, true);
  }

  /**
   * For a finding about to be made whose message takes work: true, with the finding's row made
   * (it still hides a later finding at its offset) but no message, when it is past the cut.
   */
  pastCut(rule: DhcpdRuleId, start: number): boolean {
    if (this.wants(rule, start)) return false;
    this.push(undefined, this.indexOf(rule), start, true);
    return true;
  }

  /** A finding made only if it is listed, by `make(ref)`. */
  later(rule: DhcpdRuleId, start: number, ref: number): void {
    if (ref >= MAX_REF) {
      this.push(this.opts.make!(ref), this.indexOf(rule), start, false);
      return;
    }
    const i = this.push(undefined, this.indexOf(rule), start, false);
    this.rows.set(i, RULE, this.rows.get(i, RULE) + 256 * (ref + 1));
  }

  /** Rows made, taken-back ones included. */
  get length(): number {
    return this.rows.length;
  }

  /** The findings made so far come before the later ones, which start again in document order. */
  seal(): void {
    this.sealed = this.sortedRows();
    this.last = -1;
    this.semiRuns.push({ rows: [], sorted: true });
  }

  private push(f: RawFinding | undefined, r: number, start: number, counts: boolean): number {
    const i = this.rows.add();
    if (i > 0 && start < this.rows.get(i - 1, START)) this.ascending = false;
    this.rows.set(i, START, start);
    this.rows.set(i, RULE, r);
    this.perRule[r]!++;
    if (f) this.details.set(i, f);
    const semi = r === SEMI;
    if (counts && this.opts.cut) {
      const sure = this.opts.inOrder
        ? start > this.last && !(this.sealed && this.hasAt(this.sealed, start, semi))
        : start >= (this.sureLast[r] ?? -1) && start !== this.prev;
      if (sure && !(this.opts.hiddenAt && this.opts.hiddenAt(start, semi))) {
        this.sureLast[r] = start;
        this.bound(r, start);
      }
    }
    if (start > this.last) this.last = start;
    this.prev = start;
    if (semi) {
      const run = this.semiRuns[this.semiRuns.length - 1]!;
      const n = run.rows.length;
      if (n && this.startOf(run.rows[n - 1]!) > start) run.sorted = false;
      run.rows.push(i);
    }
    return i;
  }

  /** Rule r has one more sure finding, at `start`: keep the LISTED smallest offsets. */
  private bound(r: number, start: number): void {
    let b = this.bounds[r];
    if (!b) {
      while (this.bounds.length <= r) this.bounds.push(undefined);
      this.bounds[r] = b = { heap: new Int32Array(LISTED), size: 0 };
    }
    const h = b.heap;
    if (b.size < LISTED) {
      // sift up
      let k = b.size++;
      while (k > 0) {
        const p = (k - 1) >> 1;
        if (h[p]! >= start) break;
        h[k] = h[p]!;
        k = p;
      }
      h[k] = start;
    } else if (start < h[0]!) {
      // replace the largest, sift down
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= LISTED) break;
        const c = l + 1 < LISTED && h[l + 1]! > h[l]! ? l + 1 : l;
        if (h[c]! <= start) break;
        h[k] = h[c]!;
        k = c;
      }
      h[k] = start;
    }
  }

  /**
   * Take back the first missing `;` at `start` still there (as if removed from a list of the
   * findings). Only later() rows are in practice; one counted as sure stays counted, and
   * doValidation() finds out if that mattered.
   */
  takeBackSemi(start: number): void {
    for (const { rows, sorted } of this.semiRuns) {
      let k = sorted ? partitionPoint(rows.length, (m) => this.startOf(rows[m]!) < start) : 0;
      for (; k < rows.length; k++) {
        const i = rows[k]!;
        if (this.startOf(i) === start && this.ruleOf(i) === SEMI) {
          this.rows.set(i, RULE, TAKEN_BACK);
          this.details.delete(i);
          return;
        }
        if (sorted && this.startOf(i) > start) break;
      }
    }
  }

  startOf(i: number): number {
    return this.rows.get(i, START);
  }
  /** The row's rule index (TAKEN_BACK: taken back). */
  ruleOf(i: number): number {
    return this.rows.get(i, RULE) & 255;
  }
  /** The row's finding, made now if it was made with later(); undefined if it was not kept. */
  findingOf(i: number): RawFinding | undefined {
    const f = this.details.get(i);
    if (f) return f;
    const ref = this.rows.get(i, RULE) >>> 8;
    return ref > 0 ? this.opts.make!(ref - 1) : undefined;
  }

  /** How many rows of rule index r were made (taken-back ones included). */
  rowsOf(r: number): number {
    return this.perRule[r]!;
  }

  /** Whether a row of the kind `semi` (or of any other rule) is at `start`, among those of `order`. */
  hasAt(order: RowOrder, start: number, semi: boolean): boolean {
    const rows = order.rows;
    // the first row at or past `start`: asked in the order of the offsets, mostly, so searched
    // from the answer before, in steps that double, then halve
    let lo = 0,
      hi = order.length;
    if (order === this.lastOrder && start >= this.lastStart) {
      lo = this.lastFound;
      for (let step = 1; lo + step < hi; step *= 2) {
        if (this.startOf(rows ? rows[lo + step]! : lo + step) >= start) {
          hi = lo + step;
          break;
        }
        lo += step;
      }
    }
    lo = partitionPoint(hi, (m) => this.startOf(rows ? rows[m]! : m) < start, lo);
    this.lastOrder = order;
    this.lastStart = start;
    this.lastFound = lo;
    for (let k = lo; k < order.length; k++) {
      const i = rows ? rows[k]! : k;
      if (this.startOf(i) !== start) break;
      const r = this.ruleOf(i);
      if (r !== TAKEN_BACK && (r === SEMI) === semi) return true;
    }
    return false;
  }

  /** The rows by offset, then in the order made. */
  sortedRows(): RowOrder {
    const n = this.length;
    if (this.ascending) return { rows: null, length: n };
    const starts = new Int32Array(n);
    for (let i = 0; i < n; i++) starts[i] = this.startOf(i);
    return { rows: mergeRuns(starts), length: n };
  }
}

/**
 * The indices of `keys` ordered by key, equal keys in index order. Rows are made in a few long
 * ascending runs (one per pass over the tree): those are merged, two by two.
 */
function mergeRuns(keys: Int32Array): Int32Array {
  const n = keys.length;
  let a = new Int32Array(n);
  let b = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  // where each run starts (and n at the end)
  let bounds: number[] = [0];
  for (let i = 1; i < n; i++) if (keys[i]! < keys[i - 1]!) bounds.push(i);
  bounds.push(n);
  while (bounds.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const lo = bounds[r]!,
        mid = bounds[r + 1]!,
        hi = r + 2 < bounds.length ? bounds[r + 2]! : mid;
      let i = lo,
        j = mid,
        k = lo;
      while (i < mid && j < hi) b[k++] = keys[a[j]!]! < keys[a[i]!]! ? a[j++]! : a[i++]!;
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
      next.push(hi);
    }
    bounds = next;
    const t = a;
    a = b;
    b = t;
  }
  return a;
}
