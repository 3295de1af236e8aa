/**
 * Finding iqn./eui./naa. names in arbitrary text (.vmx, dhcpd.conf root-path, named.conf,
 * logs). One forward regex pass over the text for the three prefixes, then a bounded scan for
 * the end of each token: linear in the text, cheap on a 50 MB log.
 */
import { CURLY_DOUBLE, CURLY_SINGLE } from '../common/quotes';

export interface NameToken {
  /** Offset of the name in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: 'iqn' | 'eui' | 'naa';
}

/** A name is at most 223 bytes; a token is not followed further than this. */
const MAX_TOKEN = 512;

// The prefix, not glued to a word, a dot or a hyphen before it (`vmhba-iqn.` is a path part).
const PREFIX_RE = /(?<![A-Za-z0-9_.-])(?:iqn|eui|naa)\./gi;

/** Characters that end a name in running text (ASCII table; curly quotes checked apart). */
const STOP = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v"\'`;,<>(){}[]=|\\/@*$!?') STOP[ch.charCodeAt(0)] = 1;

function isStop(code: number): boolean {
  if (code < 128) return STOP[code] === 1;
  return (
    CURLY_DOUBLE.has(code) ||
    CURLY_SINGLE.has(code) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x85
  );
}

/** The token starting at `start` (a prefix position) in `text`, trimmed of trailing punctuation. */
export function tokenAt(text: string, start: number, inText: boolean): NameToken | undefined {
  const type = text.slice(start, start + 3).toLowerCase() as NameToken['type'];
  let end = start + 4;
  const limit = Math.min(text.length, start + MAX_TOKEN);
  while (end < limit && !isStop(text.charCodeAt(end))) end++;
  // Sentence punctuation after a name: "... target iqn.2001-04.com.example." or "...: failed".
  while (end > start + 4 && (text[end - 1] === '.' || text[end - 1] === ':')) end--;
  let name = text.slice(start, end);
  if (inText && (type === 'naa' || type === 'eui')) {
    // ESXi device paths: `naa.600…:1` is partition 1 of the device.
    const m = /^((?:naa|eui)\.[0-9a-fA-F]+):\d{1,3}$/i.exec(name);
    if (m) {
      name = m[1]!;
      end = start + name.length;
    }
  }
  return { start, end, text: name, type };
}

/** Is this token worth checking in running text (not a placeholder like `iqn.yyyy-mm...`)? */
export function worthChecking(tok: NameToken): boolean {
  const rest = tok.text.slice(4);
  if (!rest) return false;
  if (/^[yY]{4}/.test(rest) || /^[xX]{4,}/.test(rest)) return false;
  if (tok.type !== 'iqn' && !/[0-9a-fA-F]/.test(rest[0]!)) return false;
  return true;
}

/**
 * Calls `visit` for every iSCSI name in `text`, in order, until it returns false. One forward
 * regex pass; `isCancelled` is polled every 4096 prefixes.
 */
export function forEachName(text: string, visit: (tok: NameToken) => boolean, isCancelled?: () => boolean): void {
  // indexOf per spelling is far faster on big texts than one case-insensitive regex;
  // mixed-case spellings (`Iqn.`) are left to the line-level hover.
  const next = PREFIXES.map((p) => text.indexOf(p));
  let count = 0;
  let floor = 0;
  for (;;) {
    let k = -1;
    for (let i = 0; i < next.length; i++) if (next[i]! >= 0 && (k < 0 || next[i]! < next[k]!)) k = i;
    if (k < 0) return;
    const at = next[k]!;
    next[k] = text.indexOf(PREFIXES[k]!, at + 4);
    if (++count % 4096 === 0 && isCancelled?.()) return;
    if (at < floor || !prefixBoundary(text, at)) continue;
    const tok = tokenAt(text, at, true);
    if (!tok || !worthChecking(tok)) continue;
    if (!visit(tok)) return;
    floor = tok.end;
  }
}

const PREFIXES = ['iqn.', 'eui.', 'naa.', 'IQN.', 'EUI.', 'NAA.'];

/** The prefix at `at` is not glued to a word, a dot or a hyphen before it. */
function prefixBoundary(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45);
}

/** Every name on one (short) line, any case of the prefix. */
function namesInLine(line: string, max: number): NameToken[] {
  const out: NameToken[] = [];
  const re = new RegExp(PREFIX_RE.source, PREFIX_RE.flags);
  for (let m = re.exec(line); m && out.length < max; m = re.exec(line)) {
    const tok = tokenAt(line, m.index, true);
    if (!tok || !worthChecking(tok)) continue;
    out.push(tok);
    re.lastIndex = Math.max(re.lastIndex, tok.end);
  }
  return out;
}

/** Every iSCSI name in `text`, in order, at most `max`. */
export function findNames(text: string, max = 10000, isCancelled?: () => boolean): NameToken[] {
  const out: NameToken[] = [];
  forEachName(text, (tok) => out.push(tok) < max, isCancelled);
  return out;
}

/** The name under `offset` in a single line, or undefined. */
export function nameAtOffset(line: string, offset: number): NameToken | undefined {
  // Look back at most MAX_TOKEN characters for a prefix that covers the offset.
  const from = Math.max(0, offset - MAX_TOKEN);
  const window = line.slice(from, Math.min(line.length, offset + MAX_TOKEN));
  for (const tok of namesInLine(window, 64)) {
    const s = tok.start + from;
    const e = tok.end + from;
    if (s <= offset && offset <= e) return { ...tok, start: s, end: e };
  }
  return undefined;
}
