/**
 * The notes an outline cut at MAX_OUTLINE_SYMBOLS (service/types) writes in its symbols' detail,
 * the same in every language: a symbol whose children were cut says how many it has, and the
 * last symbol shown says how many were left out after it.
 */

/** `detail` with `note` after it. */
export function withNote(detail: string | undefined, note: string): string {
  return detail ? `${detail} · ${note}` : note;
}

/** "outline shows 9,999 of 10,005 settings": `plural` names what is counted. */
export function shownNote(shown: number, total: number, plural: string): string {
  return `outline shows ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${plural}`;
}

/** "outline stops here: 7 more settings are not listed" (one: "1 more setting is not listed"). */
export function leftOutNote(left: number, singular: string, plural: string): string {
  return left === 1
    ? `outline stops here: 1 more ${singular} is not listed`
    : `outline stops here: ${left.toLocaleString('en-US')} more ${plural} are not listed`;
}
