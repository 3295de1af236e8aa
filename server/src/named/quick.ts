/** What quick re-validation (service/quick.ts) needs from named.conf: statement spans and rule scopes. */
import type { QuickSupport, StatementSpan } from '../service/types';
import type { BlockItem, Clause, NamedTree } from './parser';
import { RULES } from './rules';

/** The clauses around [start, end], outermost first; a clause is entered only through its one block. */
function statementPath(tree: NamedTree, start: number, end: number): StatementSpan[] {
  const path: StatementSpan[] = [];
  let list: readonly Clause[] = tree.clauses;
  for (;;) {
    const c = covering(list, start, end);
    if (!c) return path;
    let only: BlockItem | undefined;
    let blocks = 0;
    for (const it of c.items) {
      if (it.kind === 'block') {
        blocks++;
        only = it;
      }
    }
    const close = only?.block.close;
    const body = blocks === 1 && only && close ? { start: only.block.open.end, end: close.start } : undefined;
    path.push({ start: c.start, end: c.end, body });
    if (!body || start < body.start || end > body.end) return path;
    list = only!.clauses;
  }
}

/** The clause whose span holds [start, end] (ends touching), by binary search on the ordered list. */
function covering(list: readonly Clause[], start: number, end: number): Clause | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: Clause | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= start) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && end <= found.end ? found : undefined;
}

const S = 'statement' as const;
const B = 'block' as const;

/**
 * Rules whose findings inside a clause come from that clause and its context alone ('statement'),
 * or also from its sibling clauses ('block'). Definitions, references, duplicate zones, options
 * inherited from views and options, and included files are whole-file matters.
 */
const ruleScope: Record<string, 'statement' | 'block'> = {
  [RULES.missingSemicolon.id]: S,
  [RULES.braces.id]: S,
  [RULES.unterminatedString.id]: S,
  [RULES.unterminatedComment.id]: S,
  [RULES.curlyQuotes.id]: S,
  [RULES.tooDeep.id]: S,
  [RULES.unknownStatement.id]: S,
  [RULES.wrongContext.id]: S,
  [RULES.removed.id]: S,
  [RULES.deprecated.id]: S,
  [RULES.obsolete.id]: S,
  [RULES.syntax.id]: S,
  [RULES.outOfRange.id]: S,
  [RULES.reservedName.id]: S,
  [RULES.channelDestination.id]: S,
  [RULES.updatePolicy.id]: S,
  [RULES.zoneMissingType.id]: S,
  [RULES.zoneMissingFile.id]: S,
  [RULES.zoneMissingPrimaries.id]: S,
  [RULES.zoneType.id]: B,
  [RULES.duplicate.id]: B,
};

export const namedQuick: QuickSupport<NamedTree> = { statementPath, ruleScope };
