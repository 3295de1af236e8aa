/**
 * The parameters set in each block of a dhcpd.conf file, as a table of numbers: one row per
 * statement (a host's `option host-name`, a million `option routers` lines), not an object and
 * a token kept for each. validation.ts reads the columns.
 */
import type { Stmt } from '../common/blocks';
import type { Token } from '../common/tokenizer';
import { groupRows, IntRows } from '../common/rows';

/** The fields of a row: the owner (by index in `owners`), the name (by index in `names`), where the statement's first word starts and ends, where the statement ends, and where the value starts and ends (-1: none). */
const OWNER = 0,
  NAME = 1,
  KW_START = 2,
  KW_END = 3,
  STMT_END = 4,
  VALUE_START = 5,
  VALUE_END = 6;

export class ParamTable {
  private readonly rows = new IntRows(7);
  /** The blocks that set parameters (null: the file), in the order first seen. */
  readonly owners: Array<Stmt | null> = [];
  /**
   * The walks under way (see enter()), innermost last: the owner of each, its index in `owners`
   * (-1: none set yet), and how many walks of that owner are nested there.
   */
  private readonly walkOwner: Array<Stmt | null> = [];
  private readonly walkId: number[] = [];
  private readonly walkDepth: number[] = [];
  private lastOwnerId = -1;
  /** Whether the rows of each owner come together, owners in the order first seen (then byOwner() need not sort). */
  private grouped = true;
  /** Distinct parameter names (`default-lease-time`, `option dhcp.routers`, `allow bootp`...). */
  readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private lastName = '';
  private lastNameId = -1;

  constructor(private readonly text: string) {}

  get length(): number {
    return this.rows.length;
  }

  /**
   * The parser begins to walk statements whose parameters belong to `owner` (the statement whose
   * block they are in, or a declaration around it; null: the file), and leave()s when done.
   * Walks nest, and a block is walked once: so a block's parameters are told apart by the walks
   * under way, without a Map of every block (a 100,000-host file has 100,000 of them).
   */
  enter(owner: Stmt | null): void {
    const n = this.walkOwner.length;
    if (n && this.walkOwner[n - 1] === owner) this.walkDepth[n - 1]!++;
    else {
      this.walkOwner.push(owner);
      this.walkId.push(-1);
      this.walkDepth.push(1);
    }
  }
  leave(): void {
    const n = this.walkOwner.length;
    if (--this.walkDepth[n - 1]! > 0) return;
    this.walkOwner.pop();
    this.walkId.pop();
    this.walkDepth.pop();
  }

  /**
   * Statement `s` (first word `kw`) in the block of `owner` sets `name` (to `value`). The owner is
   * that of a walk under way (the innermost, in the parser); one that is not is looked up among
   * all owners, slowly but right.
   */
  add(owner: Stmt | null, name: string, s: Stmt, kw: Token, value: Token | undefined): void {
    let k = this.walkOwner.length - 1;
    while (k >= 0 && this.walkOwner[k] !== owner) k--;
    let o = k >= 0 ? this.walkId[k]! : this.owners.indexOf(owner);
    if (o < 0) {
      o = this.owners.length;
      this.owners.push(owner);
      if (k >= 0) this.walkId[k] = o;
    }
    if (o !== this.lastOwnerId) {
      // back to a block after the parameters of another (one inside it)
      if (o < this.owners.length - 1) this.grouped = false;
      this.lastOwnerId = o;
    }
    // the name set last, again (a file often sets one parameter line after line): no lookup by hash
    let n = name === this.lastName ? this.lastNameId : this.nameIds.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, n);
    }
    this.lastName = name;
    this.lastNameId = n;
    const i = this.rows.add();
    const r = this.rows;
    r.set(i, OWNER, o);
    r.set(i, NAME, n);
    r.set(i, KW_START, kw.start);
    r.set(i, KW_END, kw.end);
    r.set(i, STMT_END, s.end);
    r.set(i, VALUE_START, value ? value.start : -1);
    r.set(i, VALUE_END, value ? value.end : -1);
  }

  ownerOf(i: number): number {
    return this.rows.get(i, OWNER);
  }
  nameOf(i: number): number {
    return this.rows.get(i, NAME);
  }
  kwStartOf(i: number): number {
    return this.rows.get(i, KW_START);
  }
  kwEndOf(i: number): number {
    return this.rows.get(i, KW_END);
  }
  stmtEndOf(i: number): number {
    return this.rows.get(i, STMT_END);
  }
  hasValue(i: number): boolean {
    return this.rows.get(i, VALUE_START) >= 0;
  }
  valueStartOf(i: number): number {
    return this.rows.get(i, VALUE_START);
  }
  valueEndOf(i: number): number {
    return this.rows.get(i, VALUE_END);
  }
  valueText(i: number): string {
    return this.text.slice(this.valueStartOf(i), this.valueEndOf(i));
  }

  /**
   * The rows grouped by owner (owners in the order first seen), each owner's in the order set;
   * null when the rows come in that order (the usual case: no table of a million numbers to write).
   */
  byOwner(): Int32Array | null {
    return this.grouped ? null : groupRows(this.length, this.owners.length, (i) => this.ownerOf(i)).order;
  }
}
