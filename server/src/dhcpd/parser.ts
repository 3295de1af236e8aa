/**
 * The dhcpd.conf grammar on top of the shared block tree.
 *
 * parse() tokenizes (hash comments), builds the block tree with missing-`;` recovery, then
 * walks every statement once with the scope it is in (root, subnet, host, class, the body of
 * an `if`, ...). It records what dhcpd itself would reject as `grammar` findings (the server
 * refuses the file: Errors), and collects the symbols later features need: keys, zones, key
 * references, subnets, ranges, hosts, parameters per scope.
 */
import { tokenizeStore, Tk, type Token } from '../common/tokenizer';
import {
  parseBlocks,
  type BlockTree,
  type Stmt,
  type StmtList,
  type StructureError,
  type StructureProblem,
} from '../common/blocks';
import { partitionPoint } from '../common/search';
import { didYouMean as didYouMeanAll, lineIndex } from '../common/text';
import { FindingRows } from './findings';
import { HostTable } from './hosts';
import { ParamTable } from './params';

/**
 * did-you-mean, skipped for words no one would mistype (keeps huge tokens cheap), and remembered
 * per list of candidates: a file may repeat one unknown word on 100,000 lines.
 */
const suggestionMemo = new WeakMap<object, Map<string, string[]>>();
function didYouMean(word: string, candidates: Iterable<string>, limit = 3): string[] {
  if (word.length > 64) return [];
  let memo = suggestionMemo.get(candidates);
  if (!memo) suggestionMemo.set(candidates, (memo = new Map()));
  const key = `${limit} ${word}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size >= 4096) memo.clear();
    memo.set(key, (found = didYouMeanAll(word, candidates, limit)));
  }
  return found.slice();
}
import { OPTIONS, type OptionDef } from './data/options';
import { SERVER_PARAMS, ENUMS, type ServerParamDef } from './data/serverParams';
import {
  KEYWORDS,
  ZONE_STATEMENTS,
  KEY_STATEMENTS,
  FAILOVER_STATEMENTS,
  HARDWARE_TYPES,
  ON_EVENTS,
  type Scope,
} from './data/keywords';
import {
  BOOLEANS,
  INT_RANGE,
  describeFormat,
  formatIPv4,
  intValue,
  ipv4Problem,
  isHexList,
  isHostname,
  isInteger,
  looksNumericAddress,
  parseIPv4,
  isIPv6,
  parseIPv6,
} from './values';

export interface RawFinding {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: unknown;
  /** A second place the finding refers to (e.g. the `{` that is never closed). */
  readonly relatedAt?: { readonly start: number; readonly end: number; readonly message: string };
}

export interface KeyDef {
  readonly name: string;
  readonly nameTok: Token;
  readonly stmt: Stmt;
  readonly hasAlgorithm: boolean;
  readonly hasSecret: boolean;
}
export interface KeyRef {
  readonly name: string;
  readonly tok: Token;
  readonly inZone?: string;
}
export interface ZoneDef {
  readonly name: string;
  readonly nameTok: Token;
  readonly stmt: Stmt;
}
export interface SubnetDecl {
  readonly stmt: Stmt;
  readonly net: number;
  readonly mask: number;
  readonly netTok: Token;
  readonly maskTok: Token;
  readonly ranges: RangeDecl[];
  readonly addrs: AddrUse[];
}
export interface RangeDecl {
  readonly stmt: Stmt;
  readonly low: number;
  readonly high: number;
  readonly lowTok: Token;
  readonly highTok: Token;
  readonly subnet?: SubnetDecl;
}
export interface AddrUse {
  readonly what: string;
  readonly value: number;
  readonly tok: Token;
}

export interface DhcpdTree {
  readonly text: string;
  readonly blocks: BlockTree;
  /** What dhcpd rejects, as rows (see findings.ts): past the per-rule cut without messages. */
  readonly findings: FindingRows;
  /** Scope of every statement (the block it is in); the first read walks the tree again to record them. */
  readonly scopeOf: StatementScopes;
  readonly keys: KeyDef[];
  readonly keyRefs: KeyRef[];
  /** `omapi-key NAME;` (the key may be defined anywhere in the file). */
  readonly omapiKeys: KeyRef[];
  readonly zones: ZoneDef[];
  readonly includes: Array<{ path: string; tok: Token }>;
  readonly subnets: SubnetDecl[];
  /** Host declarations: names, MAC and fixed addresses, as a table (see hosts.ts). */
  readonly hosts: HostTable;
  /** Parameters set directly in each block (its owner statement, or null for the file), as a table (see params.ts). */
  readonly params: ParamTable;
  readonly family: 4 | 6;
  /** Option names defined or spaces declared in the file. */
  readonly userOptions: Set<string>;
  readonly userSpaces: Set<string>;
  /** Option spaces, options and classes defined in the file, in file order (see ParseSeed). */
  readonly definitions: readonly Definition[];
  readonly classes: Set<string>;
}

/**
 * The scope of each statement, by where it starts: a statement without a block is a new object
 * on each read (see common/blocks), so statements are told apart by position, not identity.
 */
export class StatementScopes {
  private readonly byStart = new Map<number, Scope>();
  set(s: Stmt, scope: Scope): void {
    this.byStart.set(s.start, scope);
  }
  get(s: Stmt): Scope | undefined {
    return this.byStart.get(s.start);
  }
}

/**
 * `option space NAME;` (space), `option NAME code N = TYPE;` (option, with its value format if
 * understood), or a class declaration (class).
 */
export interface Definition {
  readonly at: number;
  readonly space?: string;
  readonly option?: string;
  readonly format?: string;
  readonly class?: string;
}

/**
 * What a fragment of a file (see quick.ts) takes over from the whole file's last parse: its
 * address family and the definitions made before the fragment (dhcpd knows an option only
 * after its definition).
 */
export interface ParseSeed {
  readonly family: 4 | 6;
  readonly definitions: readonly Definition[];
  readonly before: number;
}

export const OPTION_BY_NAME = new Map<string, OptionDef>();
for (const o of OPTIONS) OPTION_BY_NAME.set(`${o.space}.${o.name}`.toLowerCase(), o);
export const PARAM_BY_NAME = new Map<string, ServerParamDef>();
for (const p of SERVER_PARAMS) PARAM_BY_NAME.set(p.name, p);
export const KEYWORD_BY_NAME = new Map(KEYWORDS.map((k) => [k.name, k] as const));
export const BUILTIN_SPACES = [
  'dhcp',
  'dhcp6',
  'agent',
  'server',
  'nwip',
  'fqdn',
  'vendor-class',
  'vendor',
  'isc',
  'isc6',
  'vsio',
];

/** Every statement name, for did-you-mean. */
const STATEMENT_NAMES = [...KEYWORDS.map((k) => k.name), ...SERVER_PARAMS.map((p) => p.name)];

/** Keywords that start a statement in a block; used to recover from a missing `;`. */
const STRONG_STARTERS = new Set<string>([
  ...KEYWORDS.filter(
    (k) => !['not', 'case', 'default', 'else', 'elsif', 'lease', 'dynamic', 'key', 'peer'].includes(k.name),
  ).map((k) => k.name),
  ...SERVER_PARAMS.map((p) => p.name),
]);
const OPERATORS = new Set([
  'and',
  'or',
  'not',
  '=',
  '!',
  '!=',
  '~=',
  '~~',
  ',',
  '(',
  '+',
  '-',
  '&',
  '|',
  '^',
  'if',
  'with',
  'of',
  '~',
]);

/** Functions that return data (dhcp-eval(5)); used to tell a data value from a condition. */
const DATA_FUNCTIONS = new Set([
  'substring',
  'suffix',
  'lcase',
  'ucase',
  'concat',
  'reverse',
  'binary-to-ascii',
  'encode-int',
  'extract-int',
  'pick-first-value',
  'hardware',
  'packet',
  'leased-address',
  'host-decl-name',
  'config-option',
  'gethostname',
  'client-state',
  'filename',
  'server-name',
  'null',
  'v6relay',
  'iaaddr',
]);

/** The rule of each problem the block layer reports (the others are not dhcpd's). */
const STRUCTURE_RULES: Partial<Record<StructureProblem, string>> = {
  'missing-semicolon': 'dhcpd-missing-semicolon',
  'unexpected-close-brace': 'dhcpd-unbalanced-braces',
  'too-deep': 'dhcpd-unbalanced-braces',
  'unterminated-string': 'dhcpd-unterminated-string',
  'curly-quoted': 'dhcpd-curly-quotes',
  'empty-statement': 'dhcpd-stray-semicolon',
};

const low = (t: Token | undefined) => (t && t.kind === Tk.Word ? t.text.toLowerCase() : undefined);

/** `cut`: false makes every finding with its message (see FindingRows; validate asks for it if need be). */
export function parse(text: string, uri = '', seed?: ParseSeed, cut = true): DhcpdTree {
  const tokens = tokenizeStore(text, { hashComments: true, slashComments: false, blockComments: false, punct: ',()=' });
  const blocks = parseBlocks(text, tokens, {
    semicolonAfterBlock: 'optional',
    reportEmptyStatements: true,
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
  const walk = (family: 4 | 6 | undefined, cut: boolean, logScopes: boolean): Grammar => {
    const g = new Grammar(text, blocks, family, cut, logScopes);
    if (seed) {
      for (const d of seed.definitions) {
        if (d.at >= seed.before) break;
        if (d.space !== undefined) g.userSpaces.add(d.space);
        if (d.class !== undefined) g.classes.add(d.class);
        if (d.option !== undefined) {
          g.userOptions.add(d.option);
          if (d.format) g.userFormats.set(d.option, d.format);
          else g.userFormats.delete(d.option);
        }
      }
    }
    g.run();
    return g;
  };
  const g = walk(seed ? seed.family : /6\.conf$|dhcpd6/i.test(uri) ? 6 : undefined, cut, false);
  // the same walk again, on the same statements, makes every message or records the scopes
  if (cut) g.findings.uncut = () => walk(g.family, false, false).findings;
  return g.result(() => walk(g.family, true, true).scopeOf);
}

class Grammar {
  readonly findings: FindingRows;
  /**
   * Scope of every statement walked, with `logScopes` only: no feature reads it, and a Map of
   * 100,000s of statements costs more than the rest of the walk (see parse()).
   */
  readonly scopeOf = new StatementScopes();
  private optionNames = new Map<string, OptionName>();
  /**
   * First words (lower-cased) that matched no case of the switch in stmt(), recorded at its
   * `default`: a million lines of one parameter would each compare it with the sixty-odd cases
   * (a tenth of the walk), where a set answers from the string's hash.
   */
  private readonly notInSwitch = new Set<string>();
  /**
   * The last first word asked about, and what inSwitch() and paramNamed() answered for it: a file
   * often repeats one statement line after line, and comparing with the word before costs less
   * than a lookup by a string's hash (made anew for each statement's word).
   */
  private lastKw = '';
  private lastInSwitch = true;
  private lastParam: ServerParamDef | undefined | null = null;
  keys: KeyDef[] = [];
  keyRefs: KeyRef[] = [];
  zones: ZoneDef[] = [];
  includes: Array<{ path: string; tok: Token }> = [];
  subnets: SubnetDecl[] = [];
  readonly hosts: HostTable;
  readonly params: ParamTable;
  userOptions = new Set<string>();
  userFormats = new Map<string, string>();
  definitions: Definition[] = [];
  userSpaces = new Set<string>();
  classes = new Set<string>();
  family: 4 | 6;
  private curSubnet: SubnetDecl | undefined;
  failoverPeers = new Map<string, Token>();
  omapiKeys: KeyRef[] = [];
  failoverRefs = new Set<string>();
  private curSubnet6: { net: bigint; len: number; text: string } | undefined;
  /** Ranges seen in pools directly under a shared-network (checked against its subnets). */
  private sharedRanges: RangeDecl[] | undefined;
  /** The host being walked (-1: none). */
  private curHost = -1;
  /** The last shared-network block checkInterfaces looked at, and whether it names an interface. */
  private interfaceIn: { block: NonNullable<Stmt['parent']>; has: boolean } | undefined;

  constructor(
    private readonly text: string,
    private readonly blocks: BlockTree,
    family: 4 | 6 | undefined,
    cut: boolean,
    private readonly logScopes: boolean,
  ) {
    // each of the words has a `6`: a file without one is not searched (a regular expression with
    // alternatives and /i takes tens of milliseconds over a large file)
    this.family =
      family ?? (text.includes('6') && /\b(subnet6|range6|prefix6|pool6|fixed-address6|dhcp6\.)/i.test(text) ? 6 : 4);
    this.hosts = new HostTable(blocks);
    this.params = new ParamTable(text);
    this.findings = new FindingRows({ inOrder: true, cut, make: (i) => this.structureFinding(blocks.errors[i]!) });
  }

  /** The tree; `scopes` walks again to record every statement's scope, on the first read of scopeOf. */
  result(scopes: () => StatementScopes): DhcpdTree {
    let scopeOf: StatementScopes | undefined;
    return {
      text: this.text,
      blocks: this.blocks,
      findings: this.findings,
      get scopeOf() {
        return (scopeOf ??= scopes());
      },
      keys: this.keys,
      keyRefs: this.keyRefs,
      omapiKeys: this.omapiKeys,
      zones: this.zones,
      includes: this.includes,
      subnets: this.subnets,
      hosts: this.hosts,
      params: this.params,
      family: this.family,
      userOptions: this.userOptions,
      userSpaces: this.userSpaces,
      definitions: this.definitions,
      classes: this.classes,
    };
  }

  run(): void {
    this.structure();
    this.walkList(this.blocks.stmts, 'root', null);
    for (const [name, tok] of this.failoverPeers) {
      if (!this.failoverRefs.has(name))
        this.errTok(
          'dhcpd-unused-failover-peer',
          tok,
          `Failover peer \`${nameOf(tok)}\` is not used by any pool: dhcpd refuses to start until a pool names it with \`failover peer "${nameOf(tok)}";\`.`,
        );
    }
  }

  private err(rule: string, start: number, end: number, message: string, data?: unknown): void {
    this.findings.add(rule, start, end, message, data);
  }
  private errTok(rule: string, t: Token, message: string, data?: unknown): void {
    this.err(rule, t.start, t.end, message, data);
  }

  /** Offset of the first token at or after `at` (for missing-`;` ranges that reach the token dhcpd stops at). */
  private nextTokenStart(at: number): number {
    const t = this.blocks.tokens;
    for (let i = partitionPoint(t.count, (k) => t.starts[k]! < at); i < t.count; i++)
      if (t.kinds[i] !== Tk.Comment) return t.starts[i]!;
    return this.text.length;
  }

  /** The end of the token before `at` (where dhcpd stops reading), but not before the start of `at`'s line. */
  private prevTokenEnd(at: number): number {
    let lineStart = at;
    while (
      lineStart > 0 &&
      this.text.charCodeAt(lineStart - 1) !== 0x0a &&
      this.text.charCodeAt(lineStart - 1) !== 0x0d
    )
      lineStart--;
    return Math.max(this.prevTokenEndAnywhere(at) ?? lineStart, lineStart);
  }

  /** End offset of the last non-comment token that ends at or before `at`. */
  private prevTokenEndAnywhere(at: number): number | undefined {
    const t = this.blocks.tokens;
    for (let i = partitionPoint(t.count, (k) => t.ends[k]! <= at) - 1; i >= 0; i--)
      if (t.kinds[i] !== Tk.Comment) return t.ends[i]!;
    return undefined;
  }

  /** Where a missing `;` is shown: up to the next token, on whose line dhcpd reports it. */
  private missingSemiEnd(at: number): number {
    return Math.max(at, this.nextTokenStart(at));
  }

  private missingSemi(after: Token, what?: string): void {
    this.err(
      'dhcpd-missing-semicolon',
      after.end,
      this.missingSemiEnd(after.end),
      `Missing \`;\` after \`${clip(after.text)}\`${what ? ` (${what})` : ''}: dhcpd expects a semicolon here.`,
    );
  }

  private structure(): void {
    // record types of option definitions (`option x code 1 = { ip-address, text };`) are
    // blocks to the block layer; their content has no `;`
    const records: Array<[number, number]> = [];
    const top = this.blocks.stmts;
    for (let i = 0; i < top.length; i++) {
      // a statement starts with its first word: read the words of those starting with an `o` only
      if ((this.text.charCodeAt(top.startOf(i)) | 0x20) !== 0x6f) continue;
      const st = top.withBlock(i);
      if (st && low(st.words[0]) === 'option' && low(st.words[2]) === 'code') {
        records.push([st.block.open.start, st.block.close?.end ?? this.text.length]);
        if (st.block.close && !st.semi) this.missingSemi(st.block.close, 'after the record type');
      }
    }
    // `% ...` lines are skipped by dhcpd up to the next `;` (or the end of the file)
    const percentEnds = new Set<number>();
    const visit = (list: StmtList) => {
      for (let i = 0; i < list.length; i++) {
        // made into objects only where needed: a file may hold a million statements
        const percent = this.text.charCodeAt(list.startOf(i)) === 0x25;
        if (!percent && !list.hasBlock(i)) continue;
        const st = list.at(i)!;
        if (percent && st.words[0]?.text === '%' && !st.semi) percentEnds.add(st.words[st.words.length - 1]!.end);
        if (st.block) visit(st.block.stmts);
      }
    };
    // only a missing `;` can be excused by a `%` line: skip the walk over the whole tree otherwise
    if (this.blocks.errors.some((e) => e.problem === 'missing-semicolon')) visit(this.blocks.stmts);
    const unclosed = this.blocks.errors.filter((e) => e.problem === 'unclosed-brace');
    if (unclosed.length) {
      // dhcpd reports "unexpected end of file" at the last token: report there, and point at the `{`
      const t = this.blocks.tokens;
      let li = t.count - 1;
      while (li > 0 && t.kinds[li] === Tk.Comment) li--;
      const last = { start: t.starts[li]!, end: t.ends[li]! };
      const inner = unclosed[0]!;
      const outer = unclosed[unclosed.length - 1]!;
      const what = this.text.slice(inner.start, inner.end) === '{' ? this.openerName(inner.start) : '';
      const lineOf = lineIndex(this.text);
      const line = lineOf(inner.start);
      this.findings.addFinding({
        rule: 'dhcpd-unbalanced-braces',
        start: last.start,
        end: last.end,
        message: `The file ends while the \`{\`${what ? ` of \`${what}\`` : ''} on line ${line} is still open: add the missing \`}\`${unclosed.length > 1 ? ` (${unclosed.length} blocks are open; the outermost starts on line ${lineOf(outer.start)})` : ''}.`,
        relatedAt: { start: inner.start, end: inner.end, message: 'This `{` is never closed.' },
      });
    }
    // records come in order and do not overlap: the last one starting before `at` is the only candidate
    const inRecord = (at: number) => {
      const k = partitionPoint(records.length, (j) => records[j]![0] < at) - 1;
      return k >= 0 && at < records[k]![1];
    };
    // the block layer's problems are made into findings only if listed (there may be a million)
    const errors = this.blocks.errors;
    for (let i = 0; i < errors.length; i++) {
      const e = errors[i]!;
      const rule = STRUCTURE_RULES[e.problem];
      if (!rule) continue;
      if (e.problem === 'missing-semicolon' && (percentEnds.has(e.start) || inRecord(e.start))) continue;
      // dhcpd stops right after the token before an unexpected `}`: the finding covers that gap too
      this.findings.later(
        rule,
        e.problem === 'unexpected-close-brace' ? (this.prevTokenEndAnywhere(e.start) ?? e.start) : e.start,
        i,
      );
    }
    // the walk makes its findings in document order
    this.findings.seal();
  }

  /** The finding for the block layer's problem `e` (see structure()). */
  private structureFinding(e: StructureError): RawFinding {
    const rule = STRUCTURE_RULES[e.problem]!;
    switch (e.problem) {
      case 'missing-semicolon':
        return {
          rule,
          start: e.start,
          end: Math.max(e.end, this.missingSemiEnd(e.end)),
          message: e.message,
          data: undefined,
        };
      case 'unexpected-close-brace':
        return {
          rule,
          start: this.prevTokenEndAnywhere(e.start) ?? e.start,
          end: e.end,
          message: 'Unexpected `}`: no block is open here (a `{` is missing, or this `}` is one too many).',
          data: undefined,
        };
      case 'empty-statement':
        return {
          rule,
          start: e.start,
          end: e.end,
          message: 'Stray `;`: dhcpd rejects an empty statement. Remove it.',
          data: undefined,
        };
      default:
        return { rule, start: e.start, end: e.end, message: e.message, data: undefined };
    }
  }

  /** The first two words of the statement that owns the `{` at `offset`. */
  private openerName(offset: number): string {
    let found = '';
    const visit = (list: StmtList) => {
      for (let i = 0; i < list.length; i++) {
        const st = list.withBlock(i);
        if (!st) continue;
        if (st.block.open.start === offset) {
          found = st.words
            .slice(0, 2)
            .map((w) => w.text)
            .join(' ');
          return;
        }
        if (st.block.open.start < offset) visit(st.block.stmts);
      }
    };
    visit(this.blocks.stmts);
    return clip(found, 60);
  }

  /** Whether the switch in stmt() may handle the first word `kw` (false: it went to `default` before). */
  private inSwitch(kw: string): boolean {
    if (kw !== this.lastKw) {
      this.lastKw = kw;
      this.lastInSwitch = !this.notInSwitch.has(kw);
      this.lastParam = null;
    }
    return this.lastInSwitch;
  }

  /** The server parameter named `kw` (asked after inSwitch(kw)). */
  private paramNamed(kw: string): ServerParamDef | undefined {
    if (kw !== this.lastKw) return PARAM_BY_NAME.get(kw);
    if (this.lastParam === null) this.lastParam = PARAM_BY_NAME.get(kw);
    return this.lastParam;
  }

  private walkList(stmts: StmtList, scope: Scope, owner: Stmt | null): void {
    let prev: Stmt | undefined;
    this.params.enter(owner);
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts.at(i)!;
      if (this.logScopes) this.scopeOf.set(s, scope);
      this.stmt(s, scope, owner, prev);
      prev = s;
    }
    this.params.leave();
  }

  private addParam(owner: Stmt | null, name: string, s: Stmt, value?: Token): void {
    this.params.add(owner, name, s, s.words[0]!, value);
  }

  /** A statement that must end with `;` and have no block. */
  private needSemi(s: Stmt, kw: string): boolean {
    if (s.block) {
      this.err(
        'dhcpd-syntax',
        s.block.open.start,
        s.block.open.end,
        `\`${kw}\` takes no \`{ }\` block: end it with \`;\`.`,
      );
      return false;
    }
    return true;
  }
  private needBlock(s: Stmt, kw: string): boolean {
    if (!s.block) {
      const last = s.words[s.words.length - 1]!;
      if (s.semi) this.errTok('dhcpd-syntax', s.semi, `\`${kw}\` needs a \`{ ... }\` block here, not \`;\`.`);
      else {
        // the block layer reported a missing `;` here; the real slip is the missing `{`: one error
        this.findings.takeBackSemi(last.end);
        this.err(
          'dhcpd-syntax',
          last.end,
          Math.max(last.end, this.nextTokenStart(last.end)),
          `Missing \`{\` after \`${clip(s.words.map((x) => x.text).join(' '), 60)}\`: a ${kw} declaration needs a \`{ ... }\` block.`,
        );
      }
      return false;
    }
    return true;
  }

  private notAllowed(t: Token, kw: string, scope: Scope, where: string): void {
    this.errTok('dhcpd-not-allowed-here', t, `\`${kw}\` is not allowed ${scopeName(scope)}: ${where}.`);
  }

  private stmt(s: Stmt, scope: Scope, owner: Stmt | null, prev: Stmt | undefined): void {
    const w = s.words;
    const first = w[0];
    if (!first) {
      // a `{` with nothing before it
      if (s.block) {
        this.err(
          'dhcpd-syntax',
          s.block.open.start,
          s.block.open.end,
          'A `{` block needs a declaration before it (e.g. `subnet ... {`, `host NAME {`).',
        );
        this.walkList(s.block.stmts, scope, owner);
      }
      return;
    }
    if (s.block && s.semi) {
      const k0 = low(first);
      if (k0 !== 'key' && !(k0 === 'option' && low(w[2]) === 'code')) {
        this.errTok(
          'dhcpd-stray-semicolon',
          s.semi,
          `dhcpd does not accept \`;\` after the \`}\` of ${k0 ? `a \`${k0}\` block` : 'a block'} (unlike named.conf): remove it.`,
        );
      }
    }
    if (scope === 'zone') return this.zoneStmt(s);
    if (scope === 'key') return this.keyStmt(s);
    if (scope === 'failover') return this.failoverStmt(s);
    if (first.kind !== Tk.Word) {
      const from = first.kind === Tk.Punct ? this.prevTokenEnd(first.start) : first.start;
      this.err(
        'dhcpd-syntax',
        from,
        first.end,
        `Expected a statement or declaration, found ${first.kind === Tk.String ? 'a string' : `\`${first.text}\``}.`,
      );
      if (s.block) this.walkList(s.block.stmts, scope, owner);
      return;
    }
    const kw = first.text.toLowerCase();
    const exec = scope === 'exec';
    const inClass = scope === 'class';
    const inHost = scope === 'host';
    const inSubnet = scope === 'subnet' || scope === 'subnet6';

    // a word the switch sent to `default` before skips it (see notInSwitch)
    if (this.inSwitch(kw))
      switch (kw) {
        case 'include': {
          const f = w[1];
          if (!f || f.kind !== Tk.String || f.problem === 'curly-quoted') {
            if (!f || f.problem !== 'curly-quoted')
              this.err(
                'dhcpd-syntax',
                (f ?? first).start,
                (f ?? first).end,
                '`include` expects a file name in double quotes: `include "/etc/dhcp/file.conf";`.',
              );
          } else {
            this.includes.push({ path: f.value ?? '', tok: f });
            this.extra(s, 2);
          }
          this.needSemi(s, kw);
          return;
        }
        case 'host': {
          if (inHost || inClass || exec)
            this.notAllowed(
              first,
              kw,
              scope,
              'host declarations go at the top level or in a shared-network, subnet, group or pool',
            );
          const name = w[1];
          if (!name || name.kind === Tk.Punct)
            this.err('dhcpd-syntax', first.end, first.end, '`host` needs a name: `host NAME { ... }`.');
          if (!this.needBlock(s, kw)) return;
          const saved = this.curHost;
          this.curHost = this.hosts.add(name, first);
          this.walkList(s.block!.stmts, 'host', s);
          this.curHost = saved;
          return;
        }
        case 'group': {
          if (inHost && !s.block) {
            // `group "name";` inside a host puts the host in a named group
            return;
          }
          if (inHost || inClass || exec)
            this.notAllowed(first, kw, scope, 'groups go at the top level or in a shared-network, subnet or pool');
          if (!this.needBlock(s, kw)) return;
          this.walkList(s.block!.stmts, 'group', s);
          this.checkInterfaces(s);
          return;
        }
        case 'shared-network': {
          if (scope === 'shared-network' || inHost || inSubnet || inClass || exec)
            this.notAllowed(first, kw, scope, 'shared networks go at the top level or in a group');
          const name = w[1];
          if (!name || name.kind === Tk.Punct)
            this.err(
              'dhcpd-syntax',
              first.start,
              first.end,
              '`shared-network` needs a name: `shared-network NAME { ... }`.',
            );
          else if (name.kind === Tk.String && name.value === '')
            this.errTok('dhcpd-syntax', name, 'The shared-network name is empty: give it a name.');
          if (!this.needBlock(s, kw)) return;
          const savedShared = this.sharedRanges;
          this.sharedRanges = [];
          const firstSubnet = this.subnets.length;
          this.walkList(s.block!.stmts, 'shared-network', s);
          const mine = this.subnets.slice(firstSubnet);
          for (const r of this.sharedRanges) {
            if (!mine.some((sn) => (r.low & sn.mask) >>> 0 === sn.net && (r.high & sn.mask) >>> 0 === sn.net)) {
              this.err(
                'dhcpd-range-outside-subnet-error',
                r.lowTok.start,
                r.highTok.end,
                `This range lies in none of the subnets of this shared-network: dhcpd rejects it ("address range not on network").`,
              );
            }
          }
          this.sharedRanges = savedShared;
          const hasSubnet = s.block!.stmts.some(
            (c) => ['subnet', 'subnet6'].includes(low(c.words[0]) ?? '') || low(c.words[0]) === 'group',
          );
          if (!hasSubnet && s.block!.close)
            this.errTok(
              'dhcpd-syntax',
              s.block!.close,
              'This shared-network declares no subnet: dhcpd rejects an empty shared-network.',
            );
          this.checkInterfaces(s);
          return;
        }
        case 'subnet':
        case 'subnet6': {
          if (inHost || inSubnet || inClass || exec || scope === 'pool' || scope === 'pool6')
            this.notAllowed(first, kw, scope, 'subnets go at the top level or in a shared-network or group');
          if (kw === 'subnet6' && this.family === 4)
            this.errTok(
              'dhcpd-not-allowed-here',
              first,
              '`subnet6` is only accepted by dhcpd in DHCPv6 mode (dhcpd -6); name the file dhcpd6.conf or use `subnet`.',
            );
          let sub: SubnetDecl | undefined;
          let sub6: { net: bigint; len: number; text: string } | undefined;
          if (kw === 'subnet') sub = this.subnetHead(s);
          else sub6 = this.subnet6Head(s);
          if (!this.needBlock(s, kw)) return;
          const saved = this.curSubnet;
          const saved6 = this.curSubnet6;
          this.curSubnet = sub;
          this.curSubnet6 = sub6;
          this.walkList(s.block!.stmts, kw === 'subnet' ? 'subnet' : 'subnet6', s);
          this.curSubnet = saved;
          this.curSubnet6 = saved6;
          this.checkInterfaces(s);
          return;
        }
        case 'pool':
        case 'pool6': {
          if (scope === 'pool' || scope === 'pool6') this.notAllowed(first, kw, scope, 'pools cannot be nested');
          else if (kw === 'pool' && scope !== 'subnet' && scope !== 'shared-network')
            this.notAllowed(first, kw, scope, 'a pool goes inside a subnet or shared-network');
          else if (kw === 'pool6' && scope !== 'subnet6' && scope !== 'subnet')
            this.notAllowed(first, kw, scope, 'a pool6 goes inside a subnet6');
          if (!this.needBlock(s, kw)) return;
          this.walkList(s.block!.stmts, kw, s);
          const want = kw === 'pool' ? ['range'] : ['range6', 'prefix6'];
          if (s.block!.close && !s.block!.stmts.some((c) => want.includes(low(c.words[0]) ?? ''))) {
            this.errTok(
              'dhcpd-syntax',
              s.block!.close,
              `This ${kw} has no ${want.join(' or ')}: dhcpd rejects a pool without addresses.`,
            );
          }
          return;
        }
        case 'range': {
          if (!(inSubnet || scope === 'pool')) this.notAllowed(first, kw, scope, 'ranges go inside a subnet or a pool');
          this.needSemi(s, kw);
          this.rangeStmt(s);
          return;
        }
        case 'range6':
        case 'prefix6': {
          if (this.family === 4)
            this.errTok(
              'dhcpd-not-allowed-here',
              first,
              `\`${kw}\` is only accepted by dhcpd in DHCPv6 mode (dhcpd -6).`,
            );
          else if (!(inSubnet || scope === 'pool6'))
            this.notAllowed(first, kw, scope, `${kw} goes inside a subnet6 or pool6`);
          this.needSemi(s, kw);
          this.range6Stmt(s, kw);
          return;
        }
        case 'fixed-prefix6': {
          if (!inHost) this.notAllowed(first, kw, scope, 'fixed-prefix6 goes inside a host declaration');
          this.needSemi(s, kw);
          return;
        }
        case 'class':
        case 'vendor-class':
        case 'user-class':
        case 'subclass': {
          if (inClass || exec) this.notAllowed(first, kw, scope, 'class declarations cannot be nested or conditional');
          const name = w[1];
          if (!name || name.kind === Tk.Punct) {
            this.err('dhcpd-syntax', first.end, first.end, `\`${kw}\` needs a class name in double quotes.`);
          } else if (name.kind !== Tk.String) {
            if (name.problem !== 'curly-quoted')
              this.errTok(
                'dhcpd-syntax',
                name,
                `The class name must be in double quotes: \`${kw} "${clip(name.text)}"\`.`,
                { replace: `"${name.text}"` },
              );
          } else if (kw === 'subclass') {
            const cls = nameOf(name);
            if (!this.classes.has(cls.toLowerCase()))
              this.errTok(
                'dhcpd-undefined-class',
                name,
                `No class named \`${cls}\` is declared before this subclass: declare \`class "${cls}" { ... }\` first.`,
              );
            const v = w[2];
            if (!v || !(v.kind === Tk.String || (v.kind === Tk.Word && isHexList(v.text)))) {
              this.err(
                'dhcpd-invalid-value',
                (v ?? name).start,
                (v ?? name).end,
                'A subclass needs its value: a quoted string or colon-separated hex octets.',
              );
            } else this.extra(s, 3);
          } else if (kw !== 'class' && !this.classes.has(nameOf(name).toLowerCase())) {
            this.errTok(
              'dhcpd-undefined-class',
              name,
              `No class named \`${nameOf(name)}\` is declared before this ${kw}: declare \`class "${nameOf(name)}" { ... }\` first.`,
            );
          } else {
            this.classes.add(nameOf(name).toLowerCase());
            this.definitions.push({ at: s.start, class: nameOf(name).toLowerCase() });
            this.extra(s, 2);
          }
          if (s.block && kw !== 'subclass') {
            const matches = s.block.stmts.filter((c) => low(c.words[0]) === 'match' && low(c.words[1]) === 'if');
            if (matches.length > 1)
              this.errTok(
                'dhcpd-syntax',
                matches[1]!.words[0]!,
                'A class may have only one `match if` statement: combine the conditions with `or`.',
              );
            const sub = s.block.stmts.filter(
              (c) => (low(c.words[0]) === 'match' && low(c.words[1]) !== 'if') || low(c.words[0]) === 'spawn',
            );
            if (sub.length > 1)
              this.errTok(
                'dhcpd-syntax',
                sub[1]!.words[0]!,
                'A class may have only one `match DATA;` or `spawn with DATA;`: the second would override the first.',
              );
          }
          if (s.block) this.walkList(s.block.stmts, 'class', s);
          else if (kw !== 'subclass') this.needBlock(s, kw);
          return;
        }
        case 'hardware': {
          if (!inHost) this.notAllowed(first, kw, scope, 'hardware addresses go inside a host declaration');
          this.needSemi(s, kw);
          const type = w[1];
          const addr = w[2];
          if (!type || type.kind !== Tk.Word || !HARDWARE_TYPES.includes(type.text.toLowerCase())) {
            if (this.findings.pastCut('dhcpd-invalid-value', (type ?? first).start)) return;
            const sugg = type ? didYouMean(type.text, HARDWARE_TYPES, 1) : [];
            this.err(
              'dhcpd-invalid-value',
              (type ?? first).start,
              (type ?? first).end,
              `Expected a hardware type (${HARDWARE_TYPES.join(', ')})${sugg.length ? `; did you mean \`${sugg[0]}\`?` : '.'}`,
              sugg.length ? { replace: sugg[0] } : undefined,
            );
            return;
          }
          if (!addr || addr.kind !== Tk.Word || !isHexList(addr.text)) {
            this.err(
              'dhcpd-invalid-value',
              (addr ?? type).start,
              (addr ?? type).end,
              'Expected a hardware address as colon-separated hex octets, e.g. `00:16:3e:12:34:56`.',
            );
            return;
          }
          if (type.text.toLowerCase() === 'ethernet') {
            let octets = 1;
            for (let i = addr.text.indexOf(':'); i >= 0; i = addr.text.indexOf(':', i + 1)) octets++;
            if (octets !== 6)
              this.errTok('dhcpd-mac-length', addr, `An Ethernet MAC address has 6 octets; this one has ${octets}.`);
          }
          if (this.curHost >= 0 && !this.hosts.hasMac(this.curHost)) this.hosts.setMac(this.curHost, addr);
          this.extra(s, 3);
          return;
        }
        case 'fixed-address':
        case 'fixed-address6': {
          if (!inHost) this.notAllowed(first, kw, scope, 'fixed addresses go inside a host declaration');
          this.needSemi(s, kw);
          const atoms = this.atoms(s, 1);
          if (!atoms.length) this.err('dhcpd-invalid-value', first.end, first.end, `\`${kw}\` needs an address.`);
          for (const a of atoms) {
            if (kw === 'fixed-address') {
              if (!this.checkI(a)) break;
              const v = parseIPv4(a.text);
              if (v !== undefined && this.curHost >= 0) this.hosts.addFixed(this.curHost, v, a);
            } else if (!this.check6(a)) break;
          }
          return;
        }
        case 'host-identifier':
        case 'uid':
        case 'dynamic':
        case 'deleted':
          if (!inHost) this.notAllowed(first, kw, scope, 'it belongs inside a host declaration');
          return;
        case 'failover': {
          const peer = w[1];
          if (low(peer) !== 'peer') {
            this.err(
              'dhcpd-syntax',
              (peer ?? first).start,
              (peer ?? first).end,
              'Expected `peer` after `failover`: `failover peer "NAME" { ... }`.',
            );
            return;
          }
          if (scope === 'pool' && !s.block) {
            const n = w[2];
            if (n) {
              const name = nameOf(n).toLowerCase();
              this.failoverRefs.add(name);
              if (!this.failoverPeers.has(name))
                this.errTok(
                  'dhcpd-undefined-failover-peer',
                  n,
                  `No failover peer named \`${nameOf(n)}\` is declared before this pool: declare \`failover peer "${nameOf(n)}" { ... }\` first.`,
                );
            }
            return;
          }
          if (scope !== 'root' && scope !== 'shared-network')
            this.notAllowed(
              first,
              kw,
              scope,
              'failover peers are declared at the top level or in a shared-network (a pool names one with `failover peer "NAME";`)',
            );
          if (!w[2]) this.err('dhcpd-syntax', peer!.end, peer!.end, 'The failover peer needs a name.');
          else if (s.block) this.failoverPeers.set(nameOf(w[2]).toLowerCase(), w[2]);
          if (s.block) this.walkList(s.block.stmts, 'failover', s);
          return;
        }
        case 'authoritative':
          if (inHost)
            this.errTok(
              'dhcpd-not-allowed-here',
              first,
              '`authoritative` makes no sense in a host declaration: put it in the subnet, shared-network or at the top.',
            );
          else if (exec || inClass)
            this.notAllowed(first, kw, scope, 'it belongs to a network declaration or the top level');
          this.needSemi(s, kw);
          this.addParam(owner, kw, s);
          this.extra(s, 1);
          return;
        case 'not':
          if (low(w[1]) !== 'authoritative')
            this.err(
              'dhcpd-syntax',
              (w[1] ?? first).start,
              (w[1] ?? first).end,
              'Expected `authoritative` after `not`.',
            );
          else {
            if (inHost)
              this.errTok('dhcpd-not-allowed-here', first, '`not authoritative` makes no sense in a host declaration.');
            this.addParam(owner, 'authoritative', s);
            this.extra(s, 2);
          }
          return;
        case 'server-identifier':
          if (exec) this.notAllowed(first, kw, scope, 'use `option dhcp-server-identifier` in conditional blocks');
          this.needSemi(s, kw);
          this.addParam(owner, kw, s, w[1]);
          this.valueByFormat(s, 1, 'I', kw);
          return;
        case 'option':
          if (low(w[2]) !== 'code') this.needSemi(s, kw);
          this.optionStmt(s, 1, scope, owner, true);
          return;
        case 'send':
        case 'supersede':
        case 'prepend':
        case 'append':
          this.needSemi(s, kw);
          this.optionStmt(s, 1, scope, owner, false);
          return;
        case 'default':
          if (w[1] && w[1].text.startsWith(':')) return this.caseLabel(s, scope, owner, 1);
          if (low(w[0]) === 'default' && w[0]!.text.endsWith(':')) return this.caseLabel(s, scope, owner, 0);
          this.needSemi(s, kw);
          this.optionStmt(s, 1, scope, owner, false);
          return;
        case 'default:':
          return this.caseLabel(s, scope, owner, 0);
        case 'case':
          return this.caseLabel(s, scope, owner, -1);
        case 'allow':
        case 'deny':
        case 'ignore':
          this.needSemi(s, kw);
          this.allowDeny(s, scope, owner);
          return;
        case 'zone': {
          const name = w[1];
          if (!name)
            this.err('dhcpd-syntax', first.end, first.end, '`zone` needs the zone name: `zone example.com. { ... }`.');
          else if (name.kind === Tk.String && name.problem !== 'curly-quoted')
            this.errTok(
              'dhcpd-syntax',
              name,
              `The zone name is written without quotes: \`zone ${name.value} { ... }\`.`,
              { replace: name.value ?? '' },
            );
          if (!this.needBlock(s, kw)) return;
          if (name) this.zones.push({ name: nameOf(name).replace(/\.$/, '').toLowerCase(), nameTok: name, stmt: s });
          this.walkList(s.block!.stmts, 'zone', s);
          this.zoneChecks(s);
          return;
        }
        case 'key': {
          const name = w[1];
          if (inHost && !s.block) return;
          if (!name)
            this.err(
              'dhcpd-syntax',
              first.end,
              first.end,
              '`key` needs a name: `key NAME { algorithm ...; secret "..."; }`.',
            );
          if (!this.needBlock(s, kw)) return;
          this.walkList(s.block!.stmts, 'key', s);
          if (name) {
            const kids = s.block!.stmts.map((c) => low(c.words[0]));
            this.keys.push({
              name: nameOf(name).replace(/\.$/, '').toLowerCase(),
              nameTok: name,
              stmt: s,
              hasAlgorithm: kids.includes('algorithm'),
              hasSecret: kids.includes('secret'),
            });
          }
          return;
        }
        case 'if':
        case 'elsif':
        case 'else': {
          if (kw !== 'if') {
            const pk = prev ? low(prev.words[0]) : undefined;
            if (!(pk === 'if' || pk === 'elsif' || (pk === 'else' && low(prev!.words[1]) === 'if'))) {
              this.errTok('dhcpd-syntax', first, `\`${kw}\` must follow the \`}\` of an \`if\` or \`elsif\` block.`);
            }
          }
          if (kw === 'else' && low(w[1]) === 'if') {
            /* `else if` is accepted as elsif */
          } else if (kw !== 'else' && w.length < 2)
            this.err('dhcpd-syntax', first.end, first.end, `\`${kw}\` needs a condition.`);
          else if (kw === 'else' && w.length > 1) this.errTok('dhcpd-syntax', w[1]!, 'Expected `{` after `else`.');
          if (!this.needBlock(s, kw)) return;
          this.checkParens(s, 1);
          if (kw !== 'else') this.checkBoolean(s.words.slice(1));
          this.checkOptionRefs(s.words.slice(1));
          this.walkList(s.block!.stmts, 'exec', s);
          return;
        }
        case 'switch':
          if (!this.needBlock(s, kw)) return;
          this.checkParens(s, 1);
          this.checkOptionRefs(w.slice(1));
          this.walkSwitch(s);
          return;
        case 'on': {
          const ev = w[1];
          if (!ev || !ON_EVENTS.includes(ev.text.toLowerCase())) {
            this.err(
              'dhcpd-invalid-value',
              (ev ?? first).start,
              (ev ?? first).end,
              `Expected an event after \`on\`: ${ON_EVENTS.slice(0, 3).join(', ')}.`,
            );
          }
          if (!s.block) return;
          this.walkList(s.block.stmts, 'exec', s);
          return;
        }
        case 'set':
        case 'define':
        case 'unset':
        case 'eval':
        case 'execute':
        case 'return':
        case 'log':
        case 'break':
          if (s.block && kw === 'define') this.walkList(s.block.stmts, 'exec', s);
          this.checkParens(s, 1);
          this.checkOptionRefs(w.slice(1));
          return;
        case 'add': {
          const c = w[1];
          if (!c || c.kind !== Tk.String)
            this.err(
              'dhcpd-syntax',
              (c ?? first).start,
              (c ?? first).end,
              '`add` expects a class name in double quotes.',
            );
          else if (!this.classes.has((c.value ?? '').toLowerCase()))
            this.errTok('dhcpd-undefined-class', c, `No class named \`${c.value}\` is declared before this statement.`);
          return;
        }
        case 'match':
        case 'spawn':
          if (!inClass) this.notAllowed(first, kw, scope, 'it belongs inside a class declaration');
          else {
            this.checkParens(s, 1);
            if (kw === 'match' && low(w[1]) === 'if') this.checkBoolean(w.slice(2));
            else this.checkData(w.slice(kw === 'spawn' && low(w[1]) === 'with' ? 2 : 1));
            this.checkOptionRefs(w.slice(1));
          }
          return;
        case 'lease':
          if (!inClass) this.notAllowed(first, kw, scope, '`lease limit N;` belongs inside a class declaration');
          return;
        case 'interface':
        case '%':
          return;
        case 'server-duid':
          this.needSemi(s, kw);
          this.serverDuid(s);
          return;
        case 'lease-id-format':
        case 'db-time-format':
          return;
        default:
          if (this.notInSwitch.size < 4096) this.notInSwitch.add(kw);
          this.lastInSwitch = false;
          break;
      }
    // a server parameter?
    const p = this.paramNamed(kw);
    if (p) {
      this.needSemi(s, kw);
      this.addParam(owner, kw, s, w[1]);
      this.valueByFormat(s, 1, p.format, kw);
      if (kw === 'omapi-key' && w[1])
        this.omapiKeys.push({ name: nameOf(w[1]).replace(/\.$/, '').toLowerCase(), tok: w[1] });
      if (kw === 'ddns-update-style' && low(w[1]) === 'ad-hoc')
        this.errTok(
          'dhcpd-invalid-value',
          w[1]!,
          'The ad-hoc DNS update style is no longer supported: dhcpd refuses to start. Use `standard` (or `interim`).',
          { replace: 'standard' },
        );
      return;
    }
    // a lone identifier (`foo;`, `foo = expr;`, `foo (args);`) is evaluated as a variable or
    // function call by dhcpd: accepted, but most likely a typo
    const second = w[1];
    if (second && second.kind === Tk.Word && /[\r\n]/.test(this.text.slice(first.end, second.start))) {
      // `foo` then a new line: dhcpd takes `foo` as an expression statement missing its `;`
      this.unknown(first, scope, 'dhcpd-unknown-identifier');
      this.missingSemi(first, `\`${clip(second.text)}\` follows on the next line`);
      return;
    }
    if (!s.block && (!second || second.text === '=' || second.text === '(')) {
      this.unknown(first, scope, 'dhcpd-unknown-identifier');
      return;
    }
    this.unknown(first, scope);
    if (s.block) this.walkList(s.block.stmts, scope, owner);
  }

  /** `server-duid LLT [HWTYPE TIME HWADDR] | EN NUM ID | LL [HWTYPE HWADDR] | NUM ID;` */
  private serverDuid(s: Stmt): void {
    const w = s.words;
    const t = w[1];
    const bad = (at: Token | undefined, m: string) =>
      this.err('dhcpd-invalid-value', (at ?? w[w.length - 1]!).start, (at ?? w[w.length - 1]!).end, m);
    const isHw = (x: Token | undefined) => !!x && x.kind === Tk.Word && HARDWARE_TYPES.includes(x.text.toLowerCase());
    const isId = (x: Token | undefined) => !!x && (x.kind === Tk.String || (x.kind === Tk.Word && isHexList(x.text)));
    const k = low(t);
    if (!t) return bad(undefined, '`server-duid` needs the DUID type: LLT, EN or LL.');
    if (k === 'llt' || k === 'll') {
      if (w.length === 2) return;
      if (!isHw(w[2])) return bad(w[2], `Expected a hardware type (${HARDWARE_TYPES.join(', ')}) after \`${t.text}\`.`);
      let i = 3;
      if (k === 'llt') {
        if (!w[3] || !/^\d+$/.test(w[3].text))
          return bad(w[3], 'Expected the DUID timestamp (a number of seconds) after the hardware type.');
        i = 4;
      }
      if (!w[i] || w[i]!.kind !== Tk.Word || !isHexList(w[i]!.text))
        return bad(w[i], 'Expected the hardware address as colon-separated hex octets.');
      return this.extra(s, i + 1);
    }
    if (k === 'en') {
      if (!w[2] || !/^\d+$/.test(w[2].text)) return bad(w[2], 'Expected the enterprise number after `EN`.');
      if (!isId(w[3]))
        return bad(w[3], 'Expected the identifier (a quoted string or hex octets) after the enterprise number.');
      return this.extra(s, 4);
    }
    if (t.kind === Tk.Word && /^\d+$/.test(t.text)) {
      if (!isId(w[2]))
        return bad(w[2], 'Expected the identifier (a quoted string or hex octets) after the DUID type number.');
      return this.extra(s, 3);
    }
    bad(t, 'Expected the DUID type: LLT, EN or LL (e.g. `server-duid LLT;`).');
  }

  private unknown(t: Token, scope: Scope, rule = 'dhcpd-unknown-statement'): void {
    if (this.findings.pastCut(rule, t.start)) return;
    const word = t.text;
    const sugg = didYouMean(word, STATEMENT_NAMES, 3);
    // an option name written without `option`?
    const asOption = OPTION_BY_NAME.get(`dhcp.${word.toLowerCase()}`);
    let msg = `Unknown statement \`${clip(word)}\`${scope !== 'root' ? ` ${scopeName(scope)}` : ''}`;
    if (asOption) msg += `; \`${word}\` is an option: write \`option ${word} ...;\``;
    else if (sugg.length) msg += `; did you mean ${sugg.map((x) => `\`${x}\``).join(' or ')}?`;
    else msg += '.';
    if (rule !== 'dhcpd-unknown-statement')
      msg += ' dhcpd accepts it as a variable or function call, which is rarely what was meant.';
    this.errTok(
      rule,
      t,
      msg,
      asOption ? { insert: 'option ' } : sugg.length ? { replace: sugg[0], alternatives: sugg } : undefined,
    );
  }

  /** Words after the value that should not be there: a `;` is missing (or junk). */
  private extra(s: Stmt, used: number): void {
    const w = s.words;
    if (w.length > used && used > 0) this.missingSemi(w[used - 1]!, `\`${clip(w[used]!.text)}\` follows`);
  }

  /** Value atoms from index i, commas dropped. A trailing or doubled comma is reported. */
  private atoms(s: Stmt, i: number): Token[] {
    const out: Token[] = [];
    const w = s.words;
    let lastComma: Token | undefined;
    for (let k = i; k < w.length; k++) {
      const t = w[k]!;
      if (t.kind === Tk.Punct && t.text === ',') {
        if (lastComma || out.length === 0)
          this.errTok('dhcpd-invalid-value', t, 'Unexpected `,`: a value is missing before it.');
        lastComma = t;
        continue;
      }
      lastComma = undefined;
      out.push(t);
    }
    if (lastComma)
      this.errTok(
        'dhcpd-invalid-value',
        lastComma,
        'Unexpected `,` at the end of the list: remove it or add another value.',
      );
    return out;
  }

  private checkI(a: Token): boolean {
    if (a.kind === Tk.Word && looksNumericAddress(a.text)) {
      const pr = ipv4Problem(a.text);
      if (pr) {
        this.errTok(
          'dhcpd-invalid-value',
          a,
          `\`${clip(a.text)}\` is not a valid IPv4 address (${pr}); write four numbers from 0 to 255, e.g. 192.168.1.1.`,
        );
        return false;
      }
      return true;
    }
    if (a.kind === Tk.Word && /^\d+$/.test(a.text)) {
      this.errTok(
        'dhcpd-invalid-value',
        a,
        `\`${a.text}\` is not an IPv4 address: write four numbers from 0 to 255, e.g. 192.168.1.1.`,
      );
      return false;
    }
    if (a.kind === Tk.Word && isHostname(a.text)) return true;
    if (a.problem === 'curly-quoted') return false;
    this.errTok('dhcpd-invalid-value', a, `Expected an IPv4 address or host name, found \`${clip(a.text)}\`.`);
    return false;
  }

  private check6(a: Token): boolean {
    if (a.kind === Tk.Word && isIPv6(a.text)) return true;
    if (a.problem === 'curly-quoted') return false;
    this.errTok('dhcpd-invalid-value', a, `\`${clip(a.text)}\` is not a valid IPv6 address (e.g. 2001:db8::1).`);
    return false;
  }

  /**
   * Check the value words of a statement against an ISC format string. Returns quietly for
   * expressions (`= ...`) and for formats it does not model.
   */
  private valueByFormat(s: Stmt, i: number, fmt: string, name: string): void {
    const w = s.words;
    const firstV = w[i];
    if (firstV && firstV.kind === Tk.Punct && firstV.text === '=') {
      this.checkParens(s, i + 1);
      this.checkOptionRefs(w.slice(i + 1));
      return;
    }
    if (fmt.includes('E')) return; // encapsulations: free form
    if (fmt === 'Z' || fmt === '') {
      this.extra(s, i);
      return;
    }
    if (w.length <= i) {
      if (fmt.includes('o') || /^[A-Za-z6]a/.test(fmt)) return;
      const at = w[w.length - 1]!;
      if (this.findings.pastCut('dhcpd-invalid-value', at.end)) return;
      this.err('dhcpd-invalid-value', at.end, at.end, `\`${name}\` needs a value: ${describeFormat(fmt)}.`);
      return;
    }
    const { atoms, arrayFrom, optionalTail } = formatAtoms(fmt);
    let ai = 0;
    let k = i;
    let lastGood: Token | undefined = w[i - 1];
    let sawComma = false;
    while (k < w.length) {
      const t = w[k]!;
      if (t.kind === Tk.Punct && t.text === ',') {
        if (k === w.length - 1) {
          this.errTok(
            'dhcpd-invalid-value',
            t,
            'Unexpected `,` at the end of the list: remove it or add another value.',
          );
          return;
        }
        if (w[k + 1]!.kind === Tk.Punct && w[k + 1]!.text === ',') {
          this.errTok('dhcpd-invalid-value', w[k + 1]!, 'Unexpected `,`: a value is missing before it.');
          return;
        }
        if (arrayFrom < 0 || ai < atoms.length) {
          // commas only separate the repeated items of a list, not the fields of one item
          this.errTok(
            'dhcpd-invalid-value',
            t,
            `Unexpected \`,\`: \`${name}\` expects ${describeFormat(fmt)}${arrayFrom >= 0 ? '; commas go only between repeated items' : ''}.`,
          );
          return;
        }
        sawComma = true;
        k++;
        continue;
      }
      if (ai >= atoms.length) {
        if (arrayFrom < 0 || !sawComma) {
          this.missingSemi(
            lastGood ?? t,
            `\`${clip(t.text)}\` follows${arrayFrom >= 0 ? '; separate list items with `,`' : ''}`,
          );
          return;
        }
        ai = arrayFrom;
      }
      sawComma = false;
      const atom = atoms[ai]!;
      if (!this.atom(t, atom.c, atom.arg, name)) return;
      lastGood = t;
      ai++;
      k++;
    }
    if (
      ai < atoms.length &&
      ai !== 0 &&
      !optionalTail &&
      ai !== arrayFrom &&
      !(arrayFrom >= 0 && ai > arrayFrom && ai === atoms.length)
    ) {
      const at = lastGood ?? w[w.length - 1]!;
      if (ai < atoms.length && arrayFrom < 0)
        this.err('dhcpd-invalid-value', at.end, at.end, `\`${name}\` expects more values: ${describeFormat(fmt)}.`);
    }
  }

  private atom(t: Token, c: string, arg: string | undefined, name: string): boolean {
    if (t.problem === 'curly-quoted') return false;
    switch (c) {
      case 'I':
        return this.checkI(t);
      case '6':
        return this.check6(t);
      case 't':
        if (t.kind === Tk.Word && /^[A-Za-z_-][A-Za-z0-9_-]*$/.test(t.text)) return true;
        if (t.kind !== Tk.String) return this.badValue(t, name, 'text in double quotes');
        return true;
      case 'D':
        if (t.kind !== Tk.String) return this.badValue(t, name, 'domain names in double quotes, separated by commas');
        return this.domainLabels(t, t.value ?? '');
      case 'd':
        if (t.kind === Tk.Word && isHostname(t.text)) return this.domainLabels(t, t.text);
        return this.badValue(t, name, 'a domain name without quotes (e.g. example.com)');
      case 'X':
        if (t.kind === Tk.String || (t.kind === Tk.Word && isHexList(t.text))) return true;
        return this.badValue(t, name, 'a quoted string or colon-separated hex octets (e.g. 01:00:16:3e:12:34:56)');
      case 'f':
        if (t.kind === Tk.Word && BOOLEANS.includes(t.text.toLowerCase())) return true;
        return this.badValue(t, name, 'a boolean: true, false, on or off');
      case 'T':
        if (t.kind === Tk.Word && (isInteger(t.text) || t.text.toLowerCase() === 'infinite')) return true;
        return this.badValue(t, name, 'a number of seconds or `infinite`');
      case 'B':
      case 'b':
      case 'S':
      case 's':
      case 'L':
      case 'l': {
        const [min, max, what] = INT_RANGE[c]!;
        if (t.kind !== Tk.Word || !isInteger(t.text)) return this.badValue(t, name, what);
        const v = intValue(t.text);
        if (v > max || v < min) return this.badValue(t, name, what);
        return true;
      }
      case 'N': {
        const vals = arg ? ENUMS[arg] : undefined;
        if (!vals) return true;
        if (t.kind === Tk.Word && vals.includes(t.text.toLowerCase())) return true;
        if (this.findings.pastCut('dhcpd-invalid-value', t.start)) return false;
        const sugg = t.kind === Tk.Word ? didYouMean(t.text, vals, 1) : [];
        this.errTok(
          'dhcpd-invalid-value',
          t,
          `\`${name}\` expects one of ${vals.join(', ')}; found \`${clip(t.text)}\`${sugg.length ? ` (did you mean \`${sugg[0]}\`?)` : ''}.`,
          sugg.length ? { replace: sugg[0] } : undefined,
        );
        return false;
      }
      default:
        return true;
    }
  }

  /** `name`'s value `t` is not `what` it expects (false: stop checking the values). */
  private badValue(t: Token, name: string, what: string): false {
    this.errTok('dhcpd-invalid-value', t, `\`${name}\` expects ${what}, found \`${clip(t.text)}\`.`);
    return false;
  }

  /** DNS limits: labels of 1 to 63 characters. */
  private domainLabels(t: Token, name: string): boolean {
    if (name === '') return true;
    const labels = name.replace(/\.$/, '').split('.');
    const bad = labels.find((l) => l.length === 0 || l.length > 63);
    if (bad === undefined) return true;
    this.errTok(
      'dhcpd-invalid-value',
      t,
      bad.length === 0
        ? `\`${clip(name)}\` has an empty label (two dots in a row): it is not a valid domain name.`
        : `The label \`${clip(bad, 20)}\` is ${bad.length} characters long: DNS labels have at most 63.`,
    );
    return false;
  }

  private optionStmt(s: Stmt, i: number, scope: Scope, owner: Stmt | null, isOption: boolean): void {
    const w = s.words;
    const nameTok = w[i];
    const kw = w[0]!.text.toLowerCase();
    if (!nameTok || nameTok.kind !== Tk.Word) {
      this.err('dhcpd-syntax', (nameTok ?? w[0]!).start, (nameTok ?? w[0]!).end, `\`${kw}\` needs an option name.`);
      return;
    }
    const raw = nameTok.text;
    if (isOption && raw.length === 5 && raw.toLowerCase() === 'space') {
      if (scope !== 'root')
        this.errTok(
          'dhcpd-not-allowed-here',
          w[0]!,
          'Option space definitions may not be scoped: put `option space` at the top level.',
        );
      this.optionSpace(s, i + 1);
      return;
    }
    const { space, name, full, param, dot } = optionName(raw, this.optionNames);
    const code = w[i + 1];
    if (isOption && low(code) === 'code') {
      if (scope !== 'root')
        this.errTok(
          'dhcpd-not-allowed-here',
          w[0]!,
          'Option definitions may not be scoped: put `option NAME code N = TYPE;` at the top level.',
        );
      if (!BUILTIN_SPACES.includes(space) && !this.userSpaces.has(space)) {
        this.errTok(
          'dhcpd-unknown-option',
          nameTok,
          `No option space named \`${space}\`: declare it first with \`option space ${space};\`.`,
        );
      }
      this.userOptions.add(full);
      const f = this.optionDefinition(s, i + 2);
      if (f) this.userFormats.set(full, f);
      else this.userFormats.delete(full);
      this.definitions.push({ at: s.start, option: full, format: f });
      return;
    }
    if (!BUILTIN_SPACES.includes(space) && !this.userSpaces.has(space)) {
      if (this.findings.pastCut('dhcpd-unknown-option', nameTok.start)) return;
      const sugg = didYouMean(space, [...BUILTIN_SPACES, ...this.userSpaces], 1);
      this.errTok(
        'dhcpd-unknown-option',
        nameTok,
        `No option space named \`${space}\`${sugg.length ? `; did you mean \`${sugg[0]}\`?` : ': declare it with `option space NAME;`.'}`,
        sugg.length ? { replace: `${sugg[0]}.${raw.slice(dot + 1)}` } : undefined,
      );
      return;
    }
    const def = OPTION_BY_NAME.get(full);
    if (!def && !this.userOptions.has(full)) {
      if (this.findings.pastCut('dhcpd-unknown-option', nameTok.start)) return;
      const names = OPTIONS.filter((o) => o.space === space).map((o) => o.name);
      for (const u of this.userOptions) if (u.startsWith(space + '.')) names.push(u.slice(space.length + 1));
      const sugg = didYouMean(name, names, 3);
      this.errTok(
        'dhcpd-unknown-option',
        nameTok,
        `Unknown option \`${clip(raw)}\`${sugg.length ? `; did you mean ${sugg.map((x) => `\`${x}\``).join(' or ')}?` : ' (define it first with `option NAME code N = TYPE;`).'}`,
        sugg.length
          ? { replace: dot > 0 ? `${raw.slice(0, dot)}.${sugg[0]}` : sugg[0], alternatives: sugg }
          : undefined,
      );
      return;
    }
    this.addParam(owner, param, s, w[i + 1]);
    if (def && space === 'dhcp' && this.curSubnet && (name === 'routers' || name === 'broadcast-address')) {
      for (const a of w.slice(i + 1)) {
        const v = a.kind === Tk.Word ? parseIPv4(a.text) : undefined;
        if (v !== undefined) this.curSubnet.addrs.push({ what: name, value: v, tok: a });
      }
    }
    if (def && !this.userOptions.has(full)) this.valueByFormat(s, i + 1, def.format, raw);
    else if (this.userFormats.has(full)) this.valueByFormat(s, i + 1, this.userFormats.get(full)!, raw);
  }

  private optionSpace(s: Stmt, i: number): void {
    const w = s.words;
    const name = w[i];
    if (!name || name.kind !== Tk.Word) {
      this.err('dhcpd-syntax', (name ?? w[0]!).start, (name ?? w[0]!).end, '`option space` needs a name.');
      return;
    }
    this.userSpaces.add(name.text.toLowerCase());
    this.definitions.push({ at: s.start, space: name.text.toLowerCase() });
    for (let k = i + 1; k < w.length; k++) {
      const t = low(w[k]);
      if ((t === 'code' || t === 'length') && low(w[k + 1]) === 'width') {
        const n = w[k + 2];
        const ok = t === 'code' ? ['1', '2', '4'] : ['1', '2'];
        if (!n || !ok.includes(n.text))
          this.errTok('dhcpd-invalid-value', n ?? w[k + 1]!, `The ${t} width must be ${ok.join(', ')}.`);
        k += 2;
      } else if (t === 'hash' && low(w[k + 1]) === 'size') {
        k += 2;
      } else {
        this.missingSemi(w[k - 1]!, `\`${clip(w[k]!.text)}\` follows`);
        return;
      }
    }
  }

  /** `= TYPE` of `option NAME code N = TYPE;`. Returns the ISC format of simple types. */
  private optionDefinition(s: Stmt, i: number): string | undefined {
    const w = s.words;
    const num = w[i];
    if (!num || !isInteger(num.text)) {
      this.err(
        'dhcpd-syntax',
        (num ?? w[i - 1]!).start,
        (num ?? w[i - 1]!).end,
        'Expected the option code number after `code`.',
      );
      return;
    }
    if (!(w[i + 1]?.text === '=')) {
      this.err('dhcpd-syntax', num.end, num.end, 'Expected `=` and a type after the option code, e.g. `= text`.');
      return;
    }
    let k = i + 2;
    // `k` is advanced past a word before it is checked, so when the statement ends early (the
    // missing word is `undefined`) `w[k - 1]` may lie past the end too: point at the last word there is.
    const typeErr = (t: Token | undefined, m: string) => {
      const at = t ?? w[Math.min(k, w.length) - 1]!;
      this.err('dhcpd-invalid-value', at.start, at.end, m);
    };
    const one = (inArray: boolean, inRecord: boolean): 'ok' | 'text' | 'fail' => {
      const t = w[k];
      const tt = low(t) ?? t?.text;
      k++;
      switch (tt) {
        case 'boolean':
        case 'ip-address':
        case 'ip6-address':
        case 'ip6-prefix':
        case 'zerolen':
          return 'ok';
        case 'text':
        case 'string':
          return 'text';
        case 'domain-name':
          return 'text';
        case 'domain-list':
          if (low(w[k]) === 'compressed') k++;
          return 'text';
        case 'signed':
        case 'unsigned':
          if (low(w[k]) !== 'integer') {
            typeErr(w[k], 'Expected `integer` after `signed`/`unsigned`.');
            return 'fail';
          }
          k++;
          return intWidth();
        case 'integer':
          return intWidth();
        default:
          break;
      }
      return unknownType(t, inArray, inRecord);
    };
    const intWidth = (): 'ok' | 'fail' => {
      {
        {
          const n = w[k];
          k++;
          if (!n || !['8', '16', '32'].includes(n.text)) {
            typeErr(n, 'An integer type needs its width: 8, 16 or 32.');
            return 'fail';
          }
          return 'ok';
        }
      }
    };
    const unknownType = (t: Token | undefined, inArray: boolean, inRecord: boolean): 'ok' | 'text' | 'fail' => {
      const tt = low(t) ?? t?.text;
      switch (tt) {
        case 'encapsulate': {
          const sp = w[k];
          k++;
          const spn = sp ? sp.text.toLowerCase() : '';
          if (!sp || (!BUILTIN_SPACES.includes(spn) && !this.userSpaces.has(spn))) {
            typeErr(
              sp,
              sp
                ? `No option space named \`${clip(sp.text)}\` to encapsulate: declare it first with \`option space NAME;\`.`
                : 'Expected the name of an option space after `encapsulate`, e.g. `encapsulate foobar;`.',
            );
            return 'fail';
          }
          return 'ok';
        }
        case 'array': {
          if (inArray) {
            typeErr(t, 'Nested arrays are not supported: `array of array` is rejected.');
            return 'fail';
          }
          if (low(w[k]) !== 'of') {
            typeErr(w[k], 'Expected `of` after `array`.');
            return 'fail';
          }
          k++;
          if (w[k]?.text === '{') {
            typeErr(w[k], 'Records are written with `{ }` only at the top of the type.');
            return 'fail';
          }
          const at = w[k];
          if (low(at) === 'array') {
            typeErr(at, 'Nested arrays are not supported.');
            return 'fail';
          }
          const r = one(true, inRecord);
          if (r === 'text') {
            typeErr(at, 'Arrays of text or string are not supported by dhcpd.');
            return 'fail';
          }
          return r;
        }
        default:
          typeErr(
            t,
            `Unknown data type \`${t ? clip(t.text) : ''}\`: use boolean, integer 8/16/32, signed/unsigned integer N, ip-address, ip6-address, text, string, domain-name, domain-list, encapsulate SPACE, array of TYPE or { TYPE, ... }.`,
          );
          return 'fail';
      }
    };
    // the block layer never gives a `{` inside a statement's words: a record type `{ a, b }`
    // opens a block. Handle the plain forms here and leave records to the block check.
    if (s.block) {
      // `option foo code 1 = { ip-address, text };` — the record's words are the block's statement
      const kids = s.block.stmts;
      const inner = kids.at(0);
      if (inner && (inner.semi || kids.length > 1)) {
        const at = inner.semi ?? kids.at(1)!.words[0] ?? s.block.open;
        this.errTok(
          'dhcpd-syntax',
          at,
          'Expected `}` to close the record type, e.g. `= { boolean, unsigned integer 8 };`.',
        );
        return;
      }
      const nested = kids.find((c) => !!c.block);
      if (nested) {
        this.err(
          'dhcpd-invalid-value',
          nested.block!.open.start,
          nested.block!.open.end,
          'Records cannot contain records or arrays of records: flatten the type.',
        );
        return;
      }
      if (inner) {
        const ws = inner.words;
        for (let j = 0; j < ws.length; j++) {
          const x = low(ws[j]);
          if (x === 'array') {
            if (low(ws[j + 2]) === 'array') {
              this.errTok('dhcpd-invalid-value', ws[j + 2]!, 'Nested arrays are not supported.');
              return;
            }
          }
        }
      }
      return;
    }
    if (k >= w.length) {
      this.err('dhcpd-syntax', w[k - 1]!.end, w[k - 1]!.end, 'Expected a type after `=`.');
      return;
    }
    const typeStart = k;
    const r = one(false, false);
    if (r === 'fail') return;
    if (k < w.length) {
      this.missingSemi(w[k - 1]!, `\`${clip(w[k]!.text)}\` follows`);
      return;
    }
    return simpleFormat(w.slice(typeStart).map((x) => x.text.toLowerCase()));
  }

  private allowDeny(s: Stmt, scope: Scope, owner: Stmt | null): void {
    const w = s.words;
    const kw = w[0]!.text.toLowerCase();
    const a = low(w[1]);
    const b = low(w[2]);
    if (!a) {
      this.err('dhcpd-syntax', w[0]!.end, w[0]!.end, `\`${kw}\` needs what it applies to, e.g. \`unknown-clients\`.`);
      return;
    }
    this.addParam(owner, `${kw} ${a}`, s);
    const pool = scope === 'pool' || scope === 'pool6';
    // pools take permits; elsewhere allow/deny/ignore set server flags
    let used = 0;
    let poolOnly = false;
    switch (a) {
      case 'unknown-clients':
        used = 2;
        break;
      case 'known-clients':
        used = 2;
        poolOnly = true;
        break;
      case 'bootp':
      case 'booting':
      case 'dynamic-bootp':
      case 'duplicates':
      case 'declines':
      case 'client-updates':
      case 'leasequery':
        if (pool) {
          this.errTok(
            'dhcpd-invalid-value',
            w[1]!,
            `\`${kw} ${a}\` is a server setting, not a pool permit: in a pool use unknown-clients, known-clients, members of "CLASS", dynamic bootp clients, authenticated clients, unauthenticated clients, all clients or after DATE.`,
          );
          return;
        }
        used = 2;
        break;
      case 'unknown':
      case 'known':
      case 'all':
      case 'authenticated':
      case 'unauthenticated':
        if (b === 'clients') used = 3;
        poolOnly = true;
        break;
      case 'members':
        poolOnly = true;
        if (b === 'of' && w[3]?.kind === Tk.String) used = 4;
        else {
          this.err(
            'dhcpd-syntax',
            (w[3] ?? w[2] ?? w[1]!).start,
            (w[3] ?? w[2] ?? w[1]!).end,
            'Expected `members of "CLASS"` with the class name in double quotes.',
          );
          return;
        }
        break;
      case 'dynamic':
        poolOnly = true;
        if (b === 'bootp' && low(w[3]) === 'clients') used = 4;
        break;
      case 'after':
        poolOnly = true;
        used = w.length;
        break;
      default:
        break;
    }
    if (used && poolOnly && !pool) {
      this.errTok(
        'dhcpd-not-allowed-here',
        w[1]!,
        `\`${kw} ${w
          .slice(1, Math.min(used, 4))
          .map((x) => x.text)
          .join(
            ' ',
          )}\` is a pool permit: it is only accepted inside a pool.${a === 'unknown' || a === 'known' ? ` Outside pools write \`${kw} ${a}-clients;\`.` : ''}`,
      );
      return;
    }
    if (used) return this.extra(s, used);
    if (this.findings.pastCut('dhcpd-invalid-value', w[1]!.start)) return;
    const cands = pool
      ? [
          'unknown-clients',
          'known-clients',
          'unknown clients',
          'known clients',
          'members of',
          'dynamic bootp clients',
          'all clients',
          'authenticated clients',
          'unauthenticated clients',
          'after',
        ]
      : [
          'unknown-clients',
          'bootp',
          'booting',
          'dynamic-bootp',
          'duplicates',
          'declines',
          'client-updates',
          'leasequery',
        ];
    const sugg = didYouMean(
      w
        .slice(1, 4)
        .map((x) => x.text)
        .join(' '),
      cands,
      1,
    );
    this.errTok(
      'dhcpd-invalid-value',
      w[1]!,
      `\`${kw} ${clip(w[1]!.text)}\` is not something dhcpd can ${kw}${pool ? ' in a pool' : ''}${sugg.length ? `; did you mean \`${sugg[0]}\`?` : `: use ${cands.slice(0, 4).join(', ')}, ...`}`,
      sugg.length && !sugg[0]!.includes(' ') ? { replace: sugg[0] } : undefined,
    );
  }

  private subnetHead(s: Stmt): SubnetDecl | undefined {
    const w = s.words;
    const netTok = w[1];
    if (!netTok || netTok.kind !== Tk.Word) {
      this.err(
        'dhcpd-syntax',
        w[0]!.end,
        w[0]!.end,
        '`subnet` needs a network number: `subnet 192.168.1.0 netmask 255.255.255.0 { ... }`.',
      );
      return undefined;
    }
    if (!this.checkI(netTok)) return undefined;
    if (low(w[2]) !== 'netmask') {
      this.err(
        'dhcpd-syntax',
        (w[2] ?? netTok).start,
        (w[2] ?? netTok).end,
        'Expected `netmask MASK` after the subnet number.',
      );
      return undefined;
    }
    const maskTok = w[3];
    if (!maskTok || maskTok.kind !== Tk.Word) {
      this.err('dhcpd-syntax', w[2]!.end, w[2]!.end, 'Expected the netmask, e.g. 255.255.255.0.');
      return undefined;
    }
    if (!this.checkI(maskTok)) return undefined;
    this.extra(s, 4);
    const net = parseIPv4(netTok.text);
    const mask = parseIPv4(maskTok.text);
    if (net === undefined || mask === undefined) return undefined;
    if ((net & ~mask) >>> 0 !== 0) {
      const fixed = (net & mask) >>> 0;
      this.err(
        'dhcpd-subnet-mask-mismatch',
        netTok.start,
        maskTok.end,
        `Subnet number ${netTok.text} has host bits set for netmask ${maskTok.text}: the network is ${formatIPv4(fixed)}.`,
        { replace: formatIPv4(fixed), start: netTok.start, end: netTok.end },
      );
    }
    const sub: SubnetDecl = { stmt: s, net: (net & mask) >>> 0, mask, netTok, maskTok, ranges: [], addrs: [] };
    this.subnets.push(sub);
    return sub;
  }

  private subnet6Head(s: Stmt): { net: bigint; len: number; text: string } | undefined {
    const w = s.words;
    const p = w[1];
    if (!p || p.kind !== Tk.Word) {
      this.err('dhcpd-syntax', w[0]!.end, w[0]!.end, '`subnet6` needs a prefix: `subnet6 2001:db8::/64 { ... }`.');
      return;
    }
    const slash = p.text.indexOf('/');
    if (slash < 0) {
      this.errTok('dhcpd-syntax', p, 'Expected `/LENGTH` after the subnet6 prefix, e.g. 2001:db8::/64.');
      return;
    }
    if (!this.check6({ ...p, text: p.text.slice(0, slash), end: p.start + slash })) return;
    const len = p.text.slice(slash + 1);
    if (!/^\d+$/.test(len) || Number(len) > 128) {
      this.errTok('dhcpd-invalid-value', p, 'The prefix length must be a number from 0 to 128.');
      return;
    }
    this.extra(s, 2);
    const net = parseIPv6(p.text.slice(0, slash))!;
    const n = Number(len);
    const hostMask = n >= 128 ? 0n : (1n << BigInt(128 - n)) - 1n;
    if ((net & hostMask) !== 0n) {
      this.errTok(
        'dhcpd-subnet-mask-mismatch',
        p,
        `The subnet6 prefix ${p.text} has bits set after the first ${n}: write the network address (host part zero).`,
      );
      return;
    }
    return { net, len: n, text: p.text };
  }

  private rangeStmt(s: Stmt): void {
    const w = s.words;
    let i = 1;
    if (low(w[1]) === 'dynamic-bootp') i = 2;
    const a = w[i];
    if (!a) {
      this.err('dhcpd-syntax', w[i - 1]!.end, w[i - 1]!.end, '`range` needs addresses: `range LOW HIGH;`.');
      return;
    }
    if (!this.checkI(a)) return;
    const b = w[i + 1];
    if (b && !this.checkI(b)) return;
    this.extra(s, b ? i + 2 : i + 1);
    const lo = parseIPv4(a.text);
    const hi = b ? parseIPv4(b.text) : lo;
    if (lo === undefined || hi === undefined) return;
    const r: RangeDecl = { stmt: s, low: lo, high: hi, lowTok: a, highTok: b ?? a, subnet: this.curSubnet };
    this.curSubnet?.ranges.push(r);
    if (!this.curSubnet) {
      this.orphanRanges.push(r);
      this.sharedRanges?.push(r);
    }
  }
  orphanRanges: RangeDecl[] = [];

  private range6Stmt(s: Stmt, kw: string): void {
    const w = s.words;
    const a = w[1];
    if (!a) {
      this.err('dhcpd-syntax', w[0]!.end, w[0]!.end, `\`${kw}\` needs addresses.`);
      return;
    }
    const addr = (t: Token) => {
      const sl = t.text.indexOf('/');
      return this.check6(sl >= 0 ? { ...t, text: t.text.slice(0, sl) } : t);
    };
    if (!addr(a)) return;
    const b = w[2];
    const hasB = !!b && b.kind === Tk.Word && !['temporary'].includes(b.text.toLowerCase()) && !b.text.startsWith('/');
    if (hasB && !addr(b!)) return;
    const sn = this.curSubnet6;
    if (sn && kw === 'range6') {
      const inside = (t: Token) => {
        const v = parseIPv6(t.text.split('/')[0]!)!;
        const shift = BigInt(128 - sn.len);
        return sn.len === 0 || v >> shift === sn.net >> shift;
      };
      if (!inside(a))
        this.errTok(
          'dhcpd-range-outside-subnet-error',
          a,
          `${a.text} is outside subnet6 ${sn.text}: dhcpd rejects a range6 that starts outside its subnet.`,
        );
      else if (hasB && !inside(b!))
        this.errTok(
          'dhcpd-range-outside-subnet-error',
          b!,
          `${b!.text} is outside subnet6 ${sn.text}: dhcpd rejects a range6 that ends outside its subnet.`,
        );
      else if (a.text.includes('/') && Number(a.text.split('/')[1]) < sn.len)
        this.errTok(
          'dhcpd-range-outside-subnet-error',
          a,
          `The range6 prefix is shorter than the subnet6 prefix (/${sn.len}): it would reach outside the subnet.`,
        );
    }
    if (kw === 'prefix6') {
      // prefix6 LOW HIGH /LEN  (the length may be written "/ 64" or "/64")
      const rest = w
        .slice(3)
        .map((x) => x.text)
        .join('');
      const m = /^\/(\d+)$/.exec(rest);
      if (!m) {
        this.err(
          'dhcpd-syntax',
          (w[3] ?? w[2] ?? a).start,
          (w[w.length - 1] ?? a).end,
          'Expected `/LENGTH` at the end of prefix6, e.g. `prefix6 2001:db8:0:100:: 2001:db8:0:f00:: /56;`.',
        );
      } else if (Number(m[1]) === 0 || Number(m[1]) >= 128) {
        this.err(
          'dhcpd-invalid-value',
          w[3]!.start,
          w[w.length - 1]!.end,
          'The delegated prefix length must be between 1 and 127.',
        );
      }
    }
  }

  private zoneStmt(s: Stmt): void {
    const w = s.words;
    const kw = low(w[0]);
    if (!kw || !Object.hasOwn(ZONE_STATEMENTS, kw)) {
      const t = w[0] ?? s.block?.open;
      if (!t || this.findings.pastCut('dhcpd-zone-statement', t.start)) return;
      const sugg = kw ? didYouMean(kw, Object.keys(ZONE_STATEMENTS), 1) : [];
      this.errTok(
        'dhcpd-zone-statement',
        t,
        `Unknown statement \`${clip(t.text)}\` in a zone: use primary, secondary, primary6, secondary6 or key${sugg.length ? ` (did you mean \`${sugg[0]}\`?)` : ''}.`,
        sugg.length ? { replace: sugg[0] } : undefined,
      );
      return;
    }
    if (s.block) this.needSemi(s, kw);
    if (kw === 'key') {
      const n = w[1];
      if (!n) {
        this.err('dhcpd-syntax', w[0]!.end, w[0]!.end, '`key` needs the name of a key defined earlier.');
        return;
      }
      this.keyRefs.push({ name: nameOf(n).replace(/\.$/, '').toLowerCase(), tok: n });
      this.extra(s, 2);
      return;
    }
    const atoms = this.atoms(s, 1);
    if (!atoms.length)
      this.err('dhcpd-invalid-value', w[0]!.end, w[0]!.end, `\`${kw}\` needs the address of a DNS server.`);
    for (const a of atoms) {
      if (kw.endsWith('6') ? !this.check6(a) : !this.checkI(a)) break;
    }
  }

  private zoneChecks(z: Stmt): void {
    const seen = new Map<string, Stmt>();
    for (const c of z.block!.stmts) {
      const k = low(c.words[0]);
      if (!k || !Object.hasOwn(ZONE_STATEMENTS, k)) continue;
      if (seen.has(k))
        this.errTok(
          'dhcpd-zone-duplicate',
          c.words[0]!,
          `More than one \`${k}\` in this zone: dhcpd accepts each zone statement once; list several servers in one statement, separated by commas.`,
        );
      else seen.set(k, c);
    }
  }

  private keyStmt(s: Stmt): void {
    const w = s.words;
    const kw = low(w[0]);
    if (!kw || !Object.hasOwn(KEY_STATEMENTS, kw)) {
      const t = w[0] ?? s.block?.open;
      if (!t) return;
      this.errTok(
        'dhcpd-syntax',
        t,
        `Unknown statement \`${clip(t.text)}\` in a key: use \`algorithm NAME;\` and \`secret "BASE64";\`.`,
      );
      return;
    }
    if (!w[1]) {
      this.err('dhcpd-invalid-value', w[0]!.end, w[0]!.end, `\`${kw}\` needs a value.`);
      return;
    }
    if (kw === 'algorithm' && w[1].kind === Tk.String && w[1].problem !== 'curly-quoted') {
      this.errTok(
        'dhcpd-invalid-value',
        w[1],
        `The algorithm is written without quotes: \`algorithm ${w[1].value};\`.`,
        { replace: w[1].value ?? '' },
      );
      return;
    }
    if (kw === 'secret' && w[1].kind === Tk.String && w[1].problem !== 'curly-quoted') {
      const v = w[1].value ?? '';
      if (!/^[A-Za-z0-9+/=\s]*$/.test(v))
        this.errTok('dhcpd-invalid-value', w[1], 'The key secret must be base64 text (letters, digits, +, / and =).');
    }
    // dhcpd reads an unquoted base64 secret token by token up to the `;`: its `=` padding is
    // one or two separate `=` tokens (`secret c2VjcmV0==;`), with or without spaces between
    let next = 2;
    if (kw === 'secret' && w[1].kind === Tk.Word) {
      while (next < w.length && (w[next]!.text === '=' || w[next]!.kind === Tk.Word)) next++;
    }
    this.extra(s, next);
  }

  private failoverStmt(s: Stmt): void {
    const w = s.words;
    const kw = low(w[0]);
    if (!kw) return;
    if (!Object.hasOwn(FAILOVER_STATEMENTS, kw)) {
      if (this.findings.pastCut('dhcpd-syntax', w[0]!.start)) return;
      const sugg = didYouMean(kw, Object.keys(FAILOVER_STATEMENTS), 1);
      this.errTok(
        'dhcpd-syntax',
        w[0]!,
        `Unknown statement \`${clip(w[0]!.text)}\` in a failover peer${sugg.length ? `; did you mean \`${sugg[0]}\`?` : '.'}`,
      );
    }
  }

  private caseLabel(s: Stmt, scope: Scope, owner: Stmt | null, kind: number): void {
    const w = s.words;
    const first = w[0]!;
    if (!(owner && low(owner.words[0]) === 'switch')) {
      this.errTok(
        'dhcpd-not-allowed-here',
        first,
        `\`${low(first) === 'case' ? 'case' : 'default:'}\` is only allowed directly inside a \`switch\` block.`,
      );
      return;
    }
    // find the `:` that ends the label
    let colon = -1;
    for (let k = kind < 0 ? 1 : 0; k < w.length; k++) {
      if (w[k]!.text.endsWith(':') || w[k]!.text.startsWith(':')) {
        colon = k;
        break;
      }
    }
    if (colon < 0) {
      this.err('dhcpd-syntax', first.start, first.end, 'Expected `:` after the case label.');
      return;
    }
    let restIdx = colon + 1;
    const ct = w[colon]!;
    if (ct.text.startsWith(':') && ct.text.length > 1) restIdx = colon; // `:stmt` glued — rare
    const rest = w.slice(restIdx);
    if (rest.length) {
      const sub: Stmt = {
        words: rest,
        block: s.block,
        semi: s.semi,
        start: rest[0]!.start,
        end: s.end,
        parent: s.parent,
      };
      this.stmt(sub, 'exec', owner, undefined);
    } else if (s.block) this.walkList(s.block.stmts, 'exec', owner);
    void scope;
  }

  private walkSwitch(s: Stmt): void {
    this.params.enter(s);
    for (const c of s.block!.stmts) {
      if (this.logScopes) this.scopeOf.set(c, 'exec');
      const k = low(c.words[0]);
      const isLabel =
        k === 'case' || k === 'default:' || (k === 'default' && !!c.words[1] && c.words[1].text.startsWith(':'));
      if (isLabel) this.caseLabel(c, 'exec', s, k === 'case' ? -1 : 0);
      else this.stmt(c, 'exec', s, undefined);
    }
    this.params.leave();
  }

  private checkInterfaces(s: Stmt): void {
    const pb = s.parent;
    let inherited = false;
    if (pb && low(pb.owner.words[0]) === 'shared-network') {
      // once per shared-network, not per subnet in it (one may hold 100,000 subnets)
      if (this.interfaceIn?.block !== pb)
        this.interfaceIn = { block: pb, has: pb.stmts.some((c) => low(c.words[0]) === 'interface') };
      inherited = this.interfaceIn.has;
    }
    if (low(s.words[0]) === 'group') {
      const i = s.block!.stmts.find((c) => low(c.words[0]) === 'interface');
      if (i) {
        this.findings.addFinding({
          rule: 'dhcpd-not-allowed-here',
          start: s.words[0]!.start,
          end: (s.words[1] ?? s.words[0]!).end,
          message:
            'This group contains `interface`, which dhcpd accepts only directly in a subnet or shared-network: move it there.',
          relatedAt: {
            start: i.words[0]!.start,
            end: i.words[0]!.end,
            message: '`interface` is not allowed in a group.',
          },
        });
      }
      return;
    }
    let n = inherited ? 1 : 0;
    for (const c of s.block!.stmts) {
      if (low(c.words[0]) === 'interface') {
        n++;
        if (n > 1)
          this.errTok(
            'dhcpd-syntax',
            c.words[0]!,
            `A subnet or shared network can be connected to one interface only${inherited ? ' (the enclosing shared-network already names one)' : ''}.`,
          );
      }
    }
  }

  /** `option NAME`, `exists NAME` and `config-option NAME` inside an expression must name a known option. */
  private checkOptionRefs(ws: readonly Token[]): void {
    for (let k = 0; k + 1 < ws.length; k++) {
      const kw = low(ws[k]);
      if (kw !== 'option' && kw !== 'exists' && kw !== 'config-option') continue;
      const n = ws[k + 1]!;
      if (n.kind !== Tk.Word) continue;
      const raw = n.text;
      const dot = raw.indexOf('.');
      const space = dot > 0 ? raw.slice(0, dot).toLowerCase() : 'dhcp';
      const name = (dot > 0 ? raw.slice(dot + 1) : raw).toLowerCase();
      if (!BUILTIN_SPACES.includes(space) && !this.userSpaces.has(space)) {
        this.errTok(
          'dhcpd-unknown-option',
          n,
          `No option space named \`${space}\`: declare it with \`option space ${space};\` before using it.`,
        );
        continue;
      }
      const full = `${space}.${name}`;
      if (OPTION_BY_NAME.has(full) || this.userOptions.has(full)) continue;
      if (this.findings.pastCut('dhcpd-unknown-option', n.start)) continue;
      const names = OPTIONS.filter((o) => o.space === space).map((o) => o.name);
      const sugg = didYouMean(name, names, 3);
      this.errTok(
        'dhcpd-unknown-option',
        n,
        `No option named \`${name}\` in space \`${space}\`${sugg.length ? `; did you mean ${sugg.map((x) => `\`${x}\``).join(' or ')}?` : ' (define it earlier with `option NAME code N = TYPE;`).'}`,
        sugg.length
          ? { replace: dot > 0 ? `${raw.slice(0, dot)}.${sugg[0]}` : sugg[0], alternatives: sugg }
          : undefined,
      );
    }
  }

  /** Top-level tokens of an expression, without parentheses that wrap all of it. */
  private topLevel(ws: readonly Token[]): Token[] {
    let xs = ws.slice();
    for (;;) {
      if (xs.length < 2 || xs[0]!.text !== '(' || xs[xs.length - 1]!.text !== ')') break;
      let d = 0,
        wraps = true;
      for (let k = 0; k < xs.length; k++) {
        if (xs[k]!.text === '(') d++;
        else if (xs[k]!.text === ')') d--;
        if (d === 0 && k < xs.length - 1) {
          wraps = false;
          break;
        }
      }
      if (!wraps) break;
      xs = xs.slice(1, -1);
    }
    const out: Token[] = [];
    let d = 0;
    for (const t of xs) {
      if (t.kind === Tk.Punct && t.text === '(') {
        if (d === 0) out.push(t);
        d++;
        continue;
      }
      if (t.kind === Tk.Punct && t.text === ')') {
        d--;
        continue;
      }
      if (d === 0) out.push(t);
    }
    return out;
  }

  /** `if`/`elsif`/`match if` need a boolean expression: a lone data term is rejected by dhcpd. */
  private checkBoolean(ws: readonly Token[]): void {
    if (!ws.length) return;
    const top = this.topLevel(ws);
    const first = top[0];
    if (!first) return;
    const f = low(first);
    const single = (n: number) => top.length === n;
    const isData =
      (first.kind === Tk.String && single(1)) ||
      (f === 'option' && single(2)) ||
      (f !== undefined && DATA_FUNCTIONS.has(f) && single(2) && top[1]!.text === '(');
    if (isData)
      this.err(
        'dhcpd-syntax',
        ws[0]!.start,
        ws[ws.length - 1]!.end,
        'Expected a boolean expression here (e.g. `exists NAME`, `A = B`, `known`): this is a data value. Compare it with `=` or test it with `exists`.',
      );
  }

  /** `match DATA;` and `spawn with DATA;` need a data expression, not a comparison. */
  private checkData(ws: readonly Token[]): void {
    const top = this.topLevel(ws);
    const op = top.find((t) => (t.kind === Tk.Punct && t.text === '=') || ['and', 'or'].includes(low(t) ?? ''));
    if (op)
      this.errTok(
        'dhcpd-syntax',
        op,
        'Expected a data expression here: a comparison is a boolean. Use `match if ...;` to test a condition.',
      );
  }

  /** Unbalanced parentheses in an expression. */
  private checkParens(s: Stmt, from: number): void {
    let depth = 0;
    let lastOpen: Token | undefined;
    for (let k = from; k < s.words.length; k++) {
      const t = s.words[k]!;
      if (t.kind !== Tk.Punct) continue;
      if (t.text === '(') {
        depth++;
        lastOpen = t;
      } else if (t.text === ')') {
        depth--;
        if (depth < 0) {
          this.errTok('dhcpd-syntax', t, 'Unexpected `)`: no `(` is open.');
          return;
        }
      }
    }
    if (depth > 0 && lastOpen) this.errTok('dhcpd-syntax', lastOpen, 'This `(` is never closed: add the matching `)`.');
  }
}

export function scopeName(scope: Scope): string {
  switch (scope) {
    case 'root':
      return 'at the top level';
    case 'exec':
      return 'inside a conditional or event block';
    case 'shared-network':
      return 'in a shared-network';
    default:
      return `in a ${scope} declaration`;
  }
}

interface OptionName {
  readonly space: string;
  readonly name: string;
  readonly full: string;
  readonly param: string;
  readonly dot: number;
}

/**
 * `[SPACE.]NAME` as written → its parts, lower-cased. Memoised per parse (`memo`), not globally:
 * the keys are slices of the document and would keep it alive.
 */
function optionName(raw: string, memo: Map<string, OptionName>): OptionName {
  let r = memo.get(raw);
  if (r) return r;
  let space = 'dhcp';
  let name = raw.toLowerCase();
  const dot = raw.indexOf('.');
  if (dot > 0) {
    space = raw.slice(0, dot).toLowerCase();
    name = raw.slice(dot + 1).toLowerCase();
  }
  const full = `${space}.${name}`;
  r = { space, name, full, param: `option ${full}`, dot };
  memo.set(raw, r);
  return r;
}

interface FormatAtoms {
  readonly atoms: ReadonlyArray<{ readonly c: string; readonly arg?: string }>;
  /** Index in atoms where repetition starts, or -1. */
  readonly arrayFrom: number;
  readonly optionalTail: boolean;
}
const FORMAT_ATOMS = new Map<string, FormatAtoms>();

/** An ISC format string split into atoms (memoised: the same few formats come up for every statement). */
function formatAtoms(fmt: string): FormatAtoms {
  let r = FORMAT_ATOMS.get(fmt);
  if (r) return r;
  const atoms: Array<{ c: string; arg?: string }> = [];
  let arrayFrom = -1;
  for (let k = 0; k < fmt.length; k++) {
    const c = fmt[k]!;
    if (c === 'A') arrayFrom = 0;
    else if (c === 'a') arrayFrom = atoms.length - 1;
    else if (c === 'o' || c === 'c') continue;
    else if (c === 'N' || c === 'E') {
      const end = fmt.indexOf('.', k);
      atoms.push({ c, arg: fmt.slice(k + 1, end < 0 ? fmt.length : end) });
      k = end < 0 ? fmt.length : end;
    } else {
      atoms.push({ c });
      if (c === 'D') arrayFrom = atoms.length - 1;
    }
  }
  r = { atoms, arrayFrom, optionalTail: fmt.includes('o') };
  // user-defined formats vary per file: keep the memo bounded
  if (FORMAT_ATOMS.size < 1000) FORMAT_ATOMS.set(fmt, r);
  return r;
}

/** The ISC format letter(s) of a simple user-defined option type, or undefined. */
function simpleFormat(ws: string[]): string | undefined {
  let arr = false;
  if (ws[0] === 'array' && ws[1] === 'of') {
    arr = true;
    ws = ws.slice(2);
  }
  const key = ws.join(' ');
  const map: Record<string, string> = {
    boolean: 'f',
    'ip-address': 'I',
    'ip6-address': '6',
    text: 't',
    string: 'X',
    'domain-name': 'd',
    'integer 8': 'b',
    'integer 16': 's',
    'integer 32': 'l',
    'signed integer 8': 'b',
    'signed integer 16': 's',
    'signed integer 32': 'l',
    'unsigned integer 8': 'B',
    'unsigned integer 16': 'S',
    'unsigned integer 32': 'L',
  };
  const f = map[key];
  if (!f) return undefined;
  return arr ? f + 'A' : f;
}

function nameOf(t: Token): string {
  return t.kind === Tk.String ? (t.value ?? '') : t.text;
}

export function clip(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}
