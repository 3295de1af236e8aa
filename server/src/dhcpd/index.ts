/** ISC dhcpd.conf: the language mode. */
import type { LanguageMode } from '../service/types';
import { ddnsFacts } from './ddns';
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
import { format, formatOnType, onTypeTriggers } from './format';

export const dhcpdMode: LanguageMode<DhcpdTree, DhcpdRuleId> = {
  id: 'dhcpd',
  rules: RULES,
  parse,
  doValidation,
  ddnsFacts,
  loads: {
    daemon: 'dhcpd',
    find: (_doc, tree) => ({
      includes: tree.includes.map((i) => ({
        path: i.path,
        start: i.tok.start,
        end: i.tok.end,
        ...(i.scope === 'root' ? {} : { scope: i.scope }),
      })),
    }),
    rules: { missing: 'dhcpd-include-missing', summary: 'dhcpd-include-summary' },
  },
  doHover,
  doComplete,
  resolveCompletion,
  findDocumentSymbols,
  getFoldingRanges,
  findDefinition,
  findReferences,
  getCodeActions,
  quick,
  format,
  formatOnType,
  onTypeTriggers,
};
