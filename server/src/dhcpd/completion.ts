/** Completion by context: statements for the block kind, option names, enum values, key names. */
import { offsetAt } from '../common/text';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import { Tk } from '../common/tokenizer';
import type { Stmt } from '../common/blocks';
import { OPTIONS, OPTION_BY_NAME } from './data/options';
import { SERVER_PARAMS, ENUMS, PARAM_BY_NAME } from './data/serverParams';
import {
  KEYWORDS,
  ZONE_STATEMENTS,
  KEY_STATEMENTS,
  FAILOVER_STATEMENTS,
  ALLOW_DENY,
  HARDWARE_TYPES,
  KEY_ALGORITHMS,
  ON_EVENTS,
  KEYWORD_BY_NAME,
} from './data/keywords';
import { BLOCK_SCOPES, offeredIn, type Scope } from './data/placement';
import { COMMON_STATEMENTS } from './data/completionRank';
import type { DhcpdTree } from './parser';
import { describeFormat, BOOLEANS } from './values';
import { stmtPath } from './context';

/** The sortText of a statement in a block: the common ones (data/completionRank.ts) in their order, then the rest by name. */
function rankOf(family: 4 | 6, scope: Scope): (name: string) => string {
  const common = COMMON_STATEMENTS[family][scope] ?? [];
  return (name) => {
    const i = common.indexOf(name);
    return i >= 0 ? `0${String(i).padStart(2, '0')}` : `1${name}`;
  };
}

/** completionItem/resolve for a statement or option item: its documentation. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as { keyword?: unknown; param?: unknown; option?: unknown } | undefined;
  const doc =
    typeof data?.keyword === 'string'
      ? KEYWORD_BY_NAME.get(data.keyword)?.doc
      : typeof data?.param === 'string'
        ? PARAM_BY_NAME.get(data.param)?.doc
        : typeof data?.option === 'string'
          ? OPTION_BY_NAME.get(data.option.toLowerCase())?.doc
          : undefined;
  return doc ? { ...item, documentation: doc } : item;
}

export function doComplete(doc: TextDocument, tree: DhcpdTree, pos: Position): CompletionList {
  const text = doc.getText();
  const offset = offsetAt(doc, pos);
  // the words of the current statement up to the cursor (scan back to ; { } on this statement)
  let i = offset;
  while (i > 0 && !';{}'.includes(text[i - 1]!) && offset - i < 2000) i--;
  const before = text.slice(i, offset).replace(/#[^\n]*/g, '');
  const words = before.split(/[\s,]+/).filter(Boolean);
  const typing = /\s$/.test(before) || before === '' ? '' : (words.pop() ?? '');
  void typing;
  // enclosing block
  const path = stmtPath(tree, offset).filter(
    (s: Stmt) => s.block && offset > s.block.open.start && (!s.block.close || offset <= s.block.close.start),
  );
  const owner = path[path.length - 1];
  const ownerKw = owner?.words[0]?.kind === Tk.Word ? owner.words[0].text.toLowerCase() : undefined;
  const scope: Scope = ownerKw ? (BLOCK_SCOPES[ownerKw] ?? 'root') : 'root';
  const items: CompletionItem[] = [];
  const first = words[0]?.toLowerCase();
  if (words.length === 0) {
    if (scope === 'zone')
      for (const [k, d] of Object.entries(ZONE_STATEMENTS))
        items.push({ label: k, kind: CompletionItemKind.Property, documentation: d });
    else if (scope === 'key')
      for (const [k, d] of Object.entries(KEY_STATEMENTS))
        items.push({ label: k, kind: CompletionItemKind.Property, documentation: d });
    else if (scope === 'failover')
      for (const [k, d] of Object.entries(FAILOVER_STATEMENTS))
        items.push({ label: k, kind: CompletionItemKind.Property, documentation: d });
    else {
      // documentation comes with completionItem/resolve (the list runs to 250 entries); the
      // statements common in this block first, then the rest alphabetically
      const rank = rankOf(tree.family, scope);
      const offered = new Set<string>();
      for (const k of KEYWORDS)
        if (offeredIn(k.name, scope)) {
          offered.add(k.name);
          items.push({
            label: k.name,
            kind: CompletionItemKind.Keyword,
            detail: k.syntax,
            sortText: rank(k.name),
            data: { mode: 'dhcpd', keyword: k.name },
          });
        }
      for (const p of SERVER_PARAMS) {
        // `authoritative` is both a statement and a parameter: listed once
        if ((p.scope === 'global' && scope !== 'root') || offered.has(p.name)) continue;
        items.push({
          label: p.name,
          kind: CompletionItemKind.Property,
          detail: describeFormat(p.format),
          sortText: rank(p.name),
          data: { mode: 'dhcpd', param: p.name },
        });
      }
    }
    return { isIncomplete: false, items };
  }
  if (first && ['option', 'send', 'supersede', 'prepend', 'append', 'default'].includes(first) && words.length === 1) {
    // the options of the file's family: DHCPv4 (and the relay agent's sub-options) or DHCPv6
    const spaces = tree.family === 6 ? ['dhcp6'] : ['dhcp', 'agent'];
    for (const o of OPTIONS) {
      const k = spaces.indexOf(o.space);
      if (k < 0) continue;
      const label = o.space === 'dhcp' ? o.name : `${o.space}.${o.name}`;
      items.push({
        label,
        kind: CompletionItemKind.Field,
        detail: `code ${o.code} — ${describeFormat(o.format)}`,
        sortText: k + label,
        data: { mode: 'dhcpd', option: `${o.space}.${o.name}` },
      });
    }
    for (const u of tree.userOptions)
      items.push({
        label: u.startsWith('dhcp.') ? u.slice(5) : u,
        kind: CompletionItemKind.Field,
        detail: 'defined in this file',
      });
    return { isIncomplete: false, items };
  }
  if (first === 'key' && (scope === 'zone' || words.length === 1) && words.length === 1 && scope === 'zone') {
    for (const k of tree.keys)
      items.push({ label: k.nameTok.text, kind: CompletionItemKind.Reference, detail: 'key defined in this file' });
    return { isIncomplete: false, items };
  }
  if (first === 'algorithm' && scope === 'key') {
    for (const a of KEY_ALGORITHMS) items.push({ label: a, kind: CompletionItemKind.EnumMember });
    return { isIncomplete: false, items };
  }
  if (first === 'hardware' && words.length === 1) {
    for (const h of HARDWARE_TYPES) items.push({ label: h, kind: CompletionItemKind.EnumMember });
    return { isIncomplete: false, items };
  }
  if (first === 'on' && words.length === 1) {
    for (const e of ON_EVENTS) items.push({ label: e, kind: CompletionItemKind.Event });
    return { isIncomplete: false, items };
  }
  if (first && ['allow', 'deny', 'ignore'].includes(first) && words.length === 1) {
    for (const [k, d] of Object.entries(ALLOW_DENY))
      items.push({
        label: k,
        kind: CompletionItemKind.EnumMember,
        documentation: d,
        insertText: k === 'members of' ? 'members of "${1:class}"' : k,
        insertTextFormat: k === 'members of' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      });
    return { isIncomplete: false, items };
  }
  const p = first ? SERVER_PARAMS.find((x) => x.name === first) : undefined;
  if (p && words.length === 1) {
    if (p.format.startsWith('N')) {
      const e = ENUMS[p.format.slice(1, -1)];
      for (const v of e ?? []) items.push({ label: v, kind: CompletionItemKind.EnumMember });
    } else if (p.format === 'f')
      for (const b of BOOLEANS.slice(0, 4)) items.push({ label: b, kind: CompletionItemKind.Value });
  }
  return { isIncomplete: false, items };
}
