/** A growing column of 32-bit integers: the storage of the packed zone tree and of the placement of its records. */
export class Ints {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) this.grow(this.n * 2);
    this.a[this.n++] = v;
  }
  grow(size: number): void {
    const b = new Int32Array(size);
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  /** Exactly the values pushed (the spare room let go). */
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}
