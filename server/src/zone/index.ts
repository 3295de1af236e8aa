/**
 * DNS zone files (RFC 1035 §5, RFC 2308, BIND's `$GENERATE`), checked as named-checkzone checks
 * them in its default modes: syntax, each record's data by its type, and the zone as a whole;
 * hover, completion, outline, folding, definition and references on top.
 */
import type { LanguageMode } from '../service/types';
import { RULES, type ZoneRuleId } from './rules';
import { parseZone, type ZoneTree } from './parser';
import { doValidation } from './validation';
import { isZoneTypeWord } from './types';
import { placeRecords } from './placed';
import { doHover } from './hover';
import { doComplete, prepareCompletion } from './completion';
import { getFoldingRanges } from './folding';
import { findDefinition, findDocumentSymbols, findReferences, indexFor, namesOf } from './navigation';
import { getCodeActions } from './codeActions';
import { zoneQuick } from './quick';
import { format } from './format';
export { incrementSerial, incrementSerialOnSave } from './serial';

/** The names with an address in a zone file, for the other zones' MX and NS targets (ModeContext.zones). */
function addressOwners(_doc: unknown, tree: ZoneTree, origin: string): ReadonlySet<string> {
  const out = new Set<string>();
  const placed = placeRecords(tree, origin, []);
  const { names, types, type, owner } = placed;
  for (let j = 0; j < placed.size; j++) {
    const t = types[type[j]!];
    if (t === 'A' || t === 'AAAA') out.add(names.text[names.lower(owner[j]!)]!);
  }
  return out;
}

export const zoneMode: LanguageMode<ZoneTree, ZoneRuleId> = {
  id: 'dns-zone',
  rules: RULES,
  parse: (doc) => parseZone(doc.getText(), isZoneTypeWord),
  doValidation,
  addressOwners,
  getCodeActions,
  doHover,
  doComplete,
  findDocumentSymbols,
  getFoldingRanges,
  findDefinition,
  findReferences,
  quick: zoneQuick,
  format,
  // while the editor is idle after a validation: the index hover and navigation look up
  prepare(doc, tree) {
    const ix = indexFor(doc.uri, tree, {});
    namesOf(tree, ix);
    prepareCompletion(ix);
  },
};
