/** What quick re-validation (service/quick.ts) needs from named.conf: statement spans and rule scopes. */
import type { QuickSupport, StatementSpan } from '../service/types';
import { lastStartingAtOrBefore } from '../common/search';
import type { BlockItem, Clause, NamedTree } from './tree';
import { DEFINITION_STATEMENTS } from './data/names';

/**
 * The clauses around [start, end], outermost first; a clause is entered only through its one
 * block. An edit between two clauses (a new statement being typed) ends the path with the gap
 * and the clause after it, unless a clause around it is still open (no `;`): the edit could
 * join it.
 */
function statementPath(tree: NamedTree, start: number, end: number): StatementSpan[] {
  const path = walk(tree, start, end);
  // an edit inside a definition (acl, key, primaries, ...) changes what other statements mean
  const top = path[0] && tree.clauses[lastStartingAtOrBefore(tree.clauses, path[0].start)];
  return top && top.start === path[0]!.start && isDefinition(top.name) ? [] : path;
}

/** Top-level statements that define a name other statements refer to (views and zones are entered, not edited as a whole). */
function isDefinition(name: string): boolean {
  const d = DEFINITION_STATEMENTS[name];
  return d !== undefined && !d.entered;
}

function walk(tree: NamedTree, start: number, end: number): StatementSpan[] {
  const path: StatementSpan[] = [];
  let list: readonly Clause[] = tree.clauses;
  let from = 0;
  let to = tree.text.length;
  for (;;) {
    const i = lastStartingAtOrBefore(list, start);
    // an edit right after a clause's `;` or `}` is in the gap after it
    const c = i >= 0 && end <= list[i]!.end && start < list[i]!.end ? list[i] : undefined;
    if (!c) {
      const prev = list[i];
      const next = list[i + 1];
      // the span runs on over the next clause: what is typed may not have its `;` yet and join it
      const gap = { start: prev ? prev.end : from, end: next ? next.end : to };
      if ((!prev || prev.semi) && (!next || next.semi) && start >= gap.start && end < (next ? next.start : to))
        path.push(gap);
      return path;
    }
    let only: BlockItem | undefined;
    let blocks = 0;
    for (const it of c.items) {
      if (it.kind === 'block') {
        blocks++;
        only = it;
      }
    }
    const body = blocks === 1 && only && only.closed ? { start: only.start + 1, end: only.end - 1 } : undefined;
    // a clause without its `;` is no unit (the edit could join it to the next): its block is
    if (!c.semi) return path;
    path.push({ start: c.start, end: c.end, body });
    if (!body || start < body.start || end > body.end) return path;
    list = only!.clauses;
    from = body.start;
    to = body.end;
  }
}

export const quick: QuickSupport<NamedTree> = { statementPath };
