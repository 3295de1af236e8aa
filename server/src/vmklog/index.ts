/**
 * ESX/ESXi logs (vmkernel.log, vmkwarning, hostd.log, ...; also VS Code's `log` language).
 *
 * Logs are big (ESXi rotates vmkernel.log at a few MB, but collected bundles run to 50 MB),
 * so this mode keeps no tree: `parse` is free, hover looks at the hovered line only and inlay
 * hints at the requested lines only. iSCSI names in logs are checked by the iSCSI text feature.
 */
import type { LanguageMode } from '../service/types';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';

export { decodeStatusCodeMarkdown } from './status';

export const vmkLogMode: LanguageMode<null> = {
  id: 'vmkernel-log',
  rules: [],
  parse: () => null,
  doValidation: () => [],
  doHover: (doc, _tree, pos) => doHover(doc, pos),
  getInlayHints: (doc, _tree, range, ctx) => getInlayHints(doc, range, ctx),
};
