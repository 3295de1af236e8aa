/**
 * Beyond named-checkzone: an SOA serial that went down against the file's text in git's HEAD
 * (FileAccess.committed; nothing is said where it is not available). Secondaries transfer a zone
 * only when its serial goes up in RFC 1982 serial arithmetic, so a serial that went down (or lies
 * exactly 2^31 away, which the arithmetic cannot order) leaves them on the old zone. A Warning:
 * named loads the zone all the same. An equal serial is not reported (the change may not be
 * meant for the secondaries yet).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { parseZone, type ZoneTree } from './parser';
import { isZoneTypeWord } from './types';
import { compareSerials, nextSerial, soaSerials } from './serial';
import type { ZoneRuleId } from './rules';

/** The serial of committed texts already read (the same text comes back while HEAD stays). */
const committedSerials = new Map<string, number | undefined>();
const MAX_REMEMBERED = 16;

function committedSerial(text: string): number | undefined {
  if (committedSerials.has(text)) return committedSerials.get(text);
  const serial = soaSerials(parseZone(text, isZoneTypeWord))[0]?.value;
  if (committedSerials.size >= MAX_REMEMBERED) committedSerials.delete(committedSerials.keys().next().value!);
  committedSerials.set(text, serial);
  return serial;
}

export function checkSerialAgainstHead(doc: TextDocument, tree: ZoneTree, ctx: ModeContext): Finding<ZoneRuleId>[] {
  if (!ctx.files.committed) return [];
  const now = soaSerials(tree)[0];
  if (!now) return [];
  const text = ctx.files.committed(doc.uri);
  const old = text === undefined ? undefined : committedSerial(text);
  if (old === undefined) return [];
  const order = compareSerials(now.value, old);
  if (order === 0 || order === 1) return [];
  const instead = nextSerial(old, ctx.now?.() ?? new Date());
  const what =
    order === -1
      ? `The SOA serial went down: ${now.value} here, ${old} in git's HEAD`
      : `The SOA serial ${now.value} lies exactly 2^31 from ${old} in git's HEAD, which serial arithmetic cannot order`;
  return [
    {
      rule: 'dns-zone-serial-decreased',
      range: rangeOf(doc, now.token.start, now.token.end),
      message: `${what}; secondaries keep the zone they have until the serial goes up (RFC 1982). Write a serial after ${old}, such as ${instead}.`,
    },
  ];
}
