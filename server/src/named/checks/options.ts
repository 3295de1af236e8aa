/**
 * Values across options, view, zone and the other blocks: ranges, durations, ports (and the
 * listener port they must not take), transports, options that conflict, rate-limit table sizes,
 * repeated check-names.
 */
import {
  blocksOf,
  body,
  clauseName,
  hasWordAfterFirst,
  sub,
  walkClauses,
  type Clause,
  type Item,
  type WordItem,
} from '../tree';
import { isInteger } from '../grammar';
import { VALUE_RANGES } from '../data/ranges';
import { durationSeconds, firstArg, wordAfter } from '../values';
import { checkKeyValue } from './definitions';
import { checkAutoDnssec } from './dnssec';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';

/** Every clause's values, in one walk of the file. */
export function checkValues(f: FileFacts, rep: Reporter): void {
  const optionsBody = f.options ? body(f.options) : [];
  const p = firstArg(optionsBody.find((c) => clauseName(c) === 'port'));
  const listenerPort = p && isInteger(p.text) ? Number(p.text) : 53;
  walkClauses(f.top, (c) => {
    if (c.ctx !== 'list') checkClauseValues(c, listenerPort, rep);
    return true;
  });
}

function checkClauseValues(c: Clause, listenerPort: number, rep: Reporter): void {
  const name = clauseName(c);
  // the first value only of the statements checkNamedValue looks at: most have none to check
  const v = VALUE_RANGES[name] || NAMED_VALUES.has(name) || c.ctx === 'key' ? firstArg(c) : undefined;
  if (v) checkNamedValue(c, name, v, rep);
  if (name === 'response-policy') {
    checkPolicyDurations(c.items, rep);
    for (const b of blocksOf(c)) for (const e of b.clauses) checkPolicyDurations(e.items, rep);
  }
  checkInnerPorts(c, name, listenerPort, rep);
  if ((name === 'listen-on' || name === 'listen-on-v6') && wordAfter(c, 'http') && !wordAfter(c, 'tls')) {
    rep.add(
      'named-conflicting-options',
      c.items[0]!.start,
      c.items[0]!.end,
      `\`${name}\` with \`http\` needs a \`tls\` too: \`tls NAME\`, \`tls ephemeral\` or \`tls none\`.`,
    );
  }
}

/** The statements checkNamedValue checks by name (besides VALUE_RANGES and those of a key). */
const NAMED_VALUES = new Set(['nta-lifetime', 'nta-recheck', 'auto-dnssec', 'lmdb-mapsize', 'max-ixfr-ratio']);

/** The checks on a statement's first value, by statement name. */
function checkNamedValue(c: Clause, name: string, v: WordItem, rep: Reporter): void {
  const range = VALUE_RANGES[name];
  if (range && (!range.ctx || range.ctx === c.ctx) && isInteger(v.text)) {
    const num = Number(v.text);
    if (num < range.lo || num > range.hi)
      rep.add(
        'named-value-out-of-range',
        v.start,
        v.end,
        `\`${name}\` ${num} is out of range: use ${range.lo} to ${range.hi}.`,
      );
  }
  if (name === 'nta-lifetime' || name === 'nta-recheck') {
    const secs = durationSeconds(v.text);
    if (secs !== undefined && secs > 604800)
      rep.add('named-value-out-of-range', v.start, v.end, `\`${name}\` cannot exceed one week (7d).`);
  }
  if (c.ctx === 'key') checkKeyValue(name, v, rep);
  if (c.ctx === 'zone' && name === 'auto-dnssec' && v.text.toLowerCase() !== 'off') checkAutoDnssec(c, v, rep);
  if (name === 'lmdb-mapsize') {
    const m = /^(\d+)([kmg]?)$/i.exec(v.text);
    if (m) {
      const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
      const bytes = Number(m[1]) * mult;
      if (bytes < 1024 ** 2)
        rep.add('named-value-out-of-range', v.start, v.end, '`lmdb-mapsize` is too small: use at least 1m.');
      if (bytes > 1024 ** 4)
        rep.add('named-value-out-of-range', v.start, v.end, '`lmdb-mapsize` is too large: use at most 1024g.');
    }
  }
  if (name === 'max-ixfr-ratio' && v.text === '0%')
    rep.add(
      'named-value-out-of-range',
      v.start,
      v.end,
      '`max-ixfr-ratio` must be a nonzero percentage or `unlimited`.',
    );
}

/** `max-policy-ttl` and `min-update-interval` in response-policy take durations. */
function checkPolicyDurations(items: readonly Item[], rep: Reporter): void {
  for (let k = 0; k < items.length - 1; k++) {
    const w = items[k]!,
      d = items[k + 1]!;
    if (
      w.kind === 'word' &&
      !w.quoted &&
      /^(max-policy-ttl|min-update-interval)$/.test(w.text) &&
      d.kind === 'word' &&
      durationSeconds(d.text) === undefined
    ) {
      rep.add(
        'named-invalid-value',
        d.start,
        d.end,
        `\`${w.text}\`: expected a duration (a TTL such as \`1h\` or ISO 8601 such as \`PT1H\`), found \`${d.text}\`.`,
      );
    }
  }
}

/** `port N` inside statements (in range, not the listener's for a `-source`), and `transport` of allow-transfer. */
function checkInnerPorts(c: Clause, name: string, listenerPort: number, rep: Reporter): void {
  // most clauses have neither word: their items are not made
  if (!hasWordAfterFirst(c, 'port') && (name !== 'allow-transfer' || !hasWordAfterFirst(c, 'transport'))) return;
  for (let k = 1; k < c.items.length - 1; k++) {
    const w = c.items[k]!,
      p = c.items[k + 1]!;
    if (w.kind === 'word' && !w.quoted && w.text === 'port' && p.kind === 'word' && isInteger(p.text)) {
      const n = Number(p.text);
      if (n > 65535) rep.add('named-value-out-of-range', p.start, p.end, `Port ${n} is out of range: use 0 to 65535.`);
      else if (/-source(-v6)?$/.test(name) && n === listenerPort)
        rep.add(
          'named-conflicting-options',
          p.start,
          p.end,
          `\`${name}\` cannot use the DNS listener port (${n}): pick another port or drop \`port\`.`,
        );
    }
    if (
      w.kind === 'word' &&
      !w.quoted &&
      w.text === 'transport' &&
      name === 'allow-transfer' &&
      p.kind === 'word' &&
      !['tcp', 'tls'].includes(p.text.toLowerCase())
    ) {
      rep.add(
        'named-invalid-value',
        p.start,
        p.end,
        `\`${p.text}\` is not a zone transfer transport: use \`tcp\` or \`tls\`.`,
      );
    }
  }
}

/** rate-limit's max-table-size is not below its min-table-size. */
export function checkRateLimitSizes(f: FileFacts, rep: Reporter): void {
  walkClauses(f.top, (c) => {
    if ((c.ctx === 'options' || c.ctx === 'view') && clauseName(c) === 'rate-limit') {
      const max = firstArg(sub(c, 'max-table-size'));
      const min = firstArg(sub(c, 'min-table-size'));
      const maxN = max && isInteger(max.text) ? Number(max.text) : undefined;
      const minN = min && isInteger(min.text) ? Math.max(1, Number(min.text)) : 500;
      if (maxN !== undefined && maxN < minN)
        rep.add(
          'named-value-out-of-range',
          max!.start,
          max!.end,
          `\`max-table-size\` ${maxN} is smaller than \`min-table-size\` ${minN}.`,
        );
    }
    return c.ctx !== 'list';
  });
}

/** check-names repeated for one zone type in options or a view. */
export function checkCheckNames(f: FileFacts, rep: Reporter): void {
  for (const blk of [f.options, ...f.views]) {
    if (!blk) continue;
    // per class, the word its first check-names used; per word, its first check-names (the finding goes there)
    const seen = new Map<string, string>();
    const firstOf = new Map<string, WordItem>();
    for (const c of body(blk)) {
      if (clauseName(c) !== 'check-names') continue;
      const w = firstArg(c);
      if (!w) continue;
      const raw = w.text.toLowerCase();
      if (!firstOf.has(raw)) firstOf.set(raw, w);
      const norm = raw === 'master' ? 'primary' : raw === 'slave' ? 'secondary' : raw;
      const prev = seen.get(norm);
      if (prev !== undefined) {
        const fw = firstOf.get(prev)!;
        rep.add(
          'named-duplicate-statement',
          fw.start,
          fw.end,
          prev === raw
            ? `\`check-names ${raw}\` is set twice.`
            : `\`check-names\` cannot take both \`${prev}\` and \`${raw}\`: they are the same.`,
        );
      } else seen.set(norm, raw);
    }
  }
}
