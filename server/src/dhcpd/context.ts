/** What is at a position, shared by hover, completion and navigation: the token, the statement path, the key name. */
import type { Token } from '../common/tokenizer';
import { Tk } from '../common/tokenizer';
import { statementPathAt, type Stmt } from '../common/blocks';
import { tokenObject } from '../common/structure';
import type { DhcpdTree } from './parser';

/** The token at `offset` (a new object: compare tokens by position, not identity). */
export function tokenAt(tree: DhcpdTree, offset: number): Token | undefined {
  const t = tree.blocks.tokens;
  let lo = 0,
    hi = t.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.ends[mid]! < offset) lo = mid + 1;
    else if (t.starts[mid]! > offset) hi = mid - 1;
    else return t.kinds[mid] === Tk.Comment ? undefined : tokenObject(tree.blocks, mid);
  }
  return undefined;
}

export function stmtPath(tree: DhcpdTree, offset: number): Stmt[] {
  return statementPathAt(tree.blocks.stmts, offset);
}

export function nameOf(t: Token): string {
  return (t.kind === Tk.String ? (t.value ?? '') : t.text).replace(/\.$/, '').toLowerCase();
}

/** The key name a token stands for: a key definition's name or a zone's `key NAME;`. */
export function keyNameAt(tree: DhcpdTree, offset: number): string | undefined {
  const t = tokenAt(tree, offset);
  if (!t) return undefined;
  const def = tree.keys.find((k) => k.nameTok.start === t.start);
  if (def) return def.name;
  const ref = tree.keyRefs.find((r) => r.tok.start === t.start);
  if (ref) return ref.name;
  return undefined;
}
