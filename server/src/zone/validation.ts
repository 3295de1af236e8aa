/** Diagnostics of a zone file: syntax, each record's data, then the zone as a whole. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { isDirective, type ZoneTree } from './parser';
import { checkRdata } from './rdata';
import { checkZone, includeReader, placeRecords, type ZoneProblem } from './zoneChecks';
import { checkIntegrity } from './integrity';
import { isZoneTypeWord } from './types';
import { checkGenerate } from './generate';
import { originOf } from './origin';
import type { ZoneRuleId } from './rules';
import { checkSerialAgainstHead } from './serialCheck';
import { lintZone } from './lint';

export function doValidation(doc: TextDocument, tree: ZoneTree, ctx: ModeContext): Finding<ZoneRuleId>[] {
  const out: Finding<ZoneRuleId>[] = [];
  const at = (start: number, end: number) => rangeOf(doc, start, end);
  for (const p of tree.problems) out.push({ rule: 'dns-zone-syntax', range: at(p.start, p.end), message: p.message });
  const origin = originOf(tree, doc.uri, ctx.zoneOrigin, ctx.zoneOriginFrom);
  const version = ctx.settings.bindVersion === '9.16' ? undefined : ctx.settings.bindVersion;
  for (const e of tree.entries) {
    if (isDirective(e)) {
      const g = e.name === '$GENERATE' ? checkGenerate(e, isZoneTypeWord) : undefined;
      if (g) out.push({ rule: 'dns-zone-generate', range: at(g.start, g.end), message: g.message });
      continue;
    }
    if (e.cls && !/^(IN|CLASS1)$/i.test(e.cls.text)) continue;
    const p = checkRdata(e.type.text, e.rdata, { origin: origin?.name ?? '.', end: e.end, version });
    if (p) out.push({ rule: 'dns-zone-invalid-rdata', range: at(p.start, p.end), message: p.message });
  }
  const zp: ZoneProblem[] = [];
  const reader = includeReader(ctx.files, isZoneTypeWord);
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
