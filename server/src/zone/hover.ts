/**
 * Hover in zone files: a record type with its defining RFC; each field of the data by its role,
 * durations in human units (SOA timers, TTLs, `$TTL`), DNSSEC algorithms and digest types by
 * name, a DNSKEY's key tag (RFC 4034 Appendix B) and, for a DS or RRSIG, the DNSKEY of the file
 * that has its tag; a relative name, as owner or in record data, as the absolute name it stands for.
 * One hover looks at one entry (binary search) and the per-tree index (navigation.ts).
 */
import type { Hover } from 'vscode-languageserver-types';
import type { Feature } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { ttlSeconds } from '../common/ttl';
import { isDirective, type ZoneDirective, type ZoneRecord, type ZoneToken, type ZoneTree } from './parser';
import { originOf, type ZoneOrigin } from './origin';
import { rrTypeByName, type RrType } from './data/rrtypes';
import { RR_TYPE_REFS, refMarkdown } from './data/rrtypeRefs';
import { digestAlgorithm, dnssecAlgorithm, type DnssecNumber } from './data/dnssec';
import { base64Length, keyFlags, PROTOCOLS } from './rdataText';
import { fieldName, Reader } from './rdata';
import { absoluteIn, entryAt, fieldsOfTokens, isNameField, ownedIn, zoneIndex, type ZoneIndex } from './navigation';

const UNITS: ReadonlyArray<[number, string]> = [
  [604800, 'w'],
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
];

/** Seconds in human units: `3600` → `1 h`, `788400` → `1 w 2 d 3 h`. */
export function humanDuration(seconds: number): string {
  if (seconds === 0) return '0 s';
  const parts: string[] = [];
  let rest = seconds;
  for (const [n, unit] of UNITS) {
    const q = Math.floor(rest / n);
    if (q > 0) parts.push(`${q} ${unit}`);
    rest -= q * n;
  }
  return parts.join(' ');
}

/** A duration as written, with its seconds and human form; undefined when it is not one. */
function durationText(text: string): string | undefined {
  const s = ttlSeconds(text);
  if (s === undefined) return undefined;
  return /^\d+$/.test(text) ? `${s} s = ${humanDuration(s)}` : `\`${text}\` = ${s} s = ${humanDuration(s)}`;
}

/** The key tag of a DNSKEY (RFC 4034 Appendix B): a checksum of its wire data; algorithm 1 differs. */
export function keyTag(flags: number, protocol: number, algorithm: number, key: Uint8Array): number {
  if (algorithm === 1) return key.length < 3 ? 0 : (key[key.length - 3]! << 8) | key[key.length - 2]!;
  const wire = [flags >> 8, flags & 0xff, protocol, algorithm, ...key];
  let ac = 0;
  for (let i = 0; i < wire.length; i++) ac += i & 1 ? wire[i]! : wire[i]! << 8;
  ac += (ac >> 16) & 0xffff;
  return ac & 0xffff;
}

export interface KeyRecord {
  readonly flags: number;
  readonly protocol: number;
  readonly algorithm: number;
  readonly tag: number;
}

/** A KEY, DNSKEY or CDNSKEY record's numbers and key tag; undefined when its data does not read. */
export function keyOf(e: ZoneRecord): KeyRecord | undefined {
  const [f, p, a, ...key] = e.rdata;
  if (!f || !p || !a || key.length === 0 || f.text === '\\#') return undefined;
  const flags = keyFlags(f.text);
  const pi = PROTOCOLS.findIndex((x) => x === p.text.toUpperCase());
  // PROTOCOLS lists BIND's names in number order, `ALL` (255) last
  const protocol = /^\d+$/.test(p.text) ? Number(p.text) : pi < 0 ? NaN : pi === PROTOCOLS.length - 1 ? 255 : pi;
  const algorithm = /^\d+$/.test(a.text) ? Number(a.text) : dnssecAlgorithm(a.text)?.number;
  const b64 = key.map((k) => k.text).join('');
  if (typeof flags !== 'number' || !(protocol <= 255) || algorithm === undefined || algorithm > 255) return undefined;
  if (typeof base64Length(b64) !== 'number') return undefined;
  return { flags, protocol, algorithm, tag: keyTag(flags, protocol, algorithm, Buffer.from(b64, 'base64')) };
}

const KEY_TYPES = new Set(['DNSKEY', 'CDNSKEY', 'KEY']);

/** The keys of a file by key tag (built on the first hover that needs them). */
const keysByTree = new WeakMap<ZoneTree, Map<number, Array<{ entry: number; key: KeyRecord }>>>();
function keysOf(tree: ZoneTree): Map<number, Array<{ entry: number; key: KeyRecord }>> {
  let m = keysByTree.get(tree);
  if (m) return m;
  m = new Map();
  tree.entries.forEach((e, entry) => {
    if (isDirective(e) || !KEY_TYPES.has(e.type.text.toUpperCase())) return;
    const key = keyOf(e);
    if (!key) return;
    const list = m!.get(key.tag);
    if (list) list.push({ entry, key });
    else m!.set(key.tag, [{ entry, key }]);
  });
  keysByTree.set(tree, m);
  return m;
}

function algorithmLine(what: string, a: DnssecNumber | undefined, text: string): string {
  if (!a) return `${what} \`${text}\`: not an algorithm the IANA registry lists.`;
  const refs = a.rfcs.map((r) => `RFC ${r}`).join(', ');
  const dep = a.deprecated ? ' It is deprecated: do not sign with it.' : '';
  return `${what} ${a.number} = **${a.mnemonic}**: ${a.doc} (${refs}).${dep}`;
}

/** Where the zone's origin comes from, in words (origin.ts: a zone statement names itself). */
function fromText(from: string): string {
  return from === 'file name' ? 'the file name' : from === 'given' ? 'the origin given (`--origin`)' : from;
}

/** What a name stands for and what the file holds at it. */
function nameInfo(tree: ZoneTree, ix: ZoneIndex, entry: number, tok: ZoneToken, origin?: ZoneOrigin): string {
  const cur = ix.origins[entry];
  const abs = absoluteIn(tok.text, cur);
  if (abs === undefined)
    return `\`${tok.text}\` is relative, and the origin is not known here: write \`$ORIGIN example.com.\` before it, or name the file after the zone (\`db.example.com\`).`;
  const lines = [`\`${abs}\``];
  if (tok.text !== abs) {
    const from = origin && cur === origin.name && origin.from !== '$ORIGIN' ? `, from ${fromText(origin.from)}` : '';
    lines[0] += ` (relative to the origin \`${cur}\`${from})`;
  }
  if (abs === '.') return lines[0]!;
  const owned = ownedIn(tree, ix, abs.toLowerCase());
  const types = new Set(owned.map((e) => e.type.text.toUpperCase()));
  const lastLine = owned.length ? owned[0]!.line + 1 : -1;
  lines.push(
    types.size
      ? `In this file: ${[...types].join(', ')} (first at line ${lastLine}).`
      : 'This file holds no records for this name.',
  );
  return lines.join('\n\n');
}

const FLAG_BITS: ReadonlyArray<[number, string]> = [
  [0x0100, 'zone key'],
  [0x0080, 'revoked (RFC 5011)'],
  [0x0001, 'secure entry point (a key-signing key)'],
];

/** Details of one data field, by its kind and the record's type. */
function fieldDetail(
  tree: ZoneTree,
  ix: ZoneIndex,
  entry: number,
  rt: RrType,
  f: number,
  tok: ZoneToken,
  origin?: ZoneOrigin,
): string | undefined {
  const e = tree.entries[entry] as ZoneRecord;
  const kind = rt.fields[f];
  const text = tok.text;
  if (isNameField(rt, f, e.rdata)) return nameInfo(tree, ix, entry, tok, origin);
  if (kind === 'ttl' || (kind === 'u32' && (rt.name === 'RRSIG' || rt.name === 'SIG') && f === 3))
    return durationText(text);
  if (kind === 'u32' && rt.name === 'SOA') return serialInfo(text);
  if (kind === 'time' || kind === 'time14') return timeInfo(text);
  if (kind === 'type' || kind === 'type-list') {
    const named = rrTypeByName(text);
    return named ? `**${named.name}** (type ${named.number}): ${named.doc}` : undefined;
  }
  if (kind === 'algorithm') return algorithmLine('Algorithm', dnssecAlgorithm(text), text);
  if (kind === 'digest-type') return algorithmLine('Digest type', digestAlgorithm(text), text);
  if (kind === 'hash-algorithm')
    return text === '1' || /^SHA-1$/i.test(text) ? 'Hash algorithm 1 = SHA-1 (RFC 5155).' : undefined;
  if (kind === 'protocol')
    return /^(3|DNSSEC)$/i.test(text)
      ? 'Protocol 3 = DNSSEC, the only value a DNSKEY may hold (RFC 4034 §2.1.2).'
      : undefined;
  if (kind === 'key-flags') {
    const v = keyFlags(text);
    if (typeof v !== 'number') return undefined;
    const bits = FLAG_BITS.filter(([b]) => v & b).map(([, s]) => s);
    return `Flags ${v}: ${bits.length ? bits.join(', ') : 'no zone-key flag (not a DNSSEC zone key)'}.`;
  }
  if (
    kind === 'u16' &&
    f === (rt.name === 'RRSIG' || rt.name === 'SIG' ? 6 : 0) &&
    /^(DS|CDS|TA|DLV|RRSIG|SIG)$/.test(rt.name)
  )
    return tagInfo(tree, ix, Number(text), e);
  return undefined;
}

function serialInfo(text: string): string | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)$/.exec(text);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return undefined;
  return `Reads as a date serial: ${m[1]}-${m[2]}-${m[3]}, change ${m[4]} of the day.`;
}

function timeInfo(text: string): string | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC`;
  if (!/^\d{1,10}$/.test(text)) return undefined;
  return `${new Date(Number(text) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC')} (seconds since 1970)`;
}

/** A DS or RRSIG key tag, and the keys of this file that have it. */
function tagInfo(tree: ZoneTree, ix: ZoneIndex, tag: number, e: ZoneRecord): string {
  const keys = keysOf(tree).get(tag) ?? [];
  if (!keys.length) return `Key tag ${tag}: no DNSKEY in this file has this tag.`;
  const alg = e.rdata[1] && dnssecAlgorithm(e.rdata[1].text)?.number;
  const lines = keys.map(({ entry, key }) => {
    const k = tree.entries[entry] as ZoneRecord;
    const same = alg === undefined || alg === key.algorithm ? '' : ` — but of algorithm ${key.algorithm}, not ${alg}`;
    return `- the ${k.type.text.toUpperCase()} of \`${ix.owners[entry] ?? k.owner?.text ?? '?'}\` at line ${k.line + 1} (flags ${key.flags}, algorithm ${key.algorithm})${same}`;
  });
  return `Key tag ${tag}, the tag of:\n${lines.join('\n')}`;
}

const DIRECTIVE_DOCS: Readonly<Record<string, string>> = {
  $ORIGIN: 'Sets the origin: the name that relative names (those without a final dot) and `@` stand for, from here on.',
  $TTL: 'Sets the TTL of the records after it that do not give their own (RFC 2308).',
  $INCLUDE: 'Reads another file here, optionally with its own origin; the origin and owner are restored after it.',
  $GENERATE:
    "BIND's directive for a run of similar records: `$GENERATE start-stop[/step] owner [ttl] [class] type data`, `$` standing for the counter.",
};

const CLASS_DOCS: Readonly<Record<string, string>> = {
  IN: 'the Internet class',
  CH: 'the Chaos class',
  CHAOS: 'the Chaos class',
  HS: 'the Hesiod class',
  HESIOD: 'the Hesiod class',
};

function directiveHover(
  e: ZoneDirective,
  ix: ZoneIndex,
  entry: number,
  offset: number,
): [ZoneToken, string] | undefined {
  if (e.keyword.start <= offset && offset <= e.keyword.end)
    return [e.keyword, `**${e.name}** — ${DIRECTIVE_DOCS[e.name]}`];
  const arg = e.args.find((a) => a.start <= offset && offset <= a.end);
  if (!arg) return undefined;
  if (e.name === '$TTL' && arg === e.args[0]) {
    const d = durationText(arg.text);
    return d ? [arg, `**Default TTL**: ${d}`] : undefined;
  }
  if (e.name === '$ORIGIN' || (e.name === '$INCLUDE' && arg === e.args[1])) {
    const before = entry > 0 ? ix.origins[entry - 1] : ix.origin;
    const abs = absoluteIn(arg.text, e.name === '$ORIGIN' ? before : ix.origins[entry]);
    return abs ? [arg, `Origin \`${abs}\``] : undefined;
  }
  return undefined;
}

function typeHover(e: ZoneRecord, rt: RrType): string {
  const lines = [`**${rt.name}** (type ${rt.number}): ${rt.doc}`];
  const ref = RR_TYPE_REFS[rt.name];
  if (ref) lines.push(`Defined in ${refMarkdown(ref)}.`);
  if (rt.obsolete) lines.push('Obsolete or experimental; BIND still reads it.');
  if (KEY_TYPES.has(rt.name)) {
    const k = keyOf(e);
    if (k) lines.push(`Key tag **${k.tag}**.`);
  }
  return lines.join('\n\n');
}

export const doHover: Feature<ZoneTree, 'doHover'> = (doc, tree, pos, ctx): Hover | null => {
  const offset = offsetAt(doc, pos);
  const entry = entryAt(tree, offset);
  const e = tree.entries[entry];
  if (!e) return null;
  const origin = originOf(tree, doc.uri, ctx.zoneOrigin, ctx.zoneOriginFrom);
  const ix = zoneIndex(tree, origin?.name);
  const hover = (tok: ZoneToken, value: string): Hover => ({
    contents: { kind: 'markdown', value },
    range: rangeOf(doc, tok.start, tok.end),
  });
  if (isDirective(e)) {
    const h = directiveHover(e, ix, entry, offset);
    return h ? hover(h[0], h[1]) : null;
  }
  const at = (t: ZoneToken | undefined) => t && t.start <= offset && offset <= t.end;
  const rt = rrTypeByName(e.type.text);
  if (at(e.type)) return rt ? hover(e.type, typeHover(e, rt)) : null;
  if (at(e.owner)) return hover(e.owner!, `**Owner** ${nameInfo(tree, ix, entry, e.owner!, origin)}`);
  if (at(e.ttl)) return hover(e.ttl!, `**TTL**: ${durationText(e.ttl!.text) ?? e.ttl!.text}`);
  if (at(e.cls))
    return hover(
      e.cls!,
      `**Class ${e.cls!.text.toUpperCase()}**${CLASS_DOCS[e.cls!.text.toUpperCase()] ? `: ${CLASS_DOCS[e.cls!.text.toUpperCase()]}` : ''}`,
    );
  const i = e.rdata.findIndex((t) => t.start <= offset && offset <= t.end);
  if (!rt || i < 0) return null;
  const f = fieldsOfTokens(rt, e.rdata)[i] ?? -1;
  if (f < 0) return null;
  const tok = e.rdata[i]!;
  const name = fieldName(new Reader([], rt, { origin: '.' }), f);
  const head = `**${name.charAt(0).toUpperCase()}${name.slice(1)}** (${rt.name} field ${f + 1} of ${rt.fields.length})`;
  const parts = [head];
  const detail = fieldDetail(tree, ix, entry, rt, f, tok, origin);
  if (detail) parts.push(detail);
  const k = KEY_TYPES.has(rt.name) ? keyOf(e) : undefined;
  if (k) parts.push(`Key tag of this key: **${k.tag}**.`);
  return hover(tok, parts.join('\n\n'));
};
