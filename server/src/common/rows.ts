/**
 * Rows of a few 32-bit integers, kept in chunks: the tables of a large parse (.vmx settings,
 * dhcpd findings, hosts, parameters) have a row per line or statement, and a table grown by
 * doubling writes to twice the memory it ends up with (new memory costs a page fault per 4 KB).
 * Fields are signed: a value of 2^31 or more reads back with `>>> 0`.
 */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

export class IntRows {
  length = 0;
  private readonly chunks: Int32Array[] = [];

  constructor(private readonly stride: number) {}

  /** A new row (all fields 0); returns its index. */
  add(): number {
    const i = this.length++;
    if ((i & (CHUNK - 1)) === 0) this.chunks.push(new Int32Array(CHUNK * this.stride));
    return i;
  }
  get(i: number, field: number): number {
    return this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * this.stride + field]!;
  }
  set(i: number, field: number, value: number): void {
    this.chunks[i >>> CHUNK_BITS]![(i & (CHUNK - 1)) * this.stride + field] = value;
  }
}

/**
 * A stable counting sort of the rows 0 .. n-1 by their group, 0 ≤ group(i) < groups: `order`
 * holds the rows of group 0, then those of group 1, and so on, each group's in row order;
 * group g is order[starts[g], starts[g + 1]).
 */
export function groupRows(
  n: number,
  groups: number,
  group: (i: number) => number,
): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) starts[group(i) + 1]!++;
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
  const next = starts.slice(0, groups);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[group(i)]!++] = i;
  return { order, starts };
}
