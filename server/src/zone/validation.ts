/** Diagnostics of a zone file: syntax, each record's data, then the zone as a whole. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { isDirective, parseZone, type ZoneTree } from './parser';
import { checkRdata } from './rdata';
import { checkZone, placeRecords, type IncludeReader, type ZoneProblem } from './zoneChecks';
import { isZoneTypeWord } from './types';
import { checkGenerate } from './generate';
import { originOf } from './origin';
import type { ZoneRuleId } from './rules';
import { lintZone } from './lint';

export function doValidation(doc: TextDocument, tree: ZoneTree, ctx: ModeContext): Finding<ZoneRuleId>[] {
  const out: Finding<ZoneRuleId>[] = [];
  const at = (start: number, end: number) => rangeOf(doc, start, end);
  for (const p of tree.problems) out.push({ rule: 'dns-zone-syntax', range: at(p.start, p.end), message: p.message });
  const origin = originOf(tree, doc.uri, ctx.zoneOrigin);
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
  const reader: IncludeReader = {
    read(fromUri, path) {
      const uri = ctx.files.resolve(fromUri, path);
      const text = uri === undefined ? undefined : ctx.files.read(uri);
      if (uri === undefined || text === undefined) return { why: 'missing, not a file, or outside the workspace' };
      return { uri, tree: parseZone(text, isZoneTypeWord) };
    },
  };
  const placed = placeRecords(tree, origin?.name ?? '.', zp, { reader, uri: doc.uri });
  // without an origin the apex and what lies outside the zone are unknown
  if (origin) checkZone(origin.name, placed, zp);
  for (const p of zp) out.push({ rule: p.rule, range: at(p.start, p.end), message: p.message });
  lintZone(origin?.name, tree, placed, ctx.zones, (f) =>
    out.push({ rule: f.rule, range: at(f.start, f.end), message: f.message, data: f.data }),
  );
  return out;
}
