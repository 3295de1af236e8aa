/** Shared lookups for hover, completion, definition: the token at a position and its role. */
import type { Token } from '../common/tokenizer';
import { Tk } from '../common/tokenizer';
import { statementPathAt, type Stmt } from '../common/blocks';
import type { DhcpdTree } from './parser';

export function tokenAt(tree: DhcpdTree, offset: number): Token | undefined {
  const toks = tree.blocks.tokens;
  let lo = 0, hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = toks[mid]!;
    if (t.end < offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return t.kind === Tk.Comment ? undefined : t;
  }
  return undefined;
}

export function stmtPath(tree: DhcpdTree, offset: number): Stmt[] {
  return statementPathAt(tree.blocks.stmts, offset);
}

export function nameOf(t: Token): string {
  return (t.kind === Tk.String ? t.value ?? '' : t.text).replace(/\.$/, '').toLowerCase();
}

/** The key name a token stands for: a key definition's name or a zone's `key NAME;`. */
export function keyNameAt(tree: DhcpdTree, offset: number): string | undefined {
  const t = tokenAt(tree, offset);
  if (!t) return undefined;
  const def = tree.keys.find((k) => k.nameTok === t);
  if (def) return def.name;
  const ref = tree.keyRefs.find((r) => r.tok === t);
  if (ref) return ref.name;
  return undefined;
}
