import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv6Groups, isIPv6, parseIPv4, parseIPv6 } from '../../../server/src/common/ip';

/** The plain reading of RFC 4291's text forms (split at `::` and `:`), to check the one-scan parser against. */
function reference(s: string): number[] | undefined {
  if (s.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(s)) return undefined;
  let tail: number[] = [];
  let body = s;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [(v4 >>> 16) & 0xffff, v4 & 0xffff];
    body = s.slice(0, lastColon + 1);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  }
  const dbl = body.indexOf('::');
  if (dbl >= 0 && body.indexOf('::', dbl + 1) >= 0) return undefined;
  const groupsOf = (t: string): number[] | undefined => {
    if (t === '') return [];
    const out: number[] = [];
    for (const g of t.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  if (dbl >= 0) {
    const a = groupsOf(body.slice(0, dbl));
    const b = groupsOf(body.slice(dbl + 2));
    if (!a || !b) return undefined;
    const fill = 8 - a.length - b.length - tail.length;
    return fill < 1 ? undefined : [...a, ...new Array<number>(fill).fill(0), ...b, ...tail];
  }
  const a = groupsOf(body);
  return a && a.length + tail.length === 8 ? [...a, ...tail] : undefined;
}

test('IPv6 literals: the usual forms', () => {
  assert.equal(parseIPv6('::'), 0n);
  assert.equal(parseIPv6('::1'), 1n);
  assert.equal(parseIPv6('2001:db8::1'), 0x20010db8000000000000000000000001n);
  assert.equal(parseIPv6('::ffff:192.0.2.1'), 0xffffc0000201n);
  assert.equal(parseIPv6('1:2:3:4:5:6:7:8'), 0x00010002000300040005000600070008n);
  for (const bad of [
    '',
    ':',
    ':1',
    '1:',
    '1::2::3',
    ':::',
    '12345::',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    'g::1',
    '::1.2.3',
    '1.2.3.4',
    '::1.2.3.4.5',
    '2001:db8::1 ',
  ])
    assert.equal(parseIPv6(bad), undefined, bad);
});

test('IPv6 literals: the one-scan parser agrees with the plain reading on 400,000 random strings', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const alphabet = ['0', '1', 'a', 'F', 'ff', '::', ':', ':', '.', '9', '255', '2001', 'db8', 'x', ' '];
  for (let k = 0; k < 200_000; k++) {
    let s = '';
    for (let i = Math.floor(rnd() * 16); i > 0; i--) s += alphabet[Math.floor(rnd() * alphabet.length)];
    assert.deepEqual(ipv6Groups(s), reference(s), JSON.stringify(s));
    assert.equal(isIPv6(s), reference(s) !== undefined);
    // and with a dotted tail, well or badly formed
    const quad = Array.from(
      { length: 3 + Math.floor(rnd() * 3) },
      () => ['1', '0', '255', '256', '', '10'][Math.floor(rnd() * 6)],
    ).join('.');
    const t = s + ['', ':', '::'][Math.floor(rnd() * 3)] + quad;
    assert.deepEqual(ipv6Groups(t), reference(t), JSON.stringify(t));
  }
});
