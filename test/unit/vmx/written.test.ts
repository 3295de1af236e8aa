/**
 * Issue 24: a .vmx file VMware wrote gets no unknown-key or unknown-value finding, and typos of
 * known keys still do. The fixtures in written/ hold the keys and values Workstation writes, each
 * citing where it was seen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KEYS } from '../../../server/src/vmx/data/keys';
import { DOCUMENTED_WRITTEN_KEYS, UNDOCUMENTED_WRITTEN_KEYS } from '../../../server/src/vmx/data/written';
import { lookupKey, renderKey } from '../../../server/src/vmx/schema';
import { bothEOL, brief, cursor, doc, fixesOnly, service, validate, withEOL } from '../../helpers';

const DIR = path.join(__dirname, '../../../../test/unit/vmx/written');
const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.vmx') && f !== 'typos.vmx');
const KEY_RULES = new Set(['vmx-unknown-key', 'vmx-unknown-value', 'vmx-undocumented-key']);

test('there are fixtures of VMware-written files', () => assert.ok(fixtures.length >= 4, fixtures.join(', ')));

for (const f of fixtures) {
  const text = fs.readFileSync(path.join(DIR, f), 'utf8');
  for (const [name, fn] of bothEOL(`${f}: no unknown-key or unknown-value finding, nor any Error or Warning`, (eol) => {
    const ds = validate('vmx', withEOL(text, eol));
    assert.deepEqual(
      ds.filter((d) => KEY_RULES.has(String(d.code)) || (d.severity ?? 1) <= 2).map((d) => `${brief(d)}: ${d.message}`),
      [],
    );
  }))
    test(name, fn);
}

for (const [name, fn] of bothEOL('typos of known keys are Warnings whose fix is the key the comment names', (eol) => {
  const text = withEOL(fs.readFileSync(path.join(DIR, 'typos.vmx'), 'utf8'), eol);
  const lines = text.split(eol);
  const d = doc('vmx', text);
  const ds = service.doValidation(d);
  let typos = 0;
  for (let i = 1; i < lines.length; i++) {
    const meant = /^# (\S+) \(/.exec(lines[i - 1]!)?.[1];
    if (!meant) continue;
    typos++;
    const diag = ds.find((x) => x.range.start.line === i);
    assert.ok(diag, `line ${i + 1}: no finding`);
    assert.equal(brief(diag), `${i + 1}:1 warning vmx-unknown-key`);
    const fixes = fixesOnly(service.getCodeActions(d, diag.range, { diagnostics: [diag] }));
    const edit = fixes[0]?.edit?.changes?.[d.uri]?.[0]?.newText;
    assert.equal(edit, meant, `line ${i + 1}`);
  }
  assert.ok(typos >= 6, `${typos} typos`);
}))
  test(name, fn);

test('the written-key tables: new keys only, each with its evidence, products named as VMware names them', () => {
  const documented = new Set(KEYS.map((k) => k.key.toLowerCase()));
  for (const w of UNDOCUMENTED_WRITTEN_KEYS) {
    assert.ok(!documented.has(w.key.toLowerCase()), `${w.key} is in keys.ts already`);
    assert.ok(w.evidence.length > 0, `${w.key}: no evidence`);
    assert.ok(w.values.length > 0, `${w.key}: no value seen`);
    for (const p of w.seenIn) assert.match(p, /^(Workstation|Fusion|ESXi)\b/, w.key);
    // the key as VMware writes it is known, with the type recorded
    const concrete = renderKey(w.key, 0, 1);
    assert.equal(lookupKey(concrete).match?.def.type, w.type, concrete);
  }
  for (const k of DOCUMENTED_WRITTEN_KEYS) {
    assert.ok(k.source, `${k.key}: no source`);
    assert.ok(!documented.has(k.key.toLowerCase()), `${k.key} is in keys.ts already`);
  }
});

test('hover on a key known only from VMware-written files says so, and where it was seen', () => {
  const c = cursor('sensor.loc|ation = "pass-through"\n');
  const h = service.doHover(doc('vmx', c.text), c.pos);
  const md = (h?.contents as { value: string }).value;
  assert.match(md, /Written by Workstation 17\.5, .*; its meaning is not documented\./);
  assert.match(md, /Source: seen in AlexusLee90\/VMs11:Windows 11 x64\.vmx/);
});

for (const [name, fn] of bothEOL(
  'an unknown key in a known family is an Information that says it is not documented',
  (eol) => {
    const ds = validate('vmx', withEOL('sensor.barometer = "pass-through"\nfrobnicate.level = "3"\n', eol));
    assert.deepEqual(ds.map(brief), ['1:1 info vmx-undocumented-key', '2:1 warning vmx-unknown-key']);
    assert.match(ds[0]!.message, /^'sensor\.barometer' is not documented: it belongs to the 'sensor\.' keys/);
    assert.doesNotMatch(ds[0]!.message, /ignores/);
    assert.match(ds[1]!.message, /in no family of keys VMware is known to read/);
  },
))
  test(name, fn);
