/**
 * Every real .vmx file in ../shared/corpus/vmx (libvirt's and virt-v2v's files from the field,
 * which VMware loads) parses and validates with zero Errors. Prints the warnings per rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brief, doc, service, validate } from '../../helpers';

const dir = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'vmx');

test('corpus: every real .vmx file validates with zero Errors', (t) => {
  if (!fs.existsSync(dir)) {
    if (process.env.CI === 'true') assert.fail(`corpus folder ${dir} is missing`);
    t.skip(`corpus folder ${dir} is missing`);
    return;
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.vmx'))
    .sort();
  assert.ok(files.length >= 20, `expected the corpus files, found ${files.length}`);
  const perRule = new Map<string, number>();
  const examples = new Map<string, string[]>();
  let total = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const ds = validate('vmx', text, { uri: `file:///corpus/${f}` });
    const errors = ds.filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => `${f}:${brief(d)} ${d.message}`),
      [],
      `${f} has errors`,
    );
    for (const d of ds) {
      total++;
      const code = String(d.code);
      perRule.set(code, (perRule.get(code) ?? 0) + 1);
      const ex = examples.get(code) ?? [];
      if (ex.length < 3) ex.push(`${f}:${d.range.start.line + 1}: ${d.message}`);
      examples.set(code, ex);
    }
  }
  console.log(`vmx corpus: ${files.length} files, 0 errors, ${total} other diagnostics`);
  for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${rule}: ${n}`);
    for (const ex of examples.get(rule) ?? []) console.log(`      e.g. ${ex}`);
  }
});

test('corpus: the other line ending gives the same diagnostics, and every feature answers on every line', (t) => {
  if (!fs.existsSync(dir)) {
    if (process.env.CI === 'true') assert.fail(`corpus folder ${dir} is missing`);
    t.skip('corpus missing');
    return;
  }
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.vmx'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const flipped = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
    const a = validate('vmx', text).map(brief);
    const b = validate('vmx', flipped).map(brief);
    assert.deepEqual(b, a, f);
    const d = doc('vmx', text);
    const syms = service.findDocumentSymbols(d);
    assert.ok(syms.length > 5, `${f}: outline`);
    let hovers = 0;
    for (let line = 0; line < d.lineCount; line++) {
      const h = service.doHover(d, { line, character: 2 });
      if (h) hovers++;
      service.doComplete(d, { line, character: 0 });
    }
    assert.ok(hovers > 10, `${f}: only ${hovers} key hovers`);
  }
});
