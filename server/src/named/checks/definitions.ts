/**
 * Named definitions (acl, key, tls, http, primaries, parental-agents, dnssec-policy, channel):
 * duplicates, reserved names, undefined references, and what tls, http and key
 * blocks hold.
 */
import type { BindVersion } from '../../service/types';
import { blocksOf, clauseKey, clauseName, sub, type Clause, type WordItem } from '../tree';
import { NAME_KINDS, type NameKind } from '../data/names';
import { TLS_PROTOCOLS, TSIG_ALGORITHMS, TSIG_MD5_LONG_NAME } from '../data/keywords';
import type { SymbolDef, SymbolRef } from '../symbolTable';
import { suggestionsFor } from '../../common/text';
import { isIPv4, isIPv6WithZone } from '../../common/ip';
import { canonical, firstArg, isBase64, isCurly, isValidDomainName, matchKey } from '../values';
import { checkedRefs } from './checkedRefs';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';

/** Why a definition cannot take a built-in name, per kind that reserves them. */
const RESERVED_NOTE: Partial<Record<NameKind, (name: string) => string>> = {
  'dnssec-policy': (n) =>
    `dnssec-policy cannot be named \`${n}\`: \`default\`, \`insecure\` and \`none\` are built-in policies.`,
  tls: (n) => `tls cannot be named \`${n}\`: \`ephemeral\` and \`none\` are reserved.`,
  http: () => 'http cannot be named `default`: it is the built-in configuration.',
  acl: (n) => `acl cannot be named \`${n}\`: it is a built-in acl.`,
};

/** Definitions of one name twice in one scope, and definitions that take a built-in name. */
export function checkDefinitions(f: FileFacts, rep: Reporter): void {
  const seenDefs = new Map<string, SymbolDef>();
  for (const d of f.table.defs) {
    if (d.kind === 'zone' || d.kind === 'view') continue;
    if (f.ownDefs && !f.ownDefs.has(d)) continue;
    const scope =
      d.kind === 'key' && d.clause.ctx === 'view'
        ? `view@${d.clause.parent?.start}`
        : d.kind === 'channel'
          ? 'logging'
          : 'top';
    // (channels by domain name, though references to them match as written)
    const key = `${d.kind}:${scope}:${NAME_KINDS[d.kind].match === 'nocase' ? d.name.toLowerCase() : canonical(d.name)}`;
    const prev = seenDefs.get(key);
    if (prev) {
      const [at, other] =
        clauseName(prev.clause) === 'masters' && clauseName(d.clause) !== 'masters' ? [prev, d] : [d, prev];
      if (rep.wants('named-duplicate-definition', at.item.start))
        rep.add(
          'named-duplicate-definition',
          at.item.start,
          at.item.end,
          `${d.kind} \`${d.name}\` is defined twice (also at line ${rep.line(other.item.start)}): rename or remove one.`,
        );
    } else seenDefs.set(key, d);
    const info = NAME_KINDS[d.kind];
    const note = RESERVED_NOTE[d.kind];
    if (info.reservesBuiltins && note && info.builtins.includes(d.name.toLowerCase()))
      rep.add('named-reserved-name', d.item.start, d.item.end, note(d.name));
  }
}

/** References to names no definition gives (nor BIND itself). */
export function checkReferences(f: FileFacts, rep: Reporter): void {
  const { table, included } = f;
  const defined = definedNames(f, rep.version);
  const checked = checkedRefs(f, rep.version);
  // the names defined of a kind, for the messages (once per kind: a file may have 100,000 undefined names)
  const namesByKind = new Map<NameKind, string[]>();
  const namesOf = (kind: NameKind): string[] => {
    let names = namesByKind.get(kind);
    if (!names) namesByKind.set(kind, (names = table.defs.filter((d) => d.kind === kind).map((d) => d.name)));
    return names;
  };
  // a definition may hide in an include we cannot read: then do not call names undefined
  for (const r of table.refs) {
    if (included.unread && r.kind !== 'channel') continue;
    if (NAME_KINDS[r.kind].builtins.includes(r.name.toLowerCase())) continue;
    if (r.kind === 'view') continue; // checked with in-view (zones)
    if (!r.item.quoted && r.name.includes('/')) continue; // not a name to BIND: the grammar check says so
    if ((r.kind === 'key' || r.kind === 'tls') && !isValidDomainName(r.name)) {
      rep.add('named-invalid-value', r.item.start, r.item.end, `\`${r.name}\` is not a valid name for a ${r.kind}.`);
      continue;
    }
    if (defined(r.kind, r.name, r.view)) continue;
    const hard = checked(r);
    // an also-notify no zone uses matters to no one (named-checkconf and named alike)
    if (!hard && r.check === 'zones' && r.kind === 'primaries') continue;
    const rule = hard ? 'named-undefined-reference' : 'named-undefined-reference-unchecked';
    if (!rep.wants(rule, r.item.start)) continue;
    if (r.kind === 'primaries' || r.kind === 'parental-agents') {
      rep.add(rule, r.item.start, r.item.end, serverListMessage(r, namesOf(r.kind), defined));
      continue;
    }
    const cands = namesOf(r.kind);
    rep.add(
      rule,
      r.item.start,
      r.item.end,
      `Undefined ${r.kind} \`${r.name}\`${
        cands.length
          ? ` (defined: ${cands
              .slice(0, 5)
              .map((c) => `\`${c}\``)
              .join(', ')})`
          : ''
      }: define it with \`${r.kind} ${r.name} { ... };\` or fix the name.${isCurly(r.item) ? CURLY_PART : ''}`,
    );
  }
}

/** Said of an undefined name in curly quotes. */
const CURLY_PART =
  ' The curly quotes are part of the name: write straight double quotes (") unless they are meant to be.';

/**
 * An undefined name in a server list (a zone's primaries, also-notify or parental-agents, or a
 * list definition): BIND reads every entry that is not an address as the name of a list of the
 * same kind, so a mistyped or quoted address lands here.
 */
function serverListMessage(
  r: SymbolRef,
  cands: readonly string[],
  defined: (kind: NameKind, name: string) => boolean,
): string {
  const what = `${r.kind} list`;
  const n = r.name;
  const quoted = r.item.quoted;
  const as = `named reads it as the name of a ${what}, and there is none`;
  if (!quoted && /^[0-9.]+$/.test(n) && n.includes('.'))
    return `'${n}' is not a valid IPv4 address (four numbers from 0 to 255, separated by dots), so ${as}: correct the address.`;
  if (!quoted && n.includes(':') && /^[0-9a-f]*:[\w:.%-]*$/i.test(n))
    return `'${n}' is not a valid IPv6 address, so ${as}: correct the address.`;
  if (quoted && (isIPv4(n) || isIPv6WithZone(n))) return `"${n}" is in quotes, so ${as}: remove the quotes.`;
  const curly = isCurly(r.item);
  const inner = curly ? n.slice(1, -1) : '';
  if (curly && (isIPv4(inner) || isIPv6WithZone(inner)))
    return `${n} is in curly quotes, which BIND reads as part of the word, so ${as}: remove the quotes.`;
  const other = r.kind === 'primaries' ? 'parental-agents' : 'primaries';
  if (defined(other, n))
    return `'${n}' is a ${other} list, and a ${what} can name only ${r.kind} lists (or addresses): define the servers with ${r.kind} ${n} { ... }; or list their addresses here.`;
  const sugg = suggestionsFor(n, cands, 1);
  const hint = sugg.length
    ? `: did you mean '${sugg[0]}'?`
    : cands.length
      ? ` (defined: ${cands
          .slice(0, 5)
          .map((c) => `'${c}'`)
          .join(', ')}).`
      : '.';
  return `Undefined ${what} '${n}'${hint} Define it with ${r.kind} ${n} { ... }; or correct the name.${curly ? CURLY_PART : ''}`;
}

/**
 * Whether a name of a kind is defined where a reference sees it: every kind by name, except keys
 * defined in a view, which count only in that view (kept by view: a file may hold 100,000 views
 * that each define the same key).
 */
function definedNames(f: FileFacts, version: BindVersion): (kind: NameKind, name: string, view?: Clause) => boolean {
  const names = new Set<string>();
  const viewKeys = new Map<number, Set<string>>();
  const anyViewKeys = new Set<string>();
  const defKey = matchKey;
  for (const d of f.table.defs) {
    const k = defKey(d.kind, d.name);
    if (d.kind !== 'key' || d.clause.ctx !== 'view') names.add(k);
    else {
      anyViewKeys.add(k);
      const v = clauseKey(d.clause.parent);
      const set = viewKeys.get(v);
      if (set) set.add(k);
      else viewKeys.set(v, new Set([k]));
    }
  }
  // BIND 9.20 keeps primaries, parental-agents and remote-servers lists in one namespace
  const oneServerList = version >= '9.20';
  return (kind, name, view) => {
    const k = defKey(kind, name);
    if (names.has(k)) return true;
    if (oneServerList && (kind === 'primaries' || kind === 'parental-agents'))
      return names.has(defKey(kind === 'primaries' ? 'parental-agents' : 'primaries', name));
    if (kind !== 'key') return false;
    // a key defined in a view: seen from outside any view, or from that view
    return view ? !!viewKeys.get(view.key)?.has(k) : anyViewKeys.has(k);
  };
}

/** A TSIG algorithm name, maybe with a `-bits` suffix. */
function isTsigAlgorithm(text: string): boolean {
  const l = text.toLowerCase();
  if (l === TSIG_MD5_LONG_NAME || l === `${TSIG_MD5_LONG_NAME}.`) return true;
  const dash = l.lastIndexOf('-');
  const suffix = l.slice(dash + 1);
  const bits = dash >= 0 && suffix.length > 0 && /^\d+$/.test(suffix);
  return TSIG_ALGORITHMS.has(l) || (bits && TSIG_ALGORITHMS.has(l.slice(0, dash)));
}

/** A key block's algorithm and secret (`v`: the clause's first argument). */
export function checkKeyValue(name: string, v: WordItem, rep: Reporter): void {
  if ((name === 'algorithm' || name === 'secret') && isCurly(v)) {
    rep.add(
      'named-curly-quotes',
      v.start,
      v.end,
      `Curly quotes are not quotes to BIND: it reads ${v.text} as a bare word with the quote characters in it, and that is no ${name === 'secret' ? 'base64 secret' : 'TSIG algorithm'}: use straight double quotes (").`,
    );
    return;
  }
  if (name === 'algorithm' && !isTsigAlgorithm(v.text)) {
    rep.add(
      'named-invalid-value',
      v.start,
      v.end,
      `Unknown TSIG algorithm \`${v.text}\`: use \`hmac-sha256\` (or hmac-sha1, hmac-sha224, hmac-sha384, hmac-sha512, hmac-md5).`,
    );
  }
  if (name === 'secret' && !isBase64(v.text))
    rep.add('named-invalid-value', v.start, v.end, 'The key secret is not valid base64.');
}

/** tls blocks (certificate and key together, protocols, ciphers) and http endpoints. */
export function checkTlsAndHttp(f: FileFacts, rep: Reporter): void {
  for (const t of f.tls) {
    const nameTok = firstArg(t);
    if (!nameTok) continue;
    const cert = sub(t, 'cert-file'),
      key = sub(t, 'key-file');
    if (!!cert !== !!key)
      rep.add(
        'named-conflicting-options',
        nameTok.start,
        nameTok.end,
        `tls \`${nameTok.text}\`: give both \`cert-file\` and \`key-file\`, or neither.`,
      );
    const protos = sub(t, 'protocols');
    if (protos)
      for (const b of blocksOf(protos))
        for (const e of b.clauses) {
          const w = e.items[0];
          if (w && w.kind === 'word' && !TLS_PROTOCOLS.includes(w.text.toLowerCase()))
            rep.add(
              'named-invalid-value',
              w.start,
              w.end,
              `\`${w.text}\` is not a TLS protocol version BIND supports: use \`TLSv1.2\` or \`TLSv1.3\`.`,
            );
        }
    const ciphers = firstArg(sub(t, 'ciphers'));
    if (ciphers && !/^[A-Za-z0-9+\-_!:@=.,]+$/.test(ciphers.text))
      rep.add(
        'named-invalid-value',
        ciphers.start,
        ciphers.end,
        `\`${ciphers.text}\` is not a valid OpenSSL cipher list.`,
      );
  }
  for (const h of f.http) {
    const ep = sub(h, 'endpoints');
    if (ep)
      for (const b of blocksOf(ep))
        for (const e of b.clauses) {
          const w = e.items[0];
          if (
            w &&
            w.kind === 'word' &&
            !/^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@%]+(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@%]+)*)?\/?$/.test(w.text)
          ) {
            rep.add(
              'named-invalid-value',
              w.start,
              w.end,
              `Endpoint \`${w.text}\` is not a valid absolute HTTP path (it starts with one \`/\` and has no query).`,
            );
          } else if (w && w.kind === 'word' && w.text.startsWith('//'))
            rep.add('named-invalid-value', w.start, w.end, `Endpoint \`${w.text}\` is not a valid absolute HTTP path.`);
        }
  }
}
