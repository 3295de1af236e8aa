/**
 * Quick re-checks of a zone file after a keystroke (service/quick.ts): the record the edit lies
 * in is parsed again on its own and its own checks run (syntax, its data by its type); the
 * findings of the zone as a whole are carried over from the last full pass, which follows when
 * typing pauses. An edit that could change how the file splits into records (a line break, a
 * parenthesis, a quote, a `;` comment, an escape, the first column, where a blank owner or a
 * directive starts), or one in a directive or between records, waits for the full pass.
 */
import type { QuickSupport, StatementSpan } from '../service/types';
import { entryAt as entryOf, entryCount, isDirective, parseZone, type ZoneTree } from './parser';
import { isZoneTypeWord } from './types';

/** The fragments parsed for a quick re-check, with the full tree each comes from. */
const fragments = new WeakMap<ZoneTree, ZoneTree>();

/** The full tree a fragment was cut from, or undefined for a tree of a whole file. */
export const wholeOf = (tree: ZoneTree): ZoneTree | undefined => fragments.get(tree);

/** The index of the last entry that starts at or before `offset`, or -1. */
function entryAt(tree: ZoneTree, offset: number): number {
  let lo = 0;
  let hi = entryCount(tree) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entryOf(tree, mid).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The record whose lines hold [start, end], to the end of its last line (its comment too). */
function statementPath(tree: ZoneTree, start: number, end: number): StatementSpan[] {
  const i = entryAt(tree, start);
  const e = i < 0 ? undefined : entryOf(tree, i);
  if (!e || isDirective(e)) return [];
  const nl = tree.text.indexOf('\n', e.end);
  const lineEnd = nl < 0 ? tree.text.length : nl;
  return end <= lineEnd ? [{ start: e.start, end: lineEnd }] : [];
}

/** Characters whose edit may change where records, strings and comments begin and end. */
const STRUCTURAL = new Set([0x0a, 0x0d, 0x28, 0x29, 0x22, 0x3b, 0x5c]);

function structural(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (STRUCTURAL.has(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The record again, from the fragment the facade cut (a line break, the record's lines, a line
 * break): undefined when the edit is not one a record can be checked alone after.
 */
function parseFragment(part: { getText(): string }, whole: ZoneTree, region: StatementSpan): ZoneTree | undefined {
  const text = part.getText();
  const old = whole.text.slice(region.start, region.end);
  // the left-out text before and after the record stands as one line break each
  const lead = region.start > 0 ? 1 : 0;
  const trail = region.end < whole.text.length ? 1 : 0;
  if (text.length < lead + trail) return undefined;
  const now = text.slice(lead, text.length - trail);
  let p = 0;
  const n = Math.min(old.length, now.length);
  while (p < n && old.charCodeAt(p) === now.charCodeAt(p)) p++;
  let s = 0;
  while (s < n - p && old.charCodeAt(old.length - 1 - s) === now.charCodeAt(now.length - 1 - s)) s++;
  // the first column decides a blank owner and a directive
  if (p === 0) return undefined;
  if (structural(old, p, old.length - s) || structural(now, p, now.length - s)) return undefined;
  const tree = parseZone(text, isZoneTypeWord);
  if (tree.entries.length > 1 || tree.entries.some(isDirective)) return undefined;
  fragments.set(tree, whole);
  return tree;
}

export const zoneQuick: QuickSupport<ZoneTree> = {
  statementPath,
  // a record's bounds are its lines; parseFragment refuses the edits that could move them
  lineBased: true,
  parseFragment: (doc, whole, region) => parseFragment(doc, whole, region),
};
