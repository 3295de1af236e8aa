/** Quick fixes: straighten curly quotes, insert a missing `;`, replace a misspelt statement. */
import type { Feature } from '../service/types';
import type { NamedTree } from './tree';
import { curlyQuoteActions } from '../common/quotes';
import { actionsPerDiagnostic, fixesFromData, insertFix } from '../common/fixes';
import { RULES } from './rules';
import { ruleOf } from '../service/rules';

export const getCodeActions: Feature<NamedTree, 'getCodeActions'> = (doc, _tree, _range, context) =>
  actionsPerDiagnostic(context, (d) => {
    switch (ruleOf(RULES, d.code)) {
      case 'named-curly-quotes':
      case 'named-curly-quotes-in-name':
        return curlyQuoteActions(doc, d);
      case 'named-missing-semicolon':
        return [insertFix(doc, d, ';', 'Insert `;`')];
      case 'named-invalid-value':
      case 'named-version-directive':
      case 'named-removed-statement':
      case 'named-deprecated-statement':
      case 'named-obsolete-statement':
        // the successor, then removing the statement
        return fixesFromData(doc, d);
      case 'named-unknown-statement':
        // did-you-mean replacements, none preferred over another
        return fixesFromData(doc, d, { preferred: () => false });
      default:
        return [];
    }
  });
