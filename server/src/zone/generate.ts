/**
 * BIND's `$GENERATE range lhs [ttl] [class] type rhs`: the range `start-stop[/step]`, the `$` and
 * `${offset[,width[,base]]}` modifiers of both sides, and the type (a real type, not a meta one),
 * checked as named-checkzone reads them (lib/dns/master.c, generate()).
 */
import type { ZoneDirective, ZoneToken } from './parser';
import { META_TYPES, rrTypeByName, typeNumber } from './data/rrtypes';
import { TTL } from './parser';

export interface GenerateProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const INT_MAX = 2147483647;
const CLASS = /^(?:IN|CH|HS|CLASS\d{1,5})$/i;

export function checkGenerate(d: ZoneDirective, isType: (w: string) => boolean): GenerateProblem | undefined {
  const a = d.args;
  const at = (t: ZoneToken, message: string) => ({ start: t.start, end: t.end, message });
  const range = a[0];
  if (!range)
    return at(d.keyword, '`$GENERATE` needs a range, a name, a type and data: `$GENERATE 1-10 host$ A 192.0.2.$`.');
  const m = /^(\d{1,10})-(\d{1,10})(?:\/(\d{1,10}))?$/.exec(range.text);
  const start = m ? Number(m[1]) : NaN;
  const stop = m ? Number(m[2]) : NaN;
  const step = m?.[3] === undefined ? 1 : Number(m[3]);
  if (!m || start > stop || step === 0 || stop > INT_MAX || step > INT_MAX)
    return at(
      range,
      `\`${range.text}\` is not a range $GENERATE takes (named-checkzone: "invalid range"): write \`start-stop\` or \`start-stop/step\`, with start ≤ stop and a step above 0.`,
    );
  const lhs = a[1];
  if (!lhs) return at(range, '`$GENERATE` needs a name (with `$` for the number) after the range.');
  let i = 2;
  if (a[i] && TTL.test(a[i]!.text)) i++;
  if (a[i] && CLASS.test(a[i]!.text) && !isType(a[i]!.text)) i++;
  if (a[i] && TTL.test(a[i]!.text)) i++;
  const type = a[i];
  if (!type || !isType(type.text))
    return at(type ?? lhs, `\`$GENERATE\` needs a record type after the name${type ? `, not \`${type.text}\`` : ''}.`);
  if (isMetaType(type.text))
    return at(
      type,
      `\`${type.text}\` is a meta type, which no record of a zone can hold (named-checkzone: "meta RR type"): use a data type.`,
    );
  const rhs = a.slice(i + 1);
  if (!rhs.length) return at(type, '`$GENERATE` needs the data of the records after the type.');
  for (const t of [lhs, ...rhs]) {
    const p = modifierProblem(t.text, start, stop);
    if (p) return at(t, p);
  }
  return undefined;
}

/** Whether BIND counts a type as meta (TKEY, TSIG, OPT, the query types, numbers 128 to 255). */
function isMetaType(text: string): boolean {
  const up = text.toUpperCase();
  const num = rrTypeByName(up)?.number ?? typeNumber(up);
  return !!rrTypeByName(up)?.meta || META_TYPES.has(up) || num === 0 || (num !== undefined && num >= 128 && num <= 255);
}

/** What is wrong with the `${offset,width,base}` modifiers of one side, if anything. */
function modifierProblem(text: string, start: number, stop: number): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '$' || text[i + 1] !== '{') continue;
    const close = text.indexOf('}', i + 2);
    if (close < 0) return 'A `${` modifier is not closed with `}` (named-checkzone: "syntax error").';
    const body = text.slice(i + 2, close);
    const m = /^(-?\d{1,10})(?:,(\d{1,3})(?:,([doxXnN]))?)?$/.exec(body);
    if (!m)
      return `\`\${${body}}\` is not a modifier $GENERATE takes: write \`\${offset}\`, \`\${offset,width}\` or \`\${offset,width,base}\` with base d, o, x, X, n or N.`;
    const offset = Number(m[1]);
    if (stop + offset > INT_MAX || start + offset < -INT_MAX - 1)
      return `The offset ${offset} takes the numbers of the range past ${INT_MAX} (named-checkzone: "out of range").`;
    i = close;
  }
  return undefined;
}
