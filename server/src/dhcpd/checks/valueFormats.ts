/** Values of statements against ISC format strings (addresses, numbers, text, enums, lists). */
import { suggestionsFor } from '../../common/text';
import { Tk, type Token } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';

import type { Walker } from './walker';
import { clip } from './words';
import { ENUMS } from '../data/serverParams';
import { LITERAL_FORMS } from '../data/literals';
import {
  BOOLEANS,
  INT_RANGE,
  describeFormat,
  intValue,
  ipv4Problem,
  isHexList,
  isHostname,
  isInteger,
  looksNumericAddress,
} from '../values';
import { isIPv6 } from '../../common/ip';
import { checkOptionRefs, checkParens } from './expressions';

/** Words after the value that should not be there: a `;` is missing (or junk). */
export function extra(g: Walker, s: Stmt, used: number): void {
  const w = s.words;
  if (w.length > used && used > 0) g.missingSemi(w[used - 1]!, `\`${clip(w[used]!.text)}\` follows`);
}

/** Value atoms from index i, commas dropped. A trailing or doubled comma is reported. */
export function valueAtoms(g: Walker, s: Stmt, i: number): Token[] {
  const out: Token[] = [];
  const w = s.words;
  let lastComma: Token | undefined;
  for (let k = i; k < w.length; k++) {
    const t = w[k]!;
    if (t.kind === Tk.Punct && t.text === ',') {
      if (lastComma || out.length === 0)
        g.errTok('dhcpd-invalid-value', t, 'Unexpected `,`: a value is missing before it.');
      lastComma = t;
      continue;
    }
    lastComma = undefined;
    out.push(t);
  }
  if (lastComma)
    g.errTok(
      'dhcpd-invalid-value',
      lastComma,
      'Unexpected `,` at the end of the list: remove it or add another value.',
    );
  return out;
}

/** How to write statement `kw` when dhcpd reads its values only as literals: ' Write ..., e.g. ...' or ''. */
export function literalHint(kw: string): string {
  const f = LITERAL_FORMS[kw];
  if (!f) return '';
  const forms = f.forms.map((x) => `'${x}'`);
  const list = forms.length > 1 ? `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}` : forms[0];
  return ` Write ${list}, e.g. '${f.example}'.`;
}

/**
 * An IPv4 address where dhcpd's grammar takes only a literal, not a host name (the bounds of a
 * `range`, a subnet's number and netmask): `what` it is, for the message.
 */
export function checkLiteral4(g: Walker, a: Token, kw: string, what = 'an IPv4 address'): boolean {
  if (a.kind === Tk.Word && (looksNumericAddress(a.text) || /^\d+$/.test(a.text))) return checkI(g, a);
  if (a.problem === 'curly-quoted') return false;
  if (a.kind === Tk.String) {
    const v = a.value ?? '';
    const fix = looksNumericAddress(v) && !ipv4Problem(v) ? { replace: [v] } : undefined;
    g.errTok(
      'dhcpd-invalid-value',
      a,
      `${cap(what)} is written without quotes: ${kw} takes address literals.${literalHint(kw)}`,
      fix,
    );
    return false;
  }
  g.errTok(
    'dhcpd-invalid-value',
    a,
    a.kind === Tk.Punct
      ? `Unexpected '${a.text}': ${kw} takes address literals separated by spaces.${literalHint(kw)}`
      : NAME_LIKE.test(a.text)
        ? `'${clip(a.text)}' is not ${what}: ${kw} takes address literals, not names.${literalHint(kw)}`
        : `'${clip(a.text)}' is not a valid ${what.replace(/^an? /, '')}: write four numbers from 0 to 255, e.g. ${what === 'a netmask' ? '255.255.255.0' : '192.168.1.1'}.`,
  );
  return false;
}

/** A word that reads as a name (a placeholder, a host name) rather than a mistyped address. */
const NAME_LIKE = /^[A-Za-z_][\w.-]*$/;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function checkI(g: Walker, a: Token): boolean {
  if (a.kind === Tk.Word && looksNumericAddress(a.text)) {
    const pr = ipv4Problem(a.text);
    if (pr) {
      g.errTok(
        'dhcpd-invalid-value',
        a,
        `\`${clip(a.text)}\` is not a valid IPv4 address (${pr}); write four numbers from 0 to 255, e.g. 192.168.1.1.`,
      );
      return false;
    }
    return true;
  }
  if (a.kind === Tk.Word && /^\d+$/.test(a.text)) {
    g.errTok(
      'dhcpd-invalid-value',
      a,
      `\`${a.text}\` is not an IPv4 address: write four numbers from 0 to 255, e.g. 192.168.1.1.`,
    );
    return false;
  }
  if (a.kind === Tk.Word && isHostname(a.text)) return true;
  if (a.problem === 'curly-quoted') return false;
  g.errTok('dhcpd-invalid-value', a, `Expected an IPv4 address or host name, found \`${clip(a.text)}\`.`);
  return false;
}

/** An IPv6 address; `kw`: the statement, when it takes only literals (its form goes in the message). */
export function check6(g: Walker, a: Token, kw?: string): boolean {
  if (a.kind === Tk.Word && isIPv6(a.text)) return true;
  if (a.problem === 'curly-quoted') return false;
  if (kw && LITERAL_FORMS[kw])
    g.errTok(
      'dhcpd-invalid-value',
      a,
      a.text === ''
        ? `${kw} needs an IPv6 address here.${literalHint(kw)}`
        : a.kind === Tk.Word && NAME_LIKE.test(a.text)
          ? `'${clip(a.text)}' is not an IPv6 address: ${kw} takes address literals, not names.${literalHint(kw)}`
          : `'${clip(a.text)}' is not a valid IPv6 address.${literalHint(kw)}`,
    );
  else g.errTok('dhcpd-invalid-value', a, `\`${clip(a.text)}\` is not a valid IPv6 address (e.g. 2001:db8::1).`);
  return false;
}

/**
 * Check the value words of a statement against an ISC format string. Returns quietly for
 * expressions (`= ...`) and for formats it does not model.
 */
export function valueByFormat(g: Walker, s: Stmt, i: number, fmt: string, name: string): void {
  const w = s.words;
  const firstV = w[i];
  if (firstV && firstV.kind === Tk.Punct && firstV.text === '=') {
    checkParens(g, s, i + 1);
    checkOptionRefs(g, w.slice(i + 1));
    return;
  }
  if (fmt.includes('E')) return; // encapsulations: free form
  if (fmt === 'Z' || fmt === '') {
    extra(g, s, i);
    return;
  }
  if (w.length <= i) {
    if (fmt.includes('o') || /^[A-Za-z6]a/.test(fmt)) return;
    const at = w[w.length - 1]!;
    if (g.findings.pastCut('dhcpd-invalid-value', at.end)) return;
    g.err('dhcpd-invalid-value', at.end, at.end, `\`${name}\` needs a value: ${describeFormat(fmt)}.`);
    return;
  }
  const { atoms, arrayFrom, optionalTail } = formatAtoms(fmt);
  let ai = 0;
  let k = i;
  let lastGood: Token | undefined = w[i - 1];
  let sawComma = false;
  while (k < w.length) {
    const t = w[k]!;
    if (t.kind === Tk.Punct && t.text === ',') {
      if (k === w.length - 1) {
        g.errTok('dhcpd-invalid-value', t, 'Unexpected `,` at the end of the list: remove it or add another value.');
        return;
      }
      if (w[k + 1]!.kind === Tk.Punct && w[k + 1]!.text === ',') {
        g.errTok('dhcpd-invalid-value', w[k + 1]!, 'Unexpected `,`: a value is missing before it.');
        return;
      }
      if (arrayFrom < 0 || ai < atoms.length) {
        // commas only separate the repeated items of a list, not the fields of one item
        g.errTok(
          'dhcpd-invalid-value',
          t,
          `Unexpected \`,\`: \`${name}\` expects ${describeFormat(fmt)}${arrayFrom >= 0 ? '; commas go only between repeated items' : ''}.`,
        );
        return;
      }
      sawComma = true;
      k++;
      continue;
    }
    if (ai >= atoms.length) {
      if (arrayFrom < 0 || !sawComma) {
        g.missingSemi(
          lastGood ?? t,
          `\`${clip(t.text)}\` follows${arrayFrom >= 0 ? '; separate list items with `,`' : ''}`,
        );
        return;
      }
      ai = arrayFrom;
    }
    sawComma = false;
    const atom = atoms[ai]!;
    if (!checkAtom(g, t, atom.c, atom.arg, name)) return;
    lastGood = t;
    ai++;
    k++;
  }
  if (
    ai < atoms.length &&
    ai !== 0 &&
    !optionalTail &&
    ai !== arrayFrom &&
    !(arrayFrom >= 0 && ai > arrayFrom && ai === atoms.length)
  ) {
    const at = lastGood ?? w[w.length - 1]!;
    if (ai < atoms.length && arrayFrom < 0)
      g.err('dhcpd-invalid-value', at.end, at.end, `\`${name}\` expects more values: ${describeFormat(fmt)}.`);
  }
}

function checkAtom(g: Walker, t: Token, c: string, arg: string | undefined, name: string): boolean {
  if (t.problem === 'curly-quoted') return false;
  switch (c) {
    case 'I':
      return checkI(g, t);
    case '6':
      return check6(g, t);
    case 't':
      if (t.kind === Tk.Word && /^[A-Za-z_-][A-Za-z0-9_-]*$/.test(t.text)) return true;
      if (t.kind !== Tk.String) return badValue(g, t, name, 'text in double quotes');
      return true;
    case 'D':
      if (t.kind !== Tk.String) return badValue(g, t, name, 'domain names in double quotes, separated by commas');
      return domainLabels(g, t, t.value ?? '');
    case 'd':
      if (t.kind === Tk.Word && isHostname(t.text)) return domainLabels(g, t, t.text);
      return badValue(g, t, name, 'a domain name without quotes (e.g. example.com)');
    case 'X':
      if (t.kind === Tk.String || (t.kind === Tk.Word && isHexList(t.text))) return true;
      return badValue(g, t, name, 'a quoted string or colon-separated hex octets (e.g. 01:00:16:3e:12:34:56)');
    case 'f':
      if (t.kind === Tk.Word && BOOLEANS.includes(t.text.toLowerCase())) return true;
      return badValue(g, t, name, 'a boolean: true, false, on or off');
    case 'T':
      if (t.kind === Tk.Word && (isInteger(t.text) || t.text.toLowerCase() === 'infinite')) return true;
      return badValue(g, t, name, 'a number of seconds or `infinite`');
    case 'B':
    case 'b':
    case 'S':
    case 's':
    case 'L':
    case 'l': {
      const [min, max, what] = INT_RANGE[c]!;
      if (t.kind !== Tk.Word || !isInteger(t.text)) return badValue(g, t, name, what);
      const v = intValue(t.text);
      if (v > max || v < min) return badValue(g, t, name, what);
      return true;
    }
    case 'N': {
      const vals = arg ? ENUMS[arg] : undefined;
      if (!vals) return true;
      if (t.kind === Tk.Word && vals.includes(t.text.toLowerCase())) return true;
      if (g.findings.pastCut('dhcpd-invalid-value', t.start)) return false;
      const sugg = t.kind === Tk.Word ? suggestionsFor(t.text, vals, 1) : [];
      g.errTok(
        'dhcpd-invalid-value',
        t,
        `\`${name}\` expects one of ${vals.join(', ')}; found \`${clip(t.text)}\`${sugg.length ? ` (did you mean \`${sugg[0]}\`?)` : ''}.`,
        sugg.length ? { replace: [sugg[0]!] } : undefined,
      );
      return false;
    }
    default:
      return true;
  }
}

/** `name`'s value `t` is not `what` it expects (false: stop checking the values). */
function badValue(g: Walker, t: Token, name: string, what: string): false {
  g.errTok('dhcpd-invalid-value', t, `\`${name}\` expects ${what}, found \`${clip(t.text)}\`.`);
  return false;
}

/** DNS limits: labels of 1 to 63 characters. */
function domainLabels(g: Walker, t: Token, name: string): boolean {
  if (name === '') return true;
  const labels = name.replace(/\.$/, '').split('.');
  const bad = labels.find((l) => l.length === 0 || l.length > 63);
  if (bad === undefined) return true;
  g.errTok(
    'dhcpd-invalid-value',
    t,
    bad.length === 0
      ? `\`${clip(name)}\` has an empty label (two dots in a row): it is not a valid domain name.`
      : `The label \`${clip(bad, 20)}\` is ${bad.length} characters long: DNS labels have at most 63.`,
  );
  return false;
}

interface FormatAtoms {
  readonly atoms: ReadonlyArray<{ readonly c: string; readonly arg?: string }>;
  /** Index in atoms where repetition starts, or -1. */
  readonly arrayFrom: number;
  readonly optionalTail: boolean;
}
const FORMAT_ATOMS = new Map<string, FormatAtoms>();

/** An ISC format string split into atoms (memoised: the same few formats come up for every statement). */
function formatAtoms(fmt: string): FormatAtoms {
  let r = FORMAT_ATOMS.get(fmt);
  if (r) return r;
  const atoms: Array<{ c: string; arg?: string }> = [];
  let arrayFrom = -1;
  for (let k = 0; k < fmt.length; k++) {
    const c = fmt[k]!;
    if (c === 'A') arrayFrom = 0;
    else if (c === 'a') arrayFrom = atoms.length - 1;
    else if (c === 'o' || c === 'c') continue;
    else if (c === 'N' || c === 'E') {
      const end = fmt.indexOf('.', k);
      atoms.push({ c, arg: fmt.slice(k + 1, end < 0 ? fmt.length : end) });
      k = end < 0 ? fmt.length : end;
    } else {
      atoms.push({ c });
      if (c === 'D') arrayFrom = atoms.length - 1;
    }
  }
  r = { atoms, arrayFrom, optionalTail: fmt.includes('o') };
  // user-defined formats vary per file: keep the memo bounded
  if (FORMAT_ATOMS.size < 1000) FORMAT_ATOMS.set(fmt, r);
  return r;
}
