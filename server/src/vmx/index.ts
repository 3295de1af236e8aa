/** The VMware .vmx language mode: one file per feature, wired here. */
import type { LanguageMode } from '../service/types';
import { RULES, type VmxRuleId } from './rules';
import { parse, type VmxTree } from './parser';
import { doValidation } from './validation';
import { doHover } from './hover';
import { doComplete, resolveCompletion } from './completion';
import { findDocumentSymbols } from './symbols';
import { getCodeActions } from './codeActions';
import { getFoldingRanges } from './folding';
import { format } from './format';

export const vmxMode: LanguageMode<VmxTree, VmxRuleId> = {
  id: 'vmx',
  rules: RULES,
  parse,
  doValidation,
  doHover,
  doComplete,
  resolveCompletion,
  findDocumentSymbols,
  getCodeActions,
  getFoldingRanges,
  format,
};
