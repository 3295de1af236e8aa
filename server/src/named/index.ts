/** The named.conf language mode (BIND 9.18). One file per feature; this file wires them. */
import type { LanguageMode } from '../service/types';
import { parse } from './parser';
import type { NamedTree } from './tree';
import { doValidation } from './validation';
import { RULES, type NamedRuleId } from './rules';
import { doHover } from './hover';
import { doComplete, resolveCompletion } from './completion';
import { findDocumentSymbols } from './symbols';
import { getFoldingRanges } from './folding';
import { doRename, findDefinition, findDocumentLinks, findReferences, prepareNavigation } from './navigation';
import { getCodeActions } from './codeActions';
import { quick } from './quick';
import { findLoads } from './loads';
import { ddnsFacts } from './ddns';
import { format, formatOnType, onTypeTriggers } from './format';

export const namedMode: LanguageMode<NamedTree, NamedRuleId> = {
  id: 'named',
  rules: RULES,
  parse,
  doValidation,
  loads: {
    daemon: 'named',
    find: findLoads,
    rules: { missing: 'named-include-missing', summary: 'named-include-summary' },
  },
  ddnsFacts,
  prepare: prepareNavigation,
  doHover,
  doComplete,
  resolveCompletion,
  findDocumentSymbols,
  getFoldingRanges,
  getCodeActions,
  findDefinition,
  findReferences,
  doRename,
  findDocumentLinks,
  quick,
  format,
  formatOnType,
  onTypeTriggers,
};
