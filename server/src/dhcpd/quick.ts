/** What quick re-validation (service/quick.ts) needs from dhcpd.conf: statement spans and rule scopes. */
import type { QuickSupport, StatementSpan } from '../service/types';
import type { Stmt } from '../common/blocks';
import { Tk } from '../common/tokenizer';
import { parse, type DhcpdTree } from './parser';

const CHAIN = new Set(['if', 'elsif', 'else']);
const first = (s: Stmt | undefined) => {
  const w = s?.words[0];
  return w && w.kind === Tk.Word ? w.text.toLowerCase() : '';
};

/**
 * The statements around [start, end], outermost first. An `if`/`elsif`/`else` chain is one span
 * (an `elsif` means nothing without its `if`) and is not entered.
 */
function statementPath(tree: DhcpdTree, start: number, end: number): StatementSpan[] {
  const path: StatementSpan[] = [];
  let list: readonly Stmt[] = tree.blocks.stmts;
  for (;;) {
    const i = covering(list, start, end);
    if (i < 0) return path;
    const s = list[i]!;
    if (CHAIN.has(first(s))) {
      let a = i;
      while (a > 0 && first(list[a]) !== 'if' && CHAIN.has(first(list[a - 1]))) a--;
      let b = i;
      while (b + 1 < list.length && (first(list[b + 1]) === 'elsif' || first(list[b + 1]) === 'else')) b++;
      path.push({ start: list[a]!.start, end: list[b]!.end });
      return path;
    }
    const blk = s.block;
    const body = blk && blk.close ? { start: blk.open.end, end: blk.close.start } : undefined;
    path.push({ start: s.start, end: s.end, body });
    if (!body || start < body.start || end > body.end) return path;
    list = blk!.stmts;
  }
}

function covering(list: readonly Stmt[], start: number, end: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && end <= list[found]!.end ? found : -1;
}

const S = 'statement' as const;
const B = 'block' as const;

/**
 * Rules whose findings inside a statement come from it and the declarations around it
 * ('statement'), or also from the other statements of its block ('block'). Classes, keys,
 * failover peers, option definitions, overlaps and duplicates across hosts are whole-file matters.
 */
const ruleScope: Record<string, 'statement' | 'block'> = {
  'dhcpd-missing-semicolon': S,
  'dhcpd-unbalanced-brace': S,
  'dhcpd-stray-semicolon': S,
  'dhcpd-unterminated-string': S,
  'dhcpd-curly-quotes': S,
  'dhcpd-syntax': S,
  'dhcpd-unknown-statement': S,
  'dhcpd-unknown-identifier': S,
  'dhcpd-invalid-value': S,
  'dhcpd-mac-length': S,
  'dhcpd-not-allowed-here': S,
  'dhcpd-zone-statement': S,
  'dhcpd-key-incomplete': S,
  'dhcpd-subnet-mask-mismatch': S,
  'dhcpd-invalid-netmask': S,
  'dhcpd-range-outside-subnet': S,
  'dhcpd-range-reversed': S,
  'dhcpd-address-outside-subnet': S,
  'dhcpd-global-only': S,
  'dhcpd-zone-duplicate': B,
  'dhcpd-lease-time-order': B,
  'dhcpd-duplicate-parameter': B,
};

export const dhcpdQuick: QuickSupport<DhcpdTree> = {
  statementPath,
  ruleScope,
  parseFragment: (doc, whole, region) => {
    // option spaces and formats are used all over the file: a statement that defines one (before
    // or after the edit) is left to the full pass
    if (whole.definitions.some((d) => d.at >= region.start && d.at <= region.end)) return undefined;
    const tree = parse(doc.getText(), doc.uri, { family: whole.family, definitions: whole.definitions, before: region.start });
    return tree.definitions.length ? undefined : tree;
  },
};
