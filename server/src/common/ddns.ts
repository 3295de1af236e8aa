/**
 * Dynamic DNS between dhcpd.conf and named.conf (issue 21): dhcpd sends the updates of each of its
 * `zone` blocks signed with that block's key, and named takes them only for a primary zone whose
 * `allow-update` or `update-policy` names that key, defined with the same algorithm and secret.
 * Neither dhcpd -t nor named-checkconf sees the other file, so a mismatch is a Warning, on both
 * sides, that names the other file and line. Pure: each language extracts its facts (its
 * `ddnsFacts`), and both call `ddnsProblems` with every file's facts and keep their own.
 */

/** A key statement: its name and, where written, its algorithm and secret (the secret is compared, never shown). */
export interface DdnsKey {
  /** Lower case, without a final dot. */
  readonly name: string;
  readonly algorithm?: string;
  readonly secret?: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** A zone: dhcpd's `zone` block (its key), or named's zone statement (its type and the keys that may update it). */
export interface DdnsZone {
  /** Lower case, without a final dot. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** dhcpd: the key the updates are signed with (lower case, and as written), and where it is written. */
  readonly key?: { readonly name: string; readonly written: string; readonly start: number; readonly end: number };
  /** named: the zone's type (`primary`, `secondary`, ...). */
  readonly type?: string;
  /** named: the keys `allow-update` and `update-policy` name; undefined: the zone takes no updates. */
  readonly updateKeys?: readonly string[];
  /** named: `allow-update` also admits addresses or acls (an update without a key may pass). */
  readonly byAddress?: boolean;
}

export interface DdnsFacts {
  readonly zones: readonly DdnsZone[];
  readonly keys: readonly DdnsKey[];
}

/** One file's facts, in the language it is loaded as. */
export interface DdnsFile {
  readonly uri: string;
  readonly facts: DdnsFacts;
}

export interface DdnsProblem {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** The algorithm as both daemons mean it: `HMAC-MD5.SIG-ALG.REG.INT` is `hmac-md5`. */
function algorithmOf(a: string): string {
  return a.toLowerCase().replace(/\.sig-alg\.reg\.int\.?$/, '');
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

const where = (f: DdnsFile, line: number) => `${fileName(f.uri)} line ${line}`;

interface Placed<T> {
  readonly file: DdnsFile;
  readonly item: T;
}

function byName<T extends { name: string }>(files: readonly DdnsFile[], pick: (f: DdnsFacts) => readonly T[]) {
  const m = new Map<string, Array<Placed<T>>>();
  for (const file of files)
    for (const item of pick(file.facts)) {
      const l = m.get(item.name);
      if (l) l.push({ file, item });
      else m.set(item.name, [{ file, item }]);
    }
  return m;
}

/**
 * The mismatches between dhcpd's zones and keys (`dhcpd`) and named's (`named`). Nothing is said
 * when one side has no zones at all (its configuration is not in the workspace).
 */
export function ddnsProblems(dhcpd: readonly DdnsFile[], named: readonly DdnsFile[]): DdnsProblem[] {
  const out: DdnsProblem[] = [];
  const namedZones = byName(named, (f) => f.zones);
  if (!namedZones.size || !dhcpd.some((f) => f.facts.zones.length)) return out;
  const add = (p: Placed<{ start: number; end: number }>, message: string, at = p.item) =>
    out.push({ uri: p.file.uri, start: at.start, end: at.end, message });
  const keysUsed = new Set<string>();
  for (const file of dhcpd)
    for (const z of file.facts.zones) {
      const dz = { file, item: z };
      const list = namedZones.get(z.name) ?? [];
      const primaries = list.filter((n) => n.item.type === 'primary');
      if (!list.length) {
        const files = [...new Set(named.map((f) => fileName(f.uri)))].slice(0, 3).join(', ');
        add(
          dz,
          `No zone \`${z.name}\` in the workspace's named configuration (${files}): named would refuse dhcpd's updates of it. Define it there as a primary zone, or correct the name here.`,
        );
        continue;
      }
      if (!primaries.length) {
        const n = list[0]!;
        add(
          dz,
          `Zone \`${z.name}\` is a ${n.item.type ?? 'zone of no type'} in ${where(n.file, n.item.line)}: named takes dynamic updates only in a primary zone. Point this block at the primary's configuration.`,
        );
        add(
          n,
          `dhcpd sends dynamic updates of \`${z.name}\` (${where(file, z.line)}), but here it is a ${n.item.type ?? 'zone of no type'}: only a primary zone takes them.`,
        );
        continue;
      }
      const key = z.key?.name;
      const shown = z.key?.written ?? key;
      if (key) keysUsed.add(key);
      const fits = (n: DdnsZone) => (key ? !!n.updateKeys?.includes(key) : !!n.byAddress);
      if (primaries.some((n) => fits(n.item))) continue;
      const n = primaries[0]!;
      const allowed = n.item.updateKeys;
      const takes = !allowed
        ? 'takes no dynamic updates (no `allow-update` or `update-policy`)'
        : allowed.length
          ? `takes updates signed with ${allowed.map((k) => `\`${k}\``).join(', ')} only`
          : 'takes updates by address only';
      if (key) {
        add(
          dz,
          `Zone \`${z.name}\` in ${where(n.file, n.item.line)} ${takes}, not with key \`${shown}\`: named would refuse these updates. Name the same key on both sides.`,
          z.key,
        );
        add(
          n,
          `dhcpd updates \`${z.name}\` with key \`${shown}\` (${where(file, z.line)}), which this zone does not allow: add \`key ${shown};\` to its \`allow-update\`, or a \`grant ${shown} ...\` rule to its \`update-policy\`.`,
        );
      } else
        add(
          dz,
          `Zone \`${z.name}\` in ${where(n.file, n.item.line)} ${takes}, and this block names no key: ${allowed?.length ? `add \`key ${allowed[0]};\` here` : 'allow the updates there'}, or named refuses them.`,
        );
    }
  out.push(...keyProblems(dhcpd, named, keysUsed));
  return out;
}

/** Keys of the same name on both sides (in different files) whose algorithm or secret differ. */
function keyProblems(dhcpd: readonly DdnsFile[], named: readonly DdnsFile[], used: ReadonlySet<string>): DdnsProblem[] {
  const out: DdnsProblem[] = [];
  const namedKeys = byName(named, (f) => f.keys);
  for (const [name, list] of byName(dhcpd, (f) => f.keys)) {
    if (!used.has(name)) continue;
    const d = list[0]!;
    const n = namedKeys.get(name)?.[0];
    if (!n || n.file.uri === d.file.uri) continue;
    const both = (what: string, fix: string) => {
      out.push({
        uri: d.file.uri,
        start: d.item.start,
        end: d.item.end,
        message: `Key \`${name}\`: ${what} here and in ${where(n.file, n.item.line)}, so named rejects dhcpd's updates (BADSIG). ${fix}`,
      });
      out.push({
        uri: n.file.uri,
        start: n.item.start,
        end: n.item.end,
        message: `Key \`${name}\`: ${what} here and in dhcpd's ${where(d.file, d.item.line)}, so dhcpd's updates are rejected (BADSIG). ${fix}`,
      });
    };
    const [da, na] = [d.item.algorithm, n.item.algorithm];
    if (da && na && algorithmOf(da) !== algorithmOf(na))
      both(`the algorithm differs (\`${da}\` and \`${na}\`)`, 'Write the same algorithm in both.');
    else if (d.item.secret && n.item.secret && d.item.secret.replace(/\s+/g, '') !== n.item.secret.replace(/\s+/g, ''))
      both(
        'the secret differs (not shown)',
        'Copy the secret from one file to the other, or include one key file in both.',
      );
  }
  return out;
}
