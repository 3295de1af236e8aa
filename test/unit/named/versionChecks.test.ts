/**
 * The checks one BIND version's named-checkconf makes and another's does not (checks/versionChecks.ts): each case with the verdict of
 * named-checkconf 9.18.49 and 9.20.23 recorded, our findings as each version, and the recorded
 * verdicts checked again against the live tools where they are (skipped with one line without,
 * a failure under CI=true).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { bothEOL, brief, validate, withEOL } from '../../helpers';
import { defaultSettings, type BindVersion } from '../../../server/src/service/types';
import { findChecker } from '../../bindCheckers';

interface Case {
  readonly text: string;
  /** named-checkconf's verdict per version: 'pass' or its first line. */
  readonly checkconf: Readonly<Record<'9.18' | '9.20', string>>;
  readonly ours: Readonly<Record<'9.18' | '9.20', readonly string[]>>;
}

const KEY = 'key k { algorithm hmac-sha256; secret "aGVsbG8="; };\n';
const CASES: readonly Case[] = [
  // listen-on proxy (9.20): plain, or encrypted where tls names an encrypted listener
  {
    text: 'options { listen-on proxy encrypted { 10.53.0.1; }; };\n',
    checkconf: {
      '9.18': "1: unexpected 'proxy'",
      '9.20':
        "1: 'proxy encrypted' can be used only when encryption is enabled by setting 'tls' to a defined value or to 'ephemeral'",
    },
    ours: { '9.18': ['1:21 error named-invalid-value'], '9.20': ['1:27 error named-invalid-value'] },
  },
  {
    text: 'options { listen-on port 853 proxy encrypted tls ephemeral { 10.53.0.1; }; };\n',
    checkconf: { '9.18': "1: unexpected 'proxy'", '9.20': 'pass' },
    ours: { '9.18': ['1:30 error named-invalid-value'], '9.20': [] },
  },
  // response-policy zone ede (9.20)
  {
    text: 'zone "rpz" { type primary; file "x"; };\noptions { response-policy { zone "rpz" ede blocked; }; };\n',
    checkconf: { '9.18': "2: unexpected 'ede'", '9.20': 'pass' },
    ours: { '9.18': ['2:40 error named-invalid-value'], '9.20': [] },
  },
  {
    text: 'zone "rpz" { type primary; file "x"; };\noptions { response-policy { zone "rpz" ede nope; }; };\n',
    checkconf: { '9.18': "2: unexpected 'ede'", '9.20': "2: unsupported EDE type 'nope'" },
    ours: { '9.18': ['2:40 error named-invalid-value'], '9.20': ['2:44 error named-invalid-value'] },
  },
  // logging categories: named-checkconf knows the libraries' ones (9.20 adds responses)
  {
    text: 'logging { category lame-servers { null; }; category rpz-passthru { null; }; };\n',
    checkconf: { '9.18': 'pass', '9.20': 'pass' },
    ours: { '9.18': [], '9.20': [] },
  },
  {
    text: 'logging { category responses { null; }; };\n',
    checkconf: { '9.18': "1: undefined category: 'responses'", '9.20': 'pass' },
    ours: { '9.18': ['1:20 error named-invalid-value'], '9.20': [] },
  },
  {
    text: 'logging { category main { null; }; };\n',
    checkconf: { '9.18': "1: undefined category: 'main'", '9.20': "1: undefined category: 'main'" },
    ours: { '9.18': ['1:20 error named-invalid-value'], '9.20': ['1:20 error named-invalid-value'] },
  },
  {
    text: 'logging { category querys { null; }; };\n',
    checkconf: { '9.18': "1: undefined category: 'querys'", '9.20': "1: undefined category: 'querys'" },
    ours: { '9.18': ['1:20 error named-invalid-value'], '9.20': ['1:20 error named-invalid-value'] },
  },
  // tls cipher-suites (9.20): OpenSSL keeps the TLS 1.3 names it knows and refuses a list with none
  {
    text: 'tls t { cipher-suites "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256"; };\n',
    checkconf: { '9.18': "1: unknown option 'cipher-suites'", '9.20': 'pass' },
    ours: { '9.18': ['1:9 error named-unknown-statement'], '9.20': [] },
  },
  {
    text: 'tls t { cipher-suites "TLS_AES_128_GCM_SHA256:bogus"; };\n',
    checkconf: { '9.18': "1: unknown option 'cipher-suites'", '9.20': 'pass' },
    ours: { '9.18': ['1:9 error named-unknown-statement'], '9.20': ['1:23 warning named-ignored-value'] },
  },
  {
    text: 'tls t { cipher-suites "HIGH:!aNULL"; };\n',
    checkconf: {
      '9.18': "1: unknown option 'cipher-suites'",
      '9.20': "1: 'cipher-suites' in the 'tls' clause 't' is not a valid cipher suites string",
    },
    ours: { '9.18': ['1:9 error named-unknown-statement'], '9.20': ['1:23 error named-invalid-value'] },
  },
  {
    text: 'tls t { cipher-suites ""; };\n',
    checkconf: {
      '9.18': "1: unknown option 'cipher-suites'",
      '9.20': "1: 'cipher-suites' in the 'tls' clause 't' is not a valid cipher suites string",
    },
    ours: { '9.18': ['1:9 error named-unknown-statement'], '9.20': ['1:23 error named-invalid-value'] },
  },
  // 9.20 looks up the key of every server-list entry, used or not; 9.18 never did
  {
    text: 'primaries p { 1.2.3.4 key nosuch; };\n',
    checkconf: { '9.18': 'pass', '9.20': "1: key 'nosuch' is not defined" },
    ours: {
      '9.18': ['1:27 warning named-undefined-reference-unchecked'],
      '9.20': ['1:27 error named-undefined-reference'],
    },
  },
  {
    text: 'zone "x" { type secondary; primaries { 1.2.3.4 key nosuch; }; file "x"; };\n',
    checkconf: { '9.18': 'pass', '9.20': "1: key 'nosuch' is not defined" },
    ours: {
      '9.18': ['1:52 warning named-undefined-reference-unchecked'],
      '9.20': ['1:52 error named-undefined-reference'],
    },
  },
  // forwarders over TLS (9.20 grammar)
  {
    text: 'options { forwarders { 1.2.3.4 tls nosuch; }; };\n',
    checkconf: { '9.18': "1: missing ';' before 'tls'", '9.20': "1: tls 'nosuch' is not defined" },
    ours: {
      '9.18': ['1:32 error named-invalid-value', '1:36 warning named-undefined-reference-unchecked'],
      '9.20': ['1:36 error named-undefined-reference'],
    },
  },
  {
    text: `${KEY}controls { inet 127.0.0.1 allow { any; } keys { k; }; inet 127.0.0.1 port 953 allow { any; }; };\n`,
    checkconf: {
      '9.18': 'pass',
      '9.20': "2: inet control socket '127.0.0.1#953': already defined, previous definition: x.conf:2",
    },
    ours: { '9.18': [], '9.20': ['2:60 error named-duplicate-statement'] },
  },
  {
    text: 'controls { inet * allow { any; }; inet 0.0.0.0 allow { any; }; };\n',
    checkconf: {
      '9.18': 'pass',
      '9.20': "1: inet control socket '0.0.0.0#953': already defined, previous definition: x.conf:1",
    },
    ours: { '9.18': [], '9.20': ['1:40 error named-duplicate-statement'] },
  },
  {
    text: 'controls { inet 127.0.0.1 allow { any; }; inet ::1 allow { any; }; inet * port 954 allow { any; }; };\n',
    checkconf: { '9.18': 'pass', '9.20': 'pass' },
    ours: { '9.18': [], '9.20': [] },
  },
  {
    text: 'controls { unix "/tmp/socket" perm 0700 owner 0 group 0; };\n',
    checkconf: { '9.18': 'pass', '9.20': "1: unix control '/tmp/socket': not supported" },
    ours: { '9.18': [], '9.20': ['1:12 error named-invalid-value'] },
  },
  {
    text: 'options { fetch-quota-params 100 0.1 1.5 0.7; };\n',
    checkconf: { '9.18': 'pass', '9.20': '1: fetch-quota-param high value (1.5) out of range' },
    ours: { '9.18': [], '9.20': ['1:38 error named-invalid-value'] },
  },
  {
    text: 'options { fetch-quota-params 100 0.1 1.0 0.7; };\n',
    checkconf: { '9.18': 'pass', '9.20': 'pass' },
    ours: { '9.18': [], '9.20': [] },
  },
  {
    text: 'view a { query-source none; query-source-v6 none; };\n',
    checkconf: {
      '9.18': "1: expected IPv4 address or '*' near 'none'",
      '9.20': "1: query-source and query-source-v6 can't be none at the same time.",
    },
    ours: {
      '9.18': ['1:23 error named-invalid-value', '1:45 error named-invalid-value'],
      '9.20': ['1:29 error named-conflicting-options'],
    },
  },
  {
    text: 'options { query-source none; };\nview a { query-source-v6 none; };\n',
    checkconf: { '9.18': "1: expected IPv4 address or '*' near 'none'", '9.20': 'pass' },
    ours: { '9.18': ['1:24 error named-invalid-value', '2:26 error named-invalid-value'], '9.20': [] },
  },
  {
    text: 'options { dnssec-validation yes; };\nview v { };\n',
    checkconf: {
      '9.18': 'pass',
      '9.20':
        "1: the 'dnssec-validation yes' option requires configured 'trust-anchors'; consider using 'dnssec-validation auto'.",
    },
    ours: { '9.18': [], '9.20': ['1:11 error named-invalid-value'] },
  },
  {
    text: 'options { dnssec-validation yes; };\nview v { dnssec-validation auto; };\n',
    checkconf: { '9.18': 'pass', '9.20': 'pass' },
    ours: { '9.18': [], '9.20': [] },
  },
];

const as = (bindVersion: BindVersion) => ({ settings: { ...defaultSettings, bindVersion } });

for (const [name, fn] of bothEOL('the checks 9.20 adds: our findings as 9.18 and as 9.20', (eol) => {
  const problems: string[] = [];
  for (const c of CASES)
    for (const v of ['9.18', '9.20'] as const) {
      const found = validate('named', withEOL(c.text, eol), as(v)).map(brief);
      if (found.join('\n') !== c.ours[v].join('\n'))
        problems.push(
          `${v} ${JSON.stringify(c.text)}: ${JSON.stringify(found)}, recorded ${JSON.stringify(c.ours[v])}`,
        );
      if (found.some((b) => b.includes(' error ')) !== (c.checkconf[v] !== 'pass'))
        problems.push(`${v} ${JSON.stringify(c.text)}: named-checkconf says ${c.checkconf[v]}; our Errors disagree`);
    }
  assert.deepEqual(problems, []);
}))
  test(name, fn);

for (const v of ['9.18', '9.20'] as const)
  test(`the recorded verdicts are named-checkconf ${v}'s`, async (t) => {
    const { bin, why } = findChecker(v);
    if (!bin) {
      if (process.env.CI === 'true') assert.fail(`named-checkconf ${v} missing under CI: ${why}`);
      t.skip(why);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'version-checks-'));
    const problems: string[] = [];
    for (const c of CASES) {
      fs.writeFileSync(path.join(dir, 'x.conf'), c.text);
      const said = await new Promise<string>((resolve) =>
        execFile(bin, ['x.conf'], { cwd: dir, timeout: 20000 }, (err, stdout, stderr) =>
          resolve(
            err
              ? (stdout + stderr)
                  .trim()
                  .split('\n')[0]!
                  .replace(/^x\.conf:/, '')
              : 'pass',
          ),
        ),
      );
      if (said !== c.checkconf[v]) problems.push(`${JSON.stringify(c.text)}: ${said}, recorded ${c.checkconf[v]}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, []);
  });

for (const [name, fn] of bothEOL('9.16 only: geoip-use-ecs yes, and max-zone-ttl with a map-format zone', (eol) => {
  const ecs = withEOL('options {\n\tgeoip-use-ecs yes;\n};\n', eol);
  assert.deepEqual(validate('named', ecs, as('9.16')).map(brief), [
    '2:2 warning named-obsolete-statement',
    '2:2 error named-invalid-value',
  ]);
  assert.deepEqual(validate('named', withEOL('options {\n\tgeoip-use-ecs no;\n};\n', eol), as('9.16')).map(brief), [
    '2:2 warning named-obsolete-statement',
  ]);
  const map = withEOL(
    'zone example {\n\ttype master;\n\tmasterfile-format map;\n\tfile "example.db";\n\tmax-zone-ttl 3600;\n};\n',
    eol,
  );
  assert.deepEqual(validate('named', map, as('9.16')).map(brief), ['5:2 error named-conflicting-options']);
}))
  test(name, fn);

for (const [name, fn] of bothEOL(
  'logging categories: the message names the versions that have one, and the likely typo',
  (eol) => {
    const msg = (text: string, v: BindVersion) => validate('named', withEOL(text, eol), as(v)).map((d) => d.message);
    assert.match(
      msg('logging { category responses { null; }; };\n', '9.18')[0]!,
      /^'responses' is not a logging category of BIND 9\.18 \(BIND 9\.20 has it\): named-checkconf refuses it as undefined\./,
    );
    assert.match(msg('logging { category querys { null; }; };\n', '9.20')[0]!, /Did you mean 'queries'\?$/);
    // 9.16 (no binary): every category its sources list
    assert.deepEqual(msg('logging { category main { null; }; };\n', '9.16'), []);
  },
))
  test(name, fn);
