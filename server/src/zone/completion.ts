/**
 * Completion in zone files: the directives at the start of a line, record types (and the class
 * `IN`) where a type is expected, i.e. after the owner and an optional TTL and class, and the
 * names the file defines (its owners, written relative to the origin in force where they are below
 * it) where record data expects a domain name (NS, MX, CNAME, SRV target, PTR, DNAME, ...).
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import type { Feature } from '../service/types';
import { offsetAt, rangeOf } from '../common/text';
import { lastStartingAtOrBefore } from '../common/search';
import { isDirective, TTL, type ZoneToken, type ZoneTree } from './parser';
import { RR_TYPES, rrTypeByName } from './data/rrtypes';
import { isZoneTypeWord } from './types';
import { originOf } from './origin';
import { fieldsOfTokens, isNameField, namesOf, shownName, zoneIndex, type ZoneIndex } from './navigation';

const DIRECTIVES: ReadonlyArray<[string, string]> = [
  ['$ORIGIN', 'Set the origin relative names are completed with'],
  ['$TTL', 'Set the default TTL of the records after it'],
  ['$INCLUDE', 'Read another zone file here'],
  ['$GENERATE', 'Generate a run of records (BIND)'],
];

const CLASS = /^(?:IN|CH|CHAOS|HS|HESIOD|NONE|ANY|CLASS\d{1,5})$/i;

/**
 * At most this many names are listed; the list then says it is incomplete, so the client asks
 * again as the user types, and the names that start with what is typed come first. (A thousand
 * names were 180 KB of JSON per request: 5 ms over the wire on a 100,000-record zone.)
 */
const MAX_NAME_ITEMS = 200;

/** The distinct owner names of a file in their written case, in file order (cached per index). */
const ownerLists = new WeakMap<ZoneIndex, string[]>();
function ownerNames(ix: ZoneIndex): string[] {
  let list = ownerLists.get(ix);
  if (list) return list;
  const seen = new Set<string>();
  list = [];
  for (const o of ix.owners) {
    if (o === undefined) continue;
    const k = o.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    list.push(o);
  }
  ownerLists.set(ix, list);
  return list;
}

/** What the cursor is in: a record's data (which field), the type position, or a line's start. */
type Spot =
  | { readonly kind: 'line-start' }
  | { readonly kind: 'type'; readonly hasClass: boolean }
  | { readonly kind: 'data'; readonly type: string; readonly words: readonly string[] }
  | { readonly kind: 'none' };

/** The spot of a line's text before the cursor (`words`: the whole words, then the one being typed). */
function spotOfLine(words: readonly string[], blankOwner: boolean): Spot {
  if (!blankOwner && words.length === 1) return { kind: 'line-start' };
  if (!blankOwner && words[0]!.startsWith('$')) return { kind: 'none' };
  let i = blankOwner ? 0 : 1;
  let ttl = false;
  let cls = false;
  const last = words.length - 1;
  for (let k = 0; k < 2 && i < last; k++) {
    const w = words[i]!;
    if (!ttl && TTL.test(w)) ttl = true;
    else if (!cls && CLASS.test(w) && !isZoneTypeWord(w)) cls = true;
    else break;
    i++;
  }
  if (i === last) return { kind: 'type', hasClass: cls };
  const type = words[i]!;
  if (!isZoneTypeWord(type)) return { kind: 'none' };
  return { kind: 'data', type, words: words.slice(i + 1) };
}

/** The spot inside a record that runs over several lines (parentheses): its data. */
function spotInRecord(tree: ZoneTree, entry: number, offset: number): Spot | undefined {
  const e = tree.entries[entry];
  if (!e || isDirective(e) || offset <= e.type.end) return undefined;
  // the words before the cursor, the one it is in (or an empty one) last
  const words = e.rdata.filter((t) => t.start <= offset).map((t) => t.text);
  const typing = e.rdata.some((t) => t.start <= offset && offset <= t.end);
  return { kind: 'data', type: e.type.text, words: typing ? words : [...words, ''] };
}

function typeItems(hasClass: boolean, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const t of RR_TYPES) {
    if (t.meta || t.refused) continue;
    items.push({
      label: t.name,
      kind: CompletionItemKind.Keyword,
      detail: `type ${t.number}`,
      documentation: t.doc,
      textEdit: { range, newText: t.name },
      ...(t.obsolete ? { tags: [CompletionItemTag.Deprecated], sortText: `~${t.name}` } : {}),
    });
  }
  if (!hasClass)
    items.push({
      label: 'IN',
      kind: CompletionItemKind.EnumMember,
      detail: 'class',
      documentation: 'The Internet class (the default).',
      textEdit: { range, newText: 'IN' },
    });
  return items;
}

/** The owner names as shown from one origin, sorted by their lower-case form (cached per index and origin). */
interface Shown {
  readonly key: string;
  readonly shown: string;
  readonly abs: string;
  /** Its place in the file (the list offers names in file order). */
  readonly order: number;
}
const shownLists = new WeakMap<ZoneIndex, Map<string, Shown[]>>();
function shownNames(ix: ZoneIndex, origin: string | undefined) {
  let byOrigin = shownLists.get(ix);
  if (!byOrigin) shownLists.set(ix, (byOrigin = new Map()));
  let list = byOrigin.get(origin ?? '');
  if (!list) {
    list = ownerNames(ix).map((abs, order) => {
      const shown = shownName(abs, origin);
      return { key: shown.toLowerCase(), shown, abs, order };
    });
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    byOrigin.set(origin ?? '', list);
  }
  return list;
}

/** While the editor is idle: the names as completion offers them from the zone's origin. */
export function prepareCompletion(ix: ZoneIndex): void {
  shownNames(ix, ix.origin);
}

function* inFileOrder(ix: ZoneIndex, origin: string | undefined): Generator<{ shown: string; abs: string }> {
  for (const abs of ownerNames(ix)) yield { shown: shownName(abs, origin), abs };
}

function nameItems(
  ix: ZoneIndex,
  origin: string | undefined,
  partial: string,
  range: Range,
  skip: string | undefined,
): CompletionList {
  const items: CompletionItem[] = [];
  const p = partial.toLowerCase();
  const list = shownNames(ix, origin);
  // the names that start with what is typed: a run of the sorted list, found by bisection
  let lo = 0;
  for (let hi = list.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.key < p) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.length && list[end]!.key.startsWith(p)) end++;
  // nothing typed: the names in file order, as far as the list goes (no need to sort them all)
  const found = p ? list.slice(lo, end).sort((a, b) => a.order - b.order) : inFileOrder(ix, origin);
  let more = false;
  for (const { shown, abs } of found) {
    if (abs.toLowerCase() === skip) continue;
    if (items.length >= MAX_NAME_ITEMS) {
      more = true;
      break;
    }
    items.push({
      label: shown,
      kind: CompletionItemKind.Reference,
      detail: shown === abs ? undefined : abs,
      textEdit: { range, newText: shown },
    });
  }
  return { isIncomplete: more, items };
}

/** The owner of the record being written, when no other record has it (it is no target for itself). */
function ownOnlyName(tree: ZoneTree, ix: ZoneIndex, entry: number, lineStart: number): string | undefined {
  const e = tree.entries[entry];
  if (!e || isDirective(e) || !e.owner || e.start < lineStart) return undefined;
  const key = ix.owners[entry]?.toLowerCase();
  const uses = key === undefined ? [] : (namesOf(tree, ix).get(key) ?? []);
  return uses.filter((u) => u.owner).length === 1 ? key : undefined;
}

export const doComplete: Feature<ZoneTree, 'doComplete'> = (doc, tree, pos, ctx): CompletionList | null => {
  const text = tree.text;
  const offset = offsetAt(doc, pos);
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(ls, offset);
  if (before.includes(';') || (before.match(/"/g)?.length ?? 0) % 2 === 1) return null;
  const partial = /[^\s()"]*$/.exec(before)![0];
  const range = rangeOf(doc, offset - partial.length, offset);
  const last = lastStartingAtOrBefore(tree.entries, offset);
  const open = tree.entries[last];
  // a record whose parentheses run over this line: its data
  let spot = open && open.start < ls && offset <= open.end ? spotInRecord(tree, last, offset) : undefined;
  if (!spot) {
    const words = before.split(/[\s()]+/).filter((w, i, all) => w !== '' || i === all.length - 1);
    spot = spotOfLine(words.length ? words : [''], /^[ \t]/.test(before));
  }
  const origin = originOf(tree, doc.uri, ctx.zoneOrigin, ctx.zoneOriginFrom)?.name;
  switch (spot.kind) {
    case 'line-start':
      return {
        isIncomplete: false,
        items: DIRECTIVES.map(([d, what]) => ({
          label: d,
          kind: CompletionItemKind.Keyword,
          detail: what,
          textEdit: { range, newText: d },
        })),
      };
    case 'type':
      return { isIncomplete: false, items: typeItems(spot.hasClass, range) };
    case 'data': {
      const rt = rrTypeByName(spot.type);
      if (!rt) return null;
      const toks: ZoneToken[] = spot.words.map((w) => ({ text: w, quoted: false, start: 0, end: 0 }));
      const k = toks.length - 1;
      const f = fieldsOfTokens(rt, toks)[k] ?? -1;
      if (f < 0 || !isNameField(rt, f, toks)) return null;
      const ix = zoneIndex(tree, origin);
      // the origin in force at the cursor: that of the last entry before it
      const here = last >= 0 ? ix.origins[last] : ix.origin;
      return nameItems(ix, here, partial, range, ownOnlyName(tree, ix, last, ls));
    }
    default:
      return null;
  }
};
