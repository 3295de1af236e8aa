/**
 * The finding reporters with the per-rule cut, for every language. The facade lists at most
 * MAX_FINDINGS_PER_RULE + 1 findings of a rule (by position); a check that may fire on every
 * statement of a huge file asks a reporter first, so that it does not make findings none will see.
 * dhcpd.conf keeps its parse-time findings in rows of its own (dhcpd/findings.ts), for memory.
 */
import type { FixData } from './fixes';

/**
 * At most this many findings of one rule are listed per document (VS Code shows no more than
 * 1,000 diagnostics of a file anyway); the next one's place gets a note saying more were left
 * out. A mode whose rule can fire on every line of a huge file may stop producing its findings
 * after MAX_FINDINGS_PER_RULE + 1 of them: the facade cuts the list there either way.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * For findings made in document order: `room(key)` counts one more of `key` (a rule, or a kind of
 * problem) and says whether it is among the first MAX_FINDINGS_PER_RULE + 1, past which the
 * facade lists none (so it need not be made).
 */
export function findingBudget<K>(): (key: K) => boolean {
  const made = new Map<K, number>();
  return (key) => {
    const n = (made.get(key) ?? 0) + 1;
    made.set(key, n);
    return n <= MAX_FINDINGS_PER_RULE + 1;
  };
}

export interface RawFinding<Rule extends string> {
  readonly rule: Rule;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data: FixData | undefined;
}

/**
 * The reporter of one validation: one finding per rule and offset (the first made), and no more
 * of a rule than can outlive the final cut (result()). The passes do not make findings in
 * document order, so the cut is known only at the end; but once a rule has made KEEP of them,
 * the (MAX_FINDINGS_PER_RULE + 1)-th smallest offset among them is a bound: the final cut is at
 * or before it, so a later finding past it is dropped when made. A file that repeats one mistake
 * 100,000 times so keeps a few thousand findings, not 100,000.
 */
export class FindingSink<Rule extends string> {
  /** Per rule (by index): findings kept, and the bound (Infinity until the rule has made KEEP). */
  private readonly kept: number[] = [];
  private readonly bound: number[] = [];
  private readonly ruleIndex = new Map<Rule, number>();
  /** rule index + RULE_SLOTS * offset, of the findings made (dropped ones may stay: the bound rejects them again). */
  private readonly seen = new Set<number>();
  private found: RawFinding<Rule>[] = [];
  private indexOf(rule: Rule): number {
    let r = this.ruleIndex.get(rule);
    if (r === undefined) {
      r = this.ruleIndex.size;
      this.ruleIndex.set(rule, r);
      this.kept.push(0);
      this.bound.push(Infinity);
    }
    return r;
  }
  wants(rule: Rule, start: number): boolean {
    const r = this.indexOf(rule);
    return start <= this.bound[r]! && !this.seen.has(r + RULE_SLOTS * start);
  }
  past(rule: Rule, start: number): boolean {
    return start > this.bound[this.indexOf(rule)]!;
  }
  add(rule: Rule, start: number, end: number, message: string, data?: FixData): void {
    const r = this.indexOf(rule);
    if (start > this.bound[r]!) return;
    const key = r + RULE_SLOTS * start;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ rule, start, end, message, data });
    if (++this.kept[r]! >= KEEP) this.tighten(rule, r);
  }
  /** Rule r has made KEEP findings: bound it, and drop those past the bound. */
  private tighten(rule: Rule, r: number): void {
    const starts: number[] = [];
    for (const f of this.found) if (f.rule === rule) starts.push(f.start);
    starts.sort((a, b) => a - b);
    const bound = starts[MAX_FINDINGS_PER_RULE]!;
    this.bound[r] = bound;
    this.found = this.found.filter((f) => f.rule !== rule || f.start <= bound);
    this.kept[r] = MAX_FINDINGS_PER_RULE + 1;
  }
  /**
   * The findings kept, in the order made, and no more of a rule than the facade may list: the
   * first MAX_FINDINGS_PER_RULE + 1 by position (the bound of a rule cut here is its last).
   */
  result(): RawFinding<Rule>[] {
    this.ruleIndex.forEach((r, rule) => {
      if (this.kept[r]! > MAX_FINDINGS_PER_RULE + 1) this.tighten(rule, r);
    });
    return this.found;
  }
}
/** Room for the rule indices in a numeric key (far more than there are rules). */
const RULE_SLOTS = 1024;
/** Findings of one rule kept before the bound is taken again (a multiple of what the facade lists, so that tightening is rare). */
const KEEP = 4 * (MAX_FINDINGS_PER_RULE + 1);
