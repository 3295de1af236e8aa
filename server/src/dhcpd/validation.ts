/** Diagnostics for dhcpd.conf: grammar findings, key/zone references, networks, parameters. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FINDINGS_PER_RULE, type Finding, type ModeContext } from '../service/types';
import { lineIndex, rangeOf } from '../common/text';
import { parseText, type DhcpdTree } from './parser';
import type { Scope } from './data/placement';
import type { DhcpdRuleId } from './rules';
import { FindingRows, SEMI, TAKEN_BACK, type RowOrder } from './findings';
import { networkFindings } from './checks/networks';
import { keyFindings } from './checks/zoneKeyFailover';
import { paramFindings } from './checks/parameters';
import { ddnsProblems } from '../common/ddns';

const SCOPES: ReadonlySet<string> = new Set<Scope>([
  'shared-network',
  'subnet',
  'subnet6',
  'group',
  'pool',
  'pool6',
  'host',
  'class',
]);
const isScope = (s: string): s is Scope => SCOPES.has(s);

export function doValidation(doc: TextDocument, whole: DhcpdTree, ctx: ModeContext): Finding<DhcpdRuleId>[] {
  // a file included inside a block (`subnet … { include "pools.conf"; }`) holds that block's statements
  const scope = ctx.tree?.scope;
  const tree = scope && isScope(scope) ? parseText(doc.getText(), doc.uri, undefined, true, scope) : whole;
  let grammar = tree.findings;
  let order = grammar.sortedRows();
  let out = listFindings(doc, grammar, order, checkFindings(doc, tree, ctx, grammar, order, true));
  if (out instanceof FindingRows) {
    // a finding to list was made without its message (FindingRows was sure of too much, which
    // is rare): make them again, all with their messages
    if (out === grammar && grammar.uncut) {
      grammar = grammar.uncut();
      order = grammar.sortedRows();
    }
    out = listFindings(doc, grammar, order, checkFindings(doc, tree, ctx, grammar, order, false));
  }
  // every finding made again has its message: an array
  return out instanceof FindingRows ? [] : out;
}

/** The findings of the checks here (keys, networks, parameters), after the parser's (`grammar`). */
function checkFindings(
  doc: TextDocument,
  tree: DhcpdTree,
  ctx: ModeContext,
  grammar: FindingRows,
  order: RowOrder,
  cut: boolean,
): FindingRows {
  const out = new FindingRows({ inOrder: false, cut, hiddenAt: (start, semi) => grammar.hasAt(order, start, semi) });
  // line numbers for messages: one table for both
  const lineOf = lineIndex(tree.text);
  keyFindings(doc, tree, ctx, out);
  networkFindings(tree, out, lineOf);
  paramFindings(tree, out, lineOf);
  // dynamic DNS: whether the workspace's named.conf takes this file's updates
  if ((tree.zones.length || tree.keys.length) && ctx.ddns)
    for (const p of ddnsProblems(ctx.ddns('dhcpd'), ctx.ddns('named')))
      if (p.uri === doc.uri) out.add('dhcpd-ddns-mismatch', p.start, p.end, p.message);
  return out;
}

/**
 * The findings to list: the parser's, then the checks' (in that order at one offset), by
 * position. One error per token: the first finding that starts at an offset (and the first
 * missing `;` there); and no more than MAX_FINDINGS_PER_RULE + 1 of a rule, past which the facade
 * lists none. Or the rows that lack the message of a finding to list.
 */
function listFindings(
  doc: TextDocument,
  grammar: FindingRows,
  order: RowOrder,
  checks: FindingRows,
): Finding<DhcpdRuleId>[] | FindingRows {
  const out: Finding<DhcpdRuleId>[] = [];
  const other = checks.sortedRows();
  const listed = new Int32Array(256);
  // rules that may still list a finding: when none is left, the rest of the rows do not matter
  let open = 0;
  for (let r = 0; r < 255; r++) if (grammar.rowsOf(r) + checks.rowsOf(r) > 0) open++;
  const a = order.rows,
    b = other.rows;
  let at = -1;
  let semiSeen = false;
  let otherSeen = false;
  for (let i = 0, j = 0; (i < order.length || j < other.length) && open > 0;) {
    const gi = i < order.length ? (a ? a[i]! : i) : -1;
    const cj = j < other.length ? (b ? b[j]! : j) : -1;
    const fromGrammar = cj < 0 || (gi >= 0 && grammar.startOf(gi) <= checks.startOf(cj));
    const rows = fromGrammar ? grammar : checks;
    const row = fromGrammar ? gi : cj;
    if (fromGrammar) i++;
    else j++;
    const r = rows.ruleOf(row);
    if (r === TAKEN_BACK) continue;
    const start = rows.startOf(row);
    if (start !== at) {
      at = start;
      semiSeen = otherSeen = false;
    }
    const semi = r === SEMI;
    if (semi ? semiSeen : otherSeen) continue;
    if (semi) semiSeen = true;
    else otherSeen = true;
    const n = ++listed[r]!;
    if (n > MAX_FINDINGS_PER_RULE + 1) continue;
    if (n === MAX_FINDINGS_PER_RULE + 1) open--;
    const f = rows.findingOf(row);
    if (!f) return rows;
    out.push({
      rule: f.rule,
      range: rangeOf(doc, f.start, f.end),
      message: f.message,
      data: f.data,
      related: f.relatedAt
        ? [
            {
              location: { uri: doc.uri, range: rangeOf(doc, f.relatedAt.start, f.relatedAt.end) },
              message: f.relatedAt.message,
            },
          ]
        : undefined,
    });
  }
  return out;
}
