/**
 * ESX/ESXi logs (vmkernel.log, vmkwarning, hostd.log, ...; also VS Code's `log` language).
 *
 * Logs are big (ESXi rotates vmkernel.log at a few MB, but collected bundles run to 50 MB),
 * so this mode keeps no tree: `parse` is free, hover looks at the hovered line only and inlay
 * hints at the requested lines only. iSCSI names in logs are checked by the iSCSI text feature;
 * after an edit, only the edited lines are checked again.
 */
import type { LanguageMode } from '../service/types';
import { parse, type LogTree } from './parser';
import { doValidation } from './validation';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import { quick } from './quick';

export { decodeStatusCodeMarkdown } from './status';

export const vmkLogMode: LanguageMode<LogTree, never> = {
  id: 'vmkernel-log',
  rules: [],
  parse,
  doValidation,
  doHover,
  getInlayHints,
  quick,
};
