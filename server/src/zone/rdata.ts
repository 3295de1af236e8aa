/**
 * Checks the data of one zone-file record field by field, the way BIND's `fromtext` function for the
 * type reads it (lib/dns/rdata/generic and in_1), and reports the first field that is wrong.
 * Only the syntax of the data: zone-level rules (SOA at the apex, DS at a delegation, CNAME and
 * other data) are for the caller.
 */
import { FieldKind, META_TYPES, rrTypeByName, typeNumber, type RrType, RR_TYPES } from './data/rrtypes';
import * as t from './rdataText';
import { checkOddWord, checkRest } from './rdataFields';
import { checkTypeWord, Reader, type RdataContext, type RdataProblem, type RdataToken } from './reader';

export { checkTypeWord, Reader, type RdataContext, type RdataProblem, type RdataToken };

const FIELD_NAMES: Partial<Record<string, readonly string[]>> = {
  SOA: [
    'the primary server name',
    'the contact mailbox',
    'the serial',
    'the refresh',
    'the retry',
    'the expire',
    'the minimum',
  ],
  MX: ['the preference', 'the mail exchanger'],
  SRV: ['the priority', 'the weight', 'the port', 'the target'],
  NAPTR: ['the order', 'the preference', 'the flags', 'the service', 'the regular expression', 'the replacement'],
  CAA: ['the flags', 'the tag', 'the value'],
  DS: ['the key tag', 'the algorithm', 'the digest type', 'the digest'],
  SSHFP: ['the algorithm', 'the fingerprint type', 'the fingerprint'],
  TLSA: ['the certificate usage', 'the selector', 'the matching type', 'the certificate data'],
  DNSKEY: ['the flags', 'the protocol', 'the algorithm', 'the public key'],
  RRSIG: [
    'the type covered',
    'the algorithm',
    'the label count',
    'the original TTL',
    'the expiration',
    'the inception',
    'the key tag',
    "the signer's name",
    'the signature',
  ],
  NSEC3: ['the hash algorithm', 'the flags', 'the iterations', 'the salt', 'the next hashed owner name', 'the types'],
  NSEC3PARAM: ['the hash algorithm', 'the flags', 'the iterations', 'the salt'],
  HINFO: ['the CPU', 'the operating system'],
  URI: ['the priority', 'the weight', 'the target'],
  ZONEMD: ['the serial', 'the scheme', 'the hash algorithm', 'the digest'],
  CSYNC: ['the SOA serial', 'the flags', 'the types'],
  SVCB: ['the priority', 'the target name', 'the parameters'],
};
FIELD_NAMES['CDS'] = FIELD_NAMES['TA'] = FIELD_NAMES['DLV'] = FIELD_NAMES['DS'];
FIELD_NAMES['SMIMEA'] = FIELD_NAMES['TLSA'];
FIELD_NAMES['KEY'] = FIELD_NAMES['CDNSKEY'] = FIELD_NAMES['RKEY'] = FIELD_NAMES['DNSKEY'];
FIELD_NAMES['SIG'] = FIELD_NAMES['RRSIG'];
FIELD_NAMES['HTTPS'] = FIELD_NAMES['SVCB'];

const KIND_NAMES: Record<FieldKind, string> = {
  name: 'a domain name',
  names: 'domain names',
  u8: 'a number',
  u16: 'a number',
  u32: 'a number',
  ttl: 'a duration',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  string: 'a string',
  'string-opt': 'a string',
  strings: 'at least one string',
  'qstring-long': 'a quoted string',
  base64: 'base64 data',
  'base64-opt': 'base64 data',
  'base64-word': 'base64 data',
  hex: 'hex data',
  'hex-word': 'hex data',
  'hex-or-dash': 'hex data or `-`',
  base32hex: 'a base32hex hash',
  'type-list': 'a list of types',
  'svc-params': 'service parameters',
  loc: 'a location',
  'caa-tag': 'a property tag',
  'caa-value': 'a value',
  time: 'a time',
  time14: 'a time',
  type: 'a type',
  algorithm: 'an algorithm',
  'digest-type': 'a digest type',
  'key-flags': 'the flags',
  protocol: 'a protocol',
  'hash-algorithm': 'a hash algorithm',
  'cert-type': 'a certificate type',
  'dsync-scheme': 'a scheme',
  eui48: 'an EUI-48 address',
  eui64: 'an EUI-64 address',
  locator64: 'a 64-bit locator',
  nsap: 'an NSAP address',
  atma: 'an ATM address',
  'apl-items': 'address prefix items',
  'wks-protocol': 'a protocol',
  'wks-services': 'services',
  gateway: 'a gateway',
  'a6-suffix': 'an address suffix',
  'a6-prefix': 'a prefix name',
  'x25-address': 'an X.25 address',
  'base64-or-dash': 'base64 data or `-`',
};

/** How a field is called in messages: its role for well-known types, else its kind. */
export function fieldName(r: Reader, index: number): string {
  return fieldNameOf(r.type, index);
}

function fieldNameOf(type: RrType, index: number): string {
  const kind = type.fields[index] ?? 'string';
  return FIELD_NAMES[type.name]?.[index] ?? KIND_NAMES[kind];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A type's field names for messages, as written inside a sentence and at its start. */
interface FieldNames {
  readonly what: readonly string[];
  readonly W: readonly string[];
}

const FIELD_NAMES_OF = new Map<RrType, FieldNames>();

/** The field names of a type from the table (made once per type). */
function fieldNamesOf(type: RrType): FieldNames {
  let names = FIELD_NAMES_OF.get(type);
  if (!names) {
    const what = type.fields.map((_, f) => fieldNameOf(type, f));
    names = { what, W: what.map(cap) };
    FIELD_NAMES_OF.set(type, names);
  }
  return names;
}

/** What checkRdata learns from a type as written, before the data. */
interface TypeFacts {
  readonly up: string;
  readonly rt: RrType | undefined;
  /** Undefined: not a type (the caller reports it). */
  readonly num: number | undefined;
  /** A meta or refused type: the problem with the whole data. */
  readonly refused: string | undefined;
}

/** The facts of the types as written lately (a zone writes few types, the same ways). */
const TYPE_FACTS = new Map<string, TypeFacts>();

function typeFactsOf(type: string): TypeFacts {
  let facts = TYPE_FACTS.get(type);
  if (facts) return facts;
  const up = type.toUpperCase();
  const rt = rrTypeByName(up);
  const num = rt?.number ?? typeNumber(up) ?? META_TYPES.get(up);
  let refused: string | undefined;
  if (num !== undefined && (rt?.meta || META_TYPES.has(up) || num === 0 || (num >= 128 && num <= 255))) {
    refused = `\`${type}\` is a meta type, which cannot appear in zone data; use a data type such as \`A\` or \`TXT\`.`;
  } else if (rt?.refused) {
    refused = `BIND refuses \`${rt.name}\` records as obsolete; use an \`MX\` record instead.`;
  }
  facts = { up, rt, num, refused };
  if (TYPE_FACTS.size >= 256) TYPE_FACTS.clear();
  TYPE_FACTS.set(type, facts);
  return facts;
}

/** The span of the whole data (the record's end when there is none). */
function wholeOf(fields: readonly RdataToken[], ctx: RdataContext): { start: number; end: number } {
  return { start: fields[0]?.start ?? ctx.end ?? 0, end: fields[fields.length - 1]?.end ?? ctx.end ?? 0 };
}

/** The reader checkRdata reads with (it never calls itself): made once. */
const READER = new Reader([], RR_TYPES[0]!, { origin: '.' });

/** Checks the data of a `type` record; the first wrong field's problem, or undefined. */
export function checkRdata(type: string, fields: readonly RdataToken[], ctx: RdataContext): RdataProblem | undefined {
  const { up, rt, num, refused } = typeFactsOf(type);
  if (num === undefined) return undefined; // not a type: the caller reports it
  if (refused !== undefined) return { ...wholeOf(fields, ctx), message: refused };
  const first = fields[0];
  const isGeneric =
    first !== undefined &&
    !first.quoted &&
    first.text === '\\#' &&
    (up !== 'TXT' || (fields[1] !== undefined && !fields[1].quoted && /^\d+$/.test(fields[1].text)));
  if (isGeneric) return checkGeneric(fields, num, wholeOf(fields, ctx), ctx);
  if (!rt) {
    return {
      ...wholeOf(fields, ctx),
      message: `\`${type}\` is a type BIND has no text form for; write its data in the generic form \`\\# <length> <hex>\`.`,
    };
  }
  if (rt.genericOnly) {
    return {
      ...wholeOf(fields, ctx),
      message: `BIND reads ${rt.name} data only in the generic form \`\\# <length> <hex>\`.`,
    };
  }
  const r = READER.reset(fields, rt, ctx);
  const names = fieldNamesOf(rt);
  for (let f = 0; f < rt.fields.length; f++) {
    const p = checkField(r, f, names.what[f] ?? '', names.W[f] ?? '');
    if (p) return p;
    if (stopAfter(r, f)) break;
  }
  const extra = r.peek();
  if (extra) {
    return r.at(extra, `\`${extra.text}\` is one field too many: the ${rt.name} record is complete before it.`);
  }
  return undefined;
}

/** KEY with the NOKEY flags stops before the key; so does a gateway-type-0 IPSECKEY without a key. */
function stopAfter(r: Reader, f: number): boolean {
  return r.type.name === 'KEY' && f === 2 && ((r.nums[0] ?? 0) & 0xc000) === 0xc000;
}

/** `\# <length> <hex>`: the RFC 3597 form, for any type. */
function checkGeneric(
  fields: readonly RdataToken[],
  num: number,
  whole: { start: number; end: number },
  ctx: RdataContext,
): RdataProblem | undefined {
  const len = fields[1];
  if (!len)
    return { ...whole, message: 'The generic form `\\#` needs the data length in octets next, then the data in hex.' };
  const bad = len.quoted ? 'must not be quoted' : t.checkUint(len.text, 65535, 'The generic data length');
  if (bad) return { start: len.start, end: len.end, message: cap(bad) };
  const want = Number(len.text);
  const hexToks = fields.slice(2);
  let got = 0;
  for (const h of hexToks) {
    const n = h.quoted ? 'is quoted' : t.hexLength(h.text);
    if (typeof n === 'string' && !(n.startsWith('has an odd') && h !== hexToks[hexToks.length - 1])) {
      return { start: h.start, end: h.end, message: `The generic data \`${h.text}\` ${n}; write it in hex.` };
    }
    if (want === 0) {
      return { start: h.start, end: h.end, message: 'The generic data length is 0, so no data may follow it.' };
    }
    got += h.text.length / 2;
    if (got > want) {
      return {
        start: h.start,
        end: h.end,
        message: `The generic data is longer than the ${want} octets its length says.`,
      };
    }
  }
  const end = ctx.end ?? fields[fields.length - 1]?.end ?? 0;
  if (got < want || !Number.isInteger(got)) {
    return { start: end, end, message: `The generic data is shorter than the ${want} octets its length says.` };
  }
  const bytes = Buffer.from(hexToks.map((h) => h.text).join(''), 'hex');
  const wire = wireProblem(num, bytes);
  if (wire) return { ...whole, message: wire };
  return undefined;
}

/** The end offset of an uncompressed wire-format name starting at `i`, or -1. */
function wireName(bytes: Buffer, i: number): number {
  let len = 0;
  while (i < bytes.length) {
    const l = bytes[i] ?? 0;
    if (l > 63) return -1;
    len += l + 1;
    i += l + 1;
    if (l === 0) return len <= 255 ? i : -1;
  }
  return -1;
}

/** Types whose wire data is: a name; a 16-bit number and a name; two names then 20 octets (SOA). */
const WIRE_NAME = new Set([2, 3, 4, 5, 7, 8, 9, 12, 39]);
const WIRE_U16_NAME = new Set([15, 18, 21, 36]);

/** BIND decodes generic data of a known type as wire format; the shapes we check. */
function wireProblem(num: number, bytes: Buffer): string | undefined {
  const bad = 'The generic data is not valid wire-format data for this type';
  if (num === 1 && bytes.length !== 4) return `A data is 4 octets; the generic form here has ${bytes.length}.`;
  if (num === 28 && bytes.length !== 16) return `AAAA data is 16 octets; the generic form here has ${bytes.length}.`;
  if (num === 16 || num === 99) {
    let i = 0;
    while (i < bytes.length) i += (bytes[i] ?? 0) + 1;
    if (bytes.length === 0 || i !== bytes.length) return `${bad}: TXT data is a run of length-prefixed strings.`;
  }
  if (WIRE_NAME.has(num) && wireName(bytes, 0) !== bytes.length) return `${bad}: it should be one uncompressed name.`;
  if (WIRE_U16_NAME.has(num) && (bytes.length < 3 || wireName(bytes, 2) !== bytes.length)) {
    return `${bad}: it should be a 16-bit number and one uncompressed name.`;
  }
  if (num === 6) {
    const j = wireName(bytes, 0);
    const k = j < 0 ? -1 : wireName(bytes, j);
    if (k < 0 || bytes.length - k !== 20) return `${bad}: SOA data is two names and five 32-bit numbers.`;
  }
  return undefined;
}

/** Reads one field (`what` and `W` name it in messages); a problem or undefined. */
function checkField(r: Reader, f: number, what: string, W: string): RdataProblem | undefined {
  const kind = r.type.fields[f] ?? 'string';
  // fields that take any number of words (possibly none) or the rest of the record
  switch (kind) {
    case 'names':
    case 'type-list':
    case 'wks-services':
    case 'apl-items':
    case 'svc-params':
    case 'strings':
    case 'base64':
    case 'base64-opt':
    case 'hex':
    case 'loc':
      return checkRest(r, f, kind, what, W);
    case 'a6-suffix':
      if ((r.nums[0] ?? 0) === 128) return undefined;
      break;
    case 'a6-prefix':
      if ((r.nums[0] ?? 0) === 0) return undefined;
      break;
    case 'string-opt':
      if (r.done) return undefined;
      break;
    case 'base64-or-dash':
      if (r.peek()?.text === '-' && !r.peek()?.quoted) {
        r.next();
        return undefined;
      }
      return checkRest(r, f, 'base64-opt', what, W);
  }
  const tok = r.next();
  if (!tok) return r.missing(what);
  return checkWord(r, f, kind, tok, W);
}

const QUOTABLE: ReadonlySet<FieldKind> = new Set(['string', 'string-opt', 'caa-value', 'qstring-long', 'x25-address']);

/** A problem at `tok` when there is a message. */
function atIf(r: Reader, tok: RdataToken, m: string | undefined): RdataProblem | undefined {
  return m ? r.at(tok, m) : undefined;
}

/** One word's field. */
function checkWord(r: Reader, f: number, kind: FieldKind, tok: RdataToken, W: string): RdataProblem | undefined {
  const text = tok.text;
  const svcTarget = kind === 'name' && (r.type.name === 'SVCB' || r.type.name === 'HTTPS');
  if (tok.quoted && !QUOTABLE.has(kind) && !svcTarget) {
    return r.at(tok, `${W} must not be quoted: write \`${text}\` without the quotes.`);
  }
  switch (kind) {
    case 'u8':
    case 'u16':
    case 'u32': {
      const max = kind === 'u8' ? 255 : kind === 'u16' ? 65535 : 0xffffffff;
      const m = t.checkUint(text, max, W);
      if (!m) r.nums[f] = Number(text);
      return atIf(r, tok, m) ?? checkNumberRule(r, f, tok);
    }
    case 'ttl':
      return atIf(r, tok, t.checkCounter(text, W));
    case 'name':
      return atIf(r, tok, t.checkName(text, r.ctx.origin, W)) ?? checkNameRule(r, f, tok);
    case 'ipv4':
      return t.isIpv4(text)
        ? undefined
        : r.at(tok, `\`${text}\` is not an IPv4 address; write four numbers 0–255 with dots, such as \`192.0.2.1\`.`);
    case 'ipv6':
      return t.isIpv6(text)
        ? undefined
        : r.at(tok, `\`${text}\` is not an IPv6 address; write it like \`2001:db8::1\`.`);
    case 'string':
    case 'string-opt':
      return atIf(r, tok, t.checkCharString(text, W)) ?? checkStringRule(r, f, tok);
    case 'qstring-long':
      if (!tok.quoted) return r.at(tok, `${W} must be in double quotes: \`"${text}"\`.`);
      return atIf(r, tok, t.checkEscapes(text, W));
    case 'caa-tag':
      if (!/^[A-Za-z0-9]+$/.test(text) || text.length > 255)
        return r.at(
          tok,
          `The CAA tag \`${text}\` may hold only letters and digits, such as \`issue\`, \`issuewild\` or \`iodef\`.`,
        );
      return undefined;
    case 'caa-value':
      return atIf(r, tok, t.checkEscapes(text, W));
    default:
      return checkWordMore(r, f, kind, tok, W);
  }
}

/** The rest of the one-word kinds. */
function checkWordMore(r: Reader, f: number, kind: FieldKind, tok: RdataToken, W: string): RdataProblem | undefined {
  const text = tok.text;
  switch (kind) {
    case 'algorithm':
      return atIf(r, tok, t.checkMnemonic(text, t.SEC_ALGORITHMS, 255, W));
    case 'digest-type': {
      const m = t.checkMnemonic(text, t.DIGEST_TYPES, 255, W);
      if (!m) r.nums[f] = digestNumber(text);
      return atIf(r, tok, m);
    }
    case 'protocol':
      return atIf(r, tok, t.checkMnemonic(text, t.PROTOCOLS, 255, W));
    case 'hash-algorithm': {
      const m = t.checkMnemonic(text, ['SHA-1'], 255, W);
      if (!m) r.nums[f] = /^\d/.test(text) ? Number(text) : 1;
      return atIf(r, tok, m);
    }
    case 'cert-type':
      return atIf(r, tok, t.checkMnemonic(text, t.CERT_TYPES, 65535, W));
    case 'dsync-scheme':
      return atIf(r, tok, t.checkMnemonic(text, ['NOTIFY'], 255, W));
    case 'key-flags': {
      const v = t.keyFlags(text);
      if (typeof v === 'string') return r.at(tok, v);
      if (r.type.name === 'RKEY' && v !== 0) return r.at(tok, 'RKEY flags must be 0.');
      r.nums[f] = v;
      return undefined;
    }
    case 'type':
      return checkTypeWord(r, tok, W, true);
    case 'time':
    case 'time14':
      return checkTime(r, kind, tok, W);
    default:
      return checkOddWord(r, kind, tok, W);
  }
}

function digestNumber(text: string): number {
  if (/^\d/.test(text)) return Number(text);
  const u = text.toUpperCase().replace('-', '');
  return u === 'SHA1' ? 1 : u === 'SHA256' ? 2 : u === 'GOST' ? 3 : 4;
}

/** A type mnemonic, `TYPEnnn` or (where `numbers`) a plain number 0–65535. */
function checkTime(r: Reader, kind: FieldKind, tok: RdataToken, W: string): RdataProblem | undefined {
  const text = tok.text;
  if (kind === 'time' && text.length <= 10 && /^\d+$/.test(text)) {
    return Number(text) > 0xffffffff
      ? r.at(tok, `${W} \`${text}\` is out of range: at most 4294967295 seconds.`)
      : undefined;
  }
  if (t.isTime14(text)) return undefined;
  const alt = kind === 'time' ? ' or a number of seconds since 1970' : '';
  return r.at(tok, `${W} \`${text}\` is not a valid time; write \`YYYYMMDDHHmmSS\`${alt}.`);
}

/** Checks that depend on a number just read. */
function checkNumberRule(r: Reader, f: number, tok: RdataToken): RdataProblem | undefined {
  const n = r.nums[f] ?? 0;
  const name = r.type.name;
  if (name === 'IPSECKEY' && f === 1 && n > 3)
    return r.at(
      tok,
      `The gateway type \`${n}\` is out of range: it must be 0 (none), 1 (IPv4), 2 (IPv6) or 3 (a name).`,
    );
  if (name === 'AMTRELAY' && f === 1 && n > 1) return r.at(tok, `The discovery-optional flag \`${n}\` must be 0 or 1.`);
  if (name === 'AMTRELAY' && f === 2 && n > 127)
    return r.at(tok, `The relay type \`${n}\` is out of range: it must be from 0 to 127.`);
  if (name === 'A6' && f === 0 && n > 128)
    return r.at(tok, `The A6 prefix length \`${n}\` is out of range: it must be from 0 to 128.`);
  return undefined;
}

/** RRSIG/SIG: the label count may not be below the signer's labels (BIND 9.18 checks this). */
function checkNameRule(r: Reader, f: number, tok: RdataToken): RdataProblem | undefined {
  if ((r.type.name === 'RRSIG' || r.type.name === 'SIG') && f === 7 && r.ctx.version === '9.18') {
    const labels = r.nums[2] ?? 0;
    const count = t.nameLabelCount(tok.text, r.ctx.origin);
    if (typeof count === 'number' && labels + 1 < count) {
      return r.at(
        tok,
        `BIND 9.18 wants the label count (${labels}) to be at least the signer's labels (${count - 1}).`,
      );
    }
  }
  return undefined;
}

/** NAPTR's regular expression and X25's digits. */
function checkStringRule(r: Reader, f: number, tok: RdataToken): RdataProblem | undefined {
  if (r.type.name === 'NAPTR' && f === 4) {
    const m = checkNaptrRegex(tok.text);
    return m ? r.at(tok, m) : undefined;
  }
  return undefined;
}

/** `delim regex delim replacement delim [i]`, with no back-reference beyond the regex's groups. */
export function checkNaptrRegex(text: string): string | undefined {
  if (text === '') return undefined;
  const delim = text[0] ?? '';
  if (/[0-9\\i]/.test(delim)) return `The NAPTR regular expression may not use \`${delim}\` as its delimiter.`;
  const parts: string[] = [''];
  for (let i = 1; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      parts[parts.length - 1] += c + (text[++i] ?? '');
    } else if (c === delim && parts.length < 3) parts.push('');
    else if (c === delim)
      return `The NAPTR regular expression has a fourth \`${delim}\`; only \`i\` may follow the third.`;
    else parts[parts.length - 1] += c;
  }
  const form = `write \`${delim}regex${delim}replacement${delim}\` with an optional \`i\` after it`;
  if (parts.length !== 3) return `The NAPTR regular expression \`${text}\` is incomplete: ${form}.`;
  const [re = '', rep = '', flags = ''] = parts;
  if (flags !== '' && flags !== 'i') return `The NAPTR regular expression ends in \`${flags}\`; ${form}.`;
  if (re === '') return `The NAPTR regular expression has an empty pattern; ${form}.`;
  const groups = (re.replace(/\\./g, '').match(/\(/g) ?? []).length;
  for (const m of rep.matchAll(/\\(\d)/g)) {
    if (Number(m[1]) > groups)
      return `The NAPTR replacement refers to \`\\${m[1]}\`, but the pattern has ${groups} group(s).`;
  }
  return undefined;
}
