/**
 * ESX/ESXi logs (vmkernel.log, vmkwarning, hostd.log, ...; also VS Code's `log` language).
 *
 * Logs are big (ESXi rotates vmkernel.log at a few MB, but collected bundles run to 50 MB),
 * so this mode keeps no tree: `parse` is free, a status hover looks at the hovered line only and
 * inlay hints at the requested lines only. The outline, device hovers, highlights, references and
 * the (opt-in) incident rules share one index per version, one linear pass (logIndex.ts), made
 * while the editor is idle after a validation. iSCSI names in logs are checked by the iSCSI text
 * feature; after an edit, only the edited lines are checked again.
 */
import type { LanguageMode } from '../service/types';
import { parse, type LogTree } from './parser';
import { doValidation } from './validation';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import { quick } from './quick';
import { findDocumentHighlights, findReferences } from './devices';
import { findDocumentSymbols } from './symbols';
import { indexOf } from './logIndex';
import { RULES, type VmkLogRule } from './rules';

export { decodeStatusCodeMarkdown } from './status';

export const vmkLogMode: LanguageMode<LogTree, VmkLogRule> = {
  id: 'vmkernel-log',
  rules: RULES,
  parse,
  doValidation,
  doHover,
  getInlayHints,
  findDocumentSymbols,
  findReferences,
  findDocumentHighlights,
  prepare: (_doc, tree) => void indexOf(tree),
  quick,
};
