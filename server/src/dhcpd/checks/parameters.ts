/** Server parameters, allow/deny/ignore, include, authoritative, server-duid, and unknown statements. */
import { suggestionsFor } from '../../common/text';
import { Tk, type Token } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';
import type { Scope } from '../data/placement';
import type { DhcpdRuleId } from '../rules';
import type { StmtCheck, Walker } from './walker';
import { clip, low, nameOf } from './words';
import { HARDWARE_TYPES, KEYWORDS, POOL_PERMITS, SERVER_FLAGS } from '../data/keywords';
import { accepts, scopeName } from '../data/placement';
import { PARAM_BY_NAME, SERVER_PARAMS, type ServerParamDef } from '../data/serverParams';
import type { FindingRows } from '../findings';
import type { DhcpdTree } from '../tree';
import { OPTION_BY_NAME } from '../data/options';
import { isHexList } from '../values';
import { extra, valueByFormat } from './valueFormats';

/** Every statement name, for did-you-mean. */
const STATEMENT_NAMES = [...KEYWORDS.map((k) => k.name), ...SERVER_PARAMS.map((p) => p.name)];

function checkInclude(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  const f = w[1];
  if (!f || f.kind !== Tk.String || f.problem === 'curly-quoted') {
    if (!f || f.problem !== 'curly-quoted')
      g.err(
        'dhcpd-syntax',
        (f ?? first).start,
        (f ?? first).end,
        '`include` expects a file name in double quotes: `include "/etc/dhcp/file.conf";`.',
      );
  } else {
    g.includes.push({ path: f.value ?? '', tok: f, scope });
    extra(g, s, 2);
  }
  g.needSemi(s, kw);
}

function checkAuthoritative(g: Walker, s: Stmt, kw: string, scope: Scope, owner: Stmt | null): void {
  const first = s.words[0]!;
  if (scope === 'host')
    g.errTok(
      'dhcpd-not-allowed-here',
      first,
      '`authoritative` makes no sense in a host declaration: put it in the subnet, shared-network or at the top.',
    );
  else g.checkPlace(first, kw, scope);
  g.needSemi(s, kw);
  g.addParam(owner, kw, s);
  extra(g, s, 1);
}

function checkNot(g: Walker, s: Stmt, _kw: string, scope: Scope, owner: Stmt | null): void {
  const w = s.words;
  const first = w[0]!;
  if (low(w[1]) !== 'authoritative')
    g.err('dhcpd-syntax', (w[1] ?? first).start, (w[1] ?? first).end, 'Expected `authoritative` after `not`.');
  else {
    // the only place it is not accepted is a host (data/placement.ts)
    if (!accepts('not', scope))
      g.errTok('dhcpd-not-allowed-here', first, '`not authoritative` makes no sense in a host declaration.');
    g.addParam(owner, 'authoritative', s);
    extra(g, s, 2);
  }
}

function checkServerIdentifier(g: Walker, s: Stmt, kw: string, scope: Scope, owner: Stmt | null): void {
  const w = s.words;
  const first = w[0]!;
  g.checkPlace(first, kw, scope);
  g.needSemi(s, kw);
  g.addParam(owner, kw, s, w[1]);
  valueByFormat(g, s, 1, 'I', kw);
}

function checkAllow(g: Walker, s: Stmt, kw: string, scope: Scope, owner: Stmt | null): void {
  g.needSemi(s, kw);
  allowDeny(g, s, scope, owner);
}

/** Statements taken as they are: interface, %, lease-id-format, db-time-format. */
const checkIgnored: StmtCheck = () => undefined;

function checkServerDuid(g: Walker, s: Stmt, kw: string): void {
  g.needSemi(s, kw);
  serverDuid(g, s);
}

/** `server-duid LLT [HWTYPE TIME HWADDR] | EN NUM ID | LL [HWTYPE HWADDR] | NUM ID;` */
function serverDuid(g: Walker, s: Stmt): void {
  const w = s.words;
  const t = w[1];
  const bad = (at: Token | undefined, m: string) =>
    g.err('dhcpd-invalid-value', (at ?? w[w.length - 1]!).start, (at ?? w[w.length - 1]!).end, m);
  const isHw = (x: Token | undefined) => !!x && x.kind === Tk.Word && HARDWARE_TYPES.includes(x.text.toLowerCase());
  const isId = (x: Token | undefined) => !!x && (x.kind === Tk.String || (x.kind === Tk.Word && isHexList(x.text)));
  const k = low(t);
  if (!t) return bad(undefined, '`server-duid` needs the DUID type: LLT, EN or LL.');
  if (k === 'llt' || k === 'll') {
    if (w.length === 2) return;
    if (!isHw(w[2])) return bad(w[2], `Expected a hardware type (${HARDWARE_TYPES.join(', ')}) after \`${t.text}\`.`);
    let i = 3;
    if (k === 'llt') {
      if (!w[3] || !/^\d+$/.test(w[3].text))
        return bad(w[3], 'Expected the DUID timestamp (a number of seconds) after the hardware type.');
      i = 4;
    }
    if (!w[i] || w[i]!.kind !== Tk.Word || !isHexList(w[i]!.text))
      return bad(w[i], 'Expected the hardware address as colon-separated hex octets.');
    return extra(g, s, i + 1);
  }
  if (k === 'en') {
    if (!w[2] || !/^\d+$/.test(w[2].text)) return bad(w[2], 'Expected the enterprise number after `EN`.');
    if (!isId(w[3]))
      return bad(w[3], 'Expected the identifier (a quoted string or hex octets) after the enterprise number.');
    return extra(g, s, 4);
  }
  if (t.kind === Tk.Word && /^\d+$/.test(t.text)) {
    if (!isId(w[2]))
      return bad(w[2], 'Expected the identifier (a quoted string or hex octets) after the DUID type number.');
    return extra(g, s, 3);
  }
  bad(t, 'Expected the DUID type: LLT, EN or LL (e.g. `server-duid LLT;`).');
}

function unknown(g: Walker, t: Token, scope: Scope, rule: DhcpdRuleId = 'dhcpd-unknown-statement'): void {
  if (g.findings.pastCut(rule, t.start)) return;
  const word = t.text;
  const sugg = suggestionsFor(word, STATEMENT_NAMES, 3);
  // an option name written without `option`?
  const asOption = OPTION_BY_NAME.get(`dhcp.${word.toLowerCase()}`);
  let msg = `Unknown statement \`${clip(word)}\`${scope !== 'root' ? ` ${scopeName(scope)}` : ''}`;
  if (asOption) msg += `; \`${word}\` is an option: write \`option ${word} ...;\``;
  else if (sugg.length) msg += `; did you mean ${sugg.map((x) => `\`${x}\``).join(' or ')}?`;
  else msg += '.';
  if (rule !== 'dhcpd-unknown-statement')
    msg += ' dhcpd accepts it as a variable or function call, which is rarely what was meant.';
  g.errTok(rule, t, msg, asOption ? { insert: 'option ' } : sugg.length ? { replace: sugg } : undefined);
}

function allowDeny(g: Walker, s: Stmt, scope: Scope, owner: Stmt | null): void {
  const w = s.words;
  const kw = w[0]!.text.toLowerCase();
  const a = low(w[1]);
  const b = low(w[2]);
  if (!a) {
    g.err('dhcpd-syntax', w[0]!.end, w[0]!.end, `\`${kw}\` needs what it applies to, e.g. \`unknown-clients\`.`);
    return;
  }
  g.addParam(owner, `${kw} ${a}`, s);
  const pool = scope === 'pool' || scope === 'pool6';
  // pools take permits; elsewhere allow/deny/ignore set server flags
  let used = 0;
  let poolOnly = false;
  switch (a) {
    case 'unknown-clients':
      used = 2;
      break;
    case 'known-clients':
      used = 2;
      poolOnly = true;
      break;
    case 'bootp':
    case 'booting':
    case 'dynamic-bootp':
    case 'duplicates':
    case 'declines':
    case 'client-updates':
    case 'leasequery':
      if (pool) {
        g.errTok(
          'dhcpd-invalid-value',
          w[1]!,
          `\`${kw} ${a}\` is a server setting, not a pool permit: in a pool use unknown-clients, known-clients, members of "CLASS", dynamic bootp clients, authenticated clients, unauthenticated clients, all clients or after DATE.`,
        );
        return;
      }
      used = 2;
      break;
    case 'unknown':
    case 'known':
    case 'all':
    case 'authenticated':
    case 'unauthenticated':
      if (b === 'clients') used = 3;
      poolOnly = true;
      break;
    case 'members':
      poolOnly = true;
      if (b === 'of' && w[3]?.kind === Tk.String) used = 4;
      else {
        g.err(
          'dhcpd-syntax',
          (w[3] ?? w[2] ?? w[1]!).start,
          (w[3] ?? w[2] ?? w[1]!).end,
          'Expected `members of "CLASS"` with the class name in double quotes.',
        );
        return;
      }
      break;
    case 'dynamic':
      poolOnly = true;
      if (b === 'bootp' && low(w[3]) === 'clients') used = 4;
      break;
    case 'after':
      poolOnly = true;
      used = w.length;
      break;
    default:
      break;
  }
  if (used && poolOnly && !pool) {
    g.errTok(
      'dhcpd-not-allowed-here',
      w[1]!,
      `\`${kw} ${w
        .slice(1, Math.min(used, 4))
        .map((x) => x.text)
        .join(
          ' ',
        )}\` is a pool permit: it is only accepted inside a pool.${a === 'unknown' || a === 'known' ? ` Outside pools write \`${kw} ${a}-clients;\`.` : ''}`,
    );
    return;
  }
  if (used) return extra(g, s, used);
  unknownPermit(g, s, kw, pool);
}

export const PARAMETER_CHECKS: Readonly<Record<string, StmtCheck>> = {
  include: checkInclude,
  authoritative: checkAuthoritative,
  not: checkNot,
  'server-identifier': checkServerIdentifier,
  allow: checkAllow,
  deny: checkAllow,
  ignore: checkAllow,
  interface: checkIgnored,
  '%': checkIgnored,
  'server-duid': checkServerDuid,
  'lease-id-format': checkIgnored,
  'db-time-format': checkIgnored,
};

/** A server parameter (dhcpd.conf(5)): its value by the parameter's format. */
export function serverParameter(g: Walker, s: Stmt, kw: string, p: ServerParamDef, owner: Stmt | null): void {
  const w = s.words;
  g.needSemi(s, kw);
  g.addParam(owner, kw, s, w[1]);
  valueByFormat(g, s, 1, p.format, kw);
  if (kw === 'omapi-key' && w[1]) g.omapiKeys.push({ name: nameOf(w[1]).replace(/\.$/, '').toLowerCase(), tok: w[1] });
  if (kw === 'ddns-update-style' && low(w[1]) === 'ad-hoc')
    g.errTok(
      'dhcpd-invalid-value',
      w[1]!,
      'The ad-hoc DNS update style is no longer supported: dhcpd refuses to start. Use `standard` (or `interim`).',
      { replace: ['standard'] },
    );
}

/**
 * A statement dhcpd does not know. A lone identifier (`foo;`, `foo = expr;`, `foo (args);`) is
 * evaluated as a variable or function call by dhcpd: accepted, but most likely a typo.
 */
export function unknownStatement(g: Walker, s: Stmt, scope: Scope, owner: Stmt | null): void {
  const w = s.words;
  const first = w[0]!;
  const second = w[1];
  if (second && second.kind === Tk.Word && /[\r\n]/.test(g.text.slice(first.end, second.start))) {
    // `foo` then a new line: dhcpd takes `foo` as an expression statement missing its `;`
    unknown(g, first, scope, 'dhcpd-unknown-identifier');
    g.missingSemi(first, `\`${clip(second.text)}\` follows on the next line`);
    return;
  }
  if (!s.block && (!second || second.text === '=' || second.text === '(')) {
    unknown(g, first, scope, 'dhcpd-unknown-identifier');
    return;
  }
  unknown(g, first, scope);
  if (s.block) g.walkList(s.block.stmts, scope, owner);
}

/** `allow`/`deny`/`ignore` of something dhcpd does not know (in a pool: as a pool permit). */
function unknownPermit(g: Walker, s: Stmt, kw: string, pool: boolean): void {
  const w = s.words;
  if (g.findings.pastCut('dhcpd-invalid-value', w[1]!.start)) return;
  const cands = pool ? POOL_PERMITS : SERVER_FLAGS;
  const sugg = suggestionsFor(
    w
      .slice(1, 4)
      .map((x) => x.text)
      .join(' '),
    cands,
    1,
  );
  g.errTok(
    'dhcpd-invalid-value',
    w[1]!,
    `\`${kw} ${clip(w[1]!.text)}\` is not something dhcpd can ${kw}${pool ? ' in a pool' : ''}${sugg.length ? `; did you mean \`${sugg[0]}\`?` : `: use ${cands.slice(0, 4).join(', ')}, ...`}`,
    sugg.length && !sugg[0]!.includes(' ') ? { replace: [sugg[0]!] } : undefined,
  );
}

/** After the walk: parameters set twice in a block, global-only ones elsewhere, lease times out of order. */
export function paramFindings(tree: DhcpdTree, out: FindingRows, lineAt: (offset: number) => number): void {
  const params = tree.params;
  // what each distinct name is, once
  const names = params.names;
  const repeatable = names.map((n) => n.startsWith('allow ') || n.startsWith('deny ') || n.startsWith('ignore '));
  const globalOnly = names.map((n) => PARAM_BY_NAME.get(n)?.scope === 'global');
  const DEFAULT = names.indexOf('default-lease-time');
  const MAX = names.indexOf('max-lease-time');
  // where each name was last set in the block at hand (seenIn: the block it was in)
  const seenAt = new Int32Array(names.length);
  const seenIn = new Int32Array(names.length).fill(-1);
  const order = params.byOwner();
  const n = params.length;
  // the rows grouped by owner: order[k], or row k itself when they come that way already
  const row = (k: number) => (order ? order[k]! : k);
  for (let k = 0; k < n;) {
    const owner = params.ownerOf(row(k));
    let dflt: number | undefined,
      max: number | undefined,
      dfltRow = -1,
      maxRow = -1;
    for (; k < n && params.ownerOf(row(k)) === owner; k++) {
      const p = row(k);
      const name = params.nameOf(p);
      const start = params.kwStartOf(p);
      if (seenIn[name] === owner && !repeatable[name]) {
        if (!out.pastCut(DUPLICATE, start))
          out.add(
            DUPLICATE,
            start,
            params.stmtEndOf(p),
            `\`${names[name]}\` is already set in this scope on line ${lineAt(seenAt[name]!)}: the later value wins.`,
          );
      }
      seenIn[name] = owner;
      seenAt[name] = start;
      if ((name === DEFAULT || name === MAX) && params.hasValue(p)) {
        const text = params.valueText(p);
        if (/^\d+$/.test(text)) {
          if (name === DEFAULT) {
            dflt = Number(text);
            dfltRow = p;
          } else {
            max = Number(text);
            maxRow = p;
          }
        }
      }
      if (globalOnly[name] && params.owners[owner] !== null) {
        if (!out.pastCut(GLOBAL_ONLY, start))
          out.add(
            GLOBAL_ONLY,
            start,
            params.kwEndOf(p),
            `\`${names[name]}\` only has an effect at the top level of the file; here it is ignored.`,
          );
      }
    }
    if (dflt !== undefined && max !== undefined && dflt > max && dfltRow >= 0 && maxRow >= 0) {
      out.add(
        'dhcpd-lease-time-order',
        params.valueStartOf(dfltRow),
        params.valueEndOf(dfltRow),
        `default-lease-time (${dflt}) is greater than max-lease-time (${max}): clients will get at most ${max} seconds.`,
      );
    }
  }
}

const DUPLICATE: DhcpdRuleId = 'dhcpd-duplicate-parameter';
const GLOBAL_ONLY: DhcpdRuleId = 'dhcpd-global-only';
