/** Option statements (option, send, supersede, prepend, append, default), option definitions and spaces. */
import { suggestionsFor } from '../../common/text';
import { Tk, type Token } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';
import type { Scope } from '../data/placement';

import type { StmtCheck, Walker } from './walker';
import { clip, low } from './words';
import { BUILTIN_SPACES, OPTIONS, OPTION_BY_NAME, OPTION_TYPE_FORMATS } from '../data/options';
import { isInteger } from '../values';
import { parseIPv4 } from '../../common/ip';
import { valueByFormat } from './valueFormats';
import { optionName } from './words';

function checkOption(g: Walker, s: Stmt, kw: string, scope: Scope, owner: Stmt | null): void {
  const w = s.words;
  if (low(w[2]) !== 'code') g.needSemi(s, kw);
  optionStmt(g, s, 1, scope, owner, true);
}

function checkSend(g: Walker, s: Stmt, kw: string, scope: Scope, owner: Stmt | null): void {
  g.needSemi(s, kw);
  optionStmt(g, s, 1, scope, owner, false);
}

export function optionStmt(g: Walker, s: Stmt, i: number, scope: Scope, owner: Stmt | null, isOption: boolean): void {
  const w = s.words;
  const nameTok = w[i];
  const kw = w[0]!.text.toLowerCase();
  if (!nameTok || nameTok.kind !== Tk.Word) {
    g.err('dhcpd-syntax', (nameTok ?? w[0]!).start, (nameTok ?? w[0]!).end, `\`${kw}\` needs an option name.`);
    return;
  }
  const raw = nameTok.text;
  if (isOption && raw.length === 5 && raw.toLowerCase() === 'space') {
    if (scope !== 'root')
      g.errTok(
        'dhcpd-not-allowed-here',
        w[0]!,
        'Option space definitions may not be scoped: put `option space` at the top level.',
      );
    optionSpace(g, s, i + 1);
    return;
  }
  const { space, name, full, param, dot } = optionName(raw, g.optionNames);
  const code = w[i + 1];
  if (isOption && low(code) === 'code') {
    if (scope !== 'root')
      g.errTok(
        'dhcpd-not-allowed-here',
        w[0]!,
        'Option definitions may not be scoped: put `option NAME code N = TYPE;` at the top level.',
      );
    if (!BUILTIN_SPACES.includes(space) && !g.userSpaces.has(space)) {
      g.errTok(
        'dhcpd-unknown-option',
        nameTok,
        `No option space named \`${space}\`: declare it first with \`option space ${space};\`.`,
      );
    }
    g.userOptions.add(full);
    const f = optionDefinition(g, s, i + 2);
    if (f) g.userFormats.set(full, f);
    else g.userFormats.delete(full);
    g.definitions.push({ at: s.start, option: full, format: f });
    return;
  }
  if (!BUILTIN_SPACES.includes(space) && !g.userSpaces.has(space)) {
    if (g.findings.pastCut('dhcpd-unknown-option', nameTok.start)) return;
    const sugg = suggestionsFor(space, [...BUILTIN_SPACES, ...g.userSpaces], 1);
    g.errTok(
      'dhcpd-unknown-option',
      nameTok,
      `No option space named \`${space}\`${sugg.length ? `; did you mean \`${sugg[0]}\`?` : ': declare it with `option space NAME;`.'}`,
      sugg.length ? { replace: [`${sugg[0]}.${raw.slice(dot + 1)}`] } : undefined,
    );
    return;
  }
  const def = OPTION_BY_NAME.get(full);
  if (!def && !g.userOptions.has(full)) {
    if (g.findings.pastCut('dhcpd-unknown-option', nameTok.start)) return;
    const names = OPTIONS.filter((o) => o.space === space).map((o) => o.name);
    for (const u of g.userOptions) if (u.startsWith(space + '.')) names.push(u.slice(space.length + 1));
    const sugg = suggestionsFor(name, names, 3);
    g.errTok(
      'dhcpd-unknown-option',
      nameTok,
      `Unknown option \`${clip(raw)}\`${sugg.length ? `; did you mean ${sugg.map((x) => `\`${x}\``).join(' or ')}?` : ' (define it first with `option NAME code N = TYPE;`).'}`,
      // the fix replaces the whole `space.name`: keep the space
      sugg.length ? { replace: sugg.map((x) => (dot > 0 ? `${raw.slice(0, dot)}.${x}` : x)) } : undefined,
    );
    return;
  }
  g.addParam(owner, param, s, w[i + 1]);
  if (def && space === 'dhcp' && g.curSubnet && (name === 'routers' || name === 'broadcast-address')) {
    for (const a of w.slice(i + 1)) {
      const v = a.kind === Tk.Word ? parseIPv4(a.text) : undefined;
      if (v !== undefined) g.curSubnet.addrs.push({ what: name, value: v, tok: a });
    }
  }
  if (def && !g.userOptions.has(full)) valueByFormat(g, s, i + 1, def.format, raw);
  else if (g.userFormats.has(full)) valueByFormat(g, s, i + 1, g.userFormats.get(full)!, raw);
}

function optionSpace(g: Walker, s: Stmt, i: number): void {
  const w = s.words;
  const name = w[i];
  if (!name || name.kind !== Tk.Word) {
    g.err('dhcpd-syntax', (name ?? w[0]!).start, (name ?? w[0]!).end, '`option space` needs a name.');
    return;
  }
  g.userSpaces.add(name.text.toLowerCase());
  g.definitions.push({ at: s.start, space: name.text.toLowerCase() });
  for (let k = i + 1; k < w.length; k++) {
    const t = low(w[k]);
    if ((t === 'code' || t === 'length') && low(w[k + 1]) === 'width') {
      const n = w[k + 2];
      const ok = t === 'code' ? ['1', '2', '4'] : ['1', '2'];
      if (!n || !ok.includes(n.text))
        g.errTok('dhcpd-invalid-value', n ?? w[k + 1]!, `The ${t} width must be ${ok.join(', ')}.`);
      k += 2;
    } else if (t === 'hash' && low(w[k + 1]) === 'size') {
      k += 2;
    } else {
      g.missingSemi(w[k - 1]!, `\`${clip(w[k]!.text)}\` follows`);
      return;
    }
  }
}

/** `= TYPE` of `option NAME code N = TYPE;`. Returns the ISC format of simple types. */
function optionDefinition(g: Walker, s: Stmt, i: number): string | undefined {
  const w = s.words;
  const num = w[i];
  if (!num || !isInteger(num.text)) {
    g.err(
      'dhcpd-syntax',
      (num ?? w[i - 1]!).start,
      (num ?? w[i - 1]!).end,
      'Expected the option code number after `code`.',
    );
    return;
  }
  if (!(w[i + 1]?.text === '=')) {
    g.err('dhcpd-syntax', num.end, num.end, 'Expected `=` and a type after the option code, e.g. `= text`.');
    return;
  }
  // a record type `{ a, b }` opens a block (see recordType); the plain forms are read here
  if (s.block) {
    recordType(g, s.block);
    return;
  }
  const reader = new TypeReader(g, w, i + 2);
  let k = reader.k;
  if (k >= w.length) {
    g.err('dhcpd-syntax', w[k - 1]!.end, w[k - 1]!.end, 'Expected a type after `=`.');
    return;
  }
  const typeStart = k;
  const r = reader.one(false, false);
  k = reader.k;
  if (r === 'fail') return;
  if (k < w.length) {
    g.missingSemi(w[k - 1]!, `\`${clip(w[k]!.text)}\` follows`);
    return;
  }
  return simpleFormat(w.slice(typeStart).map((x) => x.text.toLowerCase()));
}

/**
 * `option foo code 1 = { ip-address, text };`: the block layer never gives a `{` inside a
 * statement's words, so a record type opens a block whose one statement holds the fields.
 */
function recordType(g: Walker, block: NonNullable<Stmt['block']>): void {
  const kids = block.stmts;
  const inner = kids.at(0);
  if (inner && (inner.semi || kids.length > 1)) {
    const at = inner.semi ?? kids.at(1)!.words[0] ?? block.open;
    g.errTok('dhcpd-syntax', at, 'Expected `}` to close the record type, e.g. `= { boolean, unsigned integer 8 };`.');
    return;
  }
  const nested = kids.find((c) => !!c.block);
  if (nested) {
    g.err(
      'dhcpd-invalid-value',
      nested.block!.open.start,
      nested.block!.open.end,
      'Records cannot contain records or arrays of records: flatten the type.',
    );
    return;
  }
  if (inner) {
    const ws = inner.words;
    for (let j = 0; j < ws.length; j++) {
      const x = low(ws[j]);
      if (x === 'array') {
        if (low(ws[j + 2]) === 'array') {
          g.errTok('dhcpd-invalid-value', ws[j + 2]!, 'Nested arrays are not supported.');
          return;
        }
      }
    }
  }
}

/** Reads an option type from word `k` on (`k` moves past what it reads) and reports what is wrong. */
class TypeReader {
  constructor(
    private readonly g: Walker,
    private readonly w: readonly Token[],
    public k: number,
  ) {}

  // `k` is advanced past a word before it is checked, so when the statement ends early (the
  // missing word is `undefined`) `w[k - 1]` may lie past the end too: point at the last word there is.
  private typeErr(t: Token | undefined, m: string): void {
    const at = t ?? this.w[Math.min(this.k, this.w.length) - 1]!;
    this.g.err('dhcpd-invalid-value', at.start, at.end, m);
  }
  one(inArray: boolean, inRecord: boolean): 'ok' | 'text' | 'fail' {
    const t = this.w[this.k];
    const tt = low(t) ?? t?.text;
    this.k++;
    switch (tt) {
      case 'boolean':
      case 'ip-address':
      case 'ip6-address':
      case 'ip6-prefix':
      case 'zerolen':
        return 'ok';
      case 'text':
      case 'string':
        return 'text';
      case 'domain-name':
        return 'text';
      case 'domain-list':
        if (low(this.w[this.k]) === 'compressed') this.k++;
        return 'text';
      case 'signed':
      case 'unsigned':
        if (low(this.w[this.k]) !== 'integer') {
          this.typeErr(this.w[this.k], 'Expected `integer` after `signed`/`unsigned`.');
          return 'fail';
        }
        this.k++;
        return this.intWidth();
      case 'integer':
        return this.intWidth();
      default:
        break;
    }
    return this.unknownType(t, inArray, inRecord);
  }
  private intWidth(): 'ok' | 'fail' {
    const n = this.w[this.k];
    this.k++;
    if (!n || !['8', '16', '32'].includes(n.text)) {
      this.typeErr(n, 'An integer type needs its width: 8, 16 or 32.');
      return 'fail';
    }
    return 'ok';
  }
  private unknownType(t: Token | undefined, inArray: boolean, inRecord: boolean): 'ok' | 'text' | 'fail' {
    const tt = low(t) ?? t?.text;
    switch (tt) {
      case 'encapsulate': {
        const sp = this.w[this.k];
        this.k++;
        const spn = sp ? sp.text.toLowerCase() : '';
        if (!sp || (!BUILTIN_SPACES.includes(spn) && !this.g.userSpaces.has(spn))) {
          this.typeErr(
            sp,
            sp
              ? `No option space named \`${clip(sp.text)}\` to encapsulate: declare it first with \`option space NAME;\`.`
              : 'Expected the name of an option space after `encapsulate`, e.g. `encapsulate foobar;`.',
          );
          return 'fail';
        }
        return 'ok';
      }
      case 'array': {
        if (inArray) {
          this.typeErr(t, 'Nested arrays are not supported: `array of array` is rejected.');
          return 'fail';
        }
        if (low(this.w[this.k]) !== 'of') {
          this.typeErr(this.w[this.k], 'Expected `of` after `array`.');
          return 'fail';
        }
        this.k++;
        if (this.w[this.k]?.text === '{') {
          this.typeErr(this.w[this.k], 'Records are written with `{ }` only at the top of the type.');
          return 'fail';
        }
        const at = this.w[this.k];
        if (low(at) === 'array') {
          this.typeErr(at, 'Nested arrays are not supported.');
          return 'fail';
        }
        const r = this.one(true, inRecord);
        if (r === 'text') {
          this.typeErr(at, 'Arrays of text or string are not supported by dhcpd.');
          return 'fail';
        }
        return r;
      }
      default:
        this.typeErr(
          t,
          `Unknown data type \`${t ? clip(t.text) : ''}\`: use boolean, integer 8/16/32, signed/unsigned integer N, ip-address, ip6-address, text, string, domain-name, domain-list, encapsulate SPACE, array of TYPE or { TYPE, ... }.`,
        );
        return 'fail';
    }
  }
}

/** The ISC format letter(s) of a simple user-defined option type, or undefined. */
function simpleFormat(ws: string[]): string | undefined {
  let arr = false;
  if (ws[0] === 'array' && ws[1] === 'of') {
    arr = true;
    ws = ws.slice(2);
  }
  const key = ws.join(' ');
  const f = OPTION_TYPE_FORMATS[key];
  if (!f) return undefined;
  return arr ? f + 'A' : f;
}

export const OPTION_CHECKS: Readonly<Record<string, StmtCheck>> = {
  option: checkOption,
  send: checkSend,
  supersede: checkSend,
  prepend: checkSend,
  append: checkSend,
};
