/**
 * Every rule of every language, from one table: its id's form, its description, its former ids,
 * and its examples — the bad one gets a finding of the rule, the good one none (LF and CRLF).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, TEXT_FEATURES } from '../../../server/src/modes';
import type { RuleDef } from '../../../server/src/service/rules';
import { SUPPRESSION_RULES } from '../../../server/src/service/suppressions';
import type { ServiceSettings } from '../../../server/src/service/types';
import type { WorkspaceHost } from '../../../server/src/service/workspace';
import { doc, EOLS, memoryFiles, service, validate, withEOL, type EOL } from '../../helpers';

/** Each rule with the language it belongs to and the prefix its id must have. */
const ALL: { rule: RuleDef; language: string; prefix: string }[] = [
  ...MODES.flatMap((m) => m.rules.map((rule) => ({ rule, language: m.id, prefix: m.id.split('-')[0]! }))),
  ...TEXT_FEATURES.flatMap((f) => f.rules.map((rule) => ({ rule, language: '', prefix: rule.id.split('-')[0]! }))),
  ...SUPPRESSION_RULES.map((rule) => ({ rule, language: '', prefix: 'suppression' })),
];

/** Every rule on, at least as info (a rule that is off by default still shows its finding). */
const allOn: ServiceSettings = {
  rules: Object.fromEntries(
    ALL.map(({ rule }) => [rule.id, rule.defaultSeverity === 'ignore' ? 'info' : rule.defaultSeverity]),
  ),
  inlayHints: true,
  bindVersion: '9.20',
};

test('rule ids: kebab-case, prefixed by their language, unique, former ids unused', () => {
  const ids = new Set<string>();
  for (const { rule, prefix } of ALL) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)+$/, rule.id);
    assert.ok(rule.id.startsWith(`${prefix}-`), `${rule.id} starts with ${prefix}-`);
    assert.ok(!ids.has(rule.id), `${rule.id} is defined once`);
    ids.add(rule.id);
  }
  for (const { rule } of ALL) {
    for (const former of rule.formerIds ?? []) {
      assert.ok(!ids.has(former), `former id ${former} of ${rule.id} is no rule's id now`);
      ids.add(former);
    }
  }
});

test('rule descriptions: one plain sentence each', () => {
  for (const { rule } of ALL) {
    assert.match(rule.description, /^[A-Z`“"(a-z].*\.$/, rule.id);
    assert.ok(rule.description.length <= 240, `${rule.id}: description of at most 240 characters`);
  }
});

test('a setting under a former id still sets the renamed rule', () => {
  const renamed = ALL.find(({ rule }) => rule.formerIds?.length);
  assert.ok(renamed, 'a renamed rule to try');
  const { rule, language } = renamed;
  const text = rule.examples.bad;
  const lang = rule.examples.language ?? language;
  const off: ServiceSettings = { rules: { [rule.formerIds![0]!]: 'ignore' }, inlayHints: true, bindVersion: '9.20' };
  assert.ok(validate(lang, text).some((d) => d.code === rule.id));
  assert.ok(!validate(lang, text, { settings: off }).some((d) => d.code === rule.id));
  const both: ServiceSettings = {
    rules: { [rule.formerIds![0]!]: 'ignore', [rule.id]: 'info' },
    inlayHints: true,
    bindVersion: '9.20',
  };
  assert.ok(
    validate(lang, text, { settings: both }).some((d) => d.code === rule.id),
    'the new id wins',
  );
  // as VS Code sends them: the new id at its default, the former id changed by the user
  const asVsCode: ServiceSettings = {
    rules: { [rule.id]: rule.defaultSeverity, [rule.formerIds![0]!]: 'ignore' },
    inlayHints: true,
    bindVersion: '9.20',
  };
  assert.ok(
    !validate(lang, text, { settings: asVsCode }).some((d) => d.code === rule.id),
    'the changed former id wins',
  );
});

for (const { rule, language } of ALL) {
  const ex = rule.examples;
  const lang = ex.language ?? language;
  for (const eol of EOLS) {
    const style = eol === '\n' ? 'LF' : 'CRLF';
    // the example's other files beside it, in the same line endings
    const others = memoryFiles(
      Object.fromEntries(Object.entries(ex.files ?? {}).map(([n, t]) => [`file:///rules/${n}`, withEOL(t, eol)])),
    );
    const uri = `file:///rules/example.${lang}`;
    // and its own text in git's HEAD, for rules that compare with it
    const committed = ex.committed;
    const files =
      committed === undefined
        ? others
        : { ...others, committed: (u: string) => (u === uri ? withEOL(committed, eol) : undefined) };
    const opts = { settings: allOn, files, uri };
    const check = (text: string) =>
      ex.workspace ? inWorkspace(lang, text, ex.workspace, eol) : validate(lang, text, opts);
    test(`${rule.id}: the bad example gets it, the good one does not (${style})`, () => {
      const bad = check(withEOL(ex.bad, eol));
      assert.ok(
        bad.some((d) => d.code === rule.id),
        `${rule.id} on its bad example; got ${bad.map((d) => String(d.code)).join(', ') || 'nothing'}`,
      );
      const good = check(withEOL(ex.good, eol));
      const wrong = good.filter((d) => d.code === rule.id);
      assert.deepEqual(
        wrong.map((d) => d.message),
        [],
        `${rule.id} on its good example`,
      );
    });
  }
}

/** An example checked with files of other languages in its workspace (`examples.workspace`), in memory. */
function inWorkspace(lang: string, text: string, others: Readonly<Record<string, string>>, eol: EOL) {
  const files = new Map(Object.entries(others).map(([n, t]) => [`/rules/${n}`, withEOL(t, eol)]));
  const host: WorkspaceHost = {
    folders: () => ['/rules'],
    kind: (p) => (files.has(p) ? 'file' : 'missing'),
    read: (p) => files.get(p),
    allowOutside: () => false,
    includeRoot: () => undefined,
  };
  const ws = service.createWorkspace(host);
  for (const p of files.keys()) ws.update(p, /dhcpd/.test(p) ? 'dhcpd' : 'named');
  return service.doValidation(doc(lang, text, `file:///rules/example.${lang}`), { settings: allOn, workspace: ws });
}

test('the service knows every rule the modes define', () => {
  const known = new Set(service.rules().map((r) => r.id));
  for (const { rule } of ALL) assert.ok(known.has(rule.id), rule.id);
});
