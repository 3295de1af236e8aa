/**
 * Finding status codes in one log line. Everything here works on a single line (bounded in
 * length), never on the whole document: hovers and inlay hints on a 50 MB log stay cheap.
 */
import { DESCRIPTION_TEXTS, decodeName, decodeValue, parseCodeToken, type Decoded, type TextEntry } from './status';

/** Lines longer than this are looked at only in a window this wide around the cursor. */
export const MAX_LINE_WINDOW = 8192;

export type CodeMatch =
  | {
      readonly kind: 'number';
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly decoded: Decoded;
    }
  | {
      readonly kind: 'name';
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly decoded: Decoded;
    }
  | {
      readonly kind: 'text';
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly entry: TextEntry;
    };

// Hex with 0x (any padding), bare `bad`/`2bad` codes, 9-digit decimals. No nested quantifiers.
const NUMBER_RE = /(?<![\w.])(?:0[xX][0-9a-fA-F]{1,16}|2?[bB][aA][dD][0-9a-fA-F]{4}|[0-9]{9})(?!\w|\.\w)/g;
const NAME_RE = /(?<![\w])VMK_[A-Z0-9_]{2,64}(?![\w])/g;

/**
 * Raw numeric codes on a line that decode to one of our statuses. Value 0 (VMK_OK) is left
 * out: `0x0` in a log is nearly always something else.
 */
export function findNumbers(line: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(line); m; m = NUMBER_RE.exec(line)) {
    const value = parseCodeToken(m[0]);
    if (value === undefined || value === 0) continue;
    const decoded = decodeValue(value);
    if (decoded) out.push({ kind: 'number', start: m.index, end: m.index + m[0].length, text: m[0], decoded });
  }
  return out;
}

export function findNames(line: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(line); m; m = NAME_RE.exec(line)) {
    const decoded = decodeName(m[0]);
    if (decoded) out.push({ kind: 'name', start: m.index, end: m.index + m[0].length, text: m[0], decoded });
  }
  return out;
}

const WORD = /[A-Za-z0-9_]/;

/**
 * Printed status texts on a line. Long texts ("Admission check failed for memory resource")
 * match anywhere between word boundaries; short ones ("Busy", "Not found") only where the
 * VMkernel puts a status: after `:`, `=`, `(`, a quote or the word "status", and before the
 * end of the line or punctuation.
 */
export function findTexts(line: string): CodeMatch[] {
  const lower = line.replace(/\u2019/g, "'").toLowerCase();
  const out: CodeMatch[] = [];
  for (const entry of DESCRIPTION_TEXTS) {
    let from = 0;
    for (let i = lower.indexOf(entry.key, from); i >= 0; i = lower.indexOf(entry.key, from)) {
      from = i + 1;
      const end = i + entry.key.length;
      if ((i > 0 && WORD.test(line[i - 1]!)) || (end < line.length && WORD.test(line[end]!))) continue;
      if (!entry.distinctive && !statusContext(lower, i, end)) continue;
      // Skip texts inside a longer text already found (entries come longest first).
      if (out.some((o) => o.start <= i && end <= o.end)) continue;
      out.push({ kind: 'text', start: i, end, text: line.slice(i, end), entry });
    }
  }
  return out;
}

function statusContext(lower: string, start: number, end: number): boolean {
  const before = lower.slice(Math.max(0, start - 12), start).trimEnd();
  const okBefore = /[:=("'[]$/.test(before) || /\bstatus$/.test(before);
  if (!okBefore) return false;
  const after = lower[end];
  return after === undefined || /[\s)\].,;'"]/.test(after);
}

/** Every code-like match on the line: numbers, names and printed texts. */
export function findAll(line: string): CodeMatch[] {
  return [...findNumbers(line), ...findNames(line), ...findTexts(line)];
}

/**
 * The window of a long line to look at around `character`, so a 1 MB line costs no more than
 * an 8 KB one. Returns the slice and its offset in the line.
 */
export function windowAround(line: string, character: number): { text: string; offset: number } {
  if (line.length <= MAX_LINE_WINDOW) return { text: line, offset: 0 };
  const half = MAX_LINE_WINDOW / 2;
  const offset = Math.max(0, Math.min(character - half, line.length - MAX_LINE_WINDOW));
  return { text: line.slice(offset, offset + MAX_LINE_WINDOW), offset };
}
