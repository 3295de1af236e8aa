/** The named.conf language mode (BIND 9.18). One file per feature; this file wires them. */
import type { LanguageMode } from '../service/types';
import { parseDocument, type NamedTree } from './parser';
import { doValidation, setLineLookup } from './validation';
import { RULES } from './rules';
import { doHover } from './hover';
import { doComplete, resolveCompletion } from './completion';
import { findDocumentSymbols, getFoldingRanges } from './symbols';
import { doRename, findDefinition, findReferences, prepareNavigation } from './references';
import { findDocumentLinks } from './links';
import { getCodeActions } from './codeActions';
import { namedQuick } from './quick';
import { positionAt } from '../common/text';

export const namedMode: LanguageMode<NamedTree> = {
  id: 'named',
  rules: RULES,
  parse: parseDocument,
  doValidation: (doc, tree, ctx) => {
    setLineLookup((o) => positionAt(doc, o).line);
    return doValidation(doc, tree, ctx);
  },
  prepare: (_doc, tree) => prepareNavigation(tree),
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
  quick: namedQuick,
};
