import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bothEOL, cursor, doc, service, withEOL } from '../../helpers';

for (const [name, fn] of [
  ...bothEOL('completion by context and zone type', (eol) => {
    const c = cursor(withEOL('zone "a" {\n\ttype hint;\n\t|\n};\n', eol));
    const labels = service.doComplete(doc('named', c.text), c.pos).items.map((i) => i.label);
    assert.ok(labels.includes('file'));
    assert.ok(!labels.includes('allow-update'));
  }),
  ...bothEOL('completion of enum values and defined names', (eol) => {
    const c1 = cursor(withEOL('options {\n\tdnssec-validation |\n};\n', eol));
    assert.deepEqual(
      service
        .doComplete(doc('named', c1.text), c1.pos)
        .items.map((i) => i.label)
        .sort(),
      ['auto', 'no', 'yes'],
    );
    const c2 = cursor(withEOL('logging {\n\tchannel mine { null; };\n\tcategory default { |\n};\n', eol));
    assert.ok(service.doComplete(doc('named', c2.text), c2.pos).items.some((i) => i.label === 'mine'));
  }),
  ...bothEOL('statement documentation comes with completionItem/resolve', (eol) => {
    const c = cursor(withEOL('zone "a" {\n\ttype primary;\n\t|\n};\n', eol));
    const item = service.doComplete(doc('named', c.text), c.pos).items.find((i) => i.label === 'allow-update')!;
    assert.equal(item.documentation, undefined, 'the list stays small');
    const md = service.resolveCompletion(JSON.parse(JSON.stringify(item))).documentation as {
      kind: string;
      value: string;
    };
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /allow-update/);
    assert.match(md.value, /Zone types: /);
  }),
] as const)
  test(name, fn);
