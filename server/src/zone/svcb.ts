/**
 * SVCB/HTTPS service parameters as BIND's lib/dns/rdata/in_1/svcb_64.c reads them: `key` or
 * `key=value` words, keys by name or as `keyNNNNN`, each at most once, with the rules between them
 * (a `mandatory` list names only keys present, `no-default-alpn` needs `alpn`).
 */
import type { RdataProblem, RdataToken, Reader } from './reader';
import { base64Length, checkEscapes, isIpv4, isIpv6 } from './rdataText';
import { firstLabel, nameKey, parentKey } from './zoneIndex';

const KEYS = ['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint', 'dohpath'];

/** The number of a key written by name (case-insensitive in a mandatory list) or as keyNNNNN. */
function keyNumber(text: string, anyCase: boolean): number | undefined {
  const i = KEYS.findIndex((k) => (anyCase ? k === text.toLowerCase() : k === text));
  if (i >= 0) return i;
  const m = /^key(0|[1-9]\d{0,4})$/.exec(text);
  return m && Number(m[1]) <= 65535 ? Number(m[1]) : undefined;
}

function keyName(n: number): string {
  return KEYS[n] ?? `key${n}`;
}

/** A dohpath: a relative URI template that starts with `/` and has a `dns` variable. */
function validDohpath(v: string): boolean {
  return v.startsWith('/') && /\{[+#./;?&]?(?:[^{}]*,)?dns(?:[:*][^{},]*)?(?:,[^{}]*)?\}/.test(v);
}

/** The value's problem for key `k`, or undefined. */
function checkValue(k: number, v: string | undefined, byNumber: boolean): string | undefined {
  const name = keyName(k);
  if (k === 2) return v ? '`no-default-alpn` takes no value.' : undefined;
  if (v === undefined) {
    if (byNumber && [0, 1, 3, 4, 6].includes(k)) return `\`key${k}\` is \`${name}\`, which needs a value.`;
    if (!byNumber && k !== 5) return `\`${name}\` needs a value: write \`${name}=…\`.`;
    return undefined;
  }
  const esc = checkEscapes(v, `The value of \`${name}\``);
  if (esc) return esc;
  if (byNumber) {
    // written as keyNNN the value is raw octets; BIND still checks the shape of known keys
    const len = Buffer.byteLength(v.replace(/\\(\d{3}|.)/g, 'x'));
    if (k === 3 && len !== 2) return `\`key3\` (port) must hold exactly 2 octets; write \`port=NNN\` instead.`;
    if (k === 4 && len % 4 !== 0)
      return `\`key4\` (ipv4hint) must hold a multiple of 4 octets; write \`ipv4hint=…\` instead.`;
    if (k === 6 && len % 16 !== 0)
      return `\`key6\` (ipv6hint) must hold a multiple of 16 octets; write \`ipv6hint=…\` instead.`;
    if (k === 0 || k === 1) return `\`key${k}\` cannot be written as text; use \`${name}=…\`.`;
    if (k === 7 && !validDohpath(v)) return 'The `dohpath` value must start with `/` and contain a `{?dns}` variable.';
    return undefined;
  }
  switch (k) {
    case 0:
      return undefined; // checked against the whole record below
    case 1: {
      const ids = alpnIds(v);
      return typeof ids === 'string' ? ids : undefined;
    }
    case 3:
      return /^\d+$/.test(v) && Number(v) <= 65535 ? undefined : `The port \`${v}\` must be a number from 0 to 65535.`;
    case 4:
      return v.split(',').every(isIpv4) ? undefined : `\`ipv4hint=${v}\` must be IPv4 addresses joined by commas.`;
    case 6:
      return v.split(',').every(isIpv6) ? undefined : `\`ipv6hint=${v}\` must be IPv6 addresses joined by commas.`;
    case 5: {
      const n = base64Length(v);
      return typeof n === 'string' ? `The \`ech\` value ${n}.` : undefined;
    }
    case 7:
      return validDohpath(v) ? undefined : 'The `dohpath` value must start with `/` and contain a `{?dns}` variable.';
    default:
      return undefined;
  }
}

/**
 * The protocol ids of an `alpn` value, read in two rounds as BIND reads them: first the master
 * file's escapes (`\X`, `\DDD`), then the list's: a comma splits ids, a backslash (written `\\`)
 * keeps the next character, so `h1\\,h2` is the one id `h1,h2`. An error: a sentence.
 */
export function alpnIds(v: string): string[] | string {
  const ids: string[] = [];
  let i = 0;
  for (;;) {
    let id = '';
    let escape = false;
    let listEscape = false;
    let comma = false;
    for (; i < v.length; i++) {
      let c = v[i]!;
      if (escape && c >= '0' && c <= '9') {
        const d = v.slice(i, i + 3);
        if (!/^\d{3}$/.test(d) || Number(d) > 255)
          return `The \`alpn\` value has a broken escape \`\\${d}\`; write \`\\DDD\` with three digits up to 255.`;
        c = String.fromCharCode(Number(d));
        i += 2;
      } else if (!escape && c === '\\') {
        escape = true;
        continue;
      }
      escape = false;
      if (!listEscape && c === ',') {
        comma = true;
        i++;
        break;
      }
      if (!listEscape && c === '\\') {
        listEscape = true;
        continue;
      }
      listEscape = false;
      id += c;
    }
    if (escape || listEscape)
      return 'The `alpn` value ends in a lone backslash; a comma inside an id is written `\\\\,`, a backslash `\\\\\\\\`.';
    if (id === '' || (comma && i >= v.length))
      return 'The `alpn` list has an empty id (a comma at the start or end, or two in a row; `\\,` is a comma too): write ids joined by commas, such as `alpn=h2,h3`.';
    if (Buffer.byteLength(id, 'latin1') > 255) return `The \`alpn\` id \`${id.slice(0, 20)}…\` is over 255 octets.`;
    ids.push(id);
    if (i >= v.length) return ids;
  }
}

/** Splits `key=value` (a quoted value loses its quotes); a `key=` word followed by a quoted word joins it. */
function params(toks: readonly RdataToken[]): { tok: RdataToken; key: string; value?: string }[] {
  const out: { tok: RdataToken; key: string; value?: string }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i] as RdataToken;
    const eq = tok.text.indexOf('=');
    if (tok.quoted || eq < 0) {
      out.push({ tok, key: tok.text });
      continue;
    }
    let value = tok.text.slice(eq + 1);
    const next = toks[i + 1];
    if (value === '' && next?.quoted && next.start === tok.end) {
      value = next.text;
      i++;
    } else if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.push({ tok, key: tok.text.slice(0, eq), value });
  }
  return out;
}

export function checkSvcParams(r: Reader): RdataProblem | undefined {
  const seen = new Map<number, RdataToken>();
  let mandatory: { tok: RdataToken; keys: number[] } | undefined;
  for (const p of params(r.rest())) {
    if (p.tok.quoted)
      return r.at(p.tok, 'A service parameter must not be quoted as a whole; quote only the value: `key="value"`.');
    const k = keyNumber(p.key, false);
    if (k === undefined) {
      return r.at(
        p.tok,
        `\`${p.key}\` is not a service parameter key; use a lower-case name such as \`alpn\` or \`port\`, or \`keyNNNNN\`.`,
      );
    }
    if (seen.has(k)) return r.at(p.tok, `The key \`${keyName(k)}\` appears twice; each key may appear once.`);
    seen.set(k, p.tok);
    const m = checkValue(k, p.value, !KEYS.includes(p.key));
    if (m) return r.at(p.tok, m);
    if (k === 0 && KEYS.includes(p.key)) {
      const keys: number[] = [];
      for (const item of (p.value ?? '').split(',')) {
        const n = keyNumber(item, true);
        if (n === undefined) return r.at(p.tok, `\`${item}\` in the \`mandatory\` list is not a key.`);
        if (n === 0) return r.at(p.tok, 'The `mandatory` list may not name `mandatory` itself.');
        if (keys.includes(n)) return r.at(p.tok, `The \`mandatory\` list names \`${keyName(n)}\` twice.`);
        keys.push(n);
      }
      mandatory = { tok: p.tok, keys };
    }
  }
  if (mandatory) {
    const absent = mandatory.keys.find((k) => !seen.has(k));
    if (absent !== undefined) {
      return r.at(
        mandatory.tok,
        `The \`mandatory\` list names \`${keyName(absent)}\`, which the record does not have; add it or drop it from the list.`,
      );
    }
  }
  const nda = seen.get(2);
  if (nda && !seen.has(1)) return r.at(nda, '`no-default-alpn` needs an `alpn` parameter in the same record.');
  return undefined;
}

/** The ALPN ids that mean DNS over HTTPS (BIND 9.20's list, from the IANA ALPN registry). */
const HTTP_IDS = new Set(['http/0.9', 'http/1.0', 'http/1.1', 'h2', 'h2c', 'h3']);

/** Whether an owner names a DNS server's SVCB record (RFC 9461 §2): `_dns` first, or `_PORT._dns`. */
export function isDnsSvcbOwner(owner: string): boolean {
  const k = nameKey(owner);
  let first = firstLabel(k);
  const rest = parentKey(k);
  if (/^_\d/.test(first) && rest !== undefined) {
    if (first.length > 6 || (first[1] === '0' && first.length !== 2) || !/^_\d+$/.test(first)) return false;
    if (Number(first.slice(1)) > 65535) return false;
    first = firstLabel(rest);
  }
  return first === '_dns';
}

/**
 * What BIND 9.20 refuses in an SVCB record once it knows the owner (`rdata`: priority, target,
 * parameters): an alias (priority 0) with parameters; at a `_dns` name, no `alpn`, or an `alpn`
 * naming an HTTP protocol without a `dohpath`.
 */
export function svcbPlacementProblem(
  owner: string,
  rdata: readonly RdataToken[],
  type: RdataToken,
): RdataProblem | undefined {
  const at = (t: RdataToken, message: string) => ({ start: t.start, end: t.end, message });
  if (/^0+$/.test(rdata[0]?.text ?? '') && rdata[2])
    return at(
      rdata[2],
      'An SVCB record with priority 0 is an alias and takes no parameters (RFC 9460 §2.4.2; named-checkzone 9.20: "unexpected service parameter keys"). Remove them, or give the record a priority above 0.',
    );
  if (!isDnsSvcbOwner(owner)) return undefined;
  const ps = params(rdata.slice(2)).map((p) => ({ ...p, k: keyNumber(p.key, false) }));
  const alpn = ps.find((p) => p.k === 1);
  if (!alpn)
    return at(
      type,
      'An SVCB record at a `_dns` name describes a DNS server (RFC 9461), and BIND 9.20 requires its `alpn` parameter to say which transports it offers (named-checkzone 9.20: "no ALPN"). Add one, e.g. `alpn=dot`.',
    );
  const ids = alpnIds(alpn.value ?? '');
  if (typeof ids === 'string') return undefined; // the record's own check reports it
  const http = ids.some((id) => id.split(',').some((x) => HTTP_IDS.has(x)));
  if (http && !ps.some((p) => p.k === 7))
    return at(
      alpn.tok,
      'This `_dns` SVCB record offers DNS over HTTPS (its `alpn` names an HTTP protocol), so it needs a `dohpath` with the URI template (RFC 9461 §5; named-checkzone 9.20: "no DOHPATH"). Add one, e.g. `dohpath=/dns-query{?dns}`.',
    );
  return undefined;
}
