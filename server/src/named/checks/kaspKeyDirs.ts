/**
 * Key directories in use (named-checkconf's check of zones and the directories their keys live
 * in): a zone of one name, in two views, may keep its keys in one directory only under one policy.
 * BIND 9.18 keys each zone by its `key-directory`; 9.20 by the directory of each key of the policy
 * (the key-store's, else the key-directory, `.` when none is set).
 */
import type { Reporter } from './reporter';
import type { ZoneInfo } from './zoneIndex';
import { isValidDomainName } from '../values';
import { KEY_DIRECTORY, type KeyStore, type PolicyKeys } from './kaspValues';

/** A zone with a dnssec-policy other than none, as the check needs it. */
export interface KeyDirUse {
  readonly zone: ZoneInfo;
  /** The policy in force (the zone's own, else its view's or options'). */
  readonly policy: string;
  /** Whether the policy is built in or defined. */
  readonly defined: boolean;
  /** The zone's own `dnssec-policy`, if it has one (BIND compares with that one alone). */
  readonly ownPolicy: string | undefined;
  /** The key-directory in force (the zone's, its view's or options'). */
  readonly dir: string | undefined;
}

/**
 * `loaded`: the policies by name, when every policy loads (BIND 9.20 skips the check of a zone with
 * a defined policy when any does not; the failing policy is reported where it is defined).
 */
export function checkKeyDirectories(
  uses: readonly KeyDirUse[],
  stores: ReadonlyMap<string, KeyStore>,
  loaded: ReadonlyMap<string, PolicyKeys> | undefined,
  rep: Reporter,
): void {
  const first = new Map<string, KeyDirUse>();
  for (const u of uses) {
    if (!isValidDomainName(u.zone.nameItem.text)) continue;
    const dirs = directoriesOf(u, stores, loaded, rep.version >= '9.20');
    for (const [what, dir] of dirs ?? []) {
      const key = `${u.zone.name}/${dir}`.toLowerCase();
      const prev = first.get(key);
      if (!prev) {
        first.set(key, u);
        continue;
      }
      const theirs = prev.ownPolicy;
      if (!theirs || theirs === 'none' || theirs === u.policy) continue;
      const where = dir === '(null)' ? 'the default key directory' : `${what} \`${dir}\``;
      rep.add(
        'named-conflicting-options',
        u.zone.nameItem.start,
        u.zone.nameItem.end,
        `Zone \`${u.zone.nameItem.text}\` (dnssec-policy \`${u.policy}\`) keeps its keys in ${where}, where zone \`${prev.zone.nameItem.text}\` (line ${rep.line(prev.zone.nameItem.start)}) keeps those of dnssec-policy \`${theirs}\`: give one of them another key-directory or key-store.`,
      );
    }
  }
}

/** The (kind, directory) pairs a zone claims, in BIND's order; undefined: BIND does not check it. */
function directoriesOf(
  u: KeyDirUse,
  stores: ReadonlyMap<string, KeyStore>,
  loaded: ReadonlyMap<string, PolicyKeys> | undefined,
  v920: boolean,
): Array<[string, string]> | undefined {
  if (!v920) return [['key-directory', u.dir ?? '(null)']];
  const dir = u.dir ?? '.';
  if (!u.defined) return [['key-directory', dir]];
  if (!loaded) return undefined;
  const out: Array<[string, string]> = [];
  if (u.policy === 'default' || u.policy === 'insecure') out.push(['key-directory', dir]);
  let keys: readonly string[];
  if (u.policy === 'default') keys = [KEY_DIRECTORY];
  else if (u.policy === 'insecure') keys = [];
  else {
    const p = loaded.get(u.policy);
    if (!p) return undefined;
    // a policy without `keys` takes the default policy's one key, in the key-directory
    keys = p.hasKeys ? p.stores : [KEY_DIRECTORY];
  }
  for (const s of keys) {
    if (s === KEY_DIRECTORY) out.push(['key-directory', dir]);
    else out.push(['key-store directory', stores.get(s)?.directory ?? dir]);
  }
  return out;
}
