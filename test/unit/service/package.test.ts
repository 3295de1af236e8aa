/** package.json agrees with the code: languages, grammars, snippets and rule settings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LANGUAGES, languageForPath } from '../../../server/src/service/languages';
import { configurationProperties, languageContributions } from '../../../scripts/contributions';
import { createLanguageService, MODES } from '../../../server/src/modes';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

test('contributed languages, grammars and snippets are the ones service/languages.ts gives', () => {
  const want = languageContributions();
  assert.deepEqual(pkg.contributes.languages, want.languages, 'languages (npm run sync-package)');
  assert.deepEqual(pkg.contributes.grammars, want.grammars, 'grammars (npm run sync-package)');
  assert.deepEqual(pkg.contributes.snippets, want.snippets, 'snippets (npm run sync-package)');
  assert.deepEqual(
    pkg.contributes.languages.map((l: { id: string }) => l.id),
    LANGUAGES.map((l) => l.id),
  );
});

test('the registry has one mode per language, in the same order', () => {
  assert.deepEqual(
    MODES.map((m) => m.id),
    LANGUAGES.map((l) => l.id),
  );
});

test('snippets files exist exactly for the languages that say so', () => {
  for (const l of LANGUAGES) assert.equal(fs.existsSync(`snippets/${l.id}.json`), l.snippets, l.id);
});

test('every contributed file exists and is valid JSON', () => {
  const paths = [
    ...pkg.contributes.languages.map((l: { configuration: string }) => l.configuration),
    ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
    ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
  ];
  for (const p of paths) {
    assert.ok(fs.existsSync(p), `${p} exists`);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(p, 'utf8')), `${p} is JSON`);
  }
  assert.ok(fs.existsSync(pkg.icon), 'icon exists');
});

test('every grammar has the scope package.json names', () => {
  for (const g of pkg.contributes.grammars as Array<{ scopeName: string; path: string }>) {
    if (!fs.existsSync(g.path)) continue;
    assert.equal(JSON.parse(fs.readFileSync(g.path, 'utf8')).scopeName, g.scopeName, g.path);
  }
});

test('every mode has a contributed language; `log` is served too', () => {
  const ids = new Set(LANGUAGES.map((l) => l.id));
  for (const m of MODES) assert.ok(ids.has(m.id), m.id);
  assert.ok(createLanguageService().modeFor('log'));
});

test('file names map to languages like VS Code does', () => {
  const cases: Array<[string, string | undefined]> = [
    ['/vmfs/volumes/ds/vm/vm.vmx', 'vmx'],
    ['template.vmtx', 'vmx'],
    ['/etc/dhcp/dhcpd.conf', 'dhcpd'],
    ['dhcpd6.conf', 'dhcpd'],
    ['dhcpd-failover.conf', 'dhcpd'],
    ['dhclient.conf', undefined],
    ['/etc/bind/named.conf', 'named'],
    ['named.conf.options', 'named'],
    ['named-internal.conf', 'named'],
    ['rndc.key', 'named'],
    ['/var/log/vmkernel', 'vmkernel-log'],
    ['vmkwarning', 'vmkernel-log'],
    ['vmkernel.log', 'vmkernel-log'],
    ['hostd-2.log', 'vmkernel-log'],
    ['vpxa.log', 'vmkernel-log'],
    ['any.log', 'vmkernel-log'],
    ['/etc/iscsi/initiatorname.iscsi', 'iscsi-initiatorname'],
    ['README.md', undefined],
  ];
  for (const [p, want] of cases) assert.equal(languageForPath(p), want, p);
});

test('rules: unique ids with the language prefix, each with a description and a setting', () => {
  const rules = createLanguageService().rules();
  const ids = new Set<string>();
  const prefixes = ['vmx-', 'dhcpd-', 'named-', 'vmkernel-log-', 'iscsi-', 'dns-zone-', 'suppression-'];
  for (const r of rules) {
    assert.ok(!ids.has(r.id), `duplicate rule ${r.id}`);
    ids.add(r.id);
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)+$/, `${r.id} is kebab-case`);
    assert.ok(
      prefixes.some((p) => r.id.startsWith(p)),
      `${r.id} starts with a language prefix`,
    );
    assert.ok(r.description.trim().length >= 10, `${r.id} has a description`);
  }
  assert.deepEqual(
    pkg.contributes.configuration.properties,
    configurationProperties(),
    'package.json settings are in sync: run `npm run sync-package`',
  );
});
