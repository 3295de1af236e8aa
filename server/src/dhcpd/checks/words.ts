/** Small helpers on the words of a statement, shared by the checks. */
import { Tk, type Token } from '../../common/tokenizer';
import { didYouMean as didYouMeanAll } from '../../common/text';

/** A word lower-cased; undefined for anything else (a string, punctuation, nothing). */
export const low = (t: Token | undefined) => (t && t.kind === Tk.Word ? t.text.toLowerCase() : undefined);

/** A name as written: a string's value or the word itself. */
export function nameOf(t: Token): string {
  return t.kind === Tk.String ? (t.value ?? '') : t.text;
}

export function clip(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

/**
 * did-you-mean, skipped for words no one would mistype (keeps huge tokens cheap), and remembered
 * per list of candidates: a file may repeat one unknown word on 100,000 lines.
 */
const suggestionMemo = new WeakMap<object, Map<string, string[]>>();
export function didYouMean(word: string, candidates: Iterable<string>, limit = 3): string[] {
  if (word.length > 64) return [];
  let memo = suggestionMemo.get(candidates);
  if (!memo) suggestionMemo.set(candidates, (memo = new Map()));
  const key = `${limit} ${word}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size >= 4096) memo.clear();
    memo.set(key, (found = didYouMeanAll(word, candidates, limit)));
  }
  return found.slice();
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
