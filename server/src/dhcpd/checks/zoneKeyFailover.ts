/** Zones, keys and failover peers: their blocks, the statements in them and the references to them. */
import { suggestionsFor } from '../../common/text';
import { Tk, type Token } from '../../common/tokenizer';
import type { Stmt } from '../../common/blocks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../../service/types';

import { partitionPoint } from '../../common/search';
import type { FindingRows } from '../findings';
import type { DhcpdTree } from '../tree';
import { accepts, misplaced, type Scope } from '../data/placement';

import type { StmtCheck, Walker } from './walker';
import { clip, low, nameOf } from './words';
import { FAILOVER_STATEMENTS, KEY_STATEMENTS, ZONE_STATEMENTS } from '../data/keywords';
import { valueAtoms, check6, checkI, extra } from './valueFormats';
import { failoverNumber } from './literals';
import { base64Problem, isBase64Text } from '../values';

/** A file of the trees, as ModeContext.tree lists them. */
type LoadedFile = NonNullable<ModeContext['tree']>['files'][number];

function checkZone(g: Walker, s: Stmt, kw: string): void {
  const w = s.words;
  const first = w[0]!;
  const name = w[1];
  if (!name) g.err('dhcpd-syntax', first.end, first.end, '`zone` needs the zone name: `zone example.com. { ... }`.');
  else if (name.kind === Tk.String && name.problem !== 'curly-quoted')
    g.errTok('dhcpd-syntax', name, `The zone name is written without quotes: \`zone ${name.value} { ... }\`.`, {
      replace: [name.value ?? ''],
    });
  if (!g.needBlock(s, kw)) return;
  if (name) g.zones.push({ name: nameOf(name).replace(/\.$/, '').toLowerCase(), nameTok: name, stmt: s });
  g.walkList(s.block!.stmts, 'zone', s);
  zoneChecks(g, s);
}

function checkKey(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  const inHost = scope === 'host';
  const name = w[1];
  if (inHost && !s.block) return;
  if (!name)
    g.err('dhcpd-syntax', first.end, first.end, '`key` needs a name: `key NAME { algorithm ...; secret "..."; }`.');
  if (!g.needBlock(s, kw)) return;
  g.walkList(s.block!.stmts, 'key', s);
  if (name) {
    const kids = s.block!.stmts.map((c) => low(c.words[0]));
    g.keys.push({
      name: nameOf(name).replace(/\.$/, '').toLowerCase(),
      nameTok: name,
      stmt: s,
      hasAlgorithm: kids.includes('algorithm'),
      hasSecret: kids.includes('secret'),
    });
  }
}

function checkFailover(g: Walker, s: Stmt, kw: string, scope: Scope): void {
  const w = s.words;
  const first = w[0]!;
  const peer = w[1];
  if (low(peer) !== 'peer') {
    g.err(
      'dhcpd-syntax',
      (peer ?? first).start,
      (peer ?? first).end,
      'Expected `peer` after `failover`: `failover peer "NAME" { ... }`.',
    );
    return;
  }
  if (scope === 'pool' && !s.block) {
    const n = w[2];
    if (n) {
      const name = nameOf(n).toLowerCase();
      g.failoverRefs.add(name);
      if (!g.failoverPeers.has(name))
        g.errTok(
          'dhcpd-undefined-failover-peer',
          n,
          `No failover peer named \`${nameOf(n)}\` is declared before this pool: declare \`failover peer "${nameOf(n)}" { ... }\` first.`,
        );
    }
    return;
  }
  // a pool takes only the reference above, not the declaration
  if (scope === 'pool' || !accepts(kw, scope)) g.notAllowed(first, kw, scope, misplaced(kw));
  if (!w[2]) g.err('dhcpd-syntax', peer!.end, peer!.end, 'The failover peer needs a name.');
  else if (s.block) g.failoverPeers.set(nameOf(w[2]).toLowerCase(), w[2]);
  if (s.block) g.walkList(s.block.stmts, 'failover', s);
}

export function zoneStmt(g: Walker, s: Stmt): void {
  const w = s.words;
  const kw = low(w[0]);
  if (!kw || !Object.hasOwn(ZONE_STATEMENTS, kw)) {
    const t = w[0] ?? s.block?.open;
    if (!t || g.findings.pastCut('dhcpd-zone-statement', t.start)) return;
    const sugg = kw ? suggestionsFor(kw, Object.keys(ZONE_STATEMENTS), 1) : [];
    g.errTok(
      'dhcpd-zone-statement',
      t,
      `Unknown statement \`${clip(t.text)}\` in a zone: use primary, secondary, primary6, secondary6 or key${sugg.length ? ` (did you mean \`${sugg[0]}\`?)` : ''}.`,
      sugg.length ? { replace: [sugg[0]!] } : undefined,
    );
    return;
  }
  if (s.block) g.needSemi(s, kw);
  if (kw === 'key') {
    const n = w[1];
    if (!n) {
      g.err('dhcpd-syntax', w[0]!.end, w[0]!.end, '`key` needs the name of a key defined earlier.');
      return;
    }
    g.keyRefs.push({ name: nameOf(n).replace(/\.$/, '').toLowerCase(), tok: n });
    extra(g, s, 2);
    return;
  }
  const atoms = valueAtoms(g, s, 1);
  if (!atoms.length) g.err('dhcpd-invalid-value', w[0]!.end, w[0]!.end, `\`${kw}\` needs the address of a DNS server.`);
  for (const a of atoms) {
    if (kw.endsWith('6') ? !check6(g, a, kw) : !checkI(g, a)) break;
  }
}

function zoneChecks(g: Walker, z: Stmt): void {
  const seen = new Map<string, Stmt>();
  for (const c of z.block!.stmts) {
    const k = low(c.words[0]);
    if (!k || !Object.hasOwn(ZONE_STATEMENTS, k)) continue;
    if (seen.has(k))
      g.errTok(
        'dhcpd-zone-duplicate',
        c.words[0]!,
        `More than one \`${k}\` in this zone: dhcpd accepts each zone statement once; list several servers in one statement, separated by commas.`,
      );
    else seen.set(k, c);
  }
}

export function keyStmt(g: Walker, s: Stmt): void {
  const w = s.words;
  const kw = low(w[0]);
  if (!kw || !Object.hasOwn(KEY_STATEMENTS, kw)) {
    const t = w[0] ?? s.block?.open;
    if (!t) return;
    g.errTok(
      'dhcpd-syntax',
      t,
      `Unknown statement \`${clip(t.text)}\` in a key: use \`algorithm NAME;\` and \`secret "BASE64";\`.`,
    );
    return;
  }
  if (!w[1]) {
    g.err('dhcpd-invalid-value', w[0]!.end, w[0]!.end, `\`${kw}\` needs a value.`);
    return;
  }
  if (kw === 'algorithm' && w[1].kind === Tk.String && w[1].problem !== 'curly-quoted') {
    g.errTok('dhcpd-invalid-value', w[1], `The algorithm is written without quotes: \`algorithm ${w[1].value};\`.`, {
      replace: [w[1].value ?? ''],
    });
    return;
  }
  if (kw === 'secret') return secretStmt(g, s);
  extra(g, s, 2);
}

/** A character of a secret, for a message that must not show the secret itself. */
function charName(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '"') return 'a double quote';
  const code = c.codePointAt(0)!;
  return code > 32 && code < 127 ? `'${c}'` : `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `secret BASE64;` read as dhcpd does: the first token, then every token that holds only base64
 * characters and `=` (so `secret c2VjcmV0==;` and `secret "c2Vj" "cmV0";` are one secret), then
 * `;`. Messages never quote the secret.
 */
function secretStmt(g: Walker, s: Stmt): void {
  const w = s.words;
  const parts: Token[] = [w[1]!];
  let next = 2;
  while (next < w.length && isBase64Text(secretText(w[next]!))) parts.push(w[next++]!);
  const last = parts[parts.length - 1]!;
  if (!parts.some((t) => t.problem)) {
    const p = base64Problem(parts.map(secretText));
    if (p?.kind === 'char') {
      const t = parts[p.part]!;
      const c = String.fromCodePoint(secretText(t).codePointAt(p.index)!);
      g.errTok(
        'dhcpd-invalid-value',
        t,
        `The key secret is not base64: it holds ${charName(c)}, and dhcpd takes only letters, digits, '+' and '/', with '=' padding at the end.`,
      );
    } else if (p?.kind === 'after-padding')
      g.errTok(
        'dhcpd-invalid-value',
        parts[p.part]!,
        "The key secret goes on after its '=' padding: '=' may only end a base64 secret. Remove what follows it, or put the '=' at the end.",
      );
    else if (p)
      g.err(
        'dhcpd-invalid-value',
        w[1]!.start,
        last.end,
        'The key secret is not valid base64: its length leaves bits over that make no whole byte (dhcpd: "partial base64 value left over"). Copy the whole secret: base64 comes in groups of 4 characters, the last padded with \'=\'.',
      );
  }
  if (next < w.length)
    g.err(
      'dhcpd-missing-semicolon',
      last.end,
      g.missingSemiEnd(last.end),
      "Missing ';' after the key secret: dhcpd expects a semicolon here (a base64 secret has no spaces or other characters in it).",
    );
}

const secretText = (t: Token): string => (t.kind === Tk.String ? (t.value ?? '') : t.text);

export function failoverStmt(g: Walker, s: Stmt): void {
  const w = s.words;
  const kw = low(w[0]);
  if (!kw) return;
  if (!Object.hasOwn(FAILOVER_STATEMENTS, kw)) {
    if (g.findings.pastCut('dhcpd-syntax', w[0]!.start)) return;
    const sugg = suggestionsFor(kw, Object.keys(FAILOVER_STATEMENTS), 1);
    g.errTok(
      'dhcpd-syntax',
      w[0]!,
      `Unknown statement \`${clip(w[0]!.text)}\` in a failover peer${sugg.length ? `; did you mean \`${sugg[0]}\`?` : '.'}`,
    );
    return;
  }
  failoverNumber(g, s);
}

export const ZONE_KEY_FAILOVER_CHECKS: Readonly<Record<string, StmtCheck>> = {
  zone: checkZone,
  key: checkKey,
  failover: checkFailover,
};

/** After the walk: a failover peer no pool names. */
export function unusedFailoverPeers(g: Walker): void {
  for (const [name, tok] of g.failoverPeers) {
    if (!g.failoverRefs.has(name))
      g.errTok(
        'dhcpd-unused-failover-peer',
        tok,
        `Failover peer \`${nameOf(tok)}\` is not used by any pool: dhcpd refuses to start until a pool names it with \`failover peer "${nameOf(tok)}";\`.`,
      );
  }
}

/** The names of the keys a tree defines (as KeyDef.name has them), those before offset `until` if given. */
function keyNames(t: unknown, until?: number): string[] {
  return (t as DhcpdTree).keys.filter((k) => until === undefined || k.stmt.start < until).map((k) => k.name);
}

/** After the walk: key references without their key, keys without algorithm or secret. */
export function keyFindings(doc: TextDocument, tree: DhcpdTree, ctx: ModeContext, out: FindingRows): void {
  // includes in file order, each either resolved to the key names of the files it loads or
  // unknown; keys of files loaded before this one count from its start, and an include anywhere
  // in the trees that could not be followed may hold any key (no false warnings)
  const tc = ctx.tree;
  const edges = tc?.edges ?? [];
  const incs: Array<{ at: number; keys: string[] | undefined }> = [];
  if (tc) {
    const earlier = tc.files.filter((f) => f.before).flatMap((f) => keyNames(f.tree, f.until));
    incs.push({ at: -1, keys: tc.incomplete ? undefined : earlier });
  }
  // each include's edge and the files it loads, looked up rather than searched (a file of
  // 40,000 includes took 3 s, each search going over them all)
  const edgeAt = new Map<number, number>();
  edges.forEach((e, k) => {
    if (!edgeAt.has(e.site.start)) edgeAt.set(e.site.start, k);
  });
  const filesVia = new Map<number, Array<LoadedFile>>();
  for (const f of tc?.files ?? []) {
    if (f.via === undefined) continue;
    const list = filesVia.get(f.via);
    if (list) list.push(f);
    else filesVia.set(f.via, [f]);
  }
  for (const i of tree.includes) {
    const k = edgeAt.get(i.tok.start) ?? -1;
    const e = edges[k];
    const keys = e?.target ? (filesVia.get(k) ?? []).flatMap((f) => keyNames(f.tree)) : undefined;
    incs.push({ at: i.tok.start, keys });
  }
  // looked up per reference, not searched (a file may hold 100,000 keys and as many references):
  // per name, where its first key statement ends; per name, the first include that defines it;
  // and how many unreadable includes come before each include
  const keyEnd = new Map<string, number>();
  for (const k of tree.keys) if (!(k.stmt.end >= (keyEnd.get(k.name) ?? Infinity))) keyEnd.set(k.name, k.stmt.end);
  const inInclude = new Map<string, number>();
  const unreadableBefore: number[] = [0];
  incs.forEach((inc, n) => {
    for (const name of inc.keys ?? []) if (!inInclude.has(name)) inInclude.set(name, n);
    unreadableBefore.push(unreadableBefore[n]! + (inc.keys ? 0 : 1));
  });
  for (const ref of tree.keyRefs) {
    const end = keyEnd.get(ref.name);
    if (end !== undefined && end <= ref.tok.start) continue;
    // the includes before the reference
    const before = partitionPoint(incs.length, (n) => incs[n]!.at < ref.tok.start);
    if ((inInclude.get(ref.name) ?? Infinity) < before) continue;
    const later = end !== undefined;
    if (unreadableBefore[before]! > 0 && !later) continue; // the key may come from an include we cannot read
    out.add(
      'dhcpd-undefined-key',
      ref.tok.start,
      ref.tok.end,
      later
        ? `Key \`${ref.tok.text}\` is defined only after this zone: dhcpd needs the \`key\` statement before the zone that uses it.`
        : `No key named \`${ref.tok.text}\` is defined: add \`key ${ref.tok.text} { algorithm hmac-md5; secret "..."; }\` (or include the file that defines it) before this zone.`,
    );
  }
  for (const ref of tree.omapiKeys) {
    if (keyEnd.has(ref.name)) continue;
    if (unreadableBefore[incs.length]! > 0 || inInclude.has(ref.name)) continue;
    out.add(
      'dhcpd-undefined-key',
      ref.tok.start,
      ref.tok.end,
      `No key named \`${ref.tok.text}\` is defined: dhcpd cannot start OMAPI without it. Add \`key ${ref.tok.text} { algorithm hmac-sha256; secret "..."; }\`.`,
    );
  }
  for (const k of tree.keys) {
    const missing = [!k.hasAlgorithm && 'algorithm', !k.hasSecret && 'secret'].filter(Boolean) as string[];
    if (missing.length) {
      out.add(
        'dhcpd-key-incomplete',
        k.nameTok.start,
        k.nameTok.end,
        `Key \`${k.nameTok.text}\` has no ${missing.join(' and no ')}: DNS updates signed with it will fail. Add ${missing.map((m) => (m === 'algorithm' ? '`algorithm hmac-sha256;`' : '`secret "BASE64";`')).join(' and ')}.`,
      );
    }
  }
}
