/** The VMware .vmx language mode: one file per feature, wired here. */
import type { LanguageMode } from '../service/types';
import { RULES } from './rules';
import { parseVmx, type VmxTree } from './parser';
import { validateVmx } from './validation';
import { doHover } from './hover';
import { doComplete, resolveCompletion } from './completion';
import { findDocumentSymbols } from './symbols';
import { getCodeActions } from './codeActions';
import { getFoldingRanges } from './folding';

export const vmxMode: LanguageMode<VmxTree> = {
  id: 'vmx',
  rules: RULES,
  parse: (doc) => parseVmx(doc.getText()),
  doValidation: validateVmx,
  doHover,
  doComplete,
  resolveCompletion,
  findDocumentSymbols,
  getCodeActions,
  getFoldingRanges,
};
