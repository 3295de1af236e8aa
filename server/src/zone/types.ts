/** Which words name a record type in a zone file. */
import { META_TYPES, rrTypeByName } from './data/rrtypes';

/** A word in the type position: a type BIND knows, a meta type, or the generic TYPEnnn. */
export const isZoneTypeWord = (w: string): boolean =>
  !!rrTypeByName(w) || META_TYPES.has(w.toUpperCase()) || /^TYPE\d{1,5}$/i.test(w);
