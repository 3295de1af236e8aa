/**
 * iSCSI name validation: RFC 3720 §3.2.6 (iqn., eui.), RFC 3721 (naming and discovery
 * examples), RFC 3980 (naa.), consolidated in RFC 7143 §4.2.7. Pure and linear: one pass over
 * the name (at most a few hundred characters are examined; longer input is cut).
 *
 * One error per name: the first structural problem found is reported, so a broken name gives
 * one precise message rather than a cascade. The case warning (stringprep folds case) is
 * reported besides, because its quick fix is independent, and so is a date after the month the
 * caller passes as `now` (the checks never read the clock themselves).
 */
import type { NameRuleId } from './rules';
import { isKnownTld, PSEUDO_TLDS } from './data/tlds';
import { FIRST_DOMAIN_YEAR, MAX_ALIAS_BYTES, MAX_NAME_BYTES } from './data/limits';
import type { YearMonth } from './clock';

/** Input beyond this is not examined character by character (a name is at most 223 bytes). */
const MAX_SCAN = 1024;

export interface NameFix {
  readonly title: string;
  /** Replaces [start, end) of the name. */
  readonly newText: string;
}

export interface NameProblem {
  readonly rule: NameRuleId;
  /** Offsets into the name. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: NameFix;
}

export type NameParts =
  | {
      readonly type: 'iqn';
      readonly year: number;
      readonly month: number;
      readonly date: string;
      readonly authority: string;
      readonly unique?: string;
    }
  | { readonly type: 'eui'; readonly hex: string; readonly nvme: boolean }
  | { readonly type: 'naa'; readonly hex: string };

export interface NameCheck {
  readonly problems: NameProblem[];
  /** Set when the name has no error (warnings allowed). */
  readonly parts?: NameParts;
}

export interface CheckOptions {
  /**
   * Outside an iSCSI context (logs, .vmx) `eui.` + 32 hex digits is an NVMe namespace ID
   * (NGUID), as ESXi names NVMe devices — not an error there.
   */
  readonly allowNvmeEui?: boolean;
  /**
   * This month: an iqn. date after it is a warning (the naming authority cannot have owned its
   * domain then). Without it, dates are not compared with today.
   */
  readonly now?: YearMonth;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The first letter in upper case, for a character named at the start of a sentence. */
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** How a character is shown in a message. */
export function showChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (ch === '`') return '"`"';
  return `\`${ch}\``;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** The type prefix (`iqn.`, `eui.`, `naa.`, any case) or undefined. */
export function nameType(name: string): 'iqn' | 'eui' | 'naa' | undefined {
  const p = name.slice(0, 4).toLowerCase();
  return p === 'iqn.' ? 'iqn' : p === 'eui.' ? 'eui' : p === 'naa.' ? 'naa' : undefined;
}

export function checkIscsiName(name: string, opts: CheckOptions = {}): NameCheck {
  const type = nameType(name);
  if (!type) {
    return {
      problems: [
        {
          rule: 'iscsi-iqn-authority',
          start: 0,
          end: Math.min(name.length, 4),
          message: `\`${cut(name)}\` is not an iSCSI name: it must start with \`iqn.\`, \`eui.\` or \`naa.\`.`,
        },
      ],
    };
  }
  const problems: NameProblem[] = [];
  const bytes = utf8Length(name);
  let error: NameProblem | undefined;
  if (bytes > MAX_NAME_BYTES) {
    error = {
      rule: 'iscsi-name-too-long',
      start: 0,
      end: name.length,
      message: `The name is ${bytes} bytes long; an iSCSI name holds at most ${MAX_NAME_BYTES}.`,
    };
  }
  let parts: NameParts | undefined;
  const scan = name.length > MAX_SCAN ? name.slice(0, MAX_SCAN) : name;
  if (type === 'iqn') {
    const r = checkIqn(scan, opts.now);
    error ??= r.error;
    parts = r.parts;
    if (r.warnings) problems.push(...r.warnings);
    // Case: stringprep (RFC 3722) maps upper case to lower case, in every script, so the name
    // still works, but targets compare what they store; the RFC asks for lower-case names.
    const upper = firstUpperCase(scan);
    if (upper !== undefined) {
      problems.push({
        rule: 'iscsi-name-case',
        start: 0,
        end: name.length,
        message: `iSCSI names are case-insensitive: stringprep (RFC 3722) folds \`${upper}\` to \`${upper.toLowerCase()}\`; write the name in lower case so every initiator and target stores the same string.`,
        fix: { title: 'Write the iSCSI name in lower case', newText: name.toLowerCase() },
      });
    }
  } else {
    const r = checkHexName(type, scan, opts);
    error ??= r.error;
    parts = r.parts;
    if (/[A-Z]/.test(scan.slice(0, 3))) {
      problems.push({
        rule: 'iscsi-name-case',
        start: 0,
        end: 3,
        message: `The type \`${scan.slice(0, 3)}\` is folded to lower case by stringprep (RFC 3722); write \`${type}.\` (the hex digits may stay upper case).`,
        fix: { title: `Write the type as ${type}.`, newText: type },
      });
    }
  }
  if (error) return { problems: [error, ...problems] };
  return { problems, parts };
}

/** The first character with a lower-case form of its own (`E`, `Д`, `Ǆ`), or undefined. */
function firstUpperCase(s: string): string | undefined {
  for (const ch of s) if (ch !== ch.toLowerCase()) return ch;
  return undefined;
}

function cut(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

interface PartResult {
  error?: NameProblem;
  warnings?: NameProblem[];
  parts?: NameParts;
}

const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;

/** The date, naming authority and unique string of an iqn. name (RFC 3720 §3.2.6.3.1). */
function checkIqn(name: string, now: YearMonth | undefined): PartResult {
  // Characters first: a bad character explains everything after it.
  const bad = iqnCharacterError(name);
  if (bad) return { error: bad };
  const date = readDate(name);
  if ('error' in date) return date;
  const auth = readAuthority(name, date);
  if ('error' in auth) return auth;
  const { aStart, aEnd, colon, authority, labels } = auth;
  let warning = tldWarning(authority, labels, aStart, aEnd);
  let unique: string | undefined;
  if (colon >= 0) {
    unique = name.slice(colon + 1);
    if (!unique && !warning) {
      warning = {
        rule: 'iscsi-iqn-empty-unique',
        start: colon,
        end: colon + 1,
        message: 'Nothing follows `:`: add the unique string or remove the colon.',
      };
    }
  }
  const warnings = [futureDateWarning(date, now), warning].filter((w) => w !== undefined);
  return {
    warnings,
    parts: {
      type: 'iqn',
      year: date.yearNumber,
      month: date.month,
      date: date.date,
      authority,
      unique: unique || undefined,
    },
  };
}

/** The first character an iqn. name may not hold, as an error. */
function iqnCharacterError(name: string): NameProblem | undefined {
  for (let i = 4; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 58) || c === 45 || c === 46 || (c >= 65 && c <= 90)) continue;
    const ch = name[i]!;
    if (ch.charCodeAt(0) > 0x7f && UNICODE_WORD.test(ch)) continue; // stringprep allows letters of other scripts
    if (ch >= '\ud800' && ch <= '\udbff') {
      i++;
      continue;
    }
    const hint = ch === '_' ? '; use `-` instead' : ch === '#' ? '; comments go on a line of their own' : '';
    return {
      rule: 'iscsi-name-character',
      start: i,
      end: i + 1,
      message: `${capital(showChar(ch))} is not allowed in an \`iqn.\` name: use lower-case letters, digits, \`-\`, \`.\` or \`:\`${hint}.`,
    };
  }
  return undefined;
}

interface IqnDate {
  readonly yStart: number;
  readonly year: string;
  readonly yearNumber: number;
  readonly month: number;
  readonly date: string;
  /** Offset just after the month. */
  readonly end: number;
}

const dateError = (start: number, end: number, message: string, fix?: NameFix): { error: NameProblem } => ({
  error: fix ? { rule: 'iscsi-iqn-date', start, end, message, fix } : { rule: 'iscsi-iqn-date', start, end, message },
});

/** The yyyy-mm after `iqn.`. */
function readDate(name: string): IqnDate | { error: NameProblem } {
  let i = 4;
  const yStart = i;
  while (i < name.length && /[0-9]/.test(name[i]!)) i++;
  const year = name.slice(yStart, i);
  if (!year) {
    const seg = segmentEnd(name, 4);
    const found = name.slice(4, seg);
    return dateError(
      4,
      Math.max(seg, 4),
      found
        ? `\`iqn.\` must be followed by a date, yyyy-mm (when the naming authority got its domain), then the reversed domain; found \`${cut(found)}\`, e.g. \`iqn.2001-04.com.example\`.`
        : '`iqn.` must be followed by a date, yyyy-mm, then the reversed domain, e.g. `iqn.2001-04.com.example`.',
    );
  }
  if (year.length !== 4)
    return dateError(yStart, i, `The year \`${year}\` must have 4 digits (yyyy-mm, e.g. \`2001-04\`).`);
  if (parseInt(year, 10) < FIRST_DOMAIN_YEAR) {
    return dateError(
      yStart,
      i,
      `The year ${year} is before domain names were registered (${FIRST_DOMAIN_YEAR}): use the year-month the naming authority held its domain.`,
    );
  }
  if (name[i] !== '-')
    return dateError(yStart, i, `The date needs a month: yyyy-mm, e.g. \`${year}-01\`; found \`${year}\` alone.`);
  i++;
  const mStart = i;
  while (i < name.length && /[0-9]/.test(name[i]!)) i++;
  const monthText = name.slice(mStart, i);
  if (!monthText)
    return dateError(mStart - 1, mStart, `The month is missing after \`${year}-\`: write two digits, 01 to 12.`);
  const month = parseInt(monthText, 10);
  if (month < 1 || month > 12) return dateError(mStart, i, `The month ${monthText} is not a month (01–12).`);
  if (monthText.length === 1) {
    return dateError(mStart, i, `The month \`${monthText}\` must have 2 digits: \`${year}-0${monthText}\`.`, {
      title: `Write the month as 0${monthText}`,
      newText: `0${monthText}`,
    });
  }
  if (monthText.length !== 2) return dateError(mStart, i, `The month \`${monthText}\` must have 2 digits (01–12).`);
  return { yStart, year, yearNumber: parseInt(year, 10), month, date: `${year}-${monthText}`, end: i };
}

/** A date after this month: nobody owned a domain then yet (RFC 3720 §3.2.6.3.1). */
function futureDateWarning(d: IqnDate, now: YearMonth | undefined): NameProblem | undefined {
  if (!now || d.yearNumber < now.year || (d.yearNumber === now.year && d.month <= now.month)) return undefined;
  const today = `${now.year}-${String(now.month).padStart(2, '0')}`;
  return {
    rule: 'iscsi-iqn-future-date',
    start: d.yStart,
    end: d.end,
    message: `The date ${d.date} is in the future (this month is ${today}): it must be a month in which the naming authority already owned its domain, such as the month it registered it.`,
  };
}

interface IqnAuthority {
  readonly aStart: number;
  readonly aEnd: number;
  /** Offset of the `:` before the unique string, or -1. */
  readonly colon: number;
  readonly authority: string;
  readonly labels: readonly string[];
}

const authorityError = (start: number, end: number, message: string): { error: NameProblem } => ({
  error: { rule: 'iscsi-iqn-authority', start, end, message },
});

/** The `.` after the date and the naming authority, a reversed domain name. */
function readAuthority(name: string, d: IqnDate): IqnAuthority | { error: NameProblem } {
  const i = d.end;
  const date = d.date;
  if (i >= name.length || name[i] === ':') {
    return authorityError(
      d.yStart,
      i,
      `The date \`${date}\` must be followed by \`.\` and the naming authority's reversed domain name, e.g. \`iqn.${date}.com.example\`.`,
    );
  }
  if (name[i] !== '.') {
    const seg = segmentEnd(name, i);
    return dateError(
      i,
      Math.max(seg, i + 1),
      `The date is yyyy-mm only; expected \`.\` after \`${date}\`, found \`${cut(name.slice(i, seg))}\`.`,
    );
  }
  const aStart = i + 1;
  const colon = name.indexOf(':', aStart);
  const aEnd = colon < 0 ? name.length : colon;
  const authority = name.slice(aStart, aEnd);
  if (!authority) {
    return authorityError(
      aStart - 1,
      aStart,
      `The naming authority is missing after \`${date}.\`: write the reversed domain name, e.g. \`com.example\`.`,
    );
  }
  const labels = authority.split('.');
  const bad = labelError(authority, labels, aStart, aEnd);
  if (bad) return { error: bad };
  const first = labels[0]!.toLowerCase();
  if (!/^\p{L}+$/u.test(first) && !/^xn--/.test(first)) {
    return authorityError(
      aStart,
      aStart + labels[0]!.length,
      `The naming authority must start with a top-level domain (\`com\`, \`org\`, \`net\`, a country code, ...); \`${labels[0]}\` is not one.`,
    );
  }
  return { aStart, aEnd, colon, authority, labels };
}

/** The first label of the authority that is empty, edged with `-`, or too long. */
function labelError(
  authority: string,
  labels: readonly string[],
  aStart: number,
  aEnd: number,
): NameProblem | undefined {
  let at = aStart;
  for (const label of labels) {
    if (!label) {
      return {
        rule: 'iscsi-iqn-authority',
        start: Math.max(aStart, at - 1),
        end: Math.min(aEnd, at + 1),
        message: `The naming authority \`${cut(authority)}\` has an empty label: labels are separated by a single \`.\`.`,
      };
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return {
        rule: 'iscsi-iqn-authority',
        start: at,
        end: at + label.length,
        message: `The domain label \`${label}\` may not start or end with \`-\`.`,
      };
    }
    if (label.length > 63) {
      return {
        rule: 'iscsi-iqn-authority',
        start: at,
        end: at + label.length,
        message: `A domain label is ${label.length} characters long; a label holds at most 63.`,
      };
    }
    at += label.length + 1;
  }
  return undefined;
}

/** A domain written forward, or a first label that is not delegated in the root. */
function tldWarning(
  authority: string,
  labels: readonly string[],
  aStart: number,
  aEnd: number,
): NameProblem | undefined {
  const first = labels[0]!.toLowerCase();
  const lastLabel = labels[labels.length - 1]!.toLowerCase();
  if (labels.length > 1 && !isKnownTld(first) && isKnownTld(lastLabel)) {
    const reversed = [...labels].reverse().join('.');
    return {
      rule: 'iscsi-iqn-tld',
      start: aStart,
      end: aEnd,
      message: `\`${cut(authority)}\` looks written forward: an \`iqn.\` name reverses the domain, \`${cut(reversed)}\`, so that it starts with the top-level domain.`,
      fix: { title: `Reverse the domain to ${reversed}`, newText: reversed },
    };
  }
  if (PSEUDO_TLDS.has(first)) {
    return {
      rule: 'iscsi-iqn-tld',
      start: aStart,
      end: aStart + first.length,
      message: `\`${first}\` is not a top-level domain (${PSEUDO_TLDS.get(first)}); the naming authority must be a domain the organisation owns, reversed.`,
    };
  }
  return undefined;
}

/** The end of the `.`/`:`-delimited segment starting at `from`. */
function segmentEnd(name: string, from: number): number {
  let e = from;
  while (e < name.length && name[e] !== '.' && name[e] !== ':') e++;
  return e;
}

function checkHexName(type: 'eui' | 'naa', name: string, opts: CheckOptions): PartResult {
  const hex = name.slice(4);
  for (let i = 0; i < hex.length; i++) {
    if (!isHexCode(hex.charCodeAt(i))) {
      const what =
        type === 'eui' ? 'an `eui.` name takes exactly 16 hex digits' : 'an `naa.` name takes 16 or 32 hex digits';
      return {
        error: {
          rule: type === 'eui' ? 'iscsi-eui-format' : 'iscsi-naa-format',
          start: 4 + i,
          end: 4 + i + 1,
          message: `${capital(showChar(hex[i]!))} is not a hex digit: ${what} (0-9, A-F).`,
        },
      };
    }
  }
  const n = hex.length;
  if (type === 'eui') {
    if (n === 16) return { parts: { type: 'eui', hex, nvme: false } };
    if (n === 32 && opts.allowNvmeEui) return { parts: { type: 'eui', hex, nvme: true } };
    return {
      error: {
        rule: 'iscsi-eui-format',
        start: 0,
        end: name.length,
        message: `An \`eui.\` name needs exactly 16 hex digits; this one has ${n}.`,
      },
    };
  }
  if (n === 16 || n === 32) return { parts: { type: 'naa', hex } };
  return {
    error: {
      rule: 'iscsi-naa-format',
      start: 0,
      end: name.length,
      message: `An \`naa.\` name needs 16 or 32 hex digits; this one has ${n}.`,
    },
  };
}

/** Alias strings (InitiatorAlias, TargetAlias): UTF-8, at most 255 bytes. */
export function checkAlias(alias: string): string | undefined {
  const bytes = utf8Length(alias);
  if (bytes <= MAX_ALIAS_BYTES) return undefined;
  return bytes === alias.length
    ? `The alias is ${bytes} characters long; the limit is ${MAX_ALIAS_BYTES}.`
    : `The alias is ${bytes} bytes in UTF-8 (${alias.length} characters); the limit is ${MAX_ALIAS_BYTES} bytes.`;
}
