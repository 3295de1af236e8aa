import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, service, withEOL } from '../../helpers';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};
function hoverText(textWithBar: string): string | undefined {
  const c = cursor(textWithBar);
  const h = service.doHover(doc('vmx', c.text), c.pos);
  if (!h) return undefined;
  const contents = h.contents as { value: string };
  return contents.value;
}

run('hover on a key: type, values, default, example', (eol) => {
  const md = hoverText(withEOL('memsize = "4096"\nserial0.file|Type = "pipe"\n', eol))!;
  assert.match(md, /\*\*serial0\.fileType\*\* — `serial\{n\}\.fileType`/);
  assert.match(md, /Values: `device`, `file`, `pipe`, `network`/);
  assert.match(md, /Default: `device`/);
  assert.match(md, /serial port \(serial0–serial3\)/);
  assert.match(md, /```vmx\nserial0\.fileType = "pipe"\n```/);
});

run('hover on an integer key shows unit and range', (eol) => {
  const md = hoverText(withEOL('mem|size = "4096"\n', eol))!;
  assert.match(md, /integer \(MB, 4–25165824, multiple of 4\)/);
});

run('hover on a value: guestOS id names its OS, enum values say what they do', (eol) => {
  assert.match(hoverText(withEOL('guestOS = "windows9|-64"\n', eol))!, /Windows 10 \(64-bit\)/);
  assert.match(hoverText(withEOL('guestOS = "arm-ubuntu|-64"\n', eol))!, /on arm: Ubuntu Linux \(64-bit\)/);
  assert.match(hoverText(withEOL('serial0.pipe.endPoint = "cli|ent"\n', eol))!, /\*\*client\*\*: This VM connects/);
  assert.match(hoverText(withEOL('ethernet0.virtualDev = "vmx|net3"\n', eol))!, /paravirtual/);
  assert.match(hoverText(withEOL('memsize = "20|48"\n', eol))!, /2048 MB = 2 GB/);
});

run('hover on an unknown key says so; nothing on comments', (eol) => {
  assert.match(hoverText(withEOL('foo.b|ar = "1"\n', eol))!, /Not a key we know/);
  assert.equal(hoverText(withEOL('# a com|ment\n', eol)), undefined);
});

run('hover on a value with |XX escapes shows it decoded', (eol) => {
  const text = withEOL('annotation = "say |22hi|22"\n', eol);
  const h = service.doHover(doc('vmx', text), { line: 0, character: 16 });
  assert.match((h!.contents as { value: string }).value, /Decoded value: `say "hi"`/);
});
