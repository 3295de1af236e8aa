/**
 * Incidents by device: a device with the incidents of its paths (a path state change names the
 * path only), and how each incident reads in an outline, a hover or the Problems panel.
 */
import { EVENT_KINDS, timestampAt, type EventKind, type LogEvent, type LogIndex, type Subject } from './logIndex';

/** A device with its paths, a path no line ties to a device, or a volume. */
export interface Group {
  readonly subject: Subject;
  readonly paths: readonly Subject[];
  /** Incidents of the subject and its paths, by kind (failed commands: lines). */
  readonly counts: Readonly<Record<EventKind, number>>;
  /** The incidents kept by the index, in text order. */
  readonly events: readonly LogEvent[];
  /** Line start offsets of the first and the last line about it. */
  readonly first: number;
  readonly last: number;
}

export function groupOf(ix: LogIndex, subject: Subject): Group {
  const paths = subject.paths.map((k) => ix.subjects.get(k)).filter((p): p is Subject => !!p);
  const counts = { ...subject.counts, failed: subject.failures };
  let first = subject.first;
  let last = subject.last;
  const lists: LogEvent[][] = [withLastFailure(subject)];
  for (const p of paths) {
    for (const k of EVENT_KINDS) if (k !== 'failed') counts[k] += p.counts[k];
    // failed commands on a path's own lines (no device named there)
    counts.failed += p.counts.failed;
    lists.push(withLastFailure(p));
    first = Math.min(first, p.first);
    last = Math.max(last, p.last);
  }
  const events = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a.start - b.start);
  return { subject, paths, counts, events, first, last };
}

function withLastFailure(s: Subject): LogEvent[] {
  const lf = s.lastFailure;
  if (!lf || s.events.includes(lf)) return s.events;
  return [...s.events, lf].sort((a, b) => a.start - b.start);
}

/** The groups an outline lists: devices, paths of no known device, volumes; in order of first mention. */
export function groupsOf(ix: LogIndex): Group[] {
  const out: Group[] = [];
  for (const s of ix.subjects.values()) {
    if (s.kind === 'path' && s.device !== undefined) continue;
    out.push(groupOf(ix, s));
  }
  return out;
}

const LABEL: Record<EventKind, [string, string]> = {
  failed: ['failed command', 'failed commands'],
  state: ['path state change', 'path state changes'],
  'apd-start': ['APD start', 'APD starts'],
  'apd-timeout': ['APD timeout', 'APD timeouts'],
  'apd-exit': ['APD exit', 'APD exits'],
  pdl: ['PDL (permanently inaccessible)', 'PDL (permanently inaccessible)'],
  'lost-access': ['lost access to the volume', 'lost access to the volume'],
};

/** `3 failed commands · 1 path state change · 1 APD start`. */
export function countsText(counts: Readonly<Record<EventKind, number>>): string {
  const parts: string[] = [];
  for (const k of EVENT_KINDS) {
    const n = counts[k];
    if (n) parts.push(`${n.toLocaleString('en-US')} ${LABEL[k][n === 1 ? 0 : 1]}`);
  }
  return parts.join(' · ');
}

export function totalOf(counts: Readonly<Record<EventKind, number>>): number {
  let n = 0;
  for (const k of EVENT_KINDS) n += counts[k];
  return n;
}

const STATUS_RE = /H:(0x[0-9a-fA-F]{1,8}) D:(0x[0-9a-fA-F]{1,8}) P:(0x[0-9a-fA-F]{1,8})/;
/** How far past an incident's words its line is read for details (status codes). */
const READ_AHEAD = 400;

/** What an incident says, in a few words: `failed H:0x5 D:0x0 P:0x0 on vmhba2:C0:T1:L3`, `vmhba2:C0:T1:L3 on → dead`. */
export function describe(ix: LogIndex, text: string, ev: LogEvent): string {
  const path = ev.path ? (ix.subjects.get(ev.path)?.id ?? ev.path) : undefined;
  switch (ev.kind) {
    case 'failed': {
      const m = STATUS_RE.exec(text.slice(ev.start, ev.start + READ_AHEAD));
      const status = m ? ` H:${m[1]} D:${m[2]} P:${m[3]}` : '';
      return `failed${status}${path ? ` on ${path}` : ''}`;
    }
    case 'state':
      return `${path ?? 'path'} ${ev.from} → ${ev.to}`;
    case 'apd-start':
      return 'APD start: all paths down';
    case 'apd-timeout':
      return 'APD timer expired: I/O now fails fast';
    case 'apd-exit':
      return 'APD exit: a path is back';
    case 'pdl':
      return 'permanently inaccessible (PDL)';
    case 'lost-access':
      return 'lost access to the volume';
  }
}

/** The name of a subject as people read it: a volume by its datastore name. */
export function nameOf(s: Subject): string {
  if (s.kind !== 'volume') return s.id;
  return s.label ? `${s.label} (${s.id})` : `volume ${s.id}`;
}

/** The timestamp of the line an incident is on, or `line N` when it has none. */
export function whenOf(text: string, lineStart: number, lineNumber: () => number): string {
  return timestampAt(text, lineStart) ?? `line ${lineNumber() + 1}`;
}
