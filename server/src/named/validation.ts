/**
 * Diagnostics: structure (from the block layer), each clause against the grammar tables
 * (checks/clauses.ts), then the checks BIND makes after parsing (its check.c), by statement
 * family under checks/. The order of the passes is the order of the findings.
 */
import { checkAclLoops } from './checks/aclLoops';
import { checkByVersion } from './checks/versionChecks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import type { StructureError, StructureRules } from '../common/structure';
import { orList, positionAt, rangeOf } from '../common/text';
import type { NamedTree } from './tree';
import type { ContextId } from './data/types';
import { CONTEXT_OF_BLOCK } from './grammar';
import type { NamedRuleId } from './rules';
import { NamedReporter } from './checks/reporter';
import { bindVersionOf, versionDirective } from './version';
import { BIND_VERSIONS } from '../service/types';
import { checkClauses, checkCurlyQuotes, checkOnceAcrossTree } from './checks/clauses';
import { fileFacts } from './checks/facts';
import { checkDefinitions, checkReferences, checkTlsAndHttp } from './checks/definitions';
import { checkCategories, checkChannels } from './checks/logging';
import { checkCheckNames, checkRateLimitSizes, checkValues } from './checks/options';
import { checkTrustAnchors } from './checks/dnssec';
import { checkZones } from './checks/zones';
import { checkPolicies } from './checks/kasp';
import { ddnsProblems } from '../common/ddns';

const STRUCTURE_RULE = {
  'missing-semicolon': 'named-missing-semicolon',
  'missing-semicolon-after-block': 'named-missing-semicolon',
  'empty-statement': 'named-missing-semicolon',
  'unclosed-brace': 'named-unbalanced-braces',
  'unexpected-close-brace': 'named-unbalanced-braces',
  'unterminated-string': 'named-unterminated-string',
  'unterminated-comment': 'named-unterminated-comment',
  'too-deep': 'named-too-deep',
} as const satisfies Required<Omit<StructureRules<NamedRuleId>, 'curly-quoted'>>;

export function doValidation(doc: TextDocument, tree: NamedTree, ctx: ModeContext): Finding<NamedRuleId>[] {
  // offsets first, ranges at the end: a rule may fire 100,000 times, and past
  // MAX_FINDINGS_PER_RULE + 1 of them (by position) the facade lists no more
  const rep = new NamedReporter(
    tree.text,
    (o) => positionAt(doc, o).line,
    bindVersionOf(tree.text, ctx.settings, ctx.tree),
  );
  const directive = versionDirective(tree.text);
  if (directive && !directive.version)
    rep.add(
      'named-version-directive',
      directive.start,
      directive.end,
      `\`infra-lsp: bind ${directive.text}\` names no BIND version we check as, so this file is checked as ${rep.version} (the setting): write ${orList([...BIND_VERSIONS])}.`,
      { replace: [rep.version] },
    );
  const curly: StructureError[] = [];
  for (const e of tree.structure) {
    // curly quotes after the clauses: whether named-checkconf fails on them depends on where they are
    if (e.problem === 'curly-quoted') {
      curly.push(e);
      continue;
    }
    const rule = STRUCTURE_RULE[e.problem];
    // the message is written when read (see missingSemicolon): not for one past the cut
    if (!rep.wants(rule, e.start)) continue;
    rep.add(
      rule,
      e.start,
      e.end,
      e.message,
      e.problem === 'missing-semicolon' || e.problem === 'missing-semicolon-after-block' ? { insert: ';' } : undefined,
    );
  }
  // a file included inside a block (`view "x" { include "zones.conf"; };`) holds that block's statements
  const scope = ctx.tree?.scope;
  checkClauses(tree.clauses, scope && scope in CONTEXT_OF_BLOCK ? (scope as ContextId) : 'top', undefined, rep);
  checkOnceAcrossTree(tree, ctx, rep);
  if (!ctx.token?.isCancellationRequested) {
    const f = fileFacts(doc, tree, ctx);
    checkDefinitions(f, rep);
    checkReferences(f, rep);
    checkAclLoops(f, rep);
    checkChannels(f, rep);
    checkCategories(f, rep);
    checkValues(f, rep);
    checkByVersion(f, rep);
    checkRateLimitSizes(f, rep);
    checkCheckNames(f, rep);
    checkTlsAndHttp(f, rep);
    checkTrustAnchors(f, rep);
    checkZones(f, rep);
    checkPolicies(f, rep);
  }
  // those the checks did not report where BIND needs something else than a name
  for (const e of curly) checkCurlyQuotes(tree.text, e, rep);
  // dynamic DNS: what dhcpd.conf files of the workspace send to this file's zones
  const dhcpd = ctx.ddns?.('dhcpd') ?? [];
  if (dhcpd.some((f) => f.facts.zones.length))
    for (const p of ddnsProblems(dhcpd, ctx.ddns!('named')))
      if (p.uri === doc.uri) rep.add('named-ddns-mismatch', p.start, p.end, p.message);
  for (const z of ctx.tree?.zoneFiles ?? []) {
    if (z.problem !== 'missing' && z.problem !== 'not-a-file') continue;
    const opens = z.daemonPath === z.site.path ? '' : ` (named opens \`${z.daemonPath}\`)`;
    const what = z.problem === 'missing' ? 'does not exist' : 'is not a regular file';
    rep.add(
      'named-zone-file-missing',
      z.site.start,
      z.site.end,
      `Zone \`${z.site.origin.replace(/(.)\.$/, '$1')}\`: its file \`${z.site.path}\` ${what}${opens}: named would fail to load this zone. Create it, or correct the path (relative paths are read from the \`directory\` of options).`,
    );
  }
  return rep
    .result()
    .map((f) => ({ rule: f.rule, range: rangeOf(doc, f.start, f.end), message: f.message, data: f.data }));
}
