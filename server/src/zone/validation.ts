/** Diagnostics of a zone file: syntax, each record's data, then the zone as a whole. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Finding, ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { entryAt, entryCount, isDirective, PackedZoneTree, type ZoneTree } from './parser';
import { checkRdata, type RdataProblem, type RdataToken } from './rdata';
import { checkZone } from './zoneChecks';
import { includeReader, isInClassText, placeRecords, type ZoneProblem } from './placed';
import { checkIntegrity } from './integrity';
import { isZoneTypeWord } from './types';
import { checkGenerate } from './generate';
import { originOf } from './origin';
import type { ZoneRuleId } from './rules';
import { checkSerialAgainstHead } from './serialCheck';
import { lintZone } from './lint';
import { wholeOf } from './quick';

export function doValidation(doc: TextDocument, tree: ZoneTree, ctx: ModeContext): Finding<ZoneRuleId>[] {
  const out: Finding<ZoneRuleId>[] = [];
  const at = (start: number, end: number) => rangeOf(doc, start, end);
  // a record re-checked alone after a keystroke (quick.ts): its own checks, under the file's origin
  const whole = wholeOf(tree);
  const origin = originOf(whole ?? tree, doc.uri, ctx.zoneOrigin, ctx.zoneOriginFrom);
  const version = ctx.settings.bindVersion === '9.16' ? undefined : ctx.settings.bindVersion;
  recordFindings(tree, origin?.name ?? '.', version, at, out);
  if (whole) return out;
  const zp: ZoneProblem[] = [];
  const reader = includeReader(ctx.files, isZoneTypeWord, ctx.zoneIncludeBase);
  const placed = placeRecords(tree, origin?.name ?? '.', zp, { reader, uri: doc.uri });
  // without an origin the apex and what lies outside the zone are unknown
  if (origin) {
    checkZone(origin.name, placed, zp);
    checkIntegrity(origin.name, placed, zp, version);
  }
  for (const p of zp) out.push({ rule: p.rule, range: at(p.start, p.end), message: p.message });
  out.push(...checkSerialAgainstHead(doc, tree, ctx));
  lintZone(origin?.name, tree, placed, ctx.zones, (f) =>
    out.push({ rule: f.rule, range: at(f.start, f.end), message: f.message, data: f.data }),
  );
  return out;
}

/** The findings of each line on its own: its syntax, a `$GENERATE`'s template, a record's data. */
function recordFindings(
  tree: ZoneTree,
  origin: string,
  version: '9.18' | '9.20' | undefined,
  at: (start: number, end: number) => Range,
  out: Finding<ZoneRuleId>[],
): void {
  for (const p of tree.problems) out.push({ rule: 'dns-zone-syntax', range: at(p.start, p.end), message: p.message });
  const packed = tree instanceof PackedZoneTree ? tree : undefined;
  // one context and one set of token objects for every record of a packed tree: checkRdata
  // keeps none of them past its call (a million records made 300 MB of garbage)
  const ctx = { origin, end: 0, version };
  const pool = new TokenPool();
  for (let i = 0, n = entryCount(tree); i < n; i++) {
    let p: RdataProblem | undefined;
    if (packed && !packed.isDirectiveAt(i)) {
      ctx.end = packed.eEnd[i]!;
      p = packedRdataProblem(packed, i, ctx, pool);
    } else {
      const e = entryAt(tree, i);
      if (isDirective(e)) {
        const g = e.name === '$GENERATE' ? checkGenerate(e, isZoneTypeWord) : undefined;
        if (g) out.push({ rule: 'dns-zone-generate', range: at(g.start, g.end), message: g.message });
        continue;
      }
      if (e.cls && !isInClassText(e.cls.text)) continue;
      p = checkRdata(e.type.text, e.rdata, { origin, end: e.end, version });
    }
    if (p) out.push({ rule: 'dns-zone-invalid-rdata', range: at(p.start, p.end), message: p.message });
  }
}

/** Record i of a packed tree checked from its columns: only its data's tokens are made. */
function packedRdataProblem(
  tree: PackedZoneTree,
  i: number,
  ctx: { origin: string; end: number; version: '9.18' | '9.20' | undefined },
  pool: TokenPool,
): RdataProblem | undefined {
  const cls = tree.clsTokenAt(i);
  // a plain `IN` (the common class) is read in place
  if (cls >= 0 && !tree.tokenIs(cls, 'IN') && !isInClassText(tree.tokenText(cls))) return undefined;
  const type = tree.typeTokenAt(i);
  return checkRdata(tree.tokenText(type), pool.fill(tree, type + 1, tree.tokensEnd(i)), ctx);
}

/** Token objects used again record after record, for checkRdata (which keeps none). */
class TokenPool {
  private readonly made: Array<{ text: string; quoted: boolean; start: number; end: number }> = [];
  /** Per count n: an array of the first n objects (set once: an array's length set per record costs). */
  private readonly lists: RdataToken[][] = [];
  /** Tokens from to to-1 of a packed tree, in the pool's objects. */
  fill(tree: PackedZoneTree, from: number, to: number): readonly RdataToken[] {
    const { made, lists } = this;
    const n = to - from;
    while (made.length < n) made.push({ text: '', quoted: false, start: 0, end: 0 });
    for (let k = from; k < to; k++) {
      const t = made[k - from]!;
      t.text = tree.tokenText(k);
      t.quoted = tree.isQuotedAt(k);
      t.start = tree.tStart[k]!;
      t.end = tree.tokenEnd(k);
    }
    return (lists[n] ??= made.slice(0, n));
  }
}
