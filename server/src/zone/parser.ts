/**
 * The master-file format as BIND reads it (RFC 1035 §5.1, RFC 2308 §4 `$TTL`, BIND's
 * `$GENERATE`): lines of tokens, `;` comments, `( ... )` across lines, quoted strings with `\`
 * escapes, a blank owner that inherits the previous one, TTL and class in either order, the
 * `$ORIGIN`, `$TTL`, `$INCLUDE` and `$GENERATE` directives. One pass, total: any text in, a tree
 * and the problems of its syntax out (one per line, not a cascade).
 */

/** A token of a line: its text (quotes removed, escapes kept as written), and where it is. */
export interface ZoneToken {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface ZoneRecord {
  /** The owner as written; undefined: the line starts with blank space (the previous owner). */
  readonly owner?: ZoneToken;
  readonly ttl?: ZoneToken;
  readonly cls?: ZoneToken;
  readonly type: ZoneToken;
  readonly rdata: readonly ZoneToken[];
  /** Offsets of the whole record, parentheses and all, and its first line (0-based). */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export type DirectiveName = '$ORIGIN' | '$TTL' | '$INCLUDE' | '$GENERATE';

export interface ZoneDirective {
  readonly name: DirectiveName;
  readonly keyword: ZoneToken;
  readonly args: readonly ZoneToken[];
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export interface ZoneSyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ZoneTree {
  readonly text: string;
  /** Records and directives in file order. */
  readonly entries: ReadonlyArray<ZoneRecord | ZoneDirective>;
  readonly problems: readonly ZoneSyntaxProblem[];
}

export const isDirective = (e: ZoneRecord | ZoneDirective): e is ZoneDirective => 'keyword' in e;

const DIRECTIVES: readonly DirectiveName[] = ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE'];

/** The classes a record may name (RFC 1035 §3.2.4, RFC 3597 CLASSnnn). */
const CLASS = /^(?:IN|CH|CHAOS|HS|HESIOD|NONE|ANY|CLASS\d{1,5})$/i;

/** A TTL as BIND reads it: seconds, or numbers each with a unit w, d, h, m or s. */
export const TTL = /^(?:\d+|(?:\d+[wdhms])+)$/i;

/** One logical line: its tokens, whether it began with blank space, and where it is. */
interface Line {
  readonly tokens: ZoneToken[];
  readonly blankOwner: boolean;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export function parseZone(text: string, isType: (word: string) => boolean): ZoneTree {
  const entries: Array<ZoneRecord | ZoneDirective> = [];
  const problems: ZoneSyntaxProblem[] = [];
  const lineProblems: ZoneSyntaxProblem[] = [];
  // each line is made into its entry as it is read: the lines of a large file never all live at once
  logicalLines(text, problems, (l) => {
    const e = entry(l, isType, lineProblems);
    if (e) entries.push(e);
  });
  // the problems of reading the text first, then those of the lines' entries
  for (const p of lineProblems) problems.push(p);
  return { text, entries, problems };
}

/** The entry of one logical line: a directive, a record, or none (a blank line, a problem). */
function entry(
  l: Line,
  isType: (word: string) => boolean,
  problems: ZoneSyntaxProblem[],
): ZoneRecord | ZoneDirective | undefined {
  if (!l.tokens.length) return undefined;
  const first = l.tokens[0]!;
  const d =
    !l.blankOwner && !first.quoted && first.text.charCodeAt(0) === 0x24
      ? DIRECTIVES.find((x) => x === first.text.toUpperCase())
      : undefined;
  if (d) return { name: d, keyword: first, args: l.tokens.slice(1), start: l.start, end: l.end, line: l.line };
  if (!l.blankOwner && !first.quoted && first.text.startsWith('$')) {
    problems.push({
      start: first.start,
      end: first.end,
      message: `Unknown directive \`${first.text}\`: a master file knows \`$ORIGIN\`, \`$TTL\`, \`$INCLUDE\` and \`$GENERATE\`.`,
    });
    return undefined;
  }
  return record(l, isType, problems);
}

/** A record line: [owner] [ttl] [class] type rdata, TTL and class in either order. */
function record(l: Line, isType: (word: string) => boolean, problems: ZoneSyntaxProblem[]): ZoneRecord | undefined {
  const t = l.tokens;
  let i = 0;
  const owner = l.blankOwner ? undefined : t[i++];
  let ttl: ZoneToken | undefined;
  let cls: ZoneToken | undefined;
  for (let k = 0; k < 2 && i < t.length; k++) {
    const w = t[i]!;
    if (w.quoted) break;
    if (!ttl && TTL.test(w.text)) ttl = t[i++];
    else if (!cls && CLASS.test(w.text) && !isType(w.text)) cls = t[i++];
    else break;
  }
  const type = t[i];
  if (!type) {
    const at = t[t.length - 1]!;
    problems.push({
      start: at.end,
      end: at.end,
      message: 'The record has no type: write `[owner] [ttl] [class] TYPE data`, e.g. `www 3600 IN A 192.0.2.1`.',
    });
    return undefined;
  }
  if (type.quoted || !isType(type.text)) {
    problems.push({
      start: type.start,
      end: type.end,
      message: `\`${type.text}\` is not a class or record type BIND knows (named-checkzone: "unknown class/type"); write the type, e.g. \`A\`, \`MX\` or \`TYPE65534\`.`,
    });
    return undefined;
  }
  // a copy of exactly the data's length (the line's array has room to grow, and is let go)
  return { owner, ttl, cls, type, rdata: t.slice(i + 1), start: l.start, end: l.end, line: l.line };
}

/** The text as logical lines, each handed to `each`: comments dropped, parenthesised runs joined, strings kept whole. */
function logicalLines(text: string, problems: ZoneSyntaxProblem[], each: (l: Line) => void): void {
  const n = text.length;
  let i = 0;
  let lineNo = 0;
  while (i < n) {
    const startLine = lineNo;
    const start = i;
    const blankOwner = text[i] === ' ' || text[i] === '\t';
    const tokens: ZoneToken[] = [];
    let depth = 0;
    let openAt = -1;
    let end = i;
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        lineNo++;
        i++;
        if (depth === 0) break;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
        continue;
      }
      if (c === 0x3b) {
        while (i < n && text.charCodeAt(i) !== 0x0a) i++;
        continue;
      }
      if (c === 0x28) {
        if (depth === 0) openAt = i;
        depth++;
        i++;
        end = i;
        continue;
      }
      if (c === 0x29) {
        if (depth === 0)
          problems.push({ start: i, end: i + 1, message: 'A `)` closes no `(`: remove it, or open the group.' });
        else depth--;
        i++;
        end = i;
        continue;
      }
      const tok = c === 0x22 ? quoted(text, i, problems) : word(text, i);
      tokens.push(tok);
      // a quoted string may run over lines: count them
      for (let k = tok.start; k < tok.end; k++) if (text.charCodeAt(k) === 0x0a) lineNo++;
      i = tok.end;
      end = i;
    }
    if (depth > 0)
      problems.push({
        start: openAt,
        end: openAt + 1,
        message: 'A `(` is never closed: the record runs to the end of the file. Close it with `)`.',
      });
    each({ tokens, blankOwner, start, end, line: startLine });
  }
}

/** Words this short (`IN`, `A`, `MX`, `10`, `@`) are held once each, however often they are written. */
const SHORT = 4;
const shortWords = new Map<string, string>();
function shortWord(w: string): string {
  const held = shortWords.get(w);
  if (held !== undefined) return held;
  if (shortWords.size < 65536) shortWords.set(w, w);
  return w;
}

/** A word: up to blank space, `;`, `(`, `)` or a quote; `\` escapes the next character. */
function word(text: string, i: number): ZoneToken {
  const start = i;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && i + 1 < n && text.charCodeAt(i + 1) !== 0x0a) {
      i += 2;
      continue;
    }
    if (c <= 0x20 || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x22) break;
    i++;
  }
  if (i === start) i++; // a lone control character: a token of its own, never a loop
  return {
    text: i - start <= SHORT ? shortWord(text.slice(start, i)) : text.slice(start, i),
    quoted: false,
    start,
    end: i,
  };
}

/** A quoted string: to the next unescaped `"`; one never closed runs to its line's end. */
function quoted(text: string, i: number, problems: ZoneSyntaxProblem[]): ZoneToken {
  const start = i++;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && i + 1 < n) {
      i += 2;
      continue;
    }
    if (c === 0x22) return { text: text.slice(start + 1, i), quoted: true, start, end: i + 1 };
    if (c === 0x0a) break;
    i++;
  }
  problems.push({ start, end: i, message: 'A quoted string is not closed on its line: add the closing `"`.' });
  return { text: text.slice(start + 1, i), quoted: true, start, end: i };
}
