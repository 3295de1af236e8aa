/**
 * dnssec-policy: what named-checkconf makes of each policy when it loads it (signature timing,
 * CDS digest types, keys and their algorithms, lengths, lifetimes, key stores and tag ranges,
 * NSEC3), the key-store statements (BIND 9.20), and how zones use policies: max-zone-ttl beside a
 * policy, and two zones of one name that keep their keys in one directory under different policies.
 * The version in force decides where 9.18 and 9.20 differ.
 */
import { blocksOf, body, clauseName, type Clause, type WordItem } from '../tree';
import { firstArg, wordAfter } from '../values';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';
import { zoneIndexOf, type ZoneIndex, type ZoneInfo } from './zoneIndex';
import { checkKeyDirectories, type KeyDirUse } from './kaspKeyDirs';
import {
  ALGORITHM_NUMBERS,
  DIGEST_NUMBERS,
  KEY_DIRECTORY,
  bindDuration,
  mnemonic,
  type KeyStore,
  type PolicyKeys,
} from './kaspValues';

const DAY = 86400;
/** BIND's defaults of the policy durations (lib/dns/include/dns/kasp.h, the same in 9.18 and 9.20). */
const DEFAULTS = {
  'signatures-jitter': 12 * 3600,
  'signatures-refresh': 5 * DAY,
  'signatures-validity': 14 * DAY,
  'signatures-validity-dnskey': 14 * DAY,
  'dnskey-ttl': 3600,
  'parent-ds-ttl': DAY,
  'publish-safety': 3600,
  'retire-safety': 3600,
  'max-zone-ttl': DAY,
  'zone-propagation-delay': 300,
  'parent-propagation-delay': 3600,
} as const;
type Timing = keyof typeof DEFAULTS;

/** The algorithms whose keys take a length from 1024 to 4096 bits (RSASHA1, NSEC3RSASHA1, RSASHA256, RSASHA512). */
const RSA = new Set([5, 7, 8, 10]);
/** BIND 9.20 signs with these only (the others are refused as not supported). */
const SUPPORTED_920 = new Set([5, 7, 8, 10, 13, 14, 15, 16]);

export function checkPolicies(f: FileFacts, rep: Reporter): void {
  const stores = rep.version >= '9.20' ? checkKeyStores(f, rep) : new Map<string, KeyStore>();
  const loaded = new Map<string, PolicyKeys>();
  let allLoad = true;
  const seen = new Set<string>();
  const own = new Set(f.top.map((c) => c.key));
  for (const c of [...f.top, ...f.includedTop]) {
    if (clauseName(c) !== 'dnssec-policy' || !blocksOf(c)[0]) continue;
    const name = firstArg(c);
    if (!name) continue;
    // the built-in names and a second policy of a name are reported as definitions
    if (['none', 'default', 'insecure'].includes(name.text) || seen.has(name.text)) {
      allLoad = false;
      continue;
    }
    seen.add(name.text);
    // a policy of an included file is reported there: here it only counts for the zones
    const keys = checkPolicy(c, name, stores, own.has(c.key) ? rep : silent(rep));
    if (keys) loaded.set(name.text, keys);
    else allLoad = false;
  }
  // no zone can use a policy when no statement names one: nothing to look at per zone
  if (!f.table.refs.some((r) => r.kind === 'dnssec-policy')) return;
  const zones = zoneIndexOf(f);
  const uses: KeyDirUse[] = [];
  const defined = new Set(
    [...f.top, ...f.includedTop].filter((c) => clauseName(c) === 'dnssec-policy').map((c) => firstArg(c)?.text ?? ''),
  );
  for (const z of zones.zones) {
    const use = zonePolicy(z, zones, defined, rep);
    if (use) uses.push(use);
  }
  checkKeyDirectories(uses, stores, allLoad ? loaded : undefined, rep);
}

/** A reporter that keeps nothing, for the policies of included files. */
function silent(rep: Reporter): Reporter {
  return {
    add: () => undefined,
    wants: () => false,
    past: () => true,
    source: (s, e) => rep.source(s, e),
    line: (o) => rep.line(o),
    version: rep.version,
  };
}

/**
 * A zone's policy (its own, its view's or options'): max-zone-ttl cannot go with it (9.20; 9.18
 * ignores it), and what the key-directory check needs to know of the zone.
 */
function zonePolicy(z: ZoneInfo, zones: ZoneIndex, defined: ReadonlySet<string>, rep: Reporter): KeyDirUse | undefined {
  if (!z.type || z.type === 'in-view') return undefined;
  if (z.type === 'redirect' && z.name !== '.') return undefined;
  const zc = zones.clausesOf(z);
  const pv = firstArg(zc.get('dnssec-policy') ?? zc.viewGet('dnssec-policy'));
  if (!pv || pv.text === 'none') return undefined;
  const has = pv.text === 'default' || pv.text === 'insecure' || defined.has(pv.text);
  const ttl = zc.get('max-zone-ttl') ?? zc.viewGet('max-zone-ttl');
  const ttlValue = firstArg(ttl);
  if (has && ttl && ttlValue && rep.version >= '9.20')
    rep.add(
      'named-conflicting-options',
      ttlValue.start,
      ttlValue.end,
      `Zone \`${z.nameItem.text}\` is signed by \`dnssec-policy ${pv.text}\`: BIND 9.20 refuses \`max-zone-ttl\` beside a policy (set \`max-zone-ttl\` inside the dnssec-policy instead).`,
    );
  const dir = firstArg(zc.get('key-directory') ?? zc.viewGet('key-directory'))?.text;
  return { zone: z, policy: pv.text, defined: has, ownPolicy: firstArg(zc.get('dnssec-policy'))?.text, dir };
}

/** BIND 9.20's key-store statements: no store named `key-directory`, no two of one name. */
function checkKeyStores(f: FileFacts, rep: Reporter): Map<string, KeyStore> {
  const stores = new Map<string, KeyStore>();
  const all = [...f.top, ...f.includedTop].filter((c) => clauseName(c) === 'key-store');
  const first = f.top.find((c) => clauseName(c) === 'key-store');
  for (const c of all) {
    const name = firstArg(c);
    if (!name || !blocksOf(c)[0]) continue;
    const mine = f.top.includes(c);
    if (name.text === KEY_DIRECTORY) {
      // named-checkconf names the line of the first key-store statement
      const at = first ? (firstArg(first) ?? name) : name;
      if (mine && first)
        rep.add(
          'named-invalid-value',
          at.start,
          at.end,
          `A key-store cannot be named \`${KEY_DIRECTORY}\`: that name stands for the zone's \`key-directory\`${at === name ? '' : ` (key-store at line ${rep.line(name.start)})`}; choose another name.`,
        );
      continue;
    }
    if (stores.has(name.text)) {
      if (mine)
        rep.add(
          'named-duplicate-definition',
          name.start,
          name.end,
          `key-store \`${name.text}\` is already defined: give each key-store its own name.`,
        );
      continue;
    }
    const dir = body(c).find((x) => clauseName(x) === 'directory');
    stores.set(name.text, { directory: firstArg(dir)?.text });
  }
  return stores;
}

/** The policy's durations as named-checkconf reads them (undefined: one is not a duration). */
function timings(c: Clause): Record<Timing, number> | undefined {
  const out = { ...DEFAULTS } as Record<Timing, number>;
  for (const x of body(c)) {
    const n = clauseName(x) as Timing;
    if (!(n in DEFAULTS)) continue;
    const v = firstArg(x);
    const s = v ? bindDuration(v.text) : undefined;
    if (s === undefined) return undefined;
    out[n] = s;
  }
  return out;
}

/**
 * One policy as BIND loads it: the signature timing, the CDS digest types (9.20), the keys, the
 * roles each algorithm's keys cover, NSEC3. BIND stops at the first part that fails: so do we.
 * The key stores of the keys when it loads, else undefined.
 */
function checkPolicy(
  c: Clause,
  name: WordItem,
  stores: ReadonlyMap<string, KeyStore>,
  rep: Reporter,
): PolicyKeys | undefined {
  const t = timings(c);
  if (!t) return undefined;
  if (!checkSignatures(name, t, rep)) return undefined;
  const b = body(c);
  const get = (n: string) => b.find((x) => clauseName(x) === n);
  if (rep.version >= '9.20' && !checkDigests(get('cds-digest-types'), rep)) return undefined;
  const ipub = t['dnskey-ttl'] + t['publish-safety'] + t['zone-propagation-delay'];
  const kskMin = Math.max(ipub, t['parent-ds-ttl'] + t['retire-safety'] + t['parent-propagation-delay']);
  const zskMin = Math.max(
    ipub,
    t['signatures-validity'] -
      t['signatures-refresh'] +
      t['max-zone-ttl'] +
      t['retire-safety'] +
      t['zone-propagation-delay'],
  );
  const keysClause = get('keys');
  const offline = firstArg(get('offline-ksk'))?.text.toLowerCase();
  const ctx: KeyContext = {
    stores,
    kskMin,
    zskMin,
    offlineKsk: rep.version >= '9.20' && ['yes', 'true', '1'].includes(offline ?? ''),
  };
  const keys: ParsedKey[] = [];
  for (const e of keysClause ? (blocksOf(keysClause)[0]?.clauses ?? []) : []) {
    const k = checkKey(e, ctx, rep);
    if (!k) return undefined;
    keys.push(k);
  }
  if (keysClause && !checkRoles(keysClause, keys, rep)) return undefined;
  const nsec3 = get('nsec3param');
  if (nsec3 && !checkNsec3(nsec3, keys, rep)) return undefined;
  return { stores: keys.map((k) => k.store), hasKeys: !!keysClause };
}

/** Refresh at most 90% of each validity, jitter no more than it (all reported, on the policy's name). */
function checkSignatures(name: WordItem, t: Record<Timing, number>, rep: Reporter): boolean {
  let ok = true;
  const refresh = t['signatures-refresh'];
  const jitter = t['signatures-jitter'];
  for (const v of ['signatures-validity-dnskey', 'signatures-validity'] as const) {
    const validity = t[v];
    if (refresh >= validity * 0.9) {
      ok = false;
      rep.add(
        'named-conflicting-options',
        name.start,
        name.end,
        `dnssec-policy \`${name.text}\`: \`signatures-refresh\` must be at most 90% of \`${v}\` (${refresh}s against ${validity}s): refresh sooner or make the signatures valid longer.`,
      );
    }
    if (jitter > validity) {
      ok = false;
      rep.add(
        'named-conflicting-options',
        name.start,
        name.end,
        `dnssec-policy \`${name.text}\`: \`signatures-jitter\` cannot be larger than \`${v}\` (${jitter}s against ${validity}s).`,
      );
    }
  }
  return ok;
}

/** BIND 9.20: each CDS digest type known (a number to 255 or a name) and one it can make (SHA-1, SHA-256, SHA-384). */
function checkDigests(c: Clause | undefined, rep: Reporter): boolean {
  for (const e of c ? (blocksOf(c)[0]?.clauses ?? []) : []) {
    const w = e.items[0];
    if (!w || w.kind !== 'word') continue;
    const n = mnemonic(w.text, DIGEST_NUMBERS);
    if (n === undefined) {
      rep.add(
        'named-invalid-value',
        w.start,
        w.end,
        `\`${w.text}\` is not a DS digest type: use \`sha-256\` (2) or \`sha-384\` (4).`,
      );
      return false;
    }
    if (n !== 1 && n !== 2 && n !== 4) {
      rep.add(
        'named-invalid-value',
        w.start,
        w.end,
        `BIND cannot make CDS records of digest type \`${w.text}\`: use \`sha-256\` (2) or \`sha-384\` (4).`,
      );
      return false;
    }
  }
  return true;
}

interface KeyContext {
  readonly stores: ReadonlyMap<string, KeyStore>;
  readonly kskMin: number;
  readonly zskMin: number;
  readonly offlineKsk: boolean;
}

interface ParsedKey {
  readonly ksk: boolean;
  readonly zsk: boolean;
  readonly algorithm: number;
  readonly store: string;
}

/** The words of a key entry, by part: `role [key-directory | key-store NAME] lifetime D algorithm A [tag-range MIN MAX] [LENGTH]`. */
interface KeyWords {
  readonly role: WordItem;
  readonly store?: WordItem;
  readonly lifetime: WordItem;
  readonly algorithm: WordItem;
  readonly tagMin?: WordItem;
  readonly tagMax?: WordItem;
  readonly length?: WordItem;
}

function keyWords(e: Clause, v920: boolean): KeyWords | undefined {
  const w = e.items.filter((i): i is WordItem => i.kind === 'word');
  if (w.length !== e.items.length || w.length < 5) return undefined;
  let k = 1;
  let store: WordItem | undefined;
  const kw = (i: number) => (w[i] && !w[i]!.quoted ? w[i]!.text.toLowerCase() : '');
  if (kw(1) === 'key-directory') {
    store = w[1];
    k = 2;
  } else if (kw(1) === 'key-store' && v920) {
    store = w[2];
    k = 3;
  }
  if (kw(k) !== 'lifetime' || kw(k + 2) !== 'algorithm' || !w[k + 1] || !w[k + 3]) return undefined;
  const out: { -readonly [P in keyof KeyWords]: KeyWords[P] } = {
    role: w[0]!,
    store,
    lifetime: w[k + 1]!,
    algorithm: w[k + 3]!,
  };
  for (let i = k + 4; i < w.length; i++) {
    if (kw(i) === 'tag-range' && w[i + 2] && v920) {
      out.tagMin = w[i + 1];
      out.tagMax = w[i + 2];
      i += 2;
    } else if (/^\d+$/.test(w[i]!.text) && !out.length) out.length = w[i];
    else return undefined;
  }
  return out;
}

/** One key as BIND configures it: the first thing wrong ends the policy (undefined). */
function checkKey(e: Clause, ctx: KeyContext, rep: Reporter): ParsedKey | undefined {
  const k = keyWords(e, rep.version >= '9.20');
  if (!k) return undefined;
  const role = k.role.text.toLowerCase();
  const ksk = role === 'ksk' || role === 'csk';
  const zsk = role === 'zsk' || role === 'csk';
  if (role === 'csk' && ctx.offlineKsk) {
    rep.add(
      'named-conflicting-options',
      k.role.start,
      k.role.end,
      'A `csk` key cannot be used with `offline-ksk yes;`: split it into a `ksk` and a `zsk`.',
    );
    return undefined;
  }
  let store = KEY_DIRECTORY;
  if (k.store && k.store.text.toLowerCase() !== KEY_DIRECTORY) {
    store = k.store.text;
    if (!ctx.stores.has(store)) {
      rep.add(
        'named-undefined-reference',
        k.store.start,
        k.store.end,
        `key-store \`${store}\` is not defined: define \`key-store "${store}" { directory "..."; };\` or keep the key in the \`key-directory\`.`,
      );
      return undefined;
    }
  }
  const life = k.lifetime.text.toLowerCase() === 'unlimited' ? 0 : bindDuration(k.lifetime.text);
  if (life === undefined) return undefined;
  if (life > 0 && ((ksk && life <= ctx.kskMin) || (zsk && life <= ctx.zskMin))) {
    const need = ksk && life <= ctx.kskMin ? ctx.kskMin : ctx.zskMin;
    rep.add(
      'named-value-out-of-range',
      k.lifetime.start,
      k.lifetime.end,
      `Key lifetime \`${k.lifetime.text}\` is shorter than a rollover of this key takes under the policy's timing (more than ${need}s): make it longer, or \`unlimited\`.`,
    );
    return undefined;
  }
  const alg = mnemonic(k.algorithm.text, ALGORITHM_NUMBERS);
  if (alg === undefined) {
    rep.add(
      'named-invalid-value',
      k.algorithm.start,
      k.algorithm.end,
      `\`${k.algorithm.text}\` is not a DNSSEC algorithm: use e.g. \`ecdsap256sha256\` (13), \`ed25519\` (15) or \`rsasha256\` (8).`,
    );
    return undefined;
  }
  if (rep.version >= '9.20' && !SUPPORTED_920.has(alg)) {
    rep.add(
      'named-invalid-value',
      k.algorithm.start,
      k.algorithm.end,
      `BIND 9.20 cannot sign with algorithm \`${k.algorithm.text}\`: use e.g. \`ecdsap256sha256\` (13), \`ed25519\` (15) or \`rsasha256\` (8).`,
    );
    return undefined;
  }
  if (k.length && RSA.has(alg)) {
    const size = Number(k.length.text);
    if (size < 1024 || size > 4096) {
      rep.add(
        'named-value-out-of-range',
        k.length.start,
        k.length.end,
        `A key of algorithm \`${k.algorithm.text}\` cannot be ${k.length.text} bits long: give 1024 to 4096 (2048 is usual).`,
      );
      return undefined;
    }
  }
  if (k.tagMin && k.tagMax && !checkTagRange(k.tagMin, k.tagMax, rep)) return undefined;
  return { ksk, zsk, algorithm: alg, store };
}

/** BIND 9.20's `tag-range MIN MAX`: both to 65535, MIN below MAX. */
function checkTagRange(min: WordItem, max: WordItem, rep: Reporter): boolean {
  const lo = Number(min.text),
    hi = Number(max.text);
  if (!/^\d+$/.test(min.text) || !/^\d+$/.test(max.text)) return true;
  const bad = lo > 0xffff ? min : hi > 0xffff ? max : lo >= hi ? max : undefined;
  if (!bad) return true;
  rep.add(
    'named-value-out-of-range',
    bad.start,
    bad.end,
    lo > 0xffff || hi > 0xffff
      ? `Key tags run from 0 to 65535: \`${bad.text}\` is too big for \`tag-range\`.`
      : `\`tag-range ${min.text} ${max.text}\`: the first tag must be below the second.`,
  );
  return false;
}

/** Each algorithm the keys use needs a key that signs the DNSKEY set (KSK) and one that signs the rest (ZSK), on `keys`. */
function checkRoles(keysClause: Clause, keys: readonly ParsedKey[], rep: Reporter): boolean {
  const roles = new Map<number, { ksk: boolean; zsk: boolean }>();
  for (const k of keys) {
    const r = roles.get(k.algorithm) ?? { ksk: false, zsk: false };
    roles.set(k.algorithm, { ksk: r.ksk || k.ksk, zsk: r.zsk || k.zsk });
  }
  const kw = keysClause.items[0]!;
  const half = [...roles].filter(([, r]) => !(r.ksk && r.zsk)).sort((a, b) => a[0] - b[0]);
  if (!half.length) return true;
  const what = half.map(([alg, r]) => `${alg} (no ${r.ksk ? 'zsk' : 'ksk'})`).join(', ');
  rep.add(
    'named-conflicting-options',
    kw.start,
    kw.end,
    `Every algorithm of the keys needs a key in the KSK role and one in the ZSK role: algorithm ${what}. Add the missing key, or use one \`csk\` per algorithm.`,
  );
  return false;
}

/** nsec3param: not with RSAMD5, DSA or RSASHA1 keys (9.18 also DH); iterations 0 (9.20) or at most 150 (9.18); salt to 255. */
function checkNsec3(c: Clause, keys: readonly ParsedKey[], rep: Reporter): boolean {
  const iter = wordAfter(c, 'iterations');
  const at = iter ?? (c.items[0] as WordItem);
  const bad = rep.version >= '9.20' ? [1, 3, 5] : [1, 2, 3, 5];
  const badKey = [...keys].reverse().find((k) => bad.includes(k.algorithm));
  if (badKey) {
    rep.add(
      'named-conflicting-options',
      at.start,
      at.end,
      `NSEC3 cannot be used with algorithm ${badKey.algorithm}: sign with an NSEC3-capable algorithm (e.g. 8 or 13) or drop \`nsec3param\`.`,
    );
    return false;
  }
  const n = iter && /^\d+$/.test(iter.text) ? Number(iter.text) : 0;
  if (rep.version >= '9.20' ? n !== 0 : n > 150) {
    rep.add(
      'named-value-out-of-range',
      iter!.start,
      iter!.end,
      rep.version >= '9.20'
        ? `BIND 9.20 allows only \`iterations 0\` in \`nsec3param\` (not ${n}).`
        : `\`nsec3param\` iterations ${n} is out of range: BIND 9.18 allows at most 150 (0 is recommended).`,
    );
    return false;
  }
  const salt = wordAfter(c, 'salt-length');
  if (salt && /^\d+$/.test(salt.text) && Number(salt.text) > 255) {
    rep.add(
      'named-value-out-of-range',
      salt.start,
      salt.end,
      `An NSEC3 salt is at most 255 octets long: \`salt-length ${salt.text}\` is too high.`,
    );
    return false;
  }
  return true;
}
