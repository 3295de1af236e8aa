/**
 * Diagnostics: structure (from the block layer), then each clause against the grammar tables:
 * unknown / misplaced / removed statements, value types, zone-type restrictions, repeats.
 * The semantic checks (references, zones, logging) live in semantics.ts.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FINDINGS_PER_RULE, type Finding, type ModeContext } from '../service/types';
import { rangeOf, didYouMean, orList } from '../common/text';
import { clauseName, type BlockItem, type Clause, type Item, type NamedTree, type WordItem } from './parser';
import {
  CONTEXT_OF_BLOCK,
  checkNetprefix,
  clauseIn,
  clausesOf,
  contextsOf,
  looksLikeAddress,
  matchPattern,
  patternOf,
  type Pat,
} from './grammar';
import type { ContextId, ZoneType } from './data/types';
import { checkSemantics } from './semantics';

export interface Reporter {
  add(rule: string, start: number, end: number, message: string, data?: unknown): void;
  /**
   * Whether a finding of `rule` at `start` would be kept (false: one is there already, or the
   * rule has so many before it that the facade would list none past it). Ask before making an
   * expensive message at a place that may fire on every statement of a huge file.
   */
  wants(rule: string, start: number): boolean;
  /** Whether no finding of `rule` at `start` or after it would be kept (the rule is cut before it). */
  past(rule: string, start: number): boolean;
  /** The document's text at [start, end) (a string's quotes and escapes as written). */
  source(start: number, end: number): string;
}

const CONTEXT_LABEL: Record<ContextId, string> = {
  top: 'the top level',
  options: '`options`',
  view: '`view`',
  zone: '`zone`',
  logging: '`logging`',
  channel: 'a logging `channel`',
  key: '`key`',
  server: '`server`',
  tls: '`tls`',
  http: '`http`',
  'dnssec-policy': '`dnssec-policy`',
  'rate-limit': '`rate-limit`',
  dns64: '`dns64`',
  dlz: '`dlz`',
  controls: '`controls`',
  'statistics-channels': '`statistics-channels`',
};
export function contextLabel(c: ContextId): string {
  return CONTEXT_LABEL[c];
}

export function normalizeZoneType(t: string): ZoneType | undefined {
  const l = t.toLowerCase();
  if (l === 'master') return 'primary';
  if (l === 'slave') return 'secondary';
  const known: ZoneType[] = [
    'primary',
    'secondary',
    'mirror',
    'stub',
    'static-stub',
    'delegation-only',
    'hint',
    'redirect',
    'forward',
  ];
  return (known as string[]).includes(l) ? (l as ZoneType) : undefined;
}

/** The zone type of a zone clause, or 'in-view' for in-view zones, or undefined. */
export function zoneTypeOf(zone: Clause): ZoneType | undefined {
  const b = zone.items.find((i): i is BlockItem => i.kind === 'block');
  if (!b) return undefined;
  if (b.clauses.some((c) => clauseName(c) === 'in-view')) return 'in-view';
  for (const c of b.clauses) {
    if (clauseName(c) === 'type') {
      const v = c.items[1];
      if (v && v.kind === 'word') return normalizeZoneType(v.text);
    }
  }
  return undefined;
}

export function doValidation(doc: TextDocument, tree: NamedTree, ctx: ModeContext): Finding[] {
  // offsets first, ranges at the end: a rule may fire 100,000 times, and past
  // MAX_FINDINGS_PER_RULE + 1 of them (by position) the facade lists no more
  const rep = new FindingSink(tree.text);
  for (const e of tree.structure) {
    const rule =
      e.problem === 'missing-semicolon' ||
      e.problem === 'missing-semicolon-after-block' ||
      e.problem === 'empty-statement'
        ? 'named-missing-semicolon'
        : e.problem === 'unclosed-brace' || e.problem === 'unexpected-close-brace'
          ? 'named-unbalanced-braces'
          : e.problem === 'unterminated-string'
            ? 'named-unterminated-string'
            : e.problem === 'unterminated-comment'
              ? 'named-unterminated-comment'
              : e.problem === 'curly-quoted'
                ? 'named-curly-quotes'
                : 'named-too-deep';
    // the message is written when read (see missingSemicolon): not for one past the cut
    if (!rep.wants(rule, e.start)) continue;
    rep.add(
      rule,
      e.start,
      e.end,
      e.message,
      e.problem === 'missing-semicolon' || e.problem === 'missing-semicolon-after-block' ? { insert: ';' } : undefined,
    );
  }
  checkClauses(tree.clauses, 'top', undefined, rep);
  if (!ctx.token?.isCancellationRequested) checkSemantics(doc, tree, rep, ctx);
  return rep
    .result()
    .map((f) => ({ rule: f.rule, range: rangeOf(doc, f.start, f.end), message: f.message, data: f.data }));
}

interface RawFinding {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data: unknown;
}

/**
 * The reporter of one validation: one finding per rule and offset (the first made), and no more
 * of a rule than can outlive the final cut (result()). The passes do not make findings in
 * document order, so the cut is known only at the end; but once a rule has made KEEP of them,
 * the (MAX_FINDINGS_PER_RULE + 1)-th smallest offset among them is a bound: the final cut is at
 * or before it, so a later finding past it is dropped when made. A file that repeats one mistake
 * 100,000 times so keeps a few thousand findings, not 100,000.
 */
class FindingSink implements Reporter {
  /** Per rule (by index): findings kept, and the bound (Infinity until the rule has made KEEP). */
  private readonly kept: number[] = [];
  private readonly bound: number[] = [];
  private readonly ruleIndex = new Map<string, number>();
  /** rule index + RULE_SLOTS * offset, of the findings made (dropped ones may stay: the bound rejects them again). */
  private readonly seen = new Set<number>();
  private found: RawFinding[] = [];
  constructor(private readonly text: string) {}
  private indexOf(rule: string): number {
    let r = this.ruleIndex.get(rule);
    if (r === undefined) {
      r = this.ruleIndex.size;
      this.ruleIndex.set(rule, r);
      this.kept.push(0);
      this.bound.push(Infinity);
    }
    return r;
  }
  wants(rule: string, start: number): boolean {
    const r = this.indexOf(rule);
    return start <= this.bound[r]! && !this.seen.has(r + RULE_SLOTS * start);
  }
  past(rule: string, start: number): boolean {
    return start > this.bound[this.indexOf(rule)]!;
  }
  add(rule: string, start: number, end: number, message: string, data?: unknown): void {
    const r = this.indexOf(rule);
    if (start > this.bound[r]!) return;
    const key = r + RULE_SLOTS * start;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ rule, start, end, message, data });
    if (++this.kept[r]! >= KEEP) this.tighten(rule, r);
  }
  source(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  /** Rule r has made KEEP findings: bound it, and drop those past the bound. */
  private tighten(rule: string, r: number): void {
    const starts: number[] = [];
    for (const f of this.found) if (f.rule === rule) starts.push(f.start);
    starts.sort((a, b) => a - b);
    const bound = starts[MAX_FINDINGS_PER_RULE]!;
    this.bound[r] = bound;
    this.found = this.found.filter((f) => f.rule !== rule || f.start <= bound);
    this.kept[r] = MAX_FINDINGS_PER_RULE + 1;
  }
  /**
   * The findings kept, in the order made, and no more of a rule than the facade may list: the
   * first MAX_FINDINGS_PER_RULE + 1 by position (the bound of a rule cut here is its last).
   */
  result(): RawFinding[] {
    this.ruleIndex.forEach((r, rule) => {
      if (this.kept[r]! > MAX_FINDINGS_PER_RULE + 1) this.tighten(rule, r);
    });
    return this.found;
  }
}
/** Room for the rule indices in a numeric key (far more than there are rules). */
const RULE_SLOTS = 1024;
/** Findings of one rule kept before the bound is taken again (a multiple of what the facade lists, so that tightening is rare). */
const KEEP = 4 * (MAX_FINDINGS_PER_RULE + 1);

/**
 * Statements of a context spelled like `name`. Remembered (a file may repeat one unknown word
 * 100,000 times, and each search measures it against every statement of the context).
 */
const suggestionCache = new Map<string, readonly string[]>();
function statementSuggestions(ctx: ContextId, name: string): readonly string[] {
  const key = `${ctx}\0${name}`;
  let sugg = suggestionCache.get(key);
  if (!sugg) {
    if (suggestionCache.size >= 4096) suggestionCache.clear();
    sugg = didYouMean(
      name,
      clausesOf(ctx)
        .filter((d) => d.status !== 'removed')
        .map((d) => d.name),
    );
    suggestionCache.set(key, sugg);
  }
  return sugg;
}

function checkClauses(clauses: readonly Clause[], ctx: ContextId, zoneType: ZoneType | undefined, rep: Reporter): void {
  const counts = new Map<string, Clause>();
  for (const c of clauses) {
    const first = c.items[0];
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
      const f = c.items[1];
      if (!f || f.kind !== 'word' || !f.quoted || c.items.length !== 2)
        rep.add(
          'named-invalid-value',
          first.start,
          first.end,
          '`include` takes one quoted file name: `include "/etc/bind/named.conf.local";`.',
        );
      continue;
    }
    const def = clauseIn(ctx, name);
    if (!def) {
      const contexts = contextsOf(name);
      const misplaced = contexts.some((x) => x !== ctx);
      // a file may repeat one unknown word a million times: no message past the facade's cut
      if (!rep.wants(misplaced ? 'named-wrong-context' : 'named-unknown-statement', first.start)) continue;
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
          sugg.length ? { replacements: sugg } : undefined,
        );
      }
      continue;
    }
    if (def.status === 'removed') {
      rep.add(
        'named-removed-statement',
        first.start,
        first.end,
        `\`${def.name}\` no longer exists in BIND 9.18${def.since && def.since !== '9.18' ? ` (removed in the ${def.since} series)` : ''}: remove it.`,
      );
      continue;
    }
    if (def.status === 'deprecated')
      rep.add(
        'named-deprecated-statement',
        first.start,
        first.end,
        `\`${def.name}\` is deprecated${def.since ? ` since BIND ${def.since}` : ''} and will be removed in a later release.`,
      );
    if (def.status === 'obsolete')
      rep.add(
        'named-obsolete-statement',
        first.start,
        first.end,
        `\`${def.name}\` is obsolete in BIND 9.18 and has no effect: remove it.`,
      );
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
            `\`${def.name}\` is already set in this block (line ${lineOfOffset(prev)}); it may appear only once.`,
          );
      } else counts.set(name, c);
    }
    // value grammar (its findings are syntax errors, and missing `;` in address lists, which
    // need a block: all at or after the statement's start, so none is listed once those rules
    // are cut before it)
    const pat = patternOf(def);
    if (
      pat &&
      !(
        rep.past('named-invalid-value', first.start) &&
        (rep.past('named-missing-semicolon', first.start) || !c.items.some((i) => i.kind === 'block'))
      )
    ) {
      const res = matchPattern(pat, c.items.slice(1));
      if (!res.ok) {
        const at = res.failure.at + 1;
        const item = c.items[at];
        const exp = res.failure.expected.slice(0, 4).join(' or ');
        if (item) {
          const what =
            item.kind === 'word'
              ? `\`${item.quoted ? rep.source(item.start, item.end) : item.text}\``
              : 'a `{ }` block';
          rep.add(
            'named-invalid-value',
            item.start,
            item.kind === 'word' ? item.end : item.start + 1,
            `\`${def.name}\`: expected ${exp}, found ${what}.`,
          );
        } else {
          const last = c.items[c.items.length - 1]!;
          rep.add(
            'named-invalid-value',
            first.start,
            last.end,
            `\`${def.name}\` is incomplete: expected ${exp} after \`${last.kind === 'word' ? last.text : '}'}\`.`,
          );
        }
      } else {
        for (const l of res.lists) {
          const bi = c.items[l.at + 1];
          if (bi && bi.kind === 'block') checkList(bi, l.elem, def.name, rep);
        }
      }
    }
    // sub-blocks that are statement contexts
    for (const it of c.items) {
      if (it.kind !== 'block' || !it.clauses.length) continue;
      const inner = it.clauses[0]!.ctx;
      if (inner !== 'list') checkClauses(it.clauses, inner, inner === 'zone' ? zoneTypeOf(c) : undefined, rep);
    }
  }
}

let lineOf: (offset: number) => number = () => 0;
function lineOfOffset(c: Clause): number {
  return lineOf(c.start) + 1;
}
/** Set by the mode before validating (cheap line lookup for messages). */
export function setLineLookup(f: (offset: number) => number): void {
  lineOf = f;
}

function checkList(bi: BlockItem, elem: Pat, owner: string, rep: Reporter): void {
  for (const e of bi.clauses) {
    if (!e.items.length) continue;
    if (elem.k === 'type' && elem.name === 'address_match_element') {
      checkAddressElement(e.items, owner, rep);
      continue;
    }
    const res = matchPattern(elem, e.items);
    if (!res.ok) {
      const item = e.items[res.failure.at];
      const exp = res.failure.expected.slice(0, 4).join(' or ');
      if (item) {
        const what =
          item.kind === 'word' ? `\`${item.quoted ? rep.source(item.start, item.end) : item.text}\`` : 'a `{ }` block';
        rep.add(
          'named-invalid-value',
          item.start,
          item.kind === 'word' ? item.end : item.start + 1,
          `In \`${owner}\`: expected ${exp}, found ${what}.`,
        );
      } else {
        const last = e.items[e.items.length - 1]!;
        rep.add(
          'named-invalid-value',
          e.items[0]!.start,
          last.end,
          `In \`${owner}\`: this entry is incomplete, expected ${exp}.`,
        );
      }
    } else {
      for (const l of res.lists) {
        const inner = e.items[l.at];
        if (inner && inner.kind === 'block') checkList(inner, l.elem, owner, rep);
      }
    }
  }
}

/** `[!] ( address | prefix | key name | acl-name | geoip ... | { nested list } )` */
export function checkAddressElement(items: readonly Item[], owner: string, rep: Reporter): void {
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
    for (const e of first.clauses) if (e.items.length) checkAddressElement(e.items, owner, rep);
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
