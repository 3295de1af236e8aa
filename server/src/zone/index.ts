/**
 * DNS zone files (RFC 1035 §5, RFC 2308, BIND's `$GENERATE`), checked as named-checkzone checks
 * them in its default modes: syntax, each record's data by its type, and the zone as a whole.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { LanguageMode } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { RULES, type ZoneRuleId } from './rules';
import { isDirective, parseZone, type ZoneTree } from './parser';
import { doValidation } from './validation';
import { rrTypeByName } from './data/rrtypes';
import { isZoneTypeWord } from './types';
import { absoluteName } from './names';
import { originOf } from './origin';
import { getCodeActions } from './codeActions';
export { incrementSerial, incrementSerialOnSave } from './serial';

export const zoneMode: LanguageMode<ZoneTree, ZoneRuleId> = {
  id: 'dns-zone',
  rules: RULES,
  parse: (doc) => parseZone(doc.getText(), isZoneTypeWord),
  doValidation,
  getCodeActions,
  doHover(doc, tree, pos, ctx): Hover | null {
    const offset = offsetAt(doc, pos);
    const origin = originOf(tree, doc.uri, ctx.zoneOrigin);
    let current = origin?.name ?? '.';
    for (const e of tree.entries) {
      if (e.start > offset) break;
      if (isDirective(e)) {
        if (e.name === '$ORIGIN' && e.args[0]) current = absoluteName(e.args[0].text, current);
        continue;
      }
      if (e.end < offset) continue;
      if (e.type.start <= offset && offset <= e.type.end) {
        const t = rrTypeByName(e.type.text);
        if (!t) return null;
        return {
          contents: { kind: 'markdown', value: `**${t.name}** (type ${t.number}): ${t.doc}` },
          range: rangeOf(doc, e.type.start, e.type.end),
        };
      }
      if (e.owner && e.owner.start <= offset && offset <= e.owner.end && origin) {
        const abs = absoluteName(e.owner.text, current);
        return {
          contents: {
            kind: 'markdown',
            value: `\`${abs}\`${e.owner.text === abs ? '' : ` (origin \`${current}\`, from ${origin.from})`}`,
          },
          range: rangeOf(doc, e.owner.start, e.owner.end),
        };
      }
    }
    return null;
  },
};
