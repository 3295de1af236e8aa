/**
 * Each clause against the grammar tables: unknown, misplaced, removed, deprecated and obsolete
 * statements, zone-type restrictions, repeats, and values (types, address match lists).
 */
import { orList, suggestionsFor } from '../../common/text';
import type { FixData } from '../../common/fixes';
import type { BlockItem, Clause, Item, NamedTree, WordItem } from '../tree';
import type { ModeContext } from '../../service/types';
import type { StructureError } from '../../common/structure';
import { CURLY_DOUBLE_CLOSING } from '../../common/quotes';
import { isIPv4, isIPv6 } from '../../common/ip';
import {
  CONTEXT_OF_BLOCK,
  checkNetprefix,
  clauseIn,
  clausesOf,
  contextLabel,
  contextsOf,
  looksLikeAddress,
  matchPattern,
  patternOf,
  type Pat,
} from '../grammar';
import type { ClauseDef, ContextId, ZoneType } from '../data/types';
import { isCurly, zoneTypeOf } from '../values';
import { simpleMatch } from '../fastMatch';
import { clauseFor, firstIn, removedIn, SYNONYM_OF, type VersionedClause } from '../versioned';
import type { Reporter } from './reporter';

/** The statement names of each context that did-you-mean offers (the removed ones left out). */
const candidates = new Map<ContextId, readonly string[]>();
function statementSuggestions(ctx: ContextId, name: string): readonly string[] {
  let names = candidates.get(ctx);
  if (!names) {
    names = clausesOf(ctx)
      .filter((d) => d.status !== 'removed')
      .map((d) => d.name);
    candidates.set(ctx, names);
  }
  return suggestionsFor(name, names);
}

export function checkClauses(
  clauses: readonly Clause[],
  ctx: ContextId,
  zoneType: ZoneType | undefined,
  rep: Reporter,
): void {
  const counts = new Map<string, Clause>();
  for (const c of clauses) {
    // read once: each read of c.items looks it up again
    const items = c.items;
    const first = items[0];
    if (!first) continue;
    if (first.kind !== 'word') {
      rep.add(
        'named-invalid-value',
        first.start,
        first.start + 1,
        `A block here needs a statement name before its \`{\`.`,
      );
      continue;
    }
    const name = first.text.toLowerCase();
    if (isCurly(first)) {
      rep.add(
        'named-curly-quotes',
        first.start,
        first.end,
        `${CURLY_NOTE} reads ${first.text} as a statement name with the quote characters in it, and there is no such statement: remove the quotes.`,
      );
      continue;
    }
    if (first.quoted) {
      rep.add(
        'named-unknown-statement',
        first.start,
        first.end,
        `Expected a statement name in ${contextLabel(ctx)}, found the string ${rep.source(first.start, first.end)}.`,
      );
      continue;
    }
    if (name === 'include') {
      const f = items[1];
      if (f && f.kind === 'word' && isCurly(f))
        rep.add(
          'named-curly-quotes',
          f.start,
          f.end,
          `${CURLY_NOTE} reads ${f.text} as a bare word, and include needs the file name in straight double quotes.`,
        );
      else if (!f || f.kind !== 'word' || !f.quoted || items.length !== 2)
        rep.add(
          'named-invalid-value',
          first.start,
          first.end,
          '`include` takes one quoted file name: `include "/etc/bind/named.conf.local";`.',
        );
      continue;
    }
    const vc = clauseFor(ctx, name, rep.version);
    if (!vc) {
      unknownStatement(first, name, ctx, rep);
      continue;
    }
    if (!checkStatus(vc, c, first, rep)) continue;
    const def = vc.def;
    if (ctx === 'zone' && zoneType && zoneType !== 'in-view' && def.zoneTypes && !def.zoneTypes.includes(zoneType)) {
      rep.add(
        'named-zone-option-not-allowed',
        first.start,
        first.end,
        `\`${def.name}\` is not allowed in a \`${zoneType}\` zone (allowed in: ${def.zoneTypes.join(', ')}).`,
      );
    }
    if (!def.multi) {
      const prev = counts.get(name);
      if (prev) {
        if (rep.wants('named-duplicate-statement', first.start))
          rep.add(
            'named-duplicate-statement',
            first.start,
            first.end,
            `\`${def.name}\` is already set in this block (line ${rep.line(prev.start)}); it may appear only once.`,
          );
      } else counts.set(name, c);
    }
    checkValue(items, def, first, rep);
    // sub-blocks that are statement contexts
    for (const it of items) {
      if (it.kind !== 'block' || !it.clauses.length) continue;
      const inner = it.clauses[0]!.ctx;
      if (inner !== 'list') checkClauses(it.clauses, inner, inner === 'zone' ? zoneTypeOf(c) : undefined, rep);
    }
  }
}

/** A statement name the context does not know: misplaced (known elsewhere) or unknown. */
function unknownStatement(first: WordItem, name: string, ctx: ContextId, rep: Reporter): void {
  const contexts = contextsOf(name);
  const misplaced = contexts.some((x) => x !== ctx);
  // a file may repeat one unknown word a million times: no message past the facade's cut
  if (!rep.wants(misplaced ? 'named-wrong-context' : 'named-unknown-statement', first.start)) return;
  if (misplaced) {
    const children = Object.values(CONTEXT_OF_BLOCK[ctx] ?? {});
    const elsewhere = contexts
      .filter((x) => x !== ctx)
      .sort((x, y) => Number(children.includes(y)) - Number(children.includes(x)));
    rep.add(
      'named-wrong-context',
      first.start,
      first.end,
      `\`${first.text}\` is not allowed in ${contextLabel(ctx)}; it belongs in ${elsewhere.slice(0, 4).map(contextLabel).join(', ')}.`,
    );
  } else {
    const sugg = statementSuggestions(ctx, name);
    rep.add(
      'named-unknown-statement',
      first.start,
      first.end,
      `Unknown statement \`${first.text}\` in ${contextLabel(ctx)}${sugg.length ? `: did you mean ${orList(sugg)}?` : '.'}`,
      sugg.length ? ({ replace: sugg } satisfies FixData) : undefined,
    );
  }
}

/** The version a file is checked as, for messages. */
const asChecked = (v: string) => `this file is checked as BIND ${v}`;

/**
 * A statement another BIND version has, removed, deprecated and obsolete statements, each as
 * the version the file is checked as sees it; false: nothing more to check.
 */
function checkStatus(vc: VersionedClause, c: Clause, first: WordItem, rep: Reporter): boolean {
  // the common case first, with nothing made: a statement the version takes as it is
  if (vc.status === 'ok' && !vc.def.status) return true;
  const { def, row, version } = vc;
  const name = def.name;
  // what to write instead: BIND's successor, or for a statement new in a later version its older name
  const successor = row?.successor ?? (vc.status === 'absent' ? SYNONYM_OF[name] : undefined);
  const instead = successor ? `; use \`${successor}\` instead` : '';
  // a successor that is one statement name replaces the word; the statement can always go
  const fix = (removable: boolean): FixData => ({
    ...(successor && /^[a-z0-9-]+$/.test(successor)
      ? { replace: [successor], title: `Replace \`${name}\` with \`${successor}\`` }
      : {}),
    ...(removable ? { remove: { start: c.start, end: c.end, title: `Remove the \`${name}\` statement` } } : {}),
  });
  if (vc.status === 'absent') {
    const since = row ? firstIn(row) : undefined;
    const gone = row ? removedIn(row) : undefined;
    const why =
      since && since > version
        ? `is new in BIND ${since}`
        : gone && gone <= version
          ? `was removed in BIND ${gone}`
          : `is not known to BIND ${version}`;
    rep.add(
      'named-unknown-statement',
      first.start,
      first.end,
      `\`${name}\` ${why} (${asChecked(version)}); named-checkconf ${version} says "unknown option"${instead}.`,
      fix(true),
    );
    return false;
  }
  if (def.status === 'removed') {
    const gone = (row && removedIn(row)) ?? def.since;
    rep.add(
      'named-removed-statement',
      first.start,
      first.end,
      `\`${name}\` was removed${gone ? ` in BIND ${gone}` : ''} (${asChecked(version)}): named refuses to start with it. Remove it${instead}.`,
      fix(true),
    );
    return false;
  }
  if (def.status === 'deprecated')
    rep.add(
      'named-deprecated-statement',
      first.start,
      first.end,
      `\`${name}\` is deprecated${def.since ? ` since BIND ${def.since}` : ''} (${asChecked(version)}) and will be removed in a later release${instead}.`,
      fix(true),
    );
  if (vc.status === 'experimental' && version >= '9.18')
    rep.add(
      'named-experimental-statement',
      first.start,
      first.end,
      `\`${name}\` is experimental in BIND ${version} (${asChecked(version)}): named-checkconf warns that it may change or go in a later release.`,
    );
  if (def.status === 'obsolete')
    rep.add(
      'named-obsolete-statement',
      first.start,
      first.end,
      `\`${name}\` is obsolete in BIND ${version}, the version this file is checked as, and has no effect: remove it${instead}.`,
      fix(true),
    );
  return true;
}

/**
 * The clause's values against its grammar. Its findings are syntax errors, and missing `;` in
 * address lists, which need a block: all at or after the statement's start, so none is listed
 * once those rules are cut before it.
 */
function checkValue(items: readonly Item[], def: ClauseDef, first: WordItem, rep: Reporter): void {
  const pat = patternOf(def);
  if (
    !pat ||
    (rep.past('named-invalid-value', first.start) &&
      (rep.past('named-missing-semicolon', first.start) || !items.some((i) => i.kind === 'block')))
  )
    return;
  // most clauses match step by step (simpleMatch); the others, and every failure, go through matchPattern
  const fast = simpleMatch(pat, items, 1);
  const res = fast ? ({ ok: true, lists: fast } as const) : matchPattern(pat, items.slice(1));
  if (res.ok) {
    for (const l of res.lists) {
      const bi = items[l.at + 1];
      if (bi && bi.kind === 'block') checkList(bi, l.elem, def.name, rep);
    }
    return;
  }
  const at = res.failure.at + 1;
  const item = items[at];
  const exp = res.failure.expected.slice(0, 4).join(' or ');
  if (item) {
    unexpectedItem(item, def.name, false, exp, rep);
  } else {
    const last = items[items.length - 1]!;
    rep.add(
      'named-invalid-value',
      first.start,
      last.end,
      `\`${def.name}\` is incomplete: expected ${exp} after \`${last.kind === 'word' ? last.text : '}'}\`.`,
    );
  }
}

/** How the messages about curly quotes start. */
const CURLY_NOTE = 'Curly quotes are not quotes to BIND: it';

/** The characters at which BIND's lexer ends a word (lib/isccfg/parser.c: specials, and # comments). */
const SPLITS: ReadonlyArray<[RegExp, string]> = [
  [/\s/, 'at the space'],
  [/[{};"!/#]/, 'at the'],
];

/**
 * A curly-quoted string the clauses left alone (checkClauses reports those where a name cannot
 * stand): BIND reads it as a bare word with the quote characters in it, which named accepts as a
 * name, unless the word is cut short (a space, a special character, a straight quote at its end).
 */
export function checkCurlyQuotes(text: string, e: StructureError, rep: Reporter): void {
  if (!rep.wants('named-curly-quotes', e.start)) return;
  const word = text.slice(e.start, e.end);
  const closed = word.length > 1 && CURLY_DOUBLE_CLOSING.has(word.charCodeAt(word.length - 1));
  if (!closed && word.endsWith('"')) {
    rep.add(
      'named-curly-quotes',
      e.start,
      e.end,
      `${CURLY_NOTE} reads the opening curly quote as part of a word and the straight one at the end as the start of a string, so named-checkconf fails here: use straight double quotes (") at both ends.`,
    );
    return;
  }
  // a curly quote not closed on its line starts a word that ends where any word ends
  const inner = closed ? word.slice(1, -1) : word.slice(1);
  for (const [re, where] of SPLITS) {
    const m = re.exec(inner);
    if (!m) continue;
    rep.add(
      'named-curly-quotes',
      e.start,
      e.end,
      `${CURLY_NOTE} reads ${word} as bare words and cuts it ${where === 'at the' ? `at the ${m[0]}` : where}, so named-checkconf fails here: use straight double quotes (").`,
    );
    return;
  }
  if (rep.wants('named-curly-quotes-in-name', e.start))
    rep.add(
      'named-curly-quotes-in-name',
      e.start,
      e.end,
      closed
        ? `${CURLY_NOTE} reads ${word} as a name with the quote characters in it, so the name is ${word}, not ${inner || 'empty'}: use straight double quotes ("), unless the quote characters are meant to be part of the name.`
        : `${CURLY_NOTE} reads ${word} as a name with the quote character in it (no closing quote follows on this line), so the name is ${word}, not ${inner || 'empty'}: use straight double quotes (") at both ends, unless the quote character is meant to be part of the name.`,
    );
}

/**
 * What `owner` (or an entry of its list) expected, and what was found at `item` (a word's span,
 * or a block's `{`). A word in curly quotes, which BIND reads as a bare word, is a curly-quotes error.
 */
function unexpectedItem(item: Item, owner: string, inList: boolean, exp: string, rep: Reporter): void {
  if (item.kind === 'word' && isCurly(item)) {
    rep.add(
      'named-curly-quotes',
      item.start,
      item.end,
      `${CURLY_NOTE} reads ${item.text} as a bare word, and ${inList ? 'an entry of ' : ''}${owner} takes ${exp.replace(/`/g, "'")} here: use straight double quotes (").`,
    );
    return;
  }
  const end = item.kind === 'word' ? item.end : item.start + 1;
  const where = inList ? `In \`${owner}\`` : `\`${owner}\``;
  const slash = item.kind === 'word' && !item.quoted ? item.text.indexOf('/') : -1;
  if (slash > 0 && item.kind === 'word') {
    const before = item.text.slice(0, slash);
    const wants = exp.replace(/`/g, "'");
    rep.add(
      'named-invalid-value',
      item.start,
      end,
      isIPv4(before) || isIPv6(before)
        ? `${where}: \`${item.text}\` is a prefix, but ${wants} goes here: write the address alone, \`${before}\`.`
        : `${where}: BIND ends an unquoted word at \`/\`, so it reads \`${item.text}\` as \`${before}\` and a stray \`/\`; ${wants} goes here.`,
    );
    return;
  }
  rep.add('named-invalid-value', item.start, end, `${where}: expected ${exp}, found ${describeItem(item, rep)}.`);
}

function describeItem(item: Item, rep: Reporter): string {
  return item.kind === 'word' ? `\`${item.quoted ? rep.source(item.start, item.end) : item.text}\`` : 'a `{ }` block';
}

function checkList(bi: BlockItem, elem: Pat, owner: string, rep: Reporter): void {
  for (const e of bi.clauses) {
    const items = e.items;
    if (!items.length) continue;
    if (elem.k === 'type' && elem.name === 'address_match_element') {
      checkAddressElement(items, owner, rep);
      continue;
    }
    const fast = simpleMatch(elem, items, 0);
    const res = fast ? ({ ok: true, lists: fast } as const) : matchPattern(elem, items);
    if (!res.ok) {
      const item = items[res.failure.at];
      const exp = res.failure.expected.slice(0, 4).join(' or ');
      if (item) {
        unexpectedItem(item, owner, true, exp, rep);
      } else {
        const last = items[items.length - 1]!;
        rep.add(
          'named-invalid-value',
          items[0]!.start,
          last.end,
          `In \`${owner}\`: this entry is incomplete, expected ${exp}.`,
        );
      }
    } else {
      for (const l of res.lists) {
        const inner = items[l.at];
        if (inner && inner.kind === 'block') checkList(inner, l.elem, owner, rep);
      }
    }
  }
}

/** `[!] ( address | prefix | key name | acl-name | geoip ... | { nested list } )` */
function checkAddressElement(items: readonly Item[], owner: string, rep: Reporter): void {
  let k = 0;
  let first = items[0]!;
  if (first.kind === 'word' && !first.quoted && first.text === '!') {
    k = 1;
    first = items[1]!;
    if (!first) {
      rep.add(
        'named-invalid-value',
        items[0]!.start,
        items[0]!.end,
        `In \`${owner}\`: \`!\` must be followed by an address, prefix, acl name or key.`,
      );
      return;
    }
  }
  if (first.kind === 'block') {
    for (const e of first.clauses) {
      const inner = e.items;
      if (inner.length) checkAddressElement(inner, owner, rep);
    }
    return;
  }
  let text = first.text;
  if (!first.quoted && text.startsWith('!')) text = text.slice(1);
  const l = text.toLowerCase();
  if (!first.quoted && (l === 'key' || l === 'geoip')) {
    if (l === 'key' && items.length !== k + 2) {
      rep.add('named-invalid-value', first.start, first.end, `In \`${owner}\`: \`key\` takes exactly one key name.`);
    }
    return;
  }
  if (!first.quoted && looksLikeAddress(text)) {
    const err = checkNetprefix(text);
    if (err) rep.add('named-invalid-value', first.start, first.end, `In \`${owner}\`: ${err}.`);
  }
  if (items.length > k + 1) {
    const extra = items[k + 1]!;
    rep.add(
      'named-missing-semicolon',
      (first as WordItem).end,
      (first as WordItem).end,
      `In \`${owner}\`: each address match element ends with \`;\` — missing \`;\` before \`${extra.kind === 'word' ? extra.text : '{'}\`.`,
      { insert: ';' },
    );
  }
}

/**
 * A top-level statement that may appear once (`options`, `logging`, `controls`, ...) set again in
 * this file after another file of the tree set it: named reads the tree as one file and fails at
 * the second one ("'options' redefined").
 */
export function checkOnceAcrossTree(tree: NamedTree, ctx: ModeContext, rep: Reporter): void {
  const tc = ctx.tree;
  if (!tc || tc.scope) return;
  // the statements of the files read before this one, and of those its own includes load, by where
  const earlier = new Map<string, string>();
  const byInclude = new Map<number, Array<{ name: string; file: string }>>();
  for (const f of tc.files) {
    const file = f.uri.slice(f.uri.lastIndexOf('/') + 1);
    for (const c of (f.tree as NamedTree).clauses) {
      const name = c.name.toLowerCase();
      const def = clauseIn('top', name);
      if (!def || def.multi) continue;
      if (f.before && !(f.until !== undefined && c.start > f.until) && !earlier.has(name)) earlier.set(name, file);
      if (f.via !== undefined) {
        const list = byInclude.get(f.via) ?? [];
        list.push({ name, file });
        byInclude.set(f.via, list);
      }
    }
  }
  let k = 0;
  for (const c of tree.clauses) {
    // the includes of this file before the statement
    for (; k < tc.edges.length && tc.edges[k]!.site.start < c.start; k++)
      for (const x of byInclude.get(k) ?? []) if (!earlier.has(x.name)) earlier.set(x.name, x.file);
    const name = c.name.toLowerCase();
    const def = clauseIn('top', name);
    const file = def && !def.multi ? earlier.get(name) : undefined;
    const w = c.items[0];
    if (file && w && rep.wants('named-duplicate-statement', w.start))
      rep.add(
        'named-duplicate-statement',
        w.start,
        w.end,
        `\`${name}\` is already set in ${file}, which named reads before this; it may appear only once in the whole configuration.`,
      );
  }
}
