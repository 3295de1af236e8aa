/** Conditionals and executable statements: if/elsif/else, switch/case, on, set, match, spawn, add. */
import { Tk } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';
import type { Scope } from '../data/placement';

import type { StmtCheck, Walker } from './walker';
import { low } from './words';
import { ON_EVENTS } from '../data/keywords';
import { checkBoolean, checkData, checkOptionRefs, checkParens } from './expressions';
import { optionStmt } from './options';
import { statementNumber } from './literals';

function checkIf(g: Walker, s: Stmt, kw: string, scope: Scope, _owner: Stmt | null, prev: Stmt | undefined): void {
  const w = s.words;
  const first = w[0]!;
  if (kw !== 'if') {
    const pk = prev ? low(prev.words[0]) : undefined;
    if (!(pk === 'if' || pk === 'elsif' || (pk === 'else' && low(prev!.words[1]) === 'if'))) {
      g.errTok('dhcpd-syntax', first, `\`${kw}\` must follow the \`}\` of an \`if\` or \`elsif\` block.`);
    }
  }
  if (kw === 'else' && low(w[1]) === 'if') {
    /* `else if` is accepted as elsif */
  } else if (kw !== 'else' && w.length < 2) g.err('dhcpd-syntax', first.end, first.end, `\`${kw}\` needs a condition.`);
  else if (kw === 'else' && w.length > 1) g.errTok('dhcpd-syntax', w[1]!, 'Expected `{` after `else`.');
  if (!g.needBlock(s, kw)) return;
  checkParens(g, s, 1);
  if (kw !== 'else') checkBoolean(g, s.words.slice(1));
  checkOptionRefs(g, s.words.slice(1));
  g.walkList(s.block!.stmts, 'exec', s);
}

function checkSwitch(g: Walker, s: Stmt, kw: string): void {
  const w = s.words;
  if (!g.needBlock(s, kw)) return;
  checkParens(g, s, 1);
  checkOptionRefs(g, w.slice(1));
  walkSwitch(g, s);
}

function checkOn(g: Walker, s: Stmt): void {
  const w = s.words;
  const first = w[0]!;
  const ev = w[1];
  if (!ev || !ON_EVENTS.includes(ev.text.toLowerCase())) {
    g.err(
      'dhcpd-invalid-value',
      (ev ?? first).start,
      (ev ?? first).end,
      `Expected an event after \`on\`: ${ON_EVENTS.slice(0, 3).join(', ')}.`,
    );
  }
  if (!s.block) return;
  g.walkList(s.block.stmts, 'exec', s);
}

function checkExec(g: Walker, s: Stmt, kw: string): void {
  const w = s.words;
  if (s.block && kw === 'define') g.walkList(s.block.stmts, 'exec', s);
  checkParens(g, s, 1);
  checkOptionRefs(g, w.slice(1));
}

function checkAdd(g: Walker, s: Stmt): void {
  const w = s.words;
  const first = w[0]!;
  const c = w[1];
  if (!c || c.kind !== Tk.String)
    g.err('dhcpd-syntax', (c ?? first).start, (c ?? first).end, '`add` expects a class name in double quotes.');
  else if (!g.classes.has((c.value ?? '').toLowerCase()))
    g.errTok('dhcpd-undefined-class', c, `No class named \`${c.value}\` is declared before this statement.`);
}

function checkMatch(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  if (g.checkPlace(first, kw, scope)) {
    checkParens(g, s, 1);
    if (kw === 'match' && low(w[1]) === 'if') checkBoolean(g, w.slice(2));
    else checkData(g, w.slice(kw === 'spawn' && low(w[1]) === 'with' ? 2 : 1));
    checkOptionRefs(g, w.slice(1));
  }
}

function checkLease(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const first = s.words[0]!;
  g.checkPlace(first, kw, scope);
  statementNumber(g, s, kw);
}

function checkDefault(g: Walker, s: Stmt, kw: string, scope: Scope, owner: Stmt | null): void {
  const w = s.words;
  if (w[1] && w[1].text.startsWith(':')) return caseLabel(g, s, owner, 1);
  if (low(w[0]) === 'default' && w[0]!.text.endsWith(':')) return caseLabel(g, s, owner, 0);
  g.needSemi(s, kw);
  optionStmt(g, s, 1, scope, owner, false);
}

function checkDefaultColon(g: Walker, s: Stmt, _kw: string, _scope: Scope, owner: Stmt | null): void {
  return caseLabel(g, s, owner, 0);
}

function checkCase(g: Walker, s: Stmt, _kw: string, _scope: Scope, owner: Stmt | null): void {
  return caseLabel(g, s, owner, -1);
}

function caseLabel(g: Walker, s: Stmt, owner: Stmt | null, kind: number): void {
  const w = s.words;
  const first = w[0]!;
  if (!(owner && low(owner.words[0]) === 'switch')) {
    g.errTok(
      'dhcpd-not-allowed-here',
      first,
      `\`${low(first) === 'case' ? 'case' : 'default:'}\` is only allowed directly inside a \`switch\` block.`,
    );
    return;
  }
  // find the `:` that ends the label
  let colon = -1;
  for (let k = kind < 0 ? 1 : 0; k < w.length; k++) {
    if (w[k]!.text.endsWith(':') || w[k]!.text.startsWith(':')) {
      colon = k;
      break;
    }
  }
  if (colon < 0) {
    g.err('dhcpd-syntax', first.start, first.end, 'Expected `:` after the case label.');
    return;
  }
  let restIdx = colon + 1;
  const ct = w[colon]!;
  if (ct.text.startsWith(':') && ct.text.length > 1) restIdx = colon; // `:stmt` glued — rare
  const rest = w.slice(restIdx);
  if (rest.length) {
    const sub: Stmt = {
      words: rest,
      block: s.block,
      semi: s.semi,
      start: rest[0]!.start,
      end: s.end,
      parent: s.parent,
    };
    g.stmt(sub, 'exec', owner, undefined);
  } else if (s.block) g.walkList(s.block.stmts, 'exec', owner);
}

function walkSwitch(g: Walker, s: Stmt): void {
  g.params.enter(s);
  for (const c of s.block!.stmts) {
    if (g.logScopes) g.scopeOf.set(c, 'exec');
    const k = low(c.words[0]);
    const isLabel =
      k === 'case' || k === 'default:' || (k === 'default' && !!c.words[1] && c.words[1].text.startsWith(':'));
    if (isLabel) caseLabel(g, c, s, k === 'case' ? -1 : 0);
    else g.stmt(c, 'exec', s, undefined);
  }
  g.params.leave();
}

export const CONDITIONAL_CHECKS: Readonly<Record<string, StmtCheck>> = {
  if: checkIf,
  elsif: checkIf,
  else: checkIf,
  switch: checkSwitch,
  on: checkOn,
  set: checkExec,
  define: checkExec,
  unset: checkExec,
  eval: checkExec,
  execute: checkExec,
  return: checkExec,
  log: checkExec,
  break: checkExec,
  add: checkAdd,
  match: checkMatch,
  spawn: checkMatch,
  lease: checkLease,
  default: checkDefault,
  'default:': checkDefaultColon,
  case: checkCase,
};
