/**
 * The index of a log: one pass over the text finds every storage device id (`naa.`, `eui.`,
 * `t10.`, `mpx.`), every path (`vmhba2:C0:T1:L3`) and every incident (failed commands, path
 * state changes, APD and PDL, lost access to a volume), and counts the WARNING and ALERT lines.
 * The pass is one regular expression over the whole text plus a walk over its line breaks: linear,
 * a few hundred milliseconds for 50 MB. The index is made once per parsed version (cached by
 * tree) and holds offsets only; lines and positions are worked out when a feature asks.
 */
import type { LogTree } from './parser';

export type SubjectKind = 'device' | 'path' | 'volume';
export type EventKind = 'failed' | 'state' | 'apd-start' | 'apd-timeout' | 'apd-exit' | 'pdl' | 'lost-access';
export const EVENT_KINDS: readonly EventKind[] = [
  'failed',
  'state',
  'apd-start',
  'apd-timeout',
  'apd-exit',
  'pdl',
  'lost-access',
];

/** One incident: what happened, on which line, and the words that say so. */
export interface LogEvent {
  readonly kind: EventKind;
  /** Offset of the start of its line. */
  readonly line: number;
  /** Offsets of the words that make it an incident (`failed`, `APD start`, `changed state from`). */
  readonly start: number;
  readonly end: number;
  /** The key of the subject it is about (a device, else a path, else a volume). */
  readonly subject: string;
  /** Path state changes: the states (`on` → `dead`). */
  readonly from?: string;
  readonly to?: string;
  /** The path named on the line, where there is one. */
  readonly path?: string;
}

/** A device, path or volume and where the log mentions it. */
export interface Subject {
  readonly kind: SubjectKind;
  readonly key: string;
  /** As first written in the log. */
  readonly id: string;
  /** A volume's datastore name. */
  label?: string;
  /** Start offset of every mention (each `id.length` long), in text order. */
  readonly at: number[];
  /** Distinct lines that mention it; first and last of them (line start offsets). */
  lines: number;
  first: number;
  last: number;
  /** Lines with a failed command about it (`failed` with an H:/D: status). */
  failures: number;
  readonly counts: Record<EventKind, number>;
  /** Its incidents in text order: every one but failed commands, of which the first few and the last. */
  readonly events: LogEvent[];
  lastFailure?: LogEvent;
  /** A path: the state its last state change left it in. */
  lastState?: string;
  /** A path: the device it leads to (seen on the same line). A device: its paths. */
  device?: string;
  readonly paths: string[];
}

export interface LogIndex {
  /** By key, in order of first mention. */
  readonly subjects: ReadonlyMap<string, Subject>;
  /** Lines with WARNING (or a Wa(…) header) and with ALERT (or an Al(…) header). */
  readonly warnings: number;
  readonly alerts: number;
  /** Every incident but failed commands, in text order (at most MAX_INCIDENTS). */
  readonly incidents: readonly LogEvent[];
  /** Failed commands, first to last (every one counts; the subjects keep a few). */
  readonly failedLines: number;
}

/** Failed commands kept per subject (the first ones; the last is kept too). */
export const KEEP_FAILURES = 100;
/** Other incidents kept per subject, and in the whole index. */
export const KEEP_EVENTS = 2000;
export const MAX_INCIDENTS = 20_000;
/** The part of a line after an incident's words that is read for its details. */
const DETAIL_WINDOW = 512;

// Device ids, paths and the words of incidents. Each alternative is a literal prefix and one
// bounded run: no nested quantifiers. Boundaries are checked in code (lookbehinds cost here).
const TOKEN_RE =
  /(?:naa|eui)\.[0-9A-Fa-f]{8,64}|t10\.[\w.-]{2,160}|mpx\.vmhba\d{1,5}:C\d{1,5}:T\d{1,5}:L\d{1,5}|vmhba\d{1,5}:C\d{1,5}:T\d{1,5}:L\d{1,5}|WARNING|ALERT|[Ff]ailed|changed state from|APD|permanently inaccessible|Lost access to volume|H:0x|(?:Wa|Al)\(\d/g;
const STATE_RE = /changed state from (\w{1,24}) to (\w{1,24})/y;
const APD_RE = /APD (?:([Ss]tart)|([Ee]xit)|Timer expired|[Tt]imeout)/y;
const IDENT_RE = /ident \[([^\]\s]{1,100})\]/;
const VOLUME_RE = /Lost access to volume (\S{1,100}) \(([^)\r\n]{0,100})\)/y;
/** A header's severity sits right after the timestamp: within this many characters of the line start. */
const HEADER_REACH = 40;

const indexes = new WeakMap<LogTree, LogIndex>();

/** Whether the index of `tree` has been made (tests: validation with every rule off makes none). */
export function isIndexed(tree: LogTree): boolean {
  return indexes.has(tree);
}

/** The index of a parsed log, made on first use. */
export function indexOf(tree: LogTree): LogIndex {
  let ix = indexes.get(tree);
  if (!ix) indexes.set(tree, (ix = buildIndex(tree.text)));
  return ix;
}

const isWordOrDot = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;

/** The kind of subject a token is, or undefined for the words of incidents. */
export function subjectKindOf(token: string): SubjectKind | undefined {
  const c = token.charCodeAt(0);
  if (c === 0x76 /* v */ && token.startsWith('vmhba')) return 'path';
  if (/^(?:naa|eui|t10|mpx)\./.test(token)) return 'device';
  return undefined;
}

/** The key a device id or path is indexed under: NAA and EUI ids are hex, case does not matter. */
export function keyOf(id: string): string {
  return id.startsWith('naa.') || id.startsWith('eui.') ? id.toLowerCase() : id;
}

/** A t10 id may not end in `.` or `-` (the sentence goes on). */
export function trimId(id: string): string {
  let end = id.length;
  while (end > 4 && (id.charCodeAt(end - 1) === 0x2e || id.charCodeAt(end - 1) === 0x2d)) end--;
  return end === id.length ? id : id.slice(0, end);
}

interface Pending {
  /** Keys of the devices and paths on the line, in order (each once). */
  devices: string[];
  paths: string[];
  failed: number;
  status: boolean;
  warning: boolean;
  alert: boolean;
  /** Words of other incidents: kind-less matches to read at the end of the line. */
  words: Array<{ start: number; end: number; text: string }>;
}

class Builder {
  readonly subjects = new Map<string, Subject>();
  readonly incidents: LogEvent[] = [];
  warnings = 0;
  alerts = 0;
  failedLines = 0;
  line = 0;
  lineEnd = 0;
  private p: Pending = { devices: [], paths: [], failed: -1, status: false, warning: false, alert: false, words: [] };
  private dirty = false;

  constructor(private readonly text: string) {}

  subject(kind: SubjectKind, key: string, id: string): Subject {
    let s = this.subjects.get(key);
    if (!s) {
      const counts = { failed: 0, state: 0, 'apd-start': 0, 'apd-timeout': 0, 'apd-exit': 0, pdl: 0, 'lost-access': 0 };
      s = { kind, key, id, at: [], lines: 0, first: -1, last: -1, failures: 0, counts, events: [], paths: [] };
      this.subjects.set(key, s);
    }
    return s;
  }

  /** A device id or path at [start, start + id.length). */
  mention(kind: SubjectKind, id: string, start: number): void {
    const key = keyOf(id);
    const s = this.subject(kind, key, id);
    s.at.push(start);
    if (s.last !== this.line) {
      s.lines++;
      if (s.first < 0) s.first = this.line;
      s.last = this.line;
      (kind === 'path' ? this.p.paths : this.p.devices).push(key);
      this.dirty = true;
    }
  }

  word(m: string, start: number): void {
    const p = this.p;
    this.dirty = true;
    switch (m) {
      case 'WARNING':
        p.warning = true;
        return;
      case 'ALERT':
        p.alert = true;
        return;
      case 'H:0x':
        p.status = true;
        return;
      case 'failed':
      case 'Failed':
        if (p.failed < 0) p.failed = start;
        return;
      default:
        if (m.charCodeAt(2) === 0x28) {
          // Wa(180) / Al(177): a header's severity only right after the timestamp
          if (start - this.line <= HEADER_REACH && this.text.charCodeAt(start - 1) === 0x20) {
            if (m.startsWith('Wa')) p.warning = true;
            else p.alert = true;
          }
          return;
        }
        p.words.push({ start, end: start + m.length, text: m });
    }
  }

  /** The line is over: count it and make its incidents. */
  commit(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const p = this.p;
    if (p.warning) this.warnings++;
    if (p.alert) this.alerts++;
    if (p.failed >= 0 && p.status) this.failure(p.failed);
    for (const w of p.words) this.incident(w);
    this.linkPaths();
    p.devices.length = 0;
    p.paths.length = 0;
    p.words.length = 0;
    p.failed = -1;
    p.status = p.warning = p.alert = false;
  }

  private linkPaths(): void {
    const dev = this.p.devices[0];
    if (dev === undefined) return;
    for (const key of this.p.paths) {
      const path = this.subjects.get(key)!;
      if (path.device !== undefined) continue;
      path.device = dev;
      this.subjects.get(dev)!.paths.push(key);
    }
  }

  private failure(start: number): void {
    const p = this.p;
    this.failedLines++;
    for (const key of [...p.devices, ...p.paths]) this.subjects.get(key)!.failures++;
    const subject = p.devices[0] ?? p.paths[0];
    if (subject === undefined) return;
    const ev: LogEvent = { kind: 'failed', line: this.line, start, end: start + 6, subject, path: p.paths[0] };
    // the event goes with the devices of the line, or with its path when it names none
    for (const key of p.devices.length ? p.devices : p.paths.slice(0, 1)) {
      const s = this.subjects.get(key)!;
      s.counts.failed++;
      if (s.counts.failed <= KEEP_FAILURES) s.events.push(ev);
      s.lastFailure = ev;
    }
  }

  private incident(w: { start: number; end: number; text: string }): void {
    const text = this.text;
    const window = text.slice(w.start, Math.min(this.lineEnd, w.start + DETAIL_WINDOW));
    let kind: EventKind;
    let end = w.end;
    let from: string | undefined;
    let to: string | undefined;
    let subjectKey: string | undefined;
    if (w.text === 'APD') {
      APD_RE.lastIndex = 0;
      const m = APD_RE.exec(window);
      if (!m) return;
      kind = m[1] ? 'apd-start' : m[2] ? 'apd-exit' : 'apd-timeout';
      end = w.start + m[0].length;
    } else if (w.text === 'changed state from') {
      STATE_RE.lastIndex = 0;
      const m = STATE_RE.exec(window);
      if (!m) return;
      kind = 'state';
      from = m[1];
      to = m[2];
      end = w.start + m[0].length;
    } else if (w.text === 'permanently inaccessible') kind = 'pdl';
    else {
      kind = 'lost-access';
      VOLUME_RE.lastIndex = 0;
      const m = VOLUME_RE.exec(window);
      if (m) {
        const v = this.subject('volume', `volume:${m[1]!.toLowerCase()}`, m[1]!);
        this.mentionVolume(v, w.start + 'Lost access to volume '.length, m[2]!);
        subjectKey = v.key;
      }
    }
    const p = this.p;
    // a state change is about its path; the rest about the line's devices
    const owners = kind === 'state' && p.paths.length ? p.paths.slice(0, 1) : p.devices.length ? p.devices : p.paths;
    if (!owners.length && subjectKey === undefined && kind.startsWith('apd')) subjectKey = this.apdIdent(w.start);
    const keys = subjectKey !== undefined && !p.devices.length ? [subjectKey] : owners;
    if (!keys.length) return;
    const ev: LogEvent = { kind, line: this.line, start: w.start, end, subject: keys[0]!, from, to, path: p.paths[0] };
    if (this.incidents.length < MAX_INCIDENTS) this.incidents.push(ev);
    for (const key of keys) {
      const s = this.subjects.get(key)!;
      s.counts[kind]++;
      if (kind === 'state') s.lastState = to;
      if (s.events.length < KEEP_EVENTS + KEEP_FAILURES) s.events.push(ev);
    }
  }

  /** The ident an APD line names (`APD Start for ident [8a5a1336-3d574c6d]!`, an NFS volume), as a subject. */
  private apdIdent(start: number): string | undefined {
    const m = IDENT_RE.exec(this.text.slice(start, Math.min(this.lineEnd, start + DETAIL_WINDOW)));
    if (!m) return undefined;
    const v = this.subject('volume', `volume:${m[1]!.toLowerCase()}`, m[1]!);
    this.mentionVolume(v, start + m.index + 'ident ['.length, undefined);
    return v.key;
  }

  private mentionVolume(v: Subject, at: number, label: string | undefined): void {
    v.at.push(at);
    if (label && !v.label) v.label = label;
    if (v.last !== this.line) {
      v.lines++;
      if (v.first < 0) v.first = this.line;
      v.last = this.line;
    }
  }
}

/** Where the line break at or after `from` is, and how long it is (`\r\n`, `\n`, `\r`). */
class Breaks {
  private lf = -1;
  private cr = -1;
  constructor(private readonly text: string) {}

  next(from: number): number {
    const t = this.text;
    if (this.lf < from) {
      const i = t.indexOf('\n', from);
      this.lf = i < 0 ? t.length : i;
    }
    if (this.cr < from) {
      const i = t.indexOf('\r', from);
      this.cr = i < 0 ? t.length : i;
    }
    return Math.min(this.lf, this.cr);
  }

  width(at: number): number {
    const t = this.text;
    return t.charCodeAt(at) === 0x0d && t.charCodeAt(at + 1) === 0x0a ? 2 : 1;
  }
}

/**
 * The device id or path a token found at `i` stands for, or undefined when it is part of a longer
 * word (`xnaa.…`, a hex id running on into letters). A t10 id loses a trailing `.` or `-`.
 */
export function acceptId(text: string, i: number, tok: string): string | undefined {
  if (i > 0 && isWordOrDot(text.charCodeAt(i - 1))) return undefined;
  const id = trimId(tok);
  const after = text.charCodeAt(i + id.length);
  if (id === tok && (tok.startsWith('naa.') || tok.startsWith('eui.')) && isWordOrDot(after) && after !== 0x2e)
    return undefined;
  return id;
}

const ID_RE =
  /(?:naa|eui)\.[0-9A-Fa-f]{8,64}|t10\.[\w.-]{2,160}|mpx\.vmhba\d{1,5}:C\d{1,5}:T\d{1,5}:L\d{1,5}|vmhba\d{1,5}:C\d{1,5}:T\d{1,5}:L\d{1,5}/g;

/** The device ids and paths of one line (or window of one). */
export function idsIn(line: string): Array<{ start: number; end: number; id: string; kind: SubjectKind }> {
  const out: Array<{ start: number; end: number; id: string; kind: SubjectKind }> = [];
  ID_RE.lastIndex = 0;
  for (let m = ID_RE.exec(line); m; m = ID_RE.exec(line)) {
    const id = acceptId(line, m.index, m[0]);
    if (id !== undefined)
      out.push({ start: m.index, end: m.index + id.length, id, kind: subjectKindOf(id) ?? 'device' });
  }
  return out;
}

export function buildIndex(text: string): LogIndex {
  const b = new Builder(text);
  const breaks = new Breaks(text);
  b.line = 0;
  b.lineEnd = breaks.next(0);
  const re = new RegExp(TOKEN_RE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    if (i >= b.lineEnd) {
      b.commit();
      while (i >= b.lineEnd) {
        b.line = b.lineEnd + breaks.width(b.lineEnd);
        b.lineEnd = breaks.next(b.line);
      }
    }
    const tok = m[0];
    const kind = subjectKindOf(tok);
    if (kind === undefined) {
      b.word(tok, i);
      continue;
    }
    const id = acceptId(text, i, tok);
    if (id !== undefined) b.mention(kind, id, i);
  }
  b.commit();
  return {
    subjects: b.subjects,
    warnings: b.warnings,
    alerts: b.alerts,
    incidents: b.incidents,
    failedLines: b.failedLines,
  };
}

// ------------------------------------------------------------------------------ timestamps

const ISO_RE = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?/y;
const SYSLOG_RE = /[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d/y;

/** The timestamp a line starts with (ISO 8601 as ESXi 5+ writes it, or syslog's `Sep 13 08:21:52`). */
export function timestampAt(text: string, lineStart: number): string | undefined {
  for (const re of [ISO_RE, SYSLOG_RE]) {
    re.lastIndex = lineStart;
    const m = re.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** The first and last timestamps of the log and the offsets of their lines, looking at line starts only. */
export function timeSpan(text: string): { first?: { at: number; ts: string }; last?: { at: number; ts: string } } {
  let first: { at: number; ts: string } | undefined;
  for (let at = 0; at < text.length;) {
    const ts = timestampAt(text, at);
    if (ts) {
      first = { at, ts };
      break;
    }
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  if (!first) return {};
  let last = first;
  for (let end = text.length; end > first.at;) {
    const nl = text.lastIndexOf('\n', end - 1);
    const at = nl + 1;
    const ts = at > first.at ? timestampAt(text, at) : undefined;
    if (ts) {
      last = { at, ts };
      break;
    }
    if (nl < 0) break;
    end = nl;
  }
  return { first, last };
}
