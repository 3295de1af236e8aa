/**
 * The owner names named-checkzone refuses outright under its default `check-names` mode (warn):
 * an NSEC3 record's owner, whose first label must be a hash in base32hex without padding
 * (RFC 5155 §3.3; BIND's nsec3 checkowner), fails the load even where other names only warn.
 */
import { firstLabel, nameKey } from './zoneIndex';
import { splitLabels } from './names';
import type { PlacedRecord, ZoneProblem } from './placed';

/** Whether a label is base32hex (RFC 4648 §7) without padding, its unused low bits zero. */
export function isBase32HexNoPad(label: string): boolean {
  if (!/^[0-9A-Va-v]*$/.test(label)) return false;
  const rest = label.length % 8;
  if (rest === 0) return true;
  // how many low bits of the last character do not reach a whole octet
  const spare = new Map([
    [2, 2],
    [4, 4],
    [5, 1],
    [7, 3],
  ]).get(rest);
  if (spare === undefined) return false;
  const v = parseInt(label[label.length - 1]!, 32);
  return (v & ((1 << spare) - 1)) === 0;
}

export function checkNsec3Owner(p: PlacedRecord, problems: ZoneProblem[]): void {
  if (isBase32HexNoPad(firstLabel(nameKey(p.owner)))) return;
  const label = splitLabels(p.owner)[0] ?? '';
  const at = p.r.owner ?? p.r.type;
  problems.push({
    rule: 'dns-zone-owner-name',
    start: at.start,
    end: at.end,
    message: `An NSEC3 record's owner starts with the hash of a name in base32hex (digits, letters A to V, no \`=\` padding); \`${label}\` is not one (named-checkzone: "bad owner name"), so the zone does not load. Write the hash as dnssec-signzone prints it.`,
  });
}
