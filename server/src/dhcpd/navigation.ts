/** Go to definition and find references for keys (and zones by name). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Definition, Location, Position } from 'vscode-languageserver-types';
import { offsetAt, rangeOf } from '../common/text';
import type { DhcpdTree } from './parser';
import { keyNameAt } from './context';

export function findDefinition(doc: TextDocument, tree: DhcpdTree, pos: Position): Definition | null {
  const name = keyNameAt(tree, offsetAt(doc, pos));
  if (!name) return null;
  const defs = tree.keys.filter((k) => k.name === name);
  if (!defs.length) return null;
  return defs.map((k) => ({ uri: doc.uri, range: rangeOf(doc, k.nameTok.start, k.nameTok.end) }));
}

export function findReferences(doc: TextDocument, tree: DhcpdTree, pos: Position): Location[] {
  const name = keyNameAt(tree, offsetAt(doc, pos));
  if (!name) return [];
  const out: Location[] = [];
  for (const k of tree.keys)
    if (k.name === name) out.push({ uri: doc.uri, range: rangeOf(doc, k.nameTok.start, k.nameTok.end) });
  for (const r of tree.keyRefs)
    if (r.name === name) out.push({ uri: doc.uri, range: rangeOf(doc, r.tok.start, r.tok.end) });
  return out;
}
