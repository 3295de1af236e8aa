/**
 * The host declarations of a dhcpd.conf file as a table of numbers: a million hosts made a million
 * objects with tokens and lists that lived as long as the tree (most of a large parse's time).
 * checks/networks.ts reads the columns; `at(i)` (or iterating) makes a HostDecl each time.
 */
import { type BlockTree } from '../common/blocks';
import { tokenObject } from '../common/structure';
import { stringValue, Tk, type Token } from '../common/tokenizer';
import { groupRows, IntRows } from '../common/rows';
import { partitionPoint } from '../common/search';

/** A host: its name, its first `hardware` address and its fixed addresses (IPv4). */
export interface HostDecl {
  readonly name: string;
  /** The name (or `host` when it has none). */
  readonly nameTok: Token;
  readonly mac?: { readonly value: string; readonly tok: Token };
  readonly fixed: ReadonlyArray<{ readonly value: number; readonly tok: Token }>;
}

/**
 * The fields of a host: where its name starts (-1 - where `host` starts when it has no name) and
 * where its MAC starts (-1: none). The rest (ends, kinds) is read from the tokens when needed.
 */
const NAME = 0,
  MAC = 1;
/** The fields of a fixed address: its host, its value, where its token starts. */
const HOST = 0,
  VALUE = 1,
  START = 2;

export class HostTable implements Iterable<HostDecl> {
  private readonly hosts = new IntRows(2);
  /** Fixed addresses in the order found. */
  private readonly fixed = new IntRows(3);
  /** Whether the fixed addresses come grouped by host, in host order (then fixedOrder() need not sort). */
  private fixedByHost = true;

  constructor(private readonly blocks: BlockTree) {}

  get length(): number {
    return this.hosts.length;
  }
  get fixedCount(): number {
    return this.fixed.length;
  }

  /** A host named by `name` (undefined: none; `first` is the `host` keyword); returns its index. */
  add(name: Token | undefined, first: Token): number {
    const i = this.hosts.add();
    this.hosts.set(i, NAME, name ? name.start : -1 - first.start);
    this.hosts.set(i, MAC, -1);
    return i;
  }

  hasMac(i: number): boolean {
    return this.hosts.get(i, MAC) >= 0;
  }
  setMac(i: number, tok: Token): void {
    this.hosts.set(i, MAC, tok.start);
  }

  addFixed(i: number, value: number, tok: Token): void {
    const n = this.fixed.length;
    if (n > 0 && this.fixed.get(n - 1, HOST) > i) this.fixedByHost = false;
    const k = this.fixed.add();
    this.fixed.set(k, HOST, i);
    this.fixed.set(k, VALUE, value | 0);
    this.fixed.set(k, START, tok.start);
  }

  /** The host's name as dhcpd reads it (a string's value without its quotes). */
  name(i: number): string {
    const start = this.hosts.get(i, NAME);
    if (start < 0) return '';
    const k = this.tokenIndex(start);
    const t = this.blocks.tokens;
    return t.kinds[k] === Tk.String
      ? stringValue(this.blocks.text, start, t.ends[k]!)
      : this.blocks.text.slice(start, t.ends[k]!);
  }
  macStartOf(i: number): number {
    return this.hosts.get(i, MAC);
  }
  macEndOf(i: number): number {
    return this.endOf(this.macStartOf(i));
  }
  /** The MAC address as written, and in lower case with two digits per octet (to compare). */
  macText(i: number): string {
    const start = this.macStartOf(i);
    return this.blocks.text.slice(start, this.endOf(start));
  }
  macValue(i: number): string {
    return normMac(this.macText(i));
  }
  fixedHostOf(k: number): number {
    return this.fixed.get(k, HOST);
  }
  fixedValueOf(k: number): number {
    return this.fixed.get(k, VALUE) >>> 0;
  }
  fixedStartOf(k: number): number {
    return this.fixed.get(k, START);
  }
  fixedEndOf(k: number): number {
    return this.endOf(this.fixedStartOf(k));
  }
  fixedText(k: number): string {
    return this.blocks.text.slice(this.fixedStartOf(k), this.fixedEndOf(k));
  }
  /** The fixed addresses grouped by host, in host order, each host's in the order found. */
  fixedOrder(): Int32Array {
    const n = this.fixedCount;
    if (!this.fixedByHost) return groupRows(n, this.length, (k) => this.fixedHostOf(k)).order;
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = k;
    return order;
  }

  /** Host `i` as an object (a new one on each call). */
  at(i: number): HostDecl | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const fixed: Array<{ value: number; tok: Token }> = [];
    // grouped by host (the usual case): from the first of host i on
    let k = this.fixedByHost ? partitionPoint(this.fixedCount, (m) => this.fixedHostOf(m) < i) : 0;
    for (; k < this.fixedCount; k++) {
      const h = this.fixedHostOf(k);
      if (h === i) fixed.push({ value: this.fixedValueOf(k), tok: this.tokenAt(this.fixedStartOf(k)) });
      else if (this.fixedByHost && h > i) break;
    }
    const mac = this.hasMac(i) ? { value: this.macValue(i), tok: this.tokenAt(this.macStartOf(i)) } : undefined;
    const name = this.hosts.get(i, NAME);
    return { name: this.name(i), nameTok: this.tokenAt(name >= 0 ? name : -1 - name), ...(mac ? { mac } : {}), fixed };
  }
  *[Symbol.iterator](): Iterator<HostDecl> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /** The index of the token that starts at `start`. */
  private tokenIndex(start: number): number {
    const t = this.blocks.tokens;
    return partitionPoint(t.count, (m) => t.starts[m]! < start);
  }
  private endOf(start: number): number {
    return this.blocks.tokens.ends[this.tokenIndex(start)]!;
  }
  private tokenAt(start: number): Token {
    return tokenObject(this.blocks, this.tokenIndex(start));
  }
}

function normMac(s: string): string {
  if (isNormalMac(s)) return s;
  return s
    .split(':')
    .map((x) => x.toLowerCase().padStart(2, '0'))
    .join(':');
}

/** Already six lower-case two-digit octets (`00:16:3e:12:34:56`): nothing to normalise. */
function isNormalMac(s: string): boolean {
  if (s.length !== 17) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (i % 3 === 2) {
      if (c !== 58) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
