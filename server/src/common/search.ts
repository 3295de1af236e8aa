/** Binary search over ordered lists: written once, for every "where in this sorted list" question. */

/**
 * The index of the first item for which `before(i)` is false, given that it is true for a
 * prefix of the `length` items and false after it (so also: how many items come before).
 * `from`: the answer is known to be at or after it (search only [from, length)).
 */
export function partitionPoint(length: number, before: (i: number) => boolean, from = 0): number {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last item starting at or before `offset` (-1: none), in a list ordered by start. */
export function lastStartingAtOrBefore(list: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  return partitionPoint(list.length, (i) => list[i]!.start <= offset) - 1;
}
