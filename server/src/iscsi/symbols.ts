/** The outline of initiatorname.iscsi: one symbol per known key with a value. */
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { positionAt } from '../common/text';
import { INITIATOR_KEYS } from './data/initiatorKeys';
import type { InitiatorTree } from './parser';

export function findDocumentSymbols(doc: TextDocument, tree: InitiatorTree, _ctx: ModeContext): DocumentSymbol[] {
  return tree.lines
    .filter((l) => Object.hasOwn(INITIATOR_KEYS, l.key) && l.value)
    .map((l) => {
      const range = { start: positionAt(doc, l.offset), end: positionAt(doc, l.offset + l.raw.length) };
      return { name: l.key, detail: l.value, kind: 7 /* Property */, range, selectionRange: range };
    });
}
