/**
 * One walk over a dhcpd.conf block tree: what the file defines so far (the tree in the making)
 * and the reporters the checks share. The checks of each family of statements are functions of
 * a Walker (declarations.ts, options.ts, ...); walk.ts sends each statement to its check.
 */
import type { FixData } from '../../common/fixes';
import { Tk, type Token } from '../../common/tokenizer';
import type { BlockTree, Stmt, StmtList } from '../../common/blocks';
import { partitionPoint } from '../../common/search';
import { FindingRows, type RawFinding } from '../findings';
import { HostTable } from '../hosts';
import { ParamTable } from '../params';
import { misplaced, scopeBit, scopeName, type Scope } from '../data/placement';
import type { DhcpdRuleId } from '../rules';
import {
  StatementScopes,
  type Definition,
  type DhcpdTree,
  type KeyDef,
  type KeyRef,
  type RangeDecl,
  type SubnetDecl,
  type ZoneDef,
} from '../tree';
import { clip, type OptionName } from './words';
/** The check of a statement that starts with the keyword `kw`. */
export type StmtCheck = (
  g: Walker,
  s: Stmt,
  kw: string,
  scope: Scope,
  owner: Stmt | null,
  prev: Stmt | undefined,
) => void;

/** What a Walker is made with: how a statement is walked, and how a block-layer problem becomes a finding. */
export interface WalkerHooks {
  readonly stmt: (g: Walker, s: Stmt, scope: Scope, owner: Stmt | null, prev: Stmt | undefined) => void;
  readonly structureFinding: (g: Walker, errorIndex: number) => RawFinding;
}

export class Walker {
  readonly findings: FindingRows;
  /**
   * Scope of every statement walked, with `logScopes` only: no feature reads it, and a Map of
   * 100,000s of statements costs more than the rest of the walk (see parse()).
   */
  readonly scopeOf = new StatementScopes();
  readonly optionNames = new Map<string, OptionName>();
  keys: KeyDef[] = [];
  keyRefs: KeyRef[] = [];
  zones: ZoneDef[] = [];
  includes: Array<{ path: string; tok: Token; scope: Scope }> = [];
  subnets: SubnetDecl[] = [];
  readonly hosts: HostTable;
  readonly params: ParamTable;
  userOptions = new Set<string>();
  userFormats = new Map<string, string>();
  definitions: Definition[] = [];
  userSpaces = new Set<string>();
  classes = new Set<string>();
  family: 4 | 6;
  curSubnet: SubnetDecl | undefined;
  failoverPeers = new Map<string, Token>();
  omapiKeys: KeyRef[] = [];
  failoverRefs = new Set<string>();
  curSubnet6: { net: bigint; len: number; text: string } | undefined;
  /** Ranges seen in pools directly under a shared-network (checked against its subnets). */
  sharedRanges: RangeDecl[] | undefined;
  /** Ranges outside any subnet. */
  orphanRanges: RangeDecl[] = [];
  /**
   * The scopes the statement being checked may be in (data/placement.ts), as bits: walk.ts sets
   * it around each check (and puts the outer one back after), checkPlace() reads it.
   */
  place = 0;
  /** The host being walked (-1: none). */
  curHost = -1;
  /** The last shared-network block checkInterfaces looked at, and whether it names an interface. */
  interfaceIn: { block: NonNullable<Stmt['parent']>; has: boolean } | undefined;

  constructor(
    readonly text: string,
    readonly blocks: BlockTree,
    family: 4 | 6 | undefined,
    cut: boolean,
    readonly logScopes: boolean,
    private readonly hooks: WalkerHooks,
  ) {
    // each of the words has a `6`: a file without one is not searched (a regular expression with
    // alternatives and /i takes tens of milliseconds over a large file)
    this.family =
      family ?? (text.includes('6') && /\b(subnet6|range6|prefix6|pool6|fixed-address6|dhcp6\.)/i.test(text) ? 6 : 4);
    this.hosts = new HostTable(blocks);
    this.params = new ParamTable(text);
    this.findings = new FindingRows({ inOrder: true, cut, make: (i) => hooks.structureFinding(this, i) });
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

  stmt(s: Stmt, scope: Scope, owner: Stmt | null, prev: Stmt | undefined): void {
    this.hooks.stmt(this, s, scope, owner, prev);
  }

  walkList(stmts: StmtList, scope: Scope, owner: Stmt | null): void {
    let prev: Stmt | undefined;
    this.params.enter(owner);
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts.at(i)!;
      if (this.logScopes) this.scopeOf.set(s, scope);
      this.hooks.stmt(this, s, scope, owner, prev);
      prev = s;
    }
    this.params.leave();
  }

  err(rule: DhcpdRuleId, start: number, end: number, message: string, data?: FixData): void {
    this.findings.add(rule, start, end, message, data);
  }
  errTok(rule: DhcpdRuleId, t: Token, message: string, data?: FixData): void {
    this.err(rule, t.start, t.end, message, data);
  }

  /** Offset of the first token at or after `at` (for missing-`;` ranges that reach the token dhcpd stops at). */
  nextTokenStart(at: number): number {
    const t = this.blocks.tokens;
    for (let i = partitionPoint(t.count, (k) => t.starts[k]! < at); i < t.count; i++)
      if (t.kinds[i] !== Tk.Comment) return t.starts[i]!;
    return this.text.length;
  }

  /** The end of the token before `at` (where dhcpd stops reading), but not before the start of `at`'s line. */
  prevTokenEnd(at: number): number {
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
  prevTokenEndAnywhere(at: number): number | undefined {
    const t = this.blocks.tokens;
    for (let i = partitionPoint(t.count, (k) => t.ends[k]! <= at) - 1; i >= 0; i--)
      if (t.kinds[i] !== Tk.Comment) return t.ends[i]!;
    return undefined;
  }

  /** Where a missing `;` is shown: up to the next token, on whose line dhcpd reports it. */
  missingSemiEnd(at: number): number {
    return Math.max(at, this.nextTokenStart(at));
  }

  missingSemi(after: Token, what?: string): void {
    this.err(
      'dhcpd-missing-semicolon',
      after.end,
      this.missingSemiEnd(after.end),
      `Missing \`;\` after \`${clip(after.text)}\`${what ? ` (${what})` : ''}: dhcpd expects a semicolon here.`,
    );
  }

  addParam(owner: Stmt | null, name: string, s: Stmt, value?: Token): void {
    this.params.add(owner, name, s, s.words[0]!, value);
  }

  /** A statement that must end with `;` and have no block. */
  needSemi(s: Stmt, kw: string): boolean {
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
  needBlock(s: Stmt, kw: string): boolean {
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

  /** Whether validation lets the statement `kw` (first word `t`) be in `scope` (data/placement.ts); reports it if not. */
  checkPlace(t: Token, kw: string, scope: Scope): boolean {
    if ((this.place & scopeBit(scope)) !== 0) return true;
    this.notAllowed(t, kw, scope, misplaced(kw));
    return false;
  }

  notAllowed(t: Token, kw: string, scope: Scope, where: string): void {
    this.errTok('dhcpd-not-allowed-here', t, `\`${kw}\` is not allowed ${scopeName(scope)}: ${where}.`);
  }
}
