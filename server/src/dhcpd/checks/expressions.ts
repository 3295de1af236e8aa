/** Expressions (dhcp-eval(5)): parentheses, option references, boolean versus data. */
import { suggestionsFor } from '../../common/text';
import { Tk, type Token } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';

import type { Walker } from './walker';
import { low } from './words';
import { BUILTIN_SPACES, OPTIONS, OPTION_BY_NAME } from '../data/options';
import { DATA_FUNCTIONS } from '../data/expressions';

/** `option NAME`, `exists NAME` and `config-option NAME` inside an expression must name a known option. */
export function checkOptionRefs(g: Walker, ws: readonly Token[]): void {
  for (let k = 0; k + 1 < ws.length; k++) {
    const kw = low(ws[k]);
    if (kw !== 'option' && kw !== 'exists' && kw !== 'config-option') continue;
    const n = ws[k + 1]!;
    if (n.kind !== Tk.Word) continue;
    const raw = n.text;
    const dot = raw.indexOf('.');
    const space = dot > 0 ? raw.slice(0, dot).toLowerCase() : 'dhcp';
    const name = (dot > 0 ? raw.slice(dot + 1) : raw).toLowerCase();
    if (!BUILTIN_SPACES.includes(space) && !g.userSpaces.has(space)) {
      g.errTok(
        'dhcpd-unknown-option',
        n,
        `No option space named \`${space}\`: declare it with \`option space ${space};\` before using it.`,
      );
      continue;
    }
    const full = `${space}.${name}`;
    if (OPTION_BY_NAME.has(full) || g.userOptions.has(full)) continue;
    if (g.findings.pastCut('dhcpd-unknown-option', n.start)) continue;
    const names = OPTIONS.filter((o) => o.space === space).map((o) => o.name);
    const sugg = suggestionsFor(name, names, 3);
    g.errTok(
      'dhcpd-unknown-option',
      n,
      `No option named \`${name}\` in space \`${space}\`${sugg.length ? `; did you mean ${sugg.map((x) => `\`${x}\``).join(' or ')}?` : ' (define it earlier with `option NAME code N = TYPE;`).'}`,
      // the fix replaces the whole `space.name`: keep the space
      sugg.length ? { replace: sugg.map((x) => (dot > 0 ? `${raw.slice(0, dot)}.${x}` : x)) } : undefined,
    );
  }
}

/** Top-level tokens of an expression, without parentheses that wrap all of it. */
function topLevel(g: Walker, ws: readonly Token[]): Token[] {
  let xs = ws.slice();
  for (;;) {
    if (xs.length < 2 || xs[0]!.text !== '(' || xs[xs.length - 1]!.text !== ')') break;
    let d = 0,
      wraps = true;
    for (let k = 0; k < xs.length; k++) {
      if (xs[k]!.text === '(') d++;
      else if (xs[k]!.text === ')') d--;
      if (d === 0 && k < xs.length - 1) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    xs = xs.slice(1, -1);
  }
  const out: Token[] = [];
  let d = 0;
  for (const t of xs) {
    if (t.kind === Tk.Punct && t.text === '(') {
      if (d === 0) out.push(t);
      d++;
      continue;
    }
    if (t.kind === Tk.Punct && t.text === ')') {
      d--;
      continue;
    }
    if (d === 0) out.push(t);
  }
  return out;
}

/** `if`/`elsif`/`match if` need a boolean expression: a lone data term is rejected by dhcpd. */
export function checkBoolean(g: Walker, ws: readonly Token[]): void {
  if (!ws.length) return;
  const top = topLevel(g, ws);
  const first = top[0];
  if (!first) return;
  const f = low(first);
  const single = (n: number) => top.length === n;
  const isData =
    (first.kind === Tk.String && single(1)) ||
    (f === 'option' && single(2)) ||
    (f !== undefined && DATA_FUNCTIONS.has(f) && single(2) && top[1]!.text === '(');
  if (isData)
    g.err(
      'dhcpd-syntax',
      ws[0]!.start,
      ws[ws.length - 1]!.end,
      'Expected a boolean expression here (e.g. `exists NAME`, `A = B`, `known`): this is a data value. Compare it with `=` or test it with `exists`.',
    );
}

/** `match DATA;` and `spawn with DATA;` need a data expression, not a comparison. */
export function checkData(g: Walker, ws: readonly Token[]): void {
  const top = topLevel(g, ws);
  const op = top.find((t) => (t.kind === Tk.Punct && t.text === '=') || ['and', 'or'].includes(low(t) ?? ''));
  if (op)
    g.errTok(
      'dhcpd-syntax',
      op,
      'Expected a data expression here: a comparison is a boolean. Use `match if ...;` to test a condition.',
    );
}

/** Unbalanced parentheses in an expression. */
export function checkParens(g: Walker, s: Stmt, from: number): void {
  let depth = 0;
  let lastOpen: Token | undefined;
  for (let k = from; k < s.words.length; k++) {
    const t = s.words[k]!;
    if (t.kind !== Tk.Punct) continue;
    if (t.text === '(') {
      depth++;
      lastOpen = t;
    } else if (t.text === ')') {
      depth--;
      if (depth < 0) {
        g.errTok('dhcpd-syntax', t, 'Unexpected `)`: no `(` is open.');
        return;
      }
    }
  }
  if (depth > 0 && lastOpen) g.errTok('dhcpd-syntax', lastOpen, 'This `(` is never closed: add the matching `)`.');
}
