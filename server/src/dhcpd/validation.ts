/** Diagnostics for dhcpd.conf: grammar findings, key/zone references, networks, parameters. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FINDINGS_PER_RULE, type Finding, type ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { tokenize, Tk } from '../common/tokenizer';
import type { DhcpdTree } from './parser';
import { FindingRows, SEMI, TAKEN_BACK, type RowOrder } from './findings';
import { PARAM_BY_NAME } from './parser';
import { networkFindings } from './networks';
import { lineIndex } from '../common/text';
import { partitionPoint } from '../common/search';

export function validate(doc: TextDocument, tree: DhcpdTree, ctx: ModeContext): Finding[] {
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
  return out as Finding[];
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
): Finding[] | FindingRows {
  const out: Finding[] = [];
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

/** Key names defined in an included file we can read (a light scan: `key NAME {`). */
function keysInInclude(doc: TextDocument, path: string, ctx: ModeContext): string[] | undefined {
  const uri = ctx.files.resolve(doc.uri, path);
  if (!uri) return undefined;
  const text = ctx.files.read(uri);
  if (text === undefined) return undefined;
  const toks = tokenize(text, { hashComments: true, slashComments: true, blockComments: true, punct: '' });
  const out: string[] = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === Tk.Word && t.text.toLowerCase() === 'key' && toks[i + 2]!.text === '{') {
      const n = toks[i + 1]!;
      out.push((n.kind === Tk.String ? (n.value ?? '') : n.text).replace(/\.$/, '').toLowerCase());
    }
  }
  return out;
}

function keyFindings(doc: TextDocument, tree: DhcpdTree, ctx: ModeContext, out: FindingRows): void {
  // includes in file order, each either resolved to key names or unknown
  const incs = tree.includes.map((i) => ({ at: i.tok.start, keys: keysInInclude(doc, i.path, ctx) }));
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

function paramFindings(tree: DhcpdTree, out: FindingRows, lineAt: (offset: number) => number): void {
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

const DUPLICATE = 'dhcpd-duplicate-parameter';
const GLOBAL_ONLY = 'dhcpd-global-only';
