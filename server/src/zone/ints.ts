/**
 * Growing columns of numbers: the storage of the packed zone tree and of the placement of its
 * records. A column starts at a size the caller estimates and grows by half, so one filled to its
 * estimate is never copied, and one that outgrows it holds at most 2.5 times its values while it
 * is copied (doubling and a final exact copy held up to 4 times, on a million-record zone 100 MB
 * more).
 */
class Column<T extends Int32Array | Uint8Array> {
  a: T;
  n = 0;
  constructor(
    private readonly make: (size: number) => T,
    size: number,
  ) {
    this.a = make(Math.max(16, size));
  }
  push(v: number): void {
    if (this.n === this.a.length) this.grow(this.n + (this.n >> 1));
    this.a[this.n++] = v;
  }
  grow(size: number): void {
    const b = this.make(size);
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  /**
   * The values pushed: a view of the column when at most a quarter of it is spare room (no copy),
   * else an exact copy.
   */
  done(): T {
    return (this.n >= this.a.length - (this.a.length >> 2) ? this.a.subarray(0, this.n) : this.a.slice(0, this.n)) as T;
  }
}

/** A growing column of 32-bit integers. */
export class Ints extends Column<Int32Array> {
  constructor(size = 1024) {
    super((n) => new Int32Array(n), size);
  }
}

/** A growing column of bytes (a token's length). */
export class Bytes extends Column<Uint8Array> {
  constructor(size = 1024) {
    super((n) => new Uint8Array(n), size);
  }
}
