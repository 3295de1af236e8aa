/**
 * The dhcpd.conf tree on top of the shared block tree.
 *
 * parse() tokenizes (hash comments), builds the block tree with missing-`;` recovery, then walks
 * every statement once (checks/walk.ts) with the scope it is in: the walk records what the file
 * defines (keys, zones, key references, subnets, ranges, hosts, parameters per scope, option
 * spaces, classes) and, as rows, what dhcpd itself would reject.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Tk, tokenizeStore, type Token } from '../common/tokenizer';
import { parseBlocks } from '../common/blocks';
import { SERVER_PARAMS } from './data/serverParams';
import { KEYWORDS, ZONE_STATEMENTS, KEY_STATEMENTS, FAILOVER_STATEMENTS } from './data/keywords';
import { OPERATORS } from './data/expressions';
import type { DhcpdTree, ParseSeed } from './tree';
import type { Scope } from './data/placement';
import { walkFile } from './checks/walk';
import { low } from './checks/words';

export type { AddrUse, Definition, DhcpdTree, KeyDef, KeyRef, ParseSeed, RangeDecl, SubnetDecl, ZoneDef } from './tree';

/** Keywords that start a statement in a block; used to recover from a missing `;`. */
const STRONG_STARTERS = new Set<string>([
  ...KEYWORDS.filter(
    (k) => !['not', 'case', 'default', 'else', 'elsif', 'lease', 'dynamic', 'key', 'peer'].includes(k.name),
  ).map((k) => k.name),
  ...SERVER_PARAMS.map((p) => p.name),
]);

export function parse(doc: TextDocument): DhcpdTree {
  return parseText(doc.getText(), doc.uri);
}

/**
 * The tree of `text`. `seed`: what a fragment takes over from the whole file (quick.ts). `cut`:
 * false makes every finding with its message (see FindingRows; validation asks for it if need be).
 */
/** How dhcpd.conf is cut into tokens: `#` comments; `,`, `(`, `)` and `=` are tokens of their own. */
export const DHCPD_TOKEN_OPTIONS = {
  hashComments: true,
  slashComments: false,
  blockComments: false,
  punct: ',()=',
} as const;

export function parseText(text: string, uri = '', seed?: ParseSeed, cut = true, scope?: Scope): DhcpdTree {
  const tokens = tokenizeStore(text, DHCPD_TOKEN_OPTIONS);
  const blocks = parseBlocks(text, tokens, {
    semicolonAfterBlock: 'optional',
    reportEmptyStatements: true,
    joinWords: joinSpacedNumbers,
    startsStatement: (word, first, last, owner) => {
      const w = word.text.toLowerCase();
      const ownerKw = low(owner);
      const sub =
        ownerKw === 'zone'
          ? ZONE_STATEMENTS
          : ownerKw === 'key'
            ? KEY_STATEMENTS
            : ownerKw === 'failover'
              ? FAILOVER_STATEMENTS
              : undefined;
      if (sub) {
        if (!(w in sub)) return false;
      } else if (!STRONG_STARTERS.has(w)) return false;
      const lastText = last.text.toLowerCase();
      if (OPERATORS.has(lastText) || lastText.endsWith(':')) return false;
      const firstKw = low(first);
      if (firstKw === 'case' || firstKw === 'default') return false;
      return true;
    },
  });
  const family = seed ? seed.family : /6\.conf$|dhcpd6/i.test(uri) ? 6 : undefined;
  const g = walkFile(text, blocks, family, cut, false, seed, scope);
  // the same walk again, on the same statements, makes every message or records the scopes
  if (cut) g.findings.uncut = () => walkFile(text, blocks, g.family, false, false, seed, scope).findings;
  return g.result(() => walkFile(text, blocks, g.family, true, true, seed, scope).scopeOf);
}

/** A word of digits and dots, such as one piece of a spaced-out address. */
const DOTTED = /^[0-9.]+$/;

/**
 * dhcpd's lexer reads `.` as a token of its own and its parser takes a number, `.`, a number...
 * whatever the spaces between them: `range 10 . 0 . 0 . 10 10.0.0.20;` is a range from 10.0.0.10.
 * Such pieces are joined into the one word our checks expect (its span covers the spaces).
 */
export function joinSpacedNumbers(words: Token[]): Token[] {
  let at = -1;
  for (let i = 0; i + 1 < words.length; i++)
    if (joins(words[i]!, words[i + 1]!)) {
      at = i;
      break;
    }
  if (at < 0) return words;
  const out = words.slice(0, at);
  for (let i = at; i < words.length;) {
    let j = i;
    let text = words[i]!.text;
    while (j + 1 < words.length && joins(words[j]!, words[j + 1]!)) text += words[++j]!.text;
    out.push(j === i ? words[i]! : { kind: Tk.Word, text, start: words[i]!.start, end: words[j]!.end });
    i = j + 1;
  }
  return out;
}

/** Whether a and b, next to each other, are pieces of one dotted number (a dot between them). */
function joins(a: Token, b: Token): boolean {
  // a dot at the seam first: the cheap test that almost every pair of words fails
  const seam = a.text.charCodeAt(a.text.length - 1) === 0x2e || b.text.charCodeAt(0) === 0x2e;
  return seam && a.kind === Tk.Word && b.kind === Tk.Word && DOTTED.test(a.text) && DOTTED.test(b.text);
}
