/** The reporter every check writes to: findings as offsets, one per rule and place, cut per rule as the facade cuts. */
import type { FixData } from '../../common/fixes';
import { FindingSink } from '../../common/findings';
import type { NamedRuleId } from '../rules';
import type { BindVersion } from '../../service/types';

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
  /** The BIND version the file is checked as. */
  readonly version: BindVersion;
}

/** The reporter of one validation of named.conf: the common sink, and the text and its lines. */
export class NamedReporter extends FindingSink<NamedRuleId> implements Reporter {
  constructor(
    private readonly text: string,
    /** The 0-based line of an offset. */
    private readonly lineOf: (offset: number) => number,
    readonly version: BindVersion,
  ) {
    super();
  }
  source(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  line(offset: number): number {
    return this.lineOf(offset) + 1;
  }
}
