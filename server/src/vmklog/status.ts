/**
 * Decoding VMkernel status codes: numbers (hex in any case and padding, decimal), names and
 * the texts the VMkernel prints. Pure lookups over the tables in data/; nothing here scans a
 * document.
 */
import {
  GENERIC_LINUX_ERROR_BASE,
  RELEASE_NOTES,
  VMK_RELEASES,
  VMK_STATUS,
  type VmkRelease,
  type VmkStatus,
} from './data/vmkStatus';
import { ESXI5_RENUMBERED } from './data/vmkStatusEsxi5';
import { LINUX_ERRNO, type LinuxErrno } from './data/linuxErrno';

/** The highest errno we decode under VMK_GENERIC_LINUX_ERROR (Linux stays well below 4096). */
const MAX_WRAPPED_ERRNO = 4095;

const byValue = new Map<number, VmkStatus>();
const byName = new Map<string, VmkStatus>();
for (const s of VMK_STATUS) {
  byValue.set(s.decimal, s);
  byName.set(s.name, s);
}
const laterByValue = new Map<number, VmkStatus>();
const laterByName = new Map<string, VmkStatus>();
for (const s of ESXI5_RENUMBERED) {
  laterByValue.set(s.decimal, s);
  laterByName.set(s.name, s);
}
const errnoByNumber = new Map<number, LinuxErrno>();
const errnoByName = new Map<string, LinuxErrno>();
for (const e of LINUX_ERRNO) {
  errnoByNumber.set(e.n, e);
  errnoByName.set(e.name, e);
}

export function linuxErrno(nameOrNumber: string | number): LinuxErrno | undefined {
  return typeof nameOrNumber === 'number' ? errnoByNumber.get(nameOrNumber) : errnoByName.get(nameOrNumber);
}

/** What a value, name or text stands for. */
export type Decoded =
  | {
      readonly kind: 'status';
      /** The entry in our table (ESX 3.5 plus later additions), if the value or name is there. */
      readonly status?: VmkStatus;
      /** What the same code (or name) is in ESXi 5.0 and later, where that differs. */
      readonly later?: VmkStatus;
    }
  | { readonly kind: 'linux'; readonly value: number; readonly n: number; readonly errno?: LinuxErrno };

/** Decode a numeric value; null when it is not one of ours (0xbad00001 is not). */
export function decodeValue(value: number): Decoded | null {
  if (!Number.isSafeInteger(value) || value < 0) return null;
  const status = byValue.get(value);
  const later = laterByValue.get(value);
  if (status || later) return { kind: 'status', status, later };
  const n = value - GENERIC_LINUX_ERROR_BASE;
  if (n > 0 && n <= MAX_WRAPPED_ERRNO) return { kind: 'linux', value, n, errno: errnoByNumber.get(n) };
  return null;
}

/** A status by its enumerator name (case-insensitive; the `VMK_` prefix may be left out). */
export function decodeName(name: string): Decoded | null {
  let key = name.trim().toUpperCase();
  if (!key.startsWith('VMK_')) key = `VMK_${key}`;
  const status = byName.get(key);
  const later = laterByName.get(key);
  if (!status && !later) return null;
  return { kind: 'status', status, later };
}

/**
 * A numeric token as it appears in logs: `0x` hex (any case, any zero padding), a bare `bad`
 * code (`bad0014`) or decimal. Returns undefined when the token is not a number we read.
 */
export function parseCodeToken(token: string): number | undefined {
  const t = token.trim();
  let m = /^0x0*([0-9a-f]{1,8})$/i.exec(t);
  if (m) return parseInt(m[1]!, 16);
  if (/^0x0+$/i.test(t)) return 0;
  m = /^(bad[0-9a-f]{4}|2bad[0-9a-f]{4})$/i.exec(t);
  if (m) return parseInt(m[1]!, 16);
  if (/^[0-9]{1,10}$/.test(t)) return parseInt(t, 10);
  return undefined;
}

// ---------- description texts ----------

/** A text a status prints, and the releases (of the tables we have) that print it. */
export interface PrintedText {
  readonly description: string;
  readonly releases: readonly VmkRelease[];
}

/**
 * Every text `s` prints, oldest first, each with the releases that print it. For an ESX 3.5 row
 * whose code ESXi 5 renumbered, only the ESX 3.5 release means anything (see vmkStatusEsxi5.ts).
 */
export function printedTexts(s: VmkStatus): PrintedText[] {
  const steps = [{ from: s.since, description: s.description }, ...(s.laterTexts ?? [])];
  return steps.map((step, i) => {
    const next = steps[i + 1];
    const end = next ? VMK_RELEASES.indexOf(next.from) : VMK_RELEASES.length;
    return { description: step.description, releases: VMK_RELEASES.slice(VMK_RELEASES.indexOf(step.from), end) };
  });
}

/** The text `s` prints in `release`; undefined before the first release that lists it. */
export function textIn(s: VmkStatus, release: VmkRelease): string | undefined {
  return printedTexts(s).find((t) => t.releases.includes(release))?.description;
}

/** The text the latest table we have prints for `s`. */
export function latestText(s: VmkStatus): string {
  return s.laterTexts?.[s.laterTexts.length - 1]?.description ?? s.description;
}

const RELEASE_LABELS: Readonly<Record<VmkRelease, string>> = {
  'ESX 3.5': 'ESX 3.5',
  'ESXi 5.0 U2': 'ESXi 5.0 U2',
  'ESXi 6.0': 'ESXi 6.0 to 6.7 U3',
  '2024 (opensea-transport)': 'the 2024 copy of the table',
};

/** `ESXi 5.0 U2, ESXi 6.0 to 6.7 U3 and the 2024 copy of the table`. */
export function releaseList(releases: readonly VmkRelease[]): string {
  const labels = releases.map((r) => RELEASE_LABELS[r]);
  return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** The text of `s`, or, where releases differ, each text with the releases that print it. */
export function describeAll(s: VmkStatus): string {
  const texts = printedTexts(s);
  if (texts.length < 2) return s.description;
  return texts.map((t) => `${t.description} (${releaseList(t.releases)})`).join('; ');
}

export interface TextEntry {
  /** Lower-case text with ASCII apostrophes. */
  readonly key: string;
  /** Long texts match anywhere; short ones only where a status usually stands (`: Busy`). */
  readonly distinctive: boolean;
  readonly statuses: readonly VmkStatus[];
}

function normaliseText(s: string): string {
  return s.replace(/\u2019/g, "'").toLowerCase();
}

function buildTexts(): TextEntry[] {
  const map = new Map<string, VmkStatus[]>();
  for (const s of [...VMK_STATUS, ...ESXI5_RENUMBERED]) {
    // Every text any release prints: a log line may come from any of them.
    for (const text of [s.description, ...(s.laterTexts ?? []).map((t) => t.description)]) {
      const key = normaliseText(text.trim().replace(/\.$/, ''));
      if (key.length < 4) continue;
      const list = map.get(key) ?? [];
      if (!list.some((x) => x.name === s.name)) list.push(s);
      map.set(key, list);
    }
  }
  const out: TextEntry[] = [];
  for (const [key, statuses] of map) {
    const words = key.split(/\s+/).length;
    out.push({ key, distinctive: words >= 3 && key.length >= 12, statuses });
  }
  // Longest first, so the most specific text wins where texts overlap.
  out.sort((a, b) => b.key.length - a.key.length);
  return out;
}

export const DESCRIPTION_TEXTS: readonly TextEntry[] = buildTexts();

/** Statuses whose printed text is exactly `text` (case-insensitive, trailing period ignored). */
export function decodeText(text: string): TextEntry | undefined {
  const key = normaliseText(text.trim().replace(/\.$/, ''));
  return DESCRIPTION_TEXTS.find((t) => t.key === key);
}

// ---------- markdown ----------

function hex8(n: number): string {
  return `0x${n.toString(16)}`;
}

function errnoCell(errno: string): string {
  if (errno === 'OK') return '`OK` (no error)';
  const e = errnoByName.get(errno);
  return e ? `\`${errno}\` (${e.n}: ${e.meaning})` : `\`${errno}\``;
}

function statusRows(s: VmkStatus): string[] {
  const value = s.decimal;
  const texts = printedTexts(s);
  const described =
    texts.length < 2
      ? [`| description | ${escapeMd(s.description)} |`]
      : texts.map((t) => `| printed by ${releaseList(t.releases)} | ${escapeMd(t.description)} |`);
  return [
    '| | |',
    '|---|---|',
    `| hex | \`${value === 0 ? '0x0' : hex8(value)}\` |`,
    `| decimal | \`${value}\` |`,
    `| errno | ${errnoCell(s.errno)} |`,
    ...described,
    `| first known in | ${RELEASE_NOTES[s.since]} |`,
  ];
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

/** What a renumbered status prints on ESXi 5+, where that is not what ESX 3.5 printed. */
function laterWords(status: VmkStatus, later: VmkStatus): string {
  const words = describeAll(later);
  return words === status.description ? '' : `, printed as ${escapeMd(words)}`;
}

/** Markdown for one decoded value or name. */
export function decodedMarkdown(d: Decoded): string {
  if (d.kind === 'linux') {
    const head = `**VMK_GENERIC_LINUX_ERROR + ${d.n}** — Linux errno ${d.n} wrapped in a VMkernel status`;
    const rows = [
      '| | |',
      '|---|---|',
      `| hex | \`${hex8(d.value)}\` (0x2bad0000 + ${d.n}) |`,
      `| decimal | \`${d.value}\` (732758016 + ${d.n}) |`,
      d.errno
        ? `| errno | \`${d.errno.name}\` (${d.n}: ${d.errno.meaning}) |`
        : `| errno | ${d.n} (not a Linux errno we know) |`,
      `| first known in | ${RELEASE_NOTES['ESX 3.5']} |`,
    ];
    return [head, '', ...rows].join('\n');
  }
  const parts: string[] = [];
  if (d.status) {
    parts.push(`**${d.status.name}** — ${escapeMd(latestText(d.status))}`, '', ...statusRows(d.status));
    if (d.later && d.later.decimal === d.status.decimal) {
      parts.push(
        '',
        `ESXi 5.0 and later number their codes differently here: \`${hex8(d.later.decimal)}\` is **${d.later.name}** there — ${escapeMd(describeAll(d.later))} (errno \`${d.later.errno}\`).`,
      );
    } else if (d.later) {
      parts.push(
        '',
        `In ESXi 5.0 and later, **${d.later.name}** is \`${hex8(d.later.decimal)}\` (${d.later.decimal})${laterWords(d.status, d.later)}.`,
      );
    }
  } else if (d.later) {
    parts.push(
      `**${d.later.name}** — ${escapeMd(latestText(d.later))}`,
      '',
      ...statusRows(d.later),
      '',
      'Numbered as in ESXi 5.0 and later; ESX 3.5 had no such status.',
    );
  }
  return parts.join('\n');
}

/** Markdown for every status a printed text stands for. */
export function textMarkdown(t: TextEntry): string {
  const head = t.statuses.length > 1 ? `The VMkernel prints this text for ${t.statuses.length} statuses:\n\n` : '';
  const parts = t.statuses.map((s): string => {
    const status = byName.get(s.name);
    return decodedMarkdown(
      status ? { kind: 'status', status, later: laterByName.get(s.name) } : { kind: 'status', later: s },
    );
  });
  return head + parts.join('\n\n---\n\n');
}

/**
 * For the "Decode VMkernel status code" command: a hex or decimal code, a name or a printed
 * text in; markdown out; null when it is none of ours.
 */
export function decodeStatusCodeMarkdown(input: string): string | null {
  const t = String(input ?? '')
    .trim()
    .slice(0, 512);
  if (!t) return null;
  const value = parseCodeToken(t);
  if (value !== undefined) {
    const d = decodeValue(value);
    return d ? decodedMarkdown(d) : null;
  }
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(t)) {
    const d = decodeName(t);
    if (d) return decodedMarkdown(d);
  }
  const text = decodeText(t);
  return text ? textMarkdown(text) : null;
}
