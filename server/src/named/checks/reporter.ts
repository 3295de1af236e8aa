/** The reporter every check writes to: findings as offsets, one per rule and place, cut per rule as the facade cuts. */
import type { FixData } from '../../common/fixes';
import { MAX_FINDINGS_PER_RULE } from '../../service/types';
import type { NamedRuleId } from '../rules';

export interface Reporter {
  add(rule: NamedRuleId, start: number, end: number, message: string, data?: FixData): void;
  /**
   * Whether a finding of `rule` at `start` would be kept (false: one is there already, or the
   * rule has so many before it that the facade would list none past it). Ask before making an
   * expensive message at a place that may fire on every statement of a huge file.
   */
  wants(rule: NamedRuleId, start: number): boolean;
  /** Whether no finding of `rule` at `start` or after it would be kept (the rule is cut before it). */
  past(rule: NamedRuleId, start: number): boolean;
  /** The document's text at [start, end) (a string's quotes and escapes as written). */
  source(start: number, end: number): string;
  /** The line (1-based) of an offset, for messages that point at another place. */
  line(offset: number): number;
}

export interface RawFinding {
  readonly rule: NamedRuleId;
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
export class FindingSink implements Reporter {
  /** Per rule (by index): findings kept, and the bound (Infinity until the rule has made KEEP). */
  private readonly kept: number[] = [];
  private readonly bound: number[] = [];
  private readonly ruleIndex = new Map<NamedRuleId, number>();
  /** rule index + RULE_SLOTS * offset, of the findings made (dropped ones may stay: the bound rejects them again). */
  private readonly seen = new Set<number>();
  private found: RawFinding[] = [];
  constructor(
    private readonly text: string,
    /** The 0-based line of an offset. */
    private readonly lineOf: (offset: number) => number,
  ) {}
  private indexOf(rule: NamedRuleId): number {
    let r = this.ruleIndex.get(rule);
    if (r === undefined) {
      r = this.ruleIndex.size;
      this.ruleIndex.set(rule, r);
      this.kept.push(0);
      this.bound.push(Infinity);
    }
    return r;
  }
  wants(rule: NamedRuleId, start: number): boolean {
    const r = this.indexOf(rule);
    return start <= this.bound[r]! && !this.seen.has(r + RULE_SLOTS * start);
  }
  past(rule: NamedRuleId, start: number): boolean {
    return start > this.bound[this.indexOf(rule)]!;
  }
  add(rule: NamedRuleId, start: number, end: number, message: string, data?: FixData): void {
    const r = this.indexOf(rule);
    if (start > this.bound[r]!) return;
    const key = r + RULE_SLOTS * start;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ rule, start, end, message, data });
    if (++this.kept[r]! >= KEEP) this.tighten(rule, r);
  }
  source(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  line(offset: number): number {
    return this.lineOf(offset) + 1;
  }
  /** Rule r has made KEEP findings: bound it, and drop those past the bound. */
  private tighten(rule: NamedRuleId, r: number): void {
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
  result(): RawFinding[] {
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
