/**
 * The record-data fields that take the rest of the record (lists, base64, hex, LOC, SVCB
 * parameters) and the rarer one-word fields, following BIND's `fromtext` functions.
 */
import { FieldKind, rrTypeByName, typeNumber } from './data/rrtypes';
import type { RdataProblem, RdataToken, Reader } from './reader';
import { checkTypeWord } from './reader';
import * as t from './rdataText';
import { checkLoc } from './loc';
import { checkSvcParams } from './svcb';

/** Fields that read to the end of the record (`what` names the field, `W` at a sentence's start). */
export function checkRest(r: Reader, f: number, kind: FieldKind, what: string, W: string): RdataProblem | undefined {
  switch (kind) {
    case 'strings': {
      if (r.done) return r.missing(what);
      for (let tok = r.next(); tok; tok = r.next()) {
        const n = t.unescapedLength(tok.text);
        if (typeof n === 'number' && n <= 255) continue;
        const m = t.checkCharString(tok.text, `The string \`${short(tok.text)}\``);
        if (m) return r.at(tok, m);
      }
      return undefined;
    }
    case 'names':
      for (const tok of r.rest()) {
        const m = tok.quoted
          ? 'A rendezvous server name must not be quoted.'
          : t.checkName(tok.text, r.ctx.origin, 'The name');
        if (m) return r.at(tok, m);
      }
      return undefined;
    case 'type-list':
      return checkTypeList(r, what);
    case 'wks-services':
      for (const tok of r.rest()) {
        if (tok.quoted || !/^[A-Za-z0-9-]+$/.test(tok.text) || (/^\d+$/.test(tok.text) && Number(tok.text) > 65535)) {
          return r.at(
            tok,
            `The WKS service \`${tok.text}\` must be a port number 0–65535 or a service name such as \`smtp\`.`,
          );
        }
      }
      return undefined;
    case 'apl-items':
      for (const tok of r.rest()) {
        const m = tok.quoted ? 'An APL item must not be quoted.' : checkAplItem(tok.text);
        if (m) return r.at(tok, m);
      }
      return undefined;
    case 'svc-params':
      return checkSvcParams(r);
    case 'loc':
      return checkLoc(r);
    case 'base64':
    case 'base64-opt':
      return checkBase64Rest(r, kind === 'base64', W);
    default:
      return checkHexRest(r, W);
  }
}

function short(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

function checkTypeList(r: Reader, what: string): RdataProblem | undefined {
  const toks = r.rest();
  const nxt = r.type.name === 'NXT';
  for (const tok of toks) {
    if (tok.quoted) return r.at(tok, 'A type in the list must not be quoted.');
    if (nxt && /^\d+$/.test(tok.text)) {
      if (Number(tok.text) < 1 || Number(tok.text) > 127)
        return r.at(tok, `NXT can list only types 1 to 127, not \`${tok.text}\`.`);
      continue;
    }
    const p = checkTypeWord(r, tok, 'The type', false);
    if (p) return p;
    const n = rrTypeByName(tok.text)?.number ?? typeNumber(tok.text) ?? 0;
    if (nxt && (n < 1 || n > 127)) return r.at(tok, `NXT can list only types 1 to 127; \`${tok.text}\` is ${n}.`);
  }
  if (toks.length === 0 && (r.type.name === 'NSEC' || nxt)) return r.missing(what);
  return undefined;
}

function joined(r: Reader, W: string): { text: string; toks: RdataToken[] } | RdataProblem {
  const toks = r.rest();
  const q = toks.find((x) => x.quoted);
  if (q) return r.at(q, `${W} must not be quoted.`);
  return { text: toks.map((x) => x.text).join(''), toks };
}

function span(toks: readonly RdataToken[]): { start: number; end: number } {
  return { start: toks[0]?.start ?? 0, end: toks[toks.length - 1]?.end ?? 0 };
}

function checkBase64Rest(r: Reader, oneOrMore: boolean, W: string): RdataProblem | undefined {
  const toks = r.rest();
  for (const tok of toks) if (tok.quoted) return r.at(tok, `${W} must not be quoted.`);
  if (toks.length === 0) return oneOrMore ? r.missing(W.toLowerCase()) : undefined;
  const n = t.base64WordsLength(toks);
  if (typeof n === 'string') return { ...span(toks), message: `${W} ${n}.` };
  if (n === 0 && oneOrMore) return r.missing(W.toLowerCase());
  return undefined;
}

/** The digest length BIND requires, by type and the numbers read before. */
function hexWant(r: Reader): { exact?: number; min?: number; why?: string } {
  const name = r.type.name;
  if (name === 'DS' || name === 'CDS' || name === 'TA' || name === 'DLV') {
    const dt = r.nums[2] ?? 0;
    const len = t.DIGEST_LENGTHS.get(dt);
    return len ? { exact: len, why: `digest type ${dt}` } : {};
  }
  if (name === 'SSHFP') {
    const ft = r.nums[1] ?? 0;
    return ft === 1
      ? { exact: 20, why: 'fingerprint type 1 (SHA-1)' }
      : ft === 2
        ? { exact: 32, why: 'fingerprint type 2 (SHA-256)' }
        : {};
  }
  if (name === 'ZONEMD') {
    const h = r.nums[2] ?? 0;
    if (h === 1) return { exact: 48, why: 'hash algorithm 1 (SHA-384)' };
    if (h === 2) return { exact: 64, why: 'hash algorithm 2 (SHA-512)' };
    return { min: 12 };
  }
  return {};
}

function checkHexRest(r: Reader, W: string): RdataProblem | undefined {
  const j = joined(r, W);
  if ('message' in j) return j;
  const want = hexWant(r);
  if (j.toks.length === 0) return r.missing(W.toLowerCase());
  const n = t.hexLength(j.text);
  if (typeof n === 'string') return { ...span(j.toks), message: `${W} ${n}.` };
  if (want.exact !== undefined && n !== want.exact) {
    return {
      ...span(j.toks),
      message: `${W} is ${n} octets long; ${want.why} needs exactly ${want.exact} (${want.exact * 2} hex digits).`,
    };
  }
  if (want.min !== undefined && n < want.min) {
    return { ...span(j.toks), message: `${W} is ${n} octets long; a ZONEMD digest has at least ${want.min}.` };
  }
  return undefined;
}

/** `[!]afi:address/prefix` with afi 1 (IPv4) or 2 (IPv6). */
function checkAplItem(text: string): string | undefined {
  const m = /^!?(\d+):([^/]+)\/(\d+)$/.exec(text);
  const form = 'write `[!]1:192.0.2.0/24` or `[!]2:2001:db8::/32`';
  if (!m) return `The APL item \`${text}\` is malformed; ${form}.`;
  const [, afi, addr = '', prefix] = m;
  const p = Number(prefix);
  if (afi === '1') {
    if (!t.isIpv4(addr)) return `The APL item \`${text}\` has \`${addr}\`, which is not an IPv4 address.`;
    if (p > 32) return `The APL prefix length ${p} is out of range for IPv4 (0–32).`;
  } else if (afi === '2') {
    if (!t.isIpv6(addr)) return `The APL item \`${text}\` has \`${addr}\`, which is not an IPv6 address.`;
    if (p > 128) return `The APL prefix length ${p} is out of range for IPv6 (0–128).`;
  } else return `The APL address family \`${afi}\` is not supported; use 1 (IPv4) or 2 (IPv6).`;
  return undefined;
}

/** The one-word kinds checkWordMore does not take. */
export function checkOddWord(r: Reader, kind: FieldKind, tok: RdataToken, W: string): RdataProblem | undefined {
  const text = tok.text;
  const msg = (m: string | undefined) => (m ? r.at(tok, m) : undefined);
  switch (kind) {
    case 'hex-word': {
      const n = t.hexLength(text);
      if (typeof n === 'string') return r.at(tok, `The HIT \`${short(text)}\` ${n}.`);
      return n > 255 ? r.at(tok, 'The HIT is longer than 255 octets.') : undefined;
    }
    case 'base64-word': {
      const n = t.base64Length(text);
      return typeof n === 'string' ? r.at(tok, `The public key ${n}.`) : undefined;
    }
    case 'hex-or-dash':
      return checkSalt(r, tok, W);
    case 'base32hex': {
      const n = t.base32hexLength(text);
      if (typeof n === 'string') return r.at(tok, `${W} \`${short(text)}\` ${n}.`);
      const alg = r.nums[0] ?? 1;
      if (alg === 1 && n !== 20) return r.at(tok, `${W} is ${n} octets; a SHA-1 hash is 20 (32 base32hex characters).`);
      if (n > 255) return r.at(tok, `${W} is longer than 255 octets.`);
      return undefined;
    }
    case 'eui48':
    case 'eui64': {
      // BIND reads these with sscanf("%2x-%2x-…"): one or two hex digits per group, and (in the
      // 9.18 and 9.20 releases we checked) anything after the last group is ignored
      const groups = kind === 'eui48' ? 6 : 8;
      const re = new RegExp(`^[0-9a-fA-F]{1,2}(-[0-9a-fA-F]{1,2}){${groups - 1}}`);
      if (re.test(text)) return undefined;
      const eg = Array(groups).fill('00').join('-');
      return r.at(
        tok,
        `\`${text}\` is not an ${kind.toUpperCase()} address; write ${groups} hex pairs joined by \`-\`, such as \`${eg}\`.`,
      );
    }
    case 'locator64':
      return /^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){3}$/.test(text)
        ? undefined
        : r.at(
            tok,
            `\`${text}\` is not a 64-bit locator; write four groups of 1–4 hex digits joined by \`:\`, such as \`2001:db8:1:2\`.`,
          );
    case 'nsap': {
      const hex = text.slice(2).replace(/\./g, '');
      return /^0[xX][0-9a-fA-F.]*$/.test(text) && hex.length > 0 && hex.length % 2 === 0
        ? undefined
        : r.at(
            tok,
            `\`${text}\` is not an NSAP address; write \`0x\` and an even number of hex digits (dots allowed).`,
          );
    }
    case 'atma':
      return /^(\+\d+(\.\d+)*|[0-9a-fA-F]+(\.[0-9a-fA-F]+)*)$/.test(text) &&
        (text.startsWith('+') || text.replace(/\./g, '').length % 2 === 0)
        ? undefined
        : r.at(
            tok,
            `\`${text}\` is not an ATM address; write hex digits in pairs (AESA) or \`+\` and digits (E.164), dots between.`,
          );
    case 'wks-protocol':
      return /^(\d+|[A-Za-z][A-Za-z0-9-]*)$/.test(text) && !(/^\d+$/.test(text) && Number(text) > 255)
        ? undefined
        : r.at(tok, `The WKS protocol \`${text}\` must be a number 0–255 or a name such as \`tcp\` or \`udp\`.`);
    case 'gateway':
      return checkGateway(r, tok);
    case 'a6-suffix':
      return t.isIpv6(text) ? undefined : r.at(tok, `The A6 address suffix \`${text}\` is not an IPv6 address.`);
    case 'a6-prefix':
      return msg(t.checkName(text, r.ctx.origin, 'The A6 prefix name'));
    case 'x25-address':
      if (text.length < 4)
        return r.at(tok, `The X.25 address \`${text}\` is too short: it needs at least four digits.`);
      if (!/^\d+$/.test(text)) return r.at(tok, `The X.25 address \`${text}\` may hold only digits.`);
      return msg(t.checkCharString(text, 'The X.25 address'));
    default:
      return undefined;
  }
}

function checkSalt(r: Reader, tok: RdataToken, W: string): RdataProblem | undefined {
  if (tok.text === '-') return undefined;
  if (tok.text.length > 510) return r.at(tok, `${W} is longer than 255 octets.`);
  const n = t.hexLength(tok.text);
  return typeof n === 'string'
    ? r.at(tok, `${W} \`${short(tok.text)}\` ${n}; write hex digits or \`-\` for no salt.`)
    : undefined;
}

/** IPSECKEY and AMTRELAY: the gateway's form follows the gateway type read before it. */
function checkGateway(r: Reader, tok: RdataToken): RdataProblem | undefined {
  const gt = r.type.name === 'IPSECKEY' ? (r.nums[1] ?? 0) : (r.nums[2] ?? 0);
  const text = tok.text;
  if (gt === 0 && text !== '.') return r.at(tok, `With gateway type 0 the gateway must be \`.\`, not \`${text}\`.`);
  if (gt === 1 && !t.isIpv4(text))
    return r.at(tok, `With gateway type 1 the gateway must be an IPv4 address, not \`${text}\`.`);
  if (gt === 2 && !t.isIpv6(text))
    return r.at(tok, `With gateway type 2 the gateway must be an IPv6 address, not \`${text}\`.`);
  if (gt === 3) {
    const m = t.checkName(text, r.ctx.origin, 'The gateway');
    if (m) return r.at(tok, m);
  }
  if (gt > 3) return r.at(tok, `Relay type ${gt} has no text form BIND can read; use the generic \`\\#\` form.`);
  return undefined;
}
