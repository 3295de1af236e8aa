/**
 * SOA serials: RFC 1982 serial arithmetic, and the serial that follows one, the way admins and BIND
 * write them. Pure: the clock is the caller's (ModeContext.now), and only its local calendar date
 * is read.
 *
 * The next serial:
 * - A serial in the YYYYMMDDnn convention (ten digits whose first eight are a real date from 1980
 *   on) whose date is before today becomes today's date with nn = 00: 2024010307 → 2025061500 on
 *   15 June 2025. This is BIND's `serial-update-method date`.
 * - One whose date is today or later gets nn + 1: 2025061500 → 2025061501. At nn = 99 it gets + 1
 *   all the same, which reads as the next day's 00 (2025061599 → 2025061600; after the 31st, a day
 *   that does not exist: 2025063199 → 2025063200); the serial goes up, which is what matters.
 * - Any other serial gets + 1 (a counter, or a Unix time such as 1718444444, whose first eight
 *   digits are no date from 1980 on). 4294967295 becomes 1, as BIND's own increment does
 *   (dns_update_soaserial): 0 is skipped, and 1 is after 4294967295 in serial arithmetic, so
 *   secondaries transfer it. From there any serial up to 2147483648 is after it again, so today's
 *   date (2025061500) can be written next.
 * The result is always after the old serial in serial arithmetic (checked, not assumed).
 */
import { entryAt, entryCount, entryTypeIs, isDirective, parseZone, type ZoneTree, type ZoneToken } from './parser';
import { isZoneTypeWord } from './types';

export const MAX_SERIAL = 0xffffffff;
const SPAN = 2 ** 32;
const HALF = 2 ** 31;

/** The serial a token holds, read as named reads it (a decimal number 0–4294967295), else undefined. */
export function parseSerial(text: string): number | undefined {
  if (!/^\d{1,20}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= MAX_SERIAL ? n : undefined;
}

/**
 * RFC 1982 §3.2 with SERIAL_BITS 32: -1 when `a` is before `b`, 0 when equal, 1 when after, and
 * undefined when they are exactly 2^31 apart (the RFC leaves that comparison undefined).
 */
export function compareSerials(a: number, b: number): -1 | 0 | 1 | undefined {
  if (a === b) return 0;
  const ahead = (((b - a) % SPAN) + SPAN) % SPAN; // how far b lies ahead of a
  if (ahead === HALF) return undefined;
  return ahead < HALF ? -1 : 1;
}

/** A date as YYYYMMDD, from the local calendar. */
export function localDateNumber(d: Date): number {
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

/** Whether the serial follows YYYYMMDDnn: ten digits, the first eight a real date from 1980 on. */
export function isDateSerial(serial: number): boolean {
  if (serial < 1_000_000_000 || serial > MAX_SERIAL) return false;
  const date = Math.floor(serial / 100);
  const year = Math.floor(date / 10000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  if (year < 1980 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The serial after `old` (see the file's comment); `now` gives today's local date. */
export function nextSerial(old: number, now: Date): number {
  const plusOne = old >= MAX_SERIAL ? 1 : old + 1;
  if (!isDateSerial(old)) return plusOne;
  const today = localDateNumber(now) * 100;
  if (Math.floor(old / 100) * 100 < today && today <= MAX_SERIAL && compareSerials(old, today) === -1) return today;
  return plusOne;
}

/** The serial field of an SOA record: its token and value (undefined: not a number named reads). */
export interface SoaSerial {
  /** Offsets of the whole SOA record. */
  readonly start: number;
  readonly end: number;
  readonly token: ZoneToken;
  readonly value: number;
}

/** The serials of the file's own SOA records (not those of `$INCLUDE`d files), in file order. */
export function soaSerials(tree: ZoneTree): SoaSerial[] {
  const out: SoaSerial[] = [];
  for (let i = 0, n = entryCount(tree); i < n; i++) {
    // the type first: the record itself is made only for an SOA
    if (!entryTypeIs(tree, i, 'SOA')) continue;
    const e = entryAt(tree, i);
    if (isDirective(e)) continue;
    if (e.cls && !/^(IN|CLASS1)$/i.test(e.cls.text)) continue;
    const token = e.rdata[2];
    const value = token && !token.quoted ? parseSerial(token.text) : undefined;
    if (token && value !== undefined) out.push({ start: e.start, end: e.end, token, value });
  }
  return out;
}

/** The edit that increments the serial of the first SOA record: the serial token and its new text. */
export interface SerialEdit {
  readonly start: number;
  readonly end: number;
  readonly old: number;
  readonly serial: number;
  readonly newText: string;
}

/** The edit that increments `soa`'s serial on `now`'s date. */
export function serialEdit(soa: SoaSerial, now: Date): SerialEdit {
  const serial = nextSerial(soa.value, now);
  return { start: soa.token.start, end: soa.token.end, old: soa.value, serial, newText: String(serial) };
}

/** The edit that increments the serial of the text's first SOA record, or undefined if it has none. */
export function incrementSerial(text: string, now: Date): SerialEdit | undefined {
  const first = soaSerials(parseZone(text, isZoneTypeWord))[0];
  return first && serialEdit(first, now);
}

/**
 * The edit that increments the serial on save (`infraLsp.zone.incrementSerialOnSave`): only when
 * the text changed since `saved` (its text when opened or last saved; undefined: not known) and
 * its serial has not gone up since then (by hand, or by the command). A serial written lower is
 * incremented from where it stands.
 */
export function incrementSerialOnSave(saved: string | undefined, text: string, now: Date): SerialEdit | undefined {
  if (saved === text) return undefined;
  const e = incrementSerial(text, now);
  const was = e && saved !== undefined ? incrementSerial(saved, now)?.old : undefined;
  return e && (was === undefined || compareSerials(e.old, was) !== 1) ? e : undefined;
}
