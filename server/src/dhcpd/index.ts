/** ISC dhcpd.conf: the language mode. */
import type { LanguageMode } from '../service/types';
import { parse, type DhcpdTree } from './parser';
import { RULES, type DhcpdRuleId } from './rules';
import { doValidation } from './validation';
import { doHover } from './hover';
import { doComplete, resolveCompletion } from './completion';
import { findDocumentSymbols } from './symbols';
import { getFoldingRanges } from './folding';
import { findDefinition, findReferences } from './navigation';
import { getCodeActions } from './codeActions';
import { quick } from './quick';

export const dhcpdMode: LanguageMode<DhcpdTree, DhcpdRuleId> = {
  id: 'dhcpd',
  rules: RULES,
  parse,
  doValidation,
  doHover,
  doComplete,
  resolveCompletion,
  findDocumentSymbols,
  getFoldingRanges,
  findDefinition,
  findReferences,
  getCodeActions,
  quick,
};
