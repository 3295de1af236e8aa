/** Where the cursor is: the clause path and the context the cursor's statement lives in. */
import { clauseName, type Clause, type NamedTree, type WordItem } from './tree';
import type { ContextId } from './data/types';
import { lastStartingAtOrBefore } from '../common/search';
import { innerContext } from './parser';

export interface Spot {
  /** Clauses from the outermost to the innermost containing the offset. */
  readonly path: Clause[];
  /** The word under the offset, if any. */
  readonly word?: WordItem;
  /** The context of statements at the offset (the innermost open block). */
  readonly ctx: ContextId | 'list';
  /** The clause whose block holds the offset (the block's owner). */
  readonly owner?: Clause;
}

export function spotAt(tree: NamedTree, offset: number): Spot {
  const path: Clause[] = [];
  let list: readonly Clause[] = tree.clauses;
  let ctx: ContextId | 'list' = 'top';
  let owner: Clause | undefined;
  let word: WordItem | undefined;
  for (let depth = 0; depth < 80; depth++) {
    // siblings are in order and do not overlap: only the last one starting at or before the
    // offset, or the one before it (when the offset is where one ends and the next begins), can hold it
    const i = lastStartingAtOrBefore(list, offset);
    const holds = (x: Clause | undefined) => !!x && (offset <= x.end || (!x.semi && x === list[list.length - 1]));
    const c = holds(list[i - 1]) ? list[i - 1] : holds(list[i]) ? list[i] : undefined;
    if (!c) break;
    path.push(c);
    let inner: readonly Clause[] | undefined;
    for (const it of c.items) {
      if (it.kind === 'word' && it.start <= offset && offset <= it.end) word = it;
      if (it.kind === 'block' && it.start < offset && (offset < it.end || !it.closed)) {
        inner = it.clauses;
        owner = c;
        ctx = it.clauses[0]?.ctx ?? innerCtxGuess(c);
      }
    }
    if (!inner) break;
    word = undefined;
    list = inner;
  }
  return { path, word, ctx, owner };
}

function innerCtxGuess(c: Clause): ContextId | 'list' {
  return innerContext(c.ctx, clauseName(c)) ?? 'list';
}
