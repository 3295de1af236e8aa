/** Quick fixes: straighten curly quotes, did-you-mean replacements, insert a missing `;`. */
import { curlyQuoteActions } from '../common/quotes';
import type { DhcpdTree } from './parser';
import { actionsPerDiagnostic, fixesFromData, insertFix, removeFix } from '../common/fixes';
import type { Feature } from '../service/types';
import { RULES } from './rules';
import { ruleOf } from '../service/rules';

export const getCodeActions: Feature<DhcpdTree, 'getCodeActions'> = (doc, _tree, _range, context) =>
  actionsPerDiagnostic(context, (d) => {
    switch (ruleOf(RULES, d.code)) {
      case 'dhcpd-curly-quotes':
        return curlyQuoteActions(doc, d);
      case 'dhcpd-stray-semicolon':
        return [removeFix(doc, d, 'Remove `;`')];
      case 'dhcpd-missing-semicolon':
        return [insertFix(doc, d, ';', 'Insert `;`')];
      default:
        return fixesFromData(doc, d);
    }
  });
