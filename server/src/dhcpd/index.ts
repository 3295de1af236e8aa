/** ISC dhcpd.conf: the language mode. */
import type { LanguageMode } from '../service/types';
import { parse, type DhcpdTree } from './parser';
import { RULES } from './rules';
import { validate } from './validation';
import { hover } from './hover';
import { complete, resolveCompletion } from './completion';
import { documentSymbols, foldingRanges } from './symbols';
import { definition, references } from './definition';
import { codeActions } from './codeActions';
import { dhcpdQuick } from './quick';

export const dhcpdMode: LanguageMode<DhcpdTree> = {
  id: 'dhcpd',
  rules: RULES,
  parse: (doc) => parse(doc.getText(), doc.uri),
  doValidation: (doc, tree, ctx) => validate(doc, tree, ctx),
  doHover: (doc, tree, pos) => hover(doc, tree, pos),
  doComplete: (doc, tree, pos) => complete(doc, tree, pos),
  resolveCompletion: (item) => resolveCompletion(item),
  findDocumentSymbols: (doc, tree) => documentSymbols(doc, tree),
  getFoldingRanges: (doc, tree) => foldingRanges(doc, tree),
  findDefinition: (doc, tree, pos) => definition(doc, tree, pos),
  findReferences: (doc, tree, pos) => references(doc, tree, pos),
  getCodeActions: (doc, tree, _range, context) => codeActions(doc, tree, context),
  quick: dhcpdQuick,
};
