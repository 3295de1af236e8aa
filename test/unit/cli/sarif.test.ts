import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { createLanguageService } from '../../../server/src/modes';
import { SERVER_VERSION } from '../../../server/src/service/version';
import { run } from './runCli';

/**
 * The official SARIF 2.1.0 schema (see README.md beside it). It is written for JSON Schema
 * draft-04, which Ajv 8 reads as draft-07 once its `id` is `$id`: the keywords it uses (type,
 * properties, required, items, minItems, uniqueItems, minimum, maximum, pattern, enum, anyOf,
 * oneOf, $ref, format, additionalProperties, default) mean the same in both.
 */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join('test', 'unit', 'cli', 'sarif-schema-2.1.0.json'), 'utf8')) as {
    $schema?: string;
    id?: string;
    $id?: string;
    title: string;
  };
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // RFC 3986 characters, each % starting an escape
  const uriChars = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri', (s: string) => uriChars.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => uriChars.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
  return ajv.compile(schema);
}
const validate = sarifValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-sarif-'));

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        rules: Array<{ id: string; shortDescription?: { text: string }; defaultConfiguration?: { level: string } }>;
      };
    };
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications?: Array<{ message: { text: string } }>;
    }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }>;
}

function sarif(args: string[], cwd: string, stdin?: string): { code: number; log: SarifLog; err: string } {
  const r = run(['check', '--format', 'sarif', ...args], cwd, stdin);
  const log = JSON.parse(r.out) as SarifLog;
  assertValid(log);
  return { code: r.code, log, err: r.err };
}

test('the validator refuses what the schema refuses', () => {
  const good = {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'x' } }, results: [] }],
  };
  assert.ok(validate(good));
  const bad: unknown[] = [
    { version: '2.0.0', runs: [] },
    { version: '2.1.0', runs: [{ tool: { driver: {} } }] },
    { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'error' }] }] },
    {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [
            {
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }],
            },
          ],
        },
      ],
    },
    {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }],
    },
    { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] },
  ];
  for (const b of bad) assert.equal(validate(b), false, JSON.stringify(b));
});

test('--format sarif: one valid SARIF 2.1.0 log with the tool, its rules and the results', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'tree-'));
  fs.mkdirSync(path.join(dir, 'zones dir'));
  fs.writeFileSync(
    path.join(dir, 'named.conf'),
    'options {\n  recursion maybe;\n};\ninclude "zones dir/local.conf";\n',
  );
  fs.writeFileSync(path.join(dir, 'zones dir', 'local.conf'), 'zone "a" { type bogus; file "a.db"; };\n');
  fs.writeFileSync(path.join(dir, 'vm.vmx'), 'config.version = "8"\nmemsise = "1"\n');
  const { code, log } = sarif(['named.conf', 'vm.vmx'], dir);
  assert.equal(code, 1);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0]!;
  assert.equal(run0.tool.driver.name, 'infra-lsp');
  assert.equal(run0.tool.driver.version, SERVER_VERSION);
  assert.deepEqual(run0.invocations, [{ executionSuccessful: true }]);
  assert.equal(run0.originalUriBaseIds['%SRCROOT%']!.uri, pathToFileURL(dir).href + '/');

  // every rule used, once, described as its table says
  const rules = new Map(
    createLanguageService()
      .rules()
      .map((r) => [r.id, r]),
  );
  const used = [...new Set(run0.results.map((r) => r.ruleId!))];
  assert.deepEqual(
    run0.tool.driver.rules.map((r) => r.id),
    used,
  );
  for (const r of run0.tool.driver.rules) {
    const def = rules.get(r.id)!;
    assert.equal(r.shortDescription!.text, def.description);
    assert.equal(
      r.defaultConfiguration!.level,
      { error: 'error', warning: 'warning', info: 'note' }[def.defaultSeverity as string],
    );
  }
  for (const r of run0.results) assert.equal(run0.tool.driver.rules[r.ruleIndex!]!.id, r.ruleId);

  const byFile = (uri: string) =>
    run0.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri);
  const recursion = byFile('named.conf').find((r) => r.ruleId === 'named-invalid-value')!;
  assert.equal(recursion.level, 'error');
  assert.match(recursion.message.text, /'maybe'/);
  assert.deepEqual(recursion.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'named.conf', uriBaseId: '%SRCROOT%' },
    region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 18 },
  });
  assert.equal(byFile('named.conf').find((r) => r.ruleId === 'named-include-summary')!.level, 'note');
  // a space in a path is escaped
  assert.deepEqual(
    byFile('zones%20dir/local.conf').map((r) => [r.ruleId, r.level]),
    [['named-invalid-value', 'error']],
  );
  assert.deepEqual(
    byFile('vm.vmx').map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine]),
    [['vmx-unknown-key', 'warning', 2]],
  );
});

test('--format sarif: no findings is a log with no results; stdin is <stdin>; a file outside the folder is absolute', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'clean-'));
  fs.writeFileSync(path.join(dir, 'ok.vmx'), 'config.version = "8"\n');
  const clean = sarif(['ok.vmx'], dir);
  assert.equal(clean.code, 0);
  assert.deepEqual(clean.log.runs[0]!.results, []);
  assert.deepEqual(clean.log.runs[0]!.tool.driver.rules, []);

  const stdin = sarif(['--language', 'vmx', '-'], dir, 'memsize = "x"\n');
  assert.deepEqual(stdin.log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation, {
    uri: '%3Cstdin%3E',
    uriBaseId: '%SRCROOT%',
  });

  const outside = path.join(tmp, 'outside.vmx');
  fs.writeFileSync(outside, 'memsize = "x"\n');
  const abs = sarif([outside], dir);
  assert.deepEqual(abs.log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation, {
    uri: pathToFileURL(outside).href,
  });
});

test('--format sarif: a file that cannot be read is a notification, and the exit status is 2', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'missing-'));
  fs.writeFileSync(path.join(dir, 'bad.vmx'), 'memsize = "x"\n');
  const r = sarif(['bad.vmx', 'missing.vmx'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'infra-lsp: missing.vmx: cannot read: no such file');
  const inv = r.log.runs[0]!.invocations[0]!;
  assert.equal(inv.executionSuccessful, false);
  assert.deepEqual(
    inv.toolExecutionNotifications!.map((n) => n.message.text),
    ['missing.vmx: cannot read: no such file'],
  );
  assert.equal(r.log.runs[0]!.results.length, 1, 'the file that could be read is still reported');
});

test('--format sarif on every sample: valid, and one result per finding of the text output', () => {
  const files = ['samples/named/named.conf', 'samples/dhcpd/dhcpd.conf', 'samples/vmx/appserver-mistakes.vmx'];
  const { log } = sarif(files, process.cwd());
  const text = run(['check', ...files])
    .out.split('\n')
    .filter(Boolean);
  assert.equal(log.runs[0]!.results.length, text.length);
  assert.ok(text.length > 10);
});
