/** Small helpers on the words of a statement, shared by the checks. */
import { Tk, type Token } from '../../common/tokenizer';

/** A word lower-cased; undefined for anything else (a string, punctuation, nothing). */
export const low = (t: Token | undefined) => (t && t.kind === Tk.Word ? t.text.toLowerCase() : undefined);

/** A name as written: a string's value or the word itself. */
export function nameOf(t: Token): string {
  return t.kind === Tk.String ? (t.value ?? '') : t.text;
}

export function clip(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

export interface OptionName {
  readonly space: string;
  readonly name: string;
  readonly full: string;
  readonly param: string;
  readonly dot: number;
}

/**
 * `[SPACE.]NAME` as written → its parts, lower-cased. Memoised per parse (`memo`), not globally:
 * the keys are slices of the document and would keep it alive.
 */
export function optionName(raw: string, memo: Map<string, OptionName>): OptionName {
  let r = memo.get(raw);
  if (r) return r;
  let space = 'dhcp';
  let name = raw.toLowerCase();
  const dot = raw.indexOf('.');
  if (dot > 0) {
    space = raw.slice(0, dot).toLowerCase();
    name = raw.slice(dot + 1).toLowerCase();
  }
  const full = `${space}.${name}`;
  r = { space, name, full, param: `option ${full}`, dot };
  memo.set(raw, r);
  return r;
}
