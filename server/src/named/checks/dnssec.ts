/** DNSSEC: trust anchors, auto-dnssec, dnssec-policy on zones, and the options secondary zones sign with. */
import { blocksOf, body, clauseName, sub, type Clause, type WordItem } from '../tree';
import { NAME_KINDS } from '../data/names';
import { boolValue, canonical, firstArg, isBase64, isNoneList } from '../values';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';
import type { ZoneClauses, ZoneInfo } from './zoneIndex';

/** `auto-dnssec` other than `off` (`v`) in a zone: not with dnssec-policy, and `maintain` needs updates or inline-signing. */
export function checkAutoDnssec(c: Clause, v: WordItem, rep: Reporter): void {
  // BIND 9.20 no longer has auto-dnssec: the statement itself is the Error there
  if (rep.version >= '9.20') return;
  const zb = c.parent ? body(c.parent) : [];
  const has = (n: string) => zb.some((x) => clauseName(x) === n && !(n === 'allow-update' && isNoneList(x)));
  if (has('dnssec-policy'))
    rep.add(
      'named-conflicting-options',
      v.start,
      v.end,
      `\`auto-dnssec ${v.text}\` cannot be used together with \`dnssec-policy\`.`,
    );
  else if (
    v.text.toLowerCase() === 'maintain' &&
    !has('allow-update') &&
    !has('update-policy') &&
    !has('inline-signing')
  )
    rep.add(
      'named-conflicting-options',
      v.start,
      v.end,
      '`auto-dnssec maintain` needs dynamic updates (`allow-update` / `update-policy`) or `inline-signing yes;`.',
    );
}

interface Anchor {
  name: string;
  kind: string;
  item: WordItem;
  stmt: Clause;
}

/** The trust anchors of the top level and the views, with bad key data reported as they are read. */
function collectAnchors(f: FileFacts, rep: Reporter): Anchor[] {
  const anchors: Anchor[] = [];
  const collect = (clauses: readonly Clause[]) => {
    for (const c of clauses) {
      const n = clauseName(c);
      if (n !== 'trust-anchors' && n !== 'managed-keys' && n !== 'trusted-keys') continue;
      for (const b of blocksOf(c))
        for (const e of b.clauses) {
          const w = e.items[0],
            k = e.items[1];
          if (!w || w.kind !== 'word') continue;
          const kind = n === 'trusted-keys' ? 'static-key' : k && k.kind === 'word' ? k.text.toLowerCase() : '';
          anchors.push({ name: canonical(w.text), kind, item: w, stmt: c });
          const data = e.items[e.items.length - 1];
          if (
            data &&
            data.kind === 'word' &&
            data.quoted &&
            (kind === 'static-key' || kind === 'initial-key') &&
            !isBase64(data.text)
          ) {
            rep.add('named-trust-anchor', data.start, data.start + 1, 'The key data is not valid base64.');
          }
        }
    }
  };
  collect(f.top);
  for (const v of f.views) collect(body(v));
  return anchors;
}

/** Static and initializing anchors for one name, and static root anchors. */
export function checkTrustAnchors(f: FileFacts, rep: Reporter): void {
  const anchors = collectAnchors(f, rep);
  const validation = firstArg(f.options ? sub(f.options, 'dnssec-validation') : undefined)?.text.toLowerCase();
  // the first static anchor of each name (one lookup per anchor: a file may hold 100,000)
  const firstStatic = new Map<string, Anchor>();
  for (const a of anchors) if (a.kind.startsWith('static') && !firstStatic.has(a.name)) firstStatic.set(a.name, a);
  for (const a of anchors) {
    const isStatic = a.kind.startsWith('static');
    const other = isStatic ? undefined : firstStatic.get(a.name);
    if (other)
      rep.add(
        'named-trust-anchor',
        a.item.start,
        a.item.end,
        `Static and initializing trust anchors for \`${a.item.text}\` cannot be mixed (static one at line ${rep.line(other.item.start)}).`,
      );
    if (isStatic && a.name === '.') {
      const s0 = a.stmt.items[0]!;
      rep.add(
        'named-trust-anchor',
        s0.start,
        s0.end,
        validation === 'auto'
          ? 'A static trust anchor for the root zone cannot be used with `dnssec-validation auto`.'
          : 'A static trust anchor for the root zone will fail at the next key rollover: use `initial-key` or `initial-ds`.',
      );
    }
  }
}

/** A secondary zone's DNSSEC options that need inline-signing. */
export function checkSecondarySigning(zc: ZoneClauses, rep: Reporter): void {
  if (zc.inlineYes) return;
  for (const n of ['dnssec-dnskey-kskonly', 'update-check-ksk', 'dnssec-loadkeys-interval']) {
    const o = zc.get(n);
    if (o)
      rep.add(
        'named-conflicting-options',
        o.start,
        o.start + n.length,
        `\`${n}\` in a secondary zone requires \`inline-signing yes;\`.`,
      );
  }
}

/** A primary or secondary zone's dnssec-policy (its own or inherited): defined, and with a way to sign. */
export function checkZonePolicy(
  z: ZoneInfo,
  zc: ZoneClauses,
  policies: ReadonlyMap<string, Clause>,
  rep: Reporter,
): void {
  const own = zc.get('dnssec-policy');
  const pv = firstArg(own ?? zc.viewGet('dnssec-policy'));
  if (!pv) return;
  const pn = canonical(pv.text);
  if (!NAME_KINDS['dnssec-policy'].builtins.includes(pn) && !policies.has(pn)) {
    if (!own)
      rep.add(
        'named-undefined-reference',
        z.nameItem.start,
        z.nameItem.end,
        `Zone \`${z.nameItem.text}\` inherits \`dnssec-policy ${pv.text}\`, which is not defined.`,
      );
  } else if (pn !== 'none') {
    const dynamic = !!zc.get('update-policy') || (!!zc.get('allow-update') && !isNoneList(zc.get('allow-update')!));
    const inlineSet = zc.inline ?? zc.viewGet('inline-signing');
    // 9.20: a policy signs inline unless it says `inline-signing no;` (the built-in ones do)
    const byPolicy = rep.version >= '9.20' && policySignsInline(policies.get(pn));
    if (!inlineSet && !byPolicy && (z.type === 'secondary' || !dynamic)) {
      rep.add(
        'named-dnssec-policy-needs-signing',
        own ? own.start : z.nameItem.start,
        own ? own.start + 13 : z.nameItem.end,
        `Zone \`${z.nameItem.text}\` uses dnssec-policy without dynamic updates: add \`inline-signing yes;\` (or an \`allow-update\` / \`update-policy\`).`,
      );
    }
  }
}

/** BIND 9.20: whether a policy signs inline (its `inline-signing`, yes unless set to no; a built-in policy does). */
function policySignsInline(policy: Clause | undefined): boolean {
  if (!policy) return true;
  const set = body(policy).find((c) => clauseName(c) === 'inline-signing');
  return set ? boolValue(set) !== false : true;
}
