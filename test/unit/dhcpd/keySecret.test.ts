/**
 * Key secrets read as dhcpd's base64 reader does (issue 19): the characters, `=` padding only at
 * the end, and bits left over; several tokens make one secret when each holds only base64.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { bothEOL, validate, withEOL } from '../../helpers';
import { base64Problem } from '../../../server/src/dhcpd/values';
import { DHCPD, checkLive, disagreement, type VerdictCase } from './verdicts';

const key = (secret: string): string => `key k {\n  algorithm hmac-md5;\n  secret ${secret};\n}\n`;
const LEFT_OVER = 'partial base64 value left over';
const CHARS = "letters, digits, '+' and '/'";

/** dhcpd's verdicts, recorded with dhcpd 4.4.3-P1. */
const CASES: readonly VerdictCase[] = [
  { text: key('FIXME'), dhcpd: 3, says: ['not valid base64', LEFT_OVER] },
  { text: key('"FIXME"'), dhcpd: 3, says: [LEFT_OVER] },
  { text: key('FIXME='), dhcpd: 3, says: [LEFT_OVER] },
  { text: key('aGVsbG9'), dhcpd: 3, says: [LEFT_OVER] },
  { text: key('aGVsbG9=='), dhcpd: 3, says: [LEFT_OVER] },
  { text: key('abc def'), dhcpd: 3, says: [LEFT_OVER] },
  { text: key('"aGVs bG8="'), dhcpd: 3, says: ['a space', CHARS] },
  { text: key('abc-def'), dhcpd: 3, says: ["'-'", CHARS] },
  { text: key('x_y'), dhcpd: 3, says: ["'_'"] },
  { text: key('"a\u00e9"'), dhcpd: 3, says: ['U+00E9'] },
  { text: key('ab=cd'), dhcpd: 3, says: ["after its '=' padding"] },
  { text: key('"ab=cd"'), dhcpd: 3, says: ["after its '=' padding"] },
  { text: key('abc= def'), dhcpd: 3, says: ["after its '=' padding"] },
  { text: key('"aGVsbG8=" x'), dhcpd: 3, says: ["after its '=' padding"] },
  { text: key('"aGVsbG8=" "x y"'), dhcpd: 3, says: ["Missing ';' after the key secret"] },
  { text: key('abc ,'), dhcpd: 3, says: ["Missing ';' after the key secret"] },
  { text: key('"aGVsbG8="'), dhcpd: 'pass' },
  { text: key('aGVsbG8='), dhcpd: 'pass' },
  { text: key('aGVsbG8'), dhcpd: 'pass' },
  { text: key('aGVs bG8='), dhcpd: 'pass' },
  { text: key('abc='), dhcpd: 'pass' },
  { text: key('c2VjcmV0=='), dhcpd: 'pass' },
  { text: key('c2VjcmV0 = ='), dhcpd: 'pass' },
  { text: key('"c2Vj" "cmV0"'), dhcpd: 'pass' },
  { text: key('a+b/'), dhcpd: 'pass' },
  { text: key('"a+b/"'), dhcpd: 'pass' },
  // dhcpd's quirks: bits left over that are all zero pass, and so does padding that fills the group
  { text: key('FIXMA'), dhcpd: 'pass' },
  { text: key('FIXME==='), dhcpd: 'pass' },
  { text: key('A'), dhcpd: 'pass' },
  { text: key('""'), dhcpd: 'pass' },
];

for (const [name, fn] of bothEOL('key secrets: an Error exactly where dhcpd -t fails', (eol) => {
  const wrong = CASES.map((c) => [c.text, disagreement(c, eol)]).filter(([, d]) => d);
  assert.deepEqual(wrong, []);
}))
  test(name, fn);

test('key secrets: the recorded verdicts are what dhcpd -t says', (t) => {
  if (!fs.existsSync(DHCPD)) {
    t.skip('dhcpd not installed');
    return;
  }
  checkLive(CASES);
});

test('base64Problem follows dhcpd: where it stops, and what it lets pass', () => {
  assert.equal(base64Problem(['c2VjcmV0']), undefined);
  assert.equal(base64Problem([]), undefined);
  assert.deepEqual(base64Problem(['FIXME']), { kind: 'left-over' });
  assert.deepEqual(base64Problem(['ab', 'c-d']), { kind: 'char', part: 1, index: 1 });
  assert.deepEqual(base64Problem(['ab=', '=c']), { kind: 'after-padding', part: 1, index: 1 });
  assert.equal(base64Problem(['FIXME===']), undefined);
});

for (const [name, fn] of bothEOL('a secret error never shows the secret', (eol) => {
  const secret = 'c2VjcmV0LXRzaWcta2V5LWRvLW5vdC1zaG93LXRoaXMt';
  for (const bad of [`${secret}Q`, `"${secret}-"`, `${secret}= x`, `"${secret}" "x y"`]) {
    const ds = validate('dhcpd', withEOL(key(bad), eol));
    assert.ok(ds.length > 0, bad);
    for (const d of ds) assert.ok(!d.message.includes(secret.slice(4, 20)), d.message);
  }
}))
  test(name, fn);
