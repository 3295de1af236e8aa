/**
 * A growing column of 32-bit integers: the storage of the packed zone tree and of the placement
 * of its records. It starts at a size the caller estimates and grows by half, so a column filled
 * to its estimate is never copied, and one that outgrows it holds at most 2.5 times its values
 * while it is copied (doubling and a final exact copy held up to 4 times, on a million-record zone
 * 100 MB more).
 */
export class Ints {
  a: Int32Array;
  n = 0;
  constructor(size = 1024) {
    this.a = new Int32Array(Math.max(16, size));
  }
  push(v: number): void {
    if (this.n === this.a.length) this.grow(this.n + (this.n >> 1));
    this.a[this.n++] = v;
  }
  grow(size: number): void {
    const b = new Int32Array(size);
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  /**
   * The values pushed: a view of the column when at most a quarter of it is spare room (no copy),
   * else an exact copy.
   */
  done(): Int32Array {
    return this.n >= this.a.length - (this.a.length >> 2) ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}

/** A growing column of bytes, grown as Ints is. */
export class Bytes {
  a: Uint8Array;
  n = 0;
  constructor(size = 1024) {
    this.a = new Uint8Array(Math.max(16, size));
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint8Array(this.n + (this.n >> 1));
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  /** The values pushed, as Ints.done gives them. */
  done(): Uint8Array {
    return this.n >= this.a.length - (this.a.length >> 2) ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}
