/** Folding: runs of consecutive lines of one device (or one key group), and blocks of comment lines. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import type { VmxTree } from './parser';
import { lookupKey } from './schema';

function groupOf(key: string): string {
  const d = lookupKey(key).shape.device;
  if (d) return key.slice(d.start, d.end).toLowerCase();
  const dot = key.indexOf('.', 1);
  return (dot > 0 ? key.slice(0, dot) : key).toLowerCase();
}

export function getFoldingRanges(_doc: TextDocument, tree: VmxTree, _ctx: ModeContext): FoldingRange[] {
  const out: FoldingRange[] = [];
  let runGroup = '';
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd });
  };
  const entries = tree.entries;
  const groups: Array<string | undefined> = []; // by key text number
  for (let i = 0; i < entries.length; i++) {
    const id = entries.keyId(i);
    const g = (groups[id] ??= groupOf(entries.keyTexts[id]!));
    const line = entries.line(i);
    if (g === runGroup && line === runEnd + 1) {
      runEnd = line;
      continue;
    }
    flush();
    runGroup = g;
    runStart = runEnd = line;
  }
  flush();
  // comment blocks
  let cs = -1;
  let ce = -1;
  for (const l of tree.commentLines) {
    if (l === ce + 1 && cs >= 0) ce = l;
    else {
      if (cs >= 0 && ce > cs) out.push({ startLine: cs, endLine: ce, kind: 'comment' });
      cs = ce = l;
    }
  }
  if (cs >= 0 && ce > cs) out.push({ startLine: cs, endLine: ce, kind: 'comment' });
  return out.sort((a, b) => a.startLine - b.startLine);
}
