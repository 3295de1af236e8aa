/**
 * LOC text form as BIND's lib/dns/rdata/generic/loc_29.c reads it:
 * `d [m [s]] {N|S} d [m [s]] {E|W} alt[m] [size[m] [hp[m] [vp[m]]]]`.
 */
import type { RdataProblem, Reader } from './reader';

/** A decimal with at most `places` decimals and an optional unit letter; its integer part ≤ max. */
function decimal(text: string, max: number, places: number, unit: string): 'syntax' | 'range' | undefined {
  const re = new RegExp(`^(\\d*)(?:\\.(\\d{0,${places}}))?${unit ? `${unit}?` : ''}$`);
  const m = re.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return 'syntax';
  return Number(m[1] || '0') > max ? 'range' : undefined;
}

/** One coordinate: degrees, optional minutes and seconds, then the direction letter. */
function coordinate(r: Reader, dirs: string, maxd: number, what: string): RdataProblem | undefined {
  const form = `write degrees, optional minutes and seconds, then \`${dirs[0]}\` or \`${dirs[1]}\``;
  let d = 0;
  let m = 0;
  for (let part = 0; part < 3; part++) {
    const tok = r.next();
    if (!tok) return r.missing(`the ${what}`);
    if (part > 0 && (tok.text === dirs[0] || tok.text === dirs[1])) return undefined;
    if (part < 2) {
      if (!/^\d+$/.test(tok.text)) return r.at(tok, `The ${what} \`${tok.text}\` is not a number; ${form}.`);
      const v = Number(tok.text);
      if (part === 0) d = v;
      else m = v;
      if (d > maxd || m > 59 || (d === maxd && m !== 0)) {
        return r.at(tok, `The ${what} is out of range: degrees go up to ${maxd} and minutes up to 59.`);
      }
    } else {
      const res = decimal(tok.text, 59, 3, '');
      if (res === 'syntax')
        return r.at(tok, `The ${what} seconds \`${tok.text}\` must be a number with at most three decimals.`);
      if (res === 'range' || (d === maxd && Number(tok.text) !== 0)) {
        return r.at(
          tok,
          `The ${what} seconds are out of range: they go up to 59.999 (and must be 0 at ${maxd} degrees).`,
        );
      }
    }
  }
  const dir = r.next();
  if (!dir) return r.missing(`the ${what} direction`);
  if (dir.text !== dirs[0] && dir.text !== dirs[1]) {
    return r.at(dir, `The ${what} direction must be \`${dirs[0]}\` or \`${dirs[1]}\`, not \`${dir.text}\`.`);
  }
  return undefined;
}

export function checkLoc(r: Reader): RdataProblem | undefined {
  const p = coordinate(r, 'NS', 90, 'latitude') ?? coordinate(r, 'EW', 180, 'longitude');
  if (p) return p;
  const alt = r.next();
  if (!alt) return r.missing('the altitude');
  const neg = alt.text.startsWith('-');
  const a = decimal(neg ? alt.text.slice(1) : alt.text, neg ? 100000 : 42849672, 2, 'm');
  const cm = Math.round(parseFloat(alt.text.replace(/m$/, '')) * 100);
  if (a === 'syntax')
    return r.at(alt, `The altitude \`${alt.text}\` must be metres with at most two decimals, such as \`10.5m\`.`);
  if (a === 'range' || (neg ? -cm > 10000000 : cm > 4284967295)) {
    return r.at(alt, `The altitude \`${alt.text}\` is out of range: from -100000.00m to 42849672.95m.`);
  }
  const names = ['size', 'horizontal precision', 'vertical precision'];
  for (const what of names) {
    const tok = r.peek();
    if (!tok) return undefined;
    r.next();
    const res = decimal(tok.text, 90000000, 2, 'm');
    if (res === 'syntax')
      return r.at(tok, `The ${what} \`${tok.text}\` must be metres with at most two decimals, such as \`1m\`.`);
    if (res === 'range') return r.at(tok, `The ${what} \`${tok.text}\` is out of range: at most 90000000.00m.`);
  }
  return undefined;
}
