/**
 * The common case of matchPattern without its states: a pattern that is a sequence of steps that
 * each take exactly one item (keywords, one-word types, blocks, and choices among them), or
 * optional runs of them. It says only that a clause matches (and its lists); a clause it cannot
 * answer for, and every failure, goes to matchPattern.
 */
import { asciiDiffer, matchType, type ListUse, type MItem, type Pat } from './grammar';

/** Types whose match may take other than one item (see matchType). */
const MULTI_TYPES = new Set(['any-words', 'rrtypelist', 'querysource4', 'querysource6', 'log_severity', 'portrange']);

/**
 * A step of a pattern's form: one item (p), or an optional run of one-item steps (opt). The form
 * of a pattern with any other step is null.
 */
type Step = { readonly p: Pat; readonly opt?: undefined } | { readonly opt: readonly Pat[] };

/** Each pattern's form (see Step), null when it has none. */
const forms = new WeakMap<Pat, readonly Step[] | null>();

/** More optional steps than this and a failed match could try too many ways: no form. */
const MAX_OPTS = 6;

function oneItem(p: Pat): boolean {
  switch (p.k) {
    case 'kw':
    case 'list':
    case 'map':
    case 'text':
      return true;
    case 'type':
      return !MULTI_TYPES.has(p.name);
    case 'alt':
      return p.options.every(oneItem);
    default:
      return false;
  }
}

function stepOf(p: Pat): Step | null {
  if (oneItem(p)) return { p };
  if (p.k !== 'opt') return null;
  const run = p.item.k === 'seq' ? p.item.items : [p.item];
  return run.every(oneItem) ? { opt: run } : null;
}

function formOf(p: Pat): readonly Step[] | null {
  let f = forms.get(p);
  if (f === undefined) {
    const steps = (p.k === 'seq' ? p.items : [p]).map(stepOf);
    const ok = steps.every((x) => x !== null) && steps.filter((x) => x!.opt).length <= MAX_OPTS;
    f = ok ? (steps as Step[]) : null;
    forms.set(p, f);
  }
  return f;
}

/** Step p at items[k]: undefined if it does not match, else the list it reads there (null: none). */
function step(p: Pat, items: readonly MItem[], k: number, from: number): ListUse | null | undefined {
  const it = items[k];
  switch (p.k) {
    case 'kw':
      return it &&
        it.kind === 'word' &&
        it.text.length === p.text.length &&
        !asciiDiffer(it.text.charCodeAt(0), p.text.charCodeAt(0)) &&
        it.text.toLowerCase() === p.text.toLowerCase()
        ? null
        : undefined;
    case 'type':
      return matchType(p.name, items, k).length ? null : undefined;
    case 'list':
      return it && it.kind === 'block' ? { at: k - from, elem: p.elem } : undefined;
    case 'map':
    case 'text':
      return it && it.kind === 'block' ? null : undefined;
    case 'alt':
      // the first option that matches, as matchPattern keeps the first state of each end
      for (const o of p.options) {
        const r = step(o, items, k, from);
        if (r !== undefined) return r;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Whether steps[s...] match items[k...] to the end, the lists read pushed to lists. An optional
 * run is tried taken first, then skipped: the first complete way in that order is the one
 * matchPattern keeps (it keeps the first state of each end, and what follows depends on the end only).
 */
function matchFrom(
  steps: readonly Step[],
  s: number,
  items: readonly MItem[],
  k: number,
  from: number,
  lists: ListUse[],
): boolean {
  if (s === steps.length) return k === items.length;
  const st = steps[s]!;
  const mark = lists.length;
  if (st.opt) {
    let j = k;
    for (const p of st.opt) {
      const r = step(p, items, j, from);
      if (r === undefined) {
        j = -1;
        break;
      }
      if (r) lists.push(r);
      j++;
    }
    if (j >= 0 && matchFrom(steps, s + 1, items, j, from, lists)) return true;
    lists.length = mark;
    return matchFrom(steps, s + 1, items, k, from, lists);
  }
  const r = step(st.p, items, k, from);
  if (r === undefined) return false;
  if (r) lists.push(r);
  if (matchFrom(steps, s + 1, items, k + 1, from, lists)) return true;
  lists.length = mark;
  return false;
}

/**
 * The lists of a complete match of items[from...] against p, as matchPattern(p, items.slice(from))
 * gives them on success; undefined when this path cannot tell (then ask matchPattern).
 */
export function simpleMatch(p: Pat, items: readonly MItem[], from: number): readonly ListUse[] | undefined {
  if (items.length - from > 400) return undefined;
  const steps = formOf(p);
  if (!steps) return undefined;
  const lists: ListUse[] = [];
  if (!matchFrom(steps, 0, items, from, from, lists)) return undefined;
  return lists.length ? lists : NO_LISTS;
}

const NO_LISTS: readonly ListUse[] = [];
