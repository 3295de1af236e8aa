/**
 * Named definitions (acl, key, tls, http, primaries, parental-agents, dnssec-policy, channel):
 * duplicates, reserved names, undefined references, and what tls, http and key
 * blocks hold.
 */
import { blocksOf, body, clauseKey, clauseName, sub, type Clause, type WordItem } from '../tree';
import { NAME_KINDS, type NameKind } from '../data/names';
import { TLS_PROTOCOLS, TSIG_ALGORITHMS, TSIG_MD5_LONG_NAME } from '../data/keywords';
import type { SymbolDef } from '../symbolTable';
import { canonical, firstArg, isBase64, isValidDomainName, zoneTypeOf } from '../values';
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
    const key = `${d.kind}:${scope}:${d.kind === 'acl' ? d.name : canonical(d.name)}`;
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
  const defined = definedNames(f);
  const inheritedByAZone = zoneInheritance(f);
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
    if ((r.kind === 'key' || r.kind === 'tls') && !isValidDomainName(r.name)) {
      rep.add('named-invalid-value', r.item.start, r.item.end, `\`${r.name}\` is not a valid name for a ${r.kind}.`);
      continue;
    }
    if (defined(r.kind, r.name, r.view)) continue;
    if (r.inheritedBy && !inheritedByAZone(r.inheritedBy)) continue;
    if (r.kind === 'parental-agents' && defined('primaries', r.name, r.view)) continue;
    const rule = r.soft ? 'named-undefined-reference-unchecked' : 'named-undefined-reference';
    if (!rep.wants(rule, r.item.start)) continue;
    const what =
      r.kind === 'primaries' ? 'primaries list' : r.kind === 'parental-agents' ? 'parental-agents list' : r.kind;
    const cands = namesOf(r.kind);
    rep.add(
      rule,
      r.item.start,
      r.item.end,
      `Undefined ${what} \`${r.name}\`${
        cands.length
          ? ` (defined: ${cands
              .slice(0, 5)
              .map((c) => `\`${c}\``)
              .join(', ')})`
          : ''
      }: define it with \`${r.kind === 'primaries' ? 'primaries' : r.kind} ${r.name} { ... };\` or fix the name.`,
    );
  }
}

/**
 * Whether a name of a kind is defined where a reference sees it: every kind by name, except keys
 * defined in a view, which count only in that view (kept by view: a file may hold 100,000 views
 * that each define the same key).
 */
function definedNames(f: FileFacts): (kind: NameKind, name: string, view?: Clause) => boolean {
  const names = new Set<string>();
  const viewKeys = new Map<number, Set<string>>();
  const anyViewKeys = new Set<string>();
  const defKey = (kind: NameKind, name: string) => `${kind}\u0000${NAME_KINDS[kind].exact ? name : canonical(name)}`;
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
  return (kind, name, view) => {
    const k = defKey(kind, name);
    if (names.has(k)) return true;
    if (kind !== 'key') return false;
    // a key defined in a view: seen from outside any view, or from that view
    return view ? !!viewKeys.get(view.key)?.has(k) : anyViewKeys.has(k);
  };
}

/**
 * Whether a zone takes the also-notify of its options or view: the top-level zones for options,
 * the view's for a view (once per view, and once for all options blocks: a file may hold 100,000
 * also-notify entries, or options blocks, and each would look at every zone).
 */
function zoneInheritance(f: FileFacts): (holder: Clause) => boolean {
  const inheriting = new Map<number, boolean>();
  return (holder) => {
    const view = clauseName(holder) === 'view' ? holder : undefined;
    let yes = inheriting.get(clauseKey(view));
    if (yes === undefined) {
      const zonesIn = view ? body(view) : f.top;
      yes = zonesIn.some((z) => {
        if (clauseName(z) !== 'zone') return false;
        const t = zoneTypeOf(z);
        if (t !== 'primary' && t !== 'secondary' && t !== 'mirror') return false;
        const zb = body(z);
        if (zb.some((x) => clauseName(x) === 'also-notify')) return false;
        const nv = firstArg(zb.find((x) => clauseName(x) === 'notify'))?.text.toLowerCase();
        return !(nv === 'no' || nv === 'false' || nv === '0');
      });
      inheriting.set(clauseKey(view), yes);
    }
    return yes;
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
