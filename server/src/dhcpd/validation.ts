/** Diagnostics for dhcpd.conf: grammar findings, key/zone references, networks, parameters. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingBudget, type Finding, type ModeContext } from '../service/types';
import { rangeOf } from '../common/text';
import { tokenize, Tk } from '../common/tokenizer';
import type { DhcpdTree, RawFinding } from './parser';
import { PARAM_BY_NAME } from './parser';
import { networkFindings } from './networks';
import { lineIndex } from '../common/text';

export function validate(doc: TextDocument, tree: DhcpdTree, ctx: ModeContext): Finding[] {
  // concat, not push(...): a spread overflows the stack past ~120,000 findings
  const raw: RawFinding[] = tree.findings.concat(keyFindings(doc, tree, ctx), networkFindings(tree), paramFindings(tree));
  // one error per token: keep the first finding that starts at an offset (and the first
  // missing `;` there); the sort is stable and puts findings at one offset together
  const out: Finding[] = [];
  raw.sort((a, b) => a.start - b.start);
  let at = -1;
  let semiSeen = false;
  let otherSeen = false;
  // in document order, so past MAX_FINDINGS_PER_RULE + 1 of a rule the facade lists no more
  const room = findingBudget<string>();
  for (const f of raw) {
    if (f.start !== at) {
      at = f.start;
      semiSeen = otherSeen = false;
    }
    const semi = f.rule === 'dhcpd-missing-semicolon';
    if (semi ? semiSeen : otherSeen) continue;
    if (semi) semiSeen = true;
    else otherSeen = true;
    if (!room(f.rule)) continue;
    const finding: Finding = {
      rule: f.rule,
      range: rangeOf(doc, f.start, f.end),
      message: f.message,
      data: f.data,
      related: f.relatedAt ? [{ location: { uri: doc.uri, range: rangeOf(doc, f.relatedAt.start, f.relatedAt.end) }, message: f.relatedAt.message }] : undefined,
    };
    out.push(finding);
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
      out.push((n.kind === Tk.String ? n.value ?? '' : n.text).replace(/\.$/, '').toLowerCase());
    }
  }
  return out;
}

function keyFindings(doc: TextDocument, tree: DhcpdTree, ctx: ModeContext): RawFinding[] {
  const out: RawFinding[] = [];
  // includes in file order, each either resolved to key names or unknown
  const incs = tree.includes.map((i) => ({ at: i.tok.start, keys: keysInInclude(doc, i.path, ctx) }));
  for (const ref of tree.keyRefs) {
    const defined = tree.keys.some((k) => k.name === ref.name && k.stmt.end <= ref.tok.start);
    if (defined) continue;
    const before = incs.filter((i) => i.at < ref.tok.start);
    if (before.some((i) => i.keys?.includes(ref.name))) continue;
    const unreadable = before.filter((i) => !i.keys);
    const later = tree.keys.find((k) => k.name === ref.name);
    if (unreadable.length && !later) continue; // the key may come from an include we cannot read
    out.push({
      rule: 'dhcpd-undefined-key',
      start: ref.tok.start,
      end: ref.tok.end,
      message: later
        ? `Key \`${ref.tok.text}\` is defined only after this zone: dhcpd needs the \`key\` statement before the zone that uses it.`
        : `No key named \`${ref.tok.text}\` is defined: add \`key ${ref.tok.text} { algorithm hmac-md5; secret "..."; }\` (or include the file that defines it) before this zone.`,
    });
  }
  for (const ref of tree.omapiKeys) {
    if (tree.keys.some((k) => k.name === ref.name)) continue;
    if (incs.some((i) => !i.keys || i.keys.includes(ref.name))) continue;
    out.push({ rule: 'dhcpd-undefined-key', start: ref.tok.start, end: ref.tok.end, message: `No key named \`${ref.tok.text}\` is defined: dhcpd cannot start OMAPI without it. Add \`key ${ref.tok.text} { algorithm hmac-sha256; secret "..."; }\`.` });
  }
  for (const k of tree.keys) {
    const missing = [!k.hasAlgorithm && 'algorithm', !k.hasSecret && 'secret'].filter(Boolean) as string[];
    if (missing.length) {
      out.push({ rule: 'dhcpd-key-incomplete', start: k.nameTok.start, end: k.nameTok.end, message: `Key \`${k.nameTok.text}\` has no ${missing.join(' and no ')}: DNS updates signed with it will fail. Add ${missing.map((m) => (m === 'algorithm' ? '`algorithm hmac-sha256;`' : '`secret "BASE64";`')).join(' and ')}.` });
    }
  }
  return out;
}

function paramFindings(tree: DhcpdTree): RawFinding[] {
  const out: RawFinding[] = [];
  const lineAt = lineIndex(tree.text);
  for (const [owner, list] of tree.params) {
    // a block with one parameter (every host with one option) cannot repeat it: no Map needed
    const seen = list.length > 1 ? new Map<string, number>() : undefined;
    let dflt: number | undefined, max: number | undefined, dfltTok, maxTok;
    for (const p of list) {
      const w0 = p.stmt.words[0]!;
      const kw = w0.text.toLowerCase();
      const conditional = kw !== p.stmt.words[0]!.text.toLowerCase();
      void conditional;
      if (seen?.has(p.name) && !p.name.startsWith('allow ') && !p.name.startsWith('deny ') && !p.name.startsWith('ignore ')) {
        out.push({ rule: 'dhcpd-duplicate-parameter', start: w0.start, end: p.stmt.end, message: `\`${p.name}\` is already set in this scope on line ${lineAt(seen.get(p.name)!)}: the later value wins.` });
      }
      seen?.set(p.name, w0.start);
      const v = p.value && /^\d+$/.test(p.value.text) ? Number(p.value.text) : undefined;
      if (p.name === 'default-lease-time' && v !== undefined) { dflt = v; dfltTok = p.value; }
      if (p.name === 'max-lease-time' && v !== undefined) { max = v; maxTok = p.value; }
      const def = PARAM_BY_NAME.get(p.name);
      if (def && def.scope === 'global' && owner !== null) {
        out.push({ rule: 'dhcpd-global-only', start: w0.start, end: w0.end, message: `\`${p.name}\` only has an effect at the top level of the file; here it is ignored.` });
      }
    }
    if (dflt !== undefined && max !== undefined && dflt > max && dfltTok && maxTok) {
      out.push({ rule: 'dhcpd-lease-time-order', start: dfltTok.start, end: dfltTok.end, message: `default-lease-time (${dflt}) is greater than max-lease-time (${max}): clients will get at most ${max} seconds.` });
    }
  }
  return out;
}

