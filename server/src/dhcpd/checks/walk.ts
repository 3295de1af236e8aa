/**
 * The walk over a dhcpd.conf block tree: every statement once, with the scope it is in (root,
 * subnet, host, class, the body of an `if`, ...), sent to the check of its first keyword. The
 * checks record what dhcpd rejects and what the file defines (the tree parser.ts returns).
 */
import { Tk } from '../../common/tokenizer';
import type { BlockTree, Stmt } from '../../common/blocks';
import { acceptedScopes, type Scope } from '../data/placement';
import type { ServerParamDef } from '../data/serverParams';
import type { ParseSeed } from '../tree';
import { Walker, type StmtCheck, type WalkerHooks } from './walker';
import { structure, structureFinding } from './structure';
import { DECLARATION_CHECKS } from './declarations';
import { OPTION_CHECKS } from './options';
import { CONDITIONAL_CHECKS } from './conditionals';
import { ZONE_KEY_FAILOVER_CHECKS, unusedFailoverPeers } from './zoneKeyFailover';
import { PARAMETER_CHECKS, serverParameter, unknownStatement } from './parameters';
import { PARAM_BY_NAME } from '../data/serverParams';
import { zoneStmt, keyStmt, failoverStmt } from './zoneKeyFailover';
import { low } from './words';

/** The check of each keyword that starts a statement, and where it may be (server parameters and unknown words aside). */
const CHECKS = new Map<string, { readonly check: StmtCheck; readonly place: number }>(
  Object.entries({
    ...DECLARATION_CHECKS,
    ...OPTION_CHECKS,
    ...CONDITIONAL_CHECKS,
    ...ZONE_KEY_FAILOVER_CHECKS,
    ...PARAMETER_CHECKS,
  }).map(([kw, check]) => [kw, { check, place: acceptedScopes(kw) }]),
);

/**
 * Walks the tree once; `family` undefined: found from the text. `seed`: definitions made before
 * a fragment (see quick.ts).
 */
export function walkFile(
  text: string,
  blocks: BlockTree,
  family: 4 | 6 | undefined,
  cut: boolean,
  logScopes: boolean,
  seed: ParseSeed | undefined,
  scope: Scope = 'root',
): Walker {
  const g = new Walker(text, blocks, family, cut, logScopes, hooks());
  if (seed) {
    for (const d of seed.definitions) {
      if (d.at >= seed.before) break;
      if (d.space !== undefined) g.userSpaces.add(d.space);
      if (d.class !== undefined) g.classes.add(d.class);
      if (d.option !== undefined) {
        g.userOptions.add(d.option);
        if (d.format) g.userFormats.set(d.option, d.format);
        else g.userFormats.delete(d.option);
      }
    }
  }
  structure(g);
  g.walkList(blocks.stmts, scope, null);
  unusedFailoverPeers(g);
  return g;
}

/** The statement walk of one Walker. */
function hooks(): WalkerHooks {
  /**
   * The last first word asked about, and its check and server parameter: a file often repeats
   * one statement line after line, and comparing with the word before costs less than a lookup
   * by a string's hash (made anew for each statement's word).
   */
  let lastKw = '';
  let lastCheck: { readonly check: StmtCheck; readonly place: number } | undefined;
  let lastParam: ServerParamDef | undefined | null = null;

  const stmt = (g: Walker, s: Stmt, scope: Scope, owner: Stmt | null, prev: Stmt | undefined): void => {
    const w = s.words;
    const first = w[0];
    if (!first) {
      // a `{` with nothing before it
      if (s.block) {
        g.err(
          'dhcpd-syntax',
          s.block.open.start,
          s.block.open.end,
          'A `{` block needs a declaration before it (e.g. `subnet ... {`, `host NAME {`).',
        );
        g.walkList(s.block.stmts, scope, owner);
      }
      return;
    }
    if (s.block && s.semi) {
      const k0 = low(first);
      if (k0 !== 'key' && !(k0 === 'option' && low(w[2]) === 'code')) {
        g.errTok(
          'dhcpd-stray-semicolon',
          s.semi,
          `dhcpd does not accept \`;\` after the \`}\` of ${k0 ? `a \`${k0}\` block` : 'a block'} (unlike named.conf): remove it.`,
        );
      }
    }
    if (scope === 'zone') return zoneStmt(g, s);
    if (scope === 'key') return keyStmt(g, s);
    if (scope === 'failover') return failoverStmt(g, s);
    if (first.kind !== Tk.Word) {
      const from = first.kind === Tk.Punct ? g.prevTokenEnd(first.start) : first.start;
      g.err(
        'dhcpd-syntax',
        from,
        first.end,
        `Expected a statement or declaration, found ${first.kind === Tk.String ? 'a string' : `\`${first.text}\``}.`,
      );
      if (s.block) g.walkList(s.block.stmts, scope, owner);
      return;
    }
    const kw = first.text.toLowerCase();
    if (kw !== lastKw) {
      lastKw = kw;
      lastCheck = CHECKS.get(kw);
      lastParam = null;
    }
    if (lastCheck) {
      const outer = g.place;
      g.place = lastCheck.place;
      lastCheck.check(g, s, kw, scope, owner, prev);
      g.place = outer;
      return;
    }
    if (lastParam === null) lastParam = PARAM_BY_NAME.get(kw);
    if (lastParam) return serverParameter(g, s, kw, lastParam, owner);
    unknownStatement(g, s, scope, owner);
  };
  return { stmt, structureFinding };
}
