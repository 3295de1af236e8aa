/** The tokens of a record's data and a reader over them, shared by the field checks. */
import { META_TYPES, rrTypeByName, typeNumber, type RrType } from './data/rrtypes';

/** A word of the record data, after the type: parentheses and comments already removed. */
export interface RdataToken {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface RdataProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface RdataContext {
  /** The origin relative names are completed with, e.g. `example.`. */
  readonly origin: string;
  /** Where the record ends (for "missing field" problems); the last token's end when absent. */
  readonly end?: number;
  /** Apply checks only one BIND version makes; when absent, only checks both versions make. */
  readonly version?: '9.18' | '9.20';
}

/** Reads the tokens in order, remembering what a later field depends on. */
export class Reader {
  i = 0;
  /** The numbers read so far, by field (undefined: none yet). */
  readonly nums: Array<number | undefined> = [];
  constructor(
    public toks: readonly RdataToken[],
    public type: RrType,
    public ctx: RdataContext,
  ) {}
  /** The reader made ready for another record (checkRdata keeps one: a million records, one reader). */
  reset(toks: readonly RdataToken[], type: RrType, ctx: RdataContext): this {
    this.toks = toks;
    this.type = type;
    this.ctx = ctx;
    this.i = 0;
    // emptied in place: an array cut to length 0 lets its storage go, and the next record's
    // number made it again (48 MB on a million records)
    for (let k = 0; k < this.nums.length; k++) this.nums[k] = undefined;
    return this;
  }
  get done(): boolean {
    return this.i >= this.toks.length;
  }
  peek(): RdataToken | undefined {
    return this.toks[this.i];
  }
  next(): RdataToken | undefined {
    return this.toks[this.i++];
  }
  rest(): RdataToken[] {
    const r = this.toks.slice(this.i);
    this.i = this.toks.length;
    return r;
  }
  at(tok: RdataToken, message: string): RdataProblem {
    return { start: tok.start, end: tok.end, message };
  }
  /** A problem for a field that is missing: at the end of the record. */
  missing(what: string): RdataProblem {
    const last = this.toks[this.toks.length - 1];
    const end = this.ctx.end ?? last?.end ?? 0;
    return { start: end, end, message: `The ${this.type.name} record ends too soon: ${what} is missing.` };
  }
}

/** A field that names a record type: a mnemonic, a meta type, `TYPEnnn`, or (where allowed) a number. */
export function checkTypeWord(r: Reader, tok: RdataToken, W: string, numbers: boolean): RdataProblem | undefined {
  const text = tok.text;
  if (rrTypeByName(text) || META_TYPES.has(text.toUpperCase()) || typeNumber(text) !== undefined) return undefined;
  if (numbers && /^\d+$/.test(text)) {
    return Number(text) > 65535
      ? r.at(tok, `${W} \`${text}\` is out of range: a type number is at most 65535.`)
      : undefined;
  }
  return r.at(tok, `${W} \`${text}\` is not a known type; use a mnemonic such as \`A\` or the \`TYPEnnn\` form.`);
}
