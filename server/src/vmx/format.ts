/**
 * Formatting of .vmx files (issue 22): every setting written `key = "value"`, with one space on
 * each side of the `=` and one before a `#` comment after the value; comment lines without the
 * blanks around them; runs of blank lines made one, and none at the start or end of the file.
 * Line order and line breaks are kept, and so is everything between a value's quotes.
 *
 * Only a line that reads cleanly is rewritten: a key of key characters, `=`, a value in straight
 * double quotes that is closed, then nothing or a comment. A line with curly or single quotes, a
 * bare value, an unclosed quote, text after the value or no `=` stays exactly as written (the
 * quick fixes deal with those). The check is made here, line by line, not read from the tree's
 * problem list, which stops after a number of problems of each kind.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormatOptions } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { isBlank } from './entries';
import type { VmxTree } from './parser';

/** A line of the text: its content [start, end) and where the next line starts (after the break). */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

/** The lines as the .vmx parser reads them: breaks are \r\n, \n or a lone \r. */
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  const n = text.length;
  // a byte-order mark is not part of the first line's content: it stays where it is
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let end = pos;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    let next = end;
    if (end < n) next = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
    out.push({ start: pos, end, next });
    if (end >= n) break;
    pos = next;
  }
  // the empty "line" after a final line break is no line
  const last = out[out.length - 1]!;
  if (out.length > 1 && last.start === last.end && last.start === n) out.pop();
  return out;
}

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === 0x3a ||
    c === 0x2e ||
    c === 0x2d
  );
}

/** The end of `text[from, to)` with trailing blanks left off. */
function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  return to;
}

/** The formatted text of setting `i`, or undefined when its line does not read cleanly. */
function settingLine(text: string, tree: VmxTree, i: number, line: Line): string | undefined {
  const e = tree.entries;
  if (e.quote(i) !== 'straight' || e.unterminated(i)) return undefined;
  const keyStart = e.keyStart(i);
  const keyEnd = e.keyEnd(i);
  const valueStart = e.valueStart(i);
  const valueEnd = e.valueEnd(i);
  if (keyEnd <= keyStart || text.charCodeAt(valueStart - 1) !== 0x22 || text.charCodeAt(valueEnd) !== 0x22)
    return undefined;
  for (let k = keyStart; k < keyEnd; k++) if (!isKeyChar(text.charCodeAt(k))) return undefined;
  // between the key and the quote: blanks, one `=`, blanks
  let eq = -1;
  for (let k = keyEnd; k < valueStart - 1; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3d && eq < 0) eq = k;
    else if (!isBlank(c)) return undefined;
  }
  if (eq < 0) return undefined;
  let k = valueEnd + 1;
  while (k < line.end && isBlank(text.charCodeAt(k))) k++;
  let out = `${text.slice(keyStart, keyEnd)} = ${text.slice(valueStart - 1, valueEnd + 1)}`;
  if (k < line.end) {
    if (text.charCodeAt(k) !== 0x23) return undefined;
    out += ' ' + text.slice(k, trimEnd(text, k, line.end));
  }
  return out;
}

type Plan = { readonly line: Line; readonly text: string | null };

/** What each line becomes: its new content, or null when it goes (a blank line of a run). */
function plan(text: string, tree: VmxTree): Plan[] {
  const lines = linesOf(text);
  const entryOfLine = new Map<number, number>();
  for (let i = 0; i < tree.entries.length; i++) entryOfLine.set(tree.entries.line(i), i);
  const out: Plan[] = [];
  let lastKept = -1; // the last line that is not blank
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let first = line.start;
    while (first < line.end && isBlank(text.charCodeAt(first))) first++;
    if (first >= line.end) {
      // blank: the first of a run stays, none before the first line (nor after the last, below)
      out.push({ line, text: lastKept >= 0 && lastKept === n - 1 ? '' : null });
      continue;
    }
    lastKept = n;
    const i = entryOfLine.get(n);
    let made: string | undefined;
    if (text.charCodeAt(first) === 0x23) made = text.slice(first, trimEnd(text, first, line.end));
    else if (i !== undefined) made = settingLine(text, tree, i, line);
    out.push({ line, text: made ?? text.slice(line.start, line.end) });
  }
  // blank lines at the end go
  for (let n = out.length - 1; n > lastKept; n--) out[n] = { line: out[n]!.line, text: null };
  return out;
}

/** The edits that format the document, or only the lines that touch `range`. */
export function format(doc: TextDocument, tree: VmxTree, _options: FormatOptions, range?: Range): TextEdit[] {
  const text = doc.getText();
  const from = range ? offsetAt(doc, range.start) : 0;
  const to = range ? offsetAt(doc, range.end) : text.length;
  const edits: TextEdit[] = [];
  const lines = plan(text, tree);
  for (let n = 0; n < lines.length; n++) {
    const { line, text: made } = lines[n]!;
    if (line.end < from || line.start > to) continue;
    // a line that goes goes with its break
    if (made === null) edits.push({ range: rangeOf(doc, line.start, line.next), newText: '' });
    else if (made !== text.slice(line.start, line.end))
      edits.push({ range: rangeOf(doc, line.start, line.end), newText: made });
  }
  return edits;
}
