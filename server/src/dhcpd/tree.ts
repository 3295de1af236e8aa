/**
 * The dhcpd.conf tree: the shared block tree, what dhcpd rejects (as rows) and what the file
 * defines (keys, zones, subnets, hosts, parameters, option spaces, classes). parser.ts makes it.
 */
import type { Token } from '../common/tokenizer';
import type { BlockTree, Stmt } from '../common/blocks';
import type { FindingRows } from './findings';
import type { HostTable } from './hosts';
import type { ParamTable } from './params';
import type { Scope } from './data/placement';

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
  readonly includes: Array<{ path: string; tok: Token; scope: Scope }>;
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
