/**
 * Domain names as a master file writes them (RFC 1035 §5.1): `@` is the origin, a name without a
 * final dot is relative to it, `\X` and `\DDD` escape a character; a label holds at most 63
 * octets and a name at most 255 (RFC 1035 §2.3.4), counted in the wire form.
 */

/** The labels of a name as written (escapes kept), split at the dots that are not escaped. */
export function splitLabels(name: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === '\\' && i + 1 < name.length) {
      cur += ch + name[i + 1];
      i++;
      continue;
    }
    if (ch === '.') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * The octets of one label as written: `\DDD` is one octet, `\X` one, any other character its UTF-8
 * length; `above` for a `\DDD` above 255, `short` for a digit escape of fewer than three digits
 * (BIND refuses both).
 */
export function labelOctets(label: string): number | 'above' | 'short' {
  let n = 0;
  for (let i = 0; i < label.length; i++) {
    const ch = label[i]!;
    if (ch === '\\') {
      const d = /^\d{3}/.exec(label.slice(i + 1, i + 4));
      if (d) {
        if (Number(d[0]) > 255) return 'above';
        i += 3;
      } else if (/\d/.test(label[i + 1] ?? '')) return 'short';
      else i += 1;
      n++;
      continue;
    }
    const code = label.codePointAt(i)!;
    if (code > 0xffff) i++;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The absolute form of `name` (ending in `.`) against `origin` (absolute); `@` is the origin. */
export function absoluteName(name: string, origin: string): string {
  if (name === '@') return origin;
  if (isAbsolute(name)) return name;
  return origin === '.' ? `${name}.` : `${name}.${origin}`;
}

/** Whether a name ends with a dot that is not escaped. */
export function isAbsolute(name: string): boolean {
  if (!name.endsWith('.')) return false;
  let slashes = 0;
  for (let i = name.length - 2; i >= 0 && name[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/**
 * Whether an absolute name is plainly within the limits: ASCII without escapes (one octet a
 * character), no empty label, labels to 63 octets, at most 255 in wire form (most names; the
 * others are measured label by label).
 */
function plainFits(absolute: string): boolean {
  // the wire form: one length octet per label, the characters, the root's octet
  if (absolute.length > 254) return false;
  let label = 0;
  for (let i = 0; i < absolute.length; i++) {
    const c = absolute.charCodeAt(i);
    if (c === 0x2e) {
      if (label === 0) return false;
      label = 0;
    } else if (c === 0x5c || c >= 0x80 || ++label > 63) return false;
  }
  return true;
}

/** What is wrong with an absolute name's length, or undefined: labels to 63 octets, the name to 255. */
export function nameLengthProblem(absolute: string): string | undefined {
  if (absolute === '.' || plainFits(absolute)) return undefined;
  const labels = splitLabels(absolute.slice(0, -1));
  let wire = 1;
  for (const l of labels) {
    const n = labelOctets(l);
    if (n === 'above') return `\`${l}\` holds an escape \`\\DDD\` above 255.`;
    if (n === 'short')
      return `\`${l}\` holds a digit escape of fewer than three digits: write \`\\DDD\` with three (\`\\032\` for a space).`;
    if (n === 0) return 'An empty label: two dots in a row, or a dot at the start.';
    if (n > 63)
      return `The label \`${l.length > 20 ? `${l.slice(0, 20)}…` : l}\` is ${n} octets; a label holds at most 63.`;
    wire += n + 1;
  }
  return wire > 255 ? `The name is ${wire} octets long in wire form; a name holds at most 255.` : undefined;
}

/** Whether `name` (absolute) is `origin` or below it, compared without case. */
export function isInZone(name: string, origin: string): boolean {
  if (origin === '.') return true;
  const n = name.toLowerCase();
  const o = origin.toLowerCase();
  // `.origin` at the end, compared in place (a string made per call was 40 MB on a large zone)
  return n === o || (n.length > o.length && n.endsWith(o) && n.charCodeAt(n.length - o.length - 1) === 0x2e);
}
