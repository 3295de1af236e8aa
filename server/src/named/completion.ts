/** Completion: statement names by context (zone-type aware), enum values, and defined names. */
import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { clauseName, type NamedTree } from './tree';
import { patternOf, type Pat } from './grammar';
import { clauseFor, clausesFor, type VersionedClause } from './versioned';
import { bindVersionOf } from './version';
import { BIND_VERSIONS, DEFAULT_BIND_VERSION } from '../service/types';
import { spotAt } from './context';
import { describeClause } from './hover';
import { zoneTypeOf } from './values';
import { symbolTable } from './symbolTable';
import { NAME_KINDS, type NameKind } from './data/names';
import type { ContextId } from './data/types';
import { offsetAt } from '../common/text';

function keywordsAfterName(p: Pat | null): string[] {
  // keywords that may start the value: first position of the pattern
  const out: string[] = [];
  const first = (q: Pat): boolean => {
    switch (q.k) {
      case 'kw':
        out.push(q.text);
        return true;
      case 'alt': {
        let all = true;
        for (const o of q.options) all = first(o) && all;
        return all;
      }
      case 'opt':
        first(q.item);
        return false;
      case 'seq':
        for (const s of q.items) if (first(s)) return true;
        return false;
      case 'type':
        if (q.name === 'boolean') out.push('yes', 'no');
        return true;
      default:
        return true;
    }
  };
  if (p) first(p);
  return [...new Set(out)];
}

/** Statement documentation, built once per version, statement and context (lists run to 200 entries). */
const docCache = new Map<string, string>();
function docOf(vc: VersionedClause, ctx: ContextId): string {
  const k = `${vc.version} ${ctx} ${vc.def.name}`;
  let d = docCache.get(k);
  if (d === undefined) {
    if (docCache.size > 5000) docCache.clear();
    docCache.set(k, (d = describeClause(vc, ctx)));
  }
  return d;
}

/** completionItem/resolve for a statement item: its documentation. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as { ctx?: unknown; name?: unknown; version?: unknown } | undefined;
  if (typeof data?.ctx !== 'string' || typeof data.name !== 'string') return item;
  const ctx = data.ctx as ContextId;
  const version = BIND_VERSIONS.find((v) => v === data.version) ?? DEFAULT_BIND_VERSION;
  const vc = clauseFor(ctx, data.name, version);
  return vc ? { ...item, documentation: { kind: 'markdown', value: docOf(vc, ctx) } } : item;
}

export function doComplete(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): CompletionList {
  const version = bindVersionOf(tree.text, ctx.settings);
  const offset = offsetAt(doc, pos);
  const spot = spotAt(tree, offset);
  const text = tree.text;
  let ls = offset;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== ';' && text[ls - 1] !== '{') ls--;
  const before = text.slice(ls, offset).trimStart();
  const items: CompletionItem[] = [];
  const parts = before.split(/\s+/);
  const atStatementStart = parts.length <= 1;
  const syms = symbolTable(tree);
  const names = (k: NameKind) => syms.defs.filter((d) => d.kind === k).map((d) => d.name);
  if (spot.ctx !== 'list' && atStatementStart) {
    const zoneType = spot.ctx === 'zone' && spot.owner ? zoneTypeOf(spot.owner) : undefined;
    // what the version in force accepts (removed and unknown statements left out)
    for (const { def } of clausesFor(spot.ctx, version)) {
      if (def.status === 'test-only') continue;
      if (zoneType && def.zoneTypes && !def.zoneTypes.includes(zoneType)) continue;
      // documentation comes with completionItem/resolve (lists run to 200 statements)
      items.push({
        label: def.name,
        kind: CompletionItemKind.Keyword,
        data: { mode: 'named', ctx: spot.ctx, name: def.name, version },
        tags: def.status === 'deprecated' || def.status === 'obsolete' ? [1] : undefined,
      });
    }
    if (spot.ctx === 'top' || spot.ctx === 'options' || spot.ctx === 'view' || spot.ctx === 'zone')
      items.push({ label: 'include', kind: CompletionItemKind.Keyword });
    return { isIncomplete: false, items };
  }
  if (spot.ctx === 'list' && spot.owner) {
    const owner = clauseName(spot.owner);
    if (owner === 'category')
      for (const n of [...NAME_KINDS.channel.builtins, ...names('channel')])
        items.push({ label: n, kind: CompletionItemKind.Reference });
    else if (['primaries', 'masters', 'also-notify', 'parental-agents'].includes(owner))
      for (const n of names('primaries')) items.push({ label: n, kind: CompletionItemKind.Reference });
    else {
      for (const n of [...NAME_KINDS.acl.builtins, ...names('acl')])
        items.push({ label: n, kind: CompletionItemKind.Reference });
      items.push({ label: 'key', kind: CompletionItemKind.Keyword });
    }
    if (parts.length >= 2 && parts[parts.length - 2] === 'key')
      return {
        isIncomplete: false,
        items: names('key').map((n) => ({ label: n, kind: CompletionItemKind.Reference })),
      };
    return { isIncomplete: false, items };
  }
  // a value after a statement name
  const stmtName = parts[0]!.toLowerCase();
  if (spot.ctx === 'list') return { isIncomplete: false, items };
  if (stmtName === 'dnssec-policy' && spot.ctx !== 'top')
    for (const n of [...NAME_KINDS['dnssec-policy'].builtins, ...names('dnssec-policy')])
      items.push({ label: n, kind: CompletionItemKind.Reference });
  if (stmtName === 'type' && spot.ctx === 'zone')
    for (const t of ['primary', 'secondary', 'mirror', 'forward', 'hint', 'stub', 'static-stub', 'redirect'])
      items.push({ label: t, kind: CompletionItemKind.EnumMember });
  const prev = parts[parts.length - 2]?.toLowerCase();
  if (prev === 'tls')
    for (const n of [...NAME_KINDS.tls.builtins, ...names('tls')])
      items.push({ label: n, kind: CompletionItemKind.Reference });
  if (prev === 'http')
    for (const n of [...NAME_KINDS.http.builtins, ...names('http')])
      items.push({ label: n, kind: CompletionItemKind.Reference });
  if (prev === 'key' || stmtName === 'keys')
    for (const n of names('key')) items.push({ label: n, kind: CompletionItemKind.Reference });
  if (parts.length === 2 && stmtName !== 'type') {
    const vc = clauseFor(spot.ctx, stmtName, version);
    if (vc && vc.status !== 'absent')
      for (const k of keywordsAfterName(patternOf(vc.def)))
        items.push({ label: k, kind: CompletionItemKind.EnumMember });
  }
  return { isIncomplete: false, items };
}
