/**
 * dnssec-policy checks (checks/kasp.ts): small cases with the verdicts of BIND 9.18's and 9.20's
 * named-checkconf recorded (the first line each prints, after the file name, or 'pass'). Each is
 * checked as both versions, LF and CRLF: no Error where the version passes, an Error on the line
 * it names where it fails. Where the binaries are here, they are run again on every case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { bothEOL, errorsOf, validate, withEOL } from '../../helpers';
import { defaultSettings, type BindVersion } from '../../../server/src/service/types';
import { findChecker } from '../../bindCheckers';

interface KaspCase {
  readonly name: string;
  readonly text: string;
  /** named-checkconf 9.18: 'pass' (exit 0, maybe with warnings), or its first line: `line: message`. */
  readonly v918: string;
  /** The same of named-checkconf 9.20. */
  readonly v920: string;
  /** Where our Error must be when the first line named-checkconf prints is a warning. */
  readonly errorLine?: number;
}

const CASES: readonly KaspCase[] = [
  {
    name: 'bad-alg-dsa',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk lifetime unlimited algorithm dsa;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: '3: dnssec-policy: algorithm dsa not supported',
  },
  {
    name: 'bad-alg',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk lifetime unlimited algorithm rot13;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '3: dnssec-policy: bad algorithm rot13',
    v920: '3: dnssec-policy: bad algorithm rot13',
  },
  {
    name: 'bad-digest',
    text: 'dnssec-policy p {\n\tcds-digest-types { sha-256; gost; };\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "2: unknown option 'cds-digest-types'",
    v920: '2: dnssec-policy: unsupported cds digest-type gost',
  },
  {
    name: 'bad-jitter',
    text: 'dnssec-policy p {\n\tsignatures-jitter 15d;\n\tsignatures-validity 20d;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "1: dnssec-policy: policy 'p' signatures-jitter cannot be larger than signatures-validity-dnskey",
    v920: "1: dnssec-policy: policy 'p' signatures-jitter cannot be larger than signatures-validity-dnskey",
  },
  {
    name: 'bad-keystore',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk key-store hsm lifetime unlimited algorithm 13;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "3: expected 'lifetime' near 'key-store'",
    v920: '3: dnssec-policy: keystore hsm does not exist',
  },
  {
    name: 'bad-lifetime',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tksk lifetime P1Y algorithm 13;\n\t\tzsk lifetime P9D algorithm 13;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '4: dnssec-policy: key lifetime is shorter than 30 days',
    v920: '4: dnssec-policy: key lifetime is shorter than 30 days',
  },
  {
    name: 'bad-nsec3-iterations',
    text: 'dnssec-policy p {\n\tnsec3param iterations 151;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '2: dnssec-policy: nsec3 iterations value 151 out of range',
    v920: '2: dnssec-policy: nsec3 iterations value 151 not allowed, must be zero',
  },
  {
    name: 'bad-nsec3-rsasha1',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk lifetime unlimited algorithm 13;\n\t\tcsk lifetime unlimited algorithm rsasha1;\n\t};\n\tnsec3param\n\t\titerations 0;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '4: dnssec-policy: DNSSEC algorithm rsasha1 is deprecated',
    v920: '4: dnssec-policy: DNSSEC algorithm rsasha1 is deprecated',
    // the first line is the warning that RSASHA1 is deprecated: the Error is on the nsec3param iterations
    errorLine: 7,
  },
  {
    name: 'bad-nsec3-salt',
    text: 'dnssec-policy p {\n\tnsec3param salt-length 256;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '2: dnssec-policy: nsec3 salt length 256 too high',
    v920: '2: dnssec-policy: nsec3 salt length 256 too high',
  },
  {
    name: 'bad-offline-csk',
    text: 'dnssec-policy p {\n\toffline-ksk yes;\n\tkeys {\n\t\tcsk lifetime unlimited algorithm 13;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "2: unknown option 'offline-ksk'",
    v920: '4: dnssec-policy: csk keys are not allowed when offline-ksk is enabled',
  },
  {
    name: 'bad-refresh',
    text: 'dnssec-policy p {\n\tsignatures-refresh P13D;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "1: dnssec-policy: policy 'p' signatures-refresh must be at most 90% of the signatures-validity-dnskey",
    v920: "1: dnssec-policy: policy 'p' signatures-refresh must be at most 90% of the signatures-validity-dnskey",
  },
  {
    name: 'bad-roles',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tzsk lifetime unlimited algorithm 13;\n\t\tksk lifetime unlimited algorithm 8;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '2: dnssec-policy: algorithm 8 requires both KSK and ZSK roles',
    v920: '2: dnssec-policy: algorithm 8 requires both KSK and ZSK roles',
  },
  {
    name: 'bad-rsa-length',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk lifetime unlimited algorithm rsasha256 1023;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: '3: dnssec-policy: key with algorithm rsasha256 has invalid key length 1023',
    v920: '3: dnssec-policy: key with algorithm rsasha256 has invalid key length 1023',
  },
  {
    name: 'bad-shared-file',
    text: 'zone "a.example" {\n\ttype primary;\n\tfile "shared.db";\n\tinline-signing yes;\n\tdnssec-policy default;\n};\nzone "b.example" {\n\ttype primary;\n\tfile "shared.db";\n};\n',
    v918: "9: writeable file 'shared.db': already in use: bad-shared-file.conf:3",
    v920: "9: writeable file 'shared.db': already in use: bad-shared-file.conf:3",
  },
  {
    name: 'bad-tag-range',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk key-directory lifetime unlimited algorithm 13 tag-range 100 100;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "3: missing ';' before 'tag-range'",
    v920: '3: dnssec-policy: tag-min >= tag_max',
  },
  {
    name: 'digest',
    text: 'dnssec-policy p {\n\tcds-digest-types { sha-256; 4; };\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "2: unknown option 'cds-digest-types'",
    v920: 'pass',
  },
  {
    name: 'good-empty-keys',
    text: 'dnssec-policy p {\n\tkeys { };\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'good-full',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tksk lifetime P1Y algorithm ecdsa256;\n\t\tzsk lifetime P60D algorithm 13;\n\t\tcsk lifetime unlimited algorithm rsasha256 2048;\n\t};\n\tnsec3param iterations 0 optout no salt-length 8;\n\tsignatures-refresh P5D;\n\tsignatures-validity P14D;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'good-lifetime-edge',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tksk lifetime P2D algorithm 13;\n\t\tzsk lifetime P20D algorithm 13;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'good-refresh-edge',
    text: 'dnssec-policy p {\n\tsignatures-refresh P12DT14H;\n\tsignatures-validity P14D;\n\tsignatures-validity-dnskey P14D;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'good-rsa-length',
    text: 'dnssec-policy p {\n\tkeys {\n\t\tcsk lifetime unlimited algorithm rsasha512 4096;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'good-shared-file',
    text: 'zone "a.example" {\n\ttype primary;\n\tfile "shared.db";\n};\nzone "b.example" {\n\ttype stub;\n\tprimaries { 192.0.2.1; };\n\tfile "shared.db";\n};\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'keydir-default-vs-p2',
    text: 'key k1 {\n\talgorithm hmac-sha256;\n\tsecret "YPfMoAk6h+3iN8MDRQC004iSNHY=";\n};\nkey k2 {\n\talgorithm hmac-sha256;\n\tsecret "4xILSZQnuO1UKubXHkYUsvBRPu8=";\n};\ndnssec-policy p2 { };\nview a {\n\tmatch-clients { key k1; };\n\tzone "example" { type primary; file "a.db"; inline-signing yes; dnssec-policy default; };\n};\nview b {\n\tmatch-clients { key k2; };\n\tzone "example" { type primary; file "b.db"; inline-signing yes; dnssec-policy p2; };\n};\n',
    v918: "16: key-directory 'example/(null)' already in use by zone example with policy default: keydir-default-vs-p2.conf:12",
    v920: "16: key-directory 'example/.' already in use by zone example with policy default: keydir-default-vs-p2.conf:12",
  },
  {
    name: 'keydir-dot-vs-none',
    text: 'key k1 {\n\talgorithm hmac-sha256;\n\tsecret "YPfMoAk6h+3iN8MDRQC004iSNHY=";\n};\nkey k2 {\n\talgorithm hmac-sha256;\n\tsecret "4xILSZQnuO1UKubXHkYUsvBRPu8=";\n};\ndnssec-policy p2 { };\nview a {\n\tmatch-clients { key k1; };\n\tzone "example" { type primary; file "a.db"; inline-signing yes; dnssec-policy default; key-directory "."; };\n};\nview b {\n\tmatch-clients { key k2; };\n\tzone "example" { type primary; file "b.db"; inline-signing yes; dnssec-policy p2; };\n};\n',
    v918: 'pass',
    v920: "16: key-directory 'example/.' already in use by zone example with policy default: keydir-dot-vs-none.conf:12",
  },
  {
    name: 'keydir-inherited',
    text: 'key k1 {\n\talgorithm hmac-sha256;\n\tsecret "YPfMoAk6h+3iN8MDRQC004iSNHY=";\n};\nkey k2 {\n\talgorithm hmac-sha256;\n\tsecret "4xILSZQnuO1UKubXHkYUsvBRPu8=";\n};\ndnssec-policy p2 { };\noptions { dnssec-policy p2; };\nview a {\n\tmatch-clients { key k1; };\n\tzone "example" { type primary; file "a.db"; inline-signing yes; };\n};\nview b {\n\tmatch-clients { key k2; };\n\tzone "example" { type primary; file "b.db"; inline-signing yes; dnssec-policy default; };\n};\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'keydir-separate',
    text: 'key k1 {\n\talgorithm hmac-sha256;\n\tsecret "YPfMoAk6h+3iN8MDRQC004iSNHY=";\n};\nkey k2 {\n\talgorithm hmac-sha256;\n\tsecret "4xILSZQnuO1UKubXHkYUsvBRPu8=";\n};\ndnssec-policy p2 { };\nview a {\n\tmatch-clients { key k1; };\n\tzone "example" { type primary; file "a.db"; inline-signing yes; dnssec-policy default; key-directory "a"; };\n};\nview b {\n\tmatch-clients { key k2; };\n\tzone "example" { type primary; file "b.db"; inline-signing yes; dnssec-policy p2; key-directory "b"; };\n};\n',
    v918: 'pass',
    v920: 'pass',
  },
  {
    name: 'keystore',
    text: 'key-store hsm {\n\tdirectory "keys";\n};\ndnssec-policy p {\n\tkeys {\n\t\tcsk key-store hsm lifetime unlimited algorithm 13 tag-range 0 32767;\n\t};\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: "1: unknown option 'key-store'",
    v920: 'pass',
  },
  {
    name: 'max-zone-ttl',
    text: 'options {\n\tdnssec-policy default;\n\tmax-zone-ttl 600;\n};\nzone "example" {\n\ttype primary;\n\tfile "example.db";\n\tinline-signing yes;\n};\n',
    v918: 'pass',
    v920: "3: option 'max-zone-ttl' is deprecated",
  },
  {
    name: 'nsec3-iterations',
    text: 'dnssec-policy p {\n\tnsec3param iterations 10;\n};\nzone "example" { type primary; file "example.db"; inline-signing yes; dnssec-policy p; };\n',
    v918: 'pass',
    v920: '2: dnssec-policy: nsec3 iterations value 10 not allowed, must be zero',
  },
];

const VERSIONS: ReadonlyArray<[BindVersion, (c: KaspCase) => string]> = [
  ['9.18', (c) => c.v918],
  ['9.20', (c) => c.v920],
];

for (const [version, verdict] of VERSIONS)
  for (const [name, fn] of bothEOL(`dnssec-policy checks as BIND ${version} agree with its named-checkconf`, (eol) => {
    const problems: string[] = [];
    for (const c of CASES) {
      const settings = { ...defaultSettings, bindVersion: version };
      const errs = errorsOf(validate('named', withEOL(c.text, eol), { settings }));
      const lines = errs.map((d) => d.range.start.line + 1);
      const v = verdict(c);
      if (v === 'pass') {
        if (errs.length)
          problems.push(`${c.name}: named-checkconf passes, we give ${errs.map((d) => d.message).join(' | ')}`);
        continue;
      }
      const want = c.errorLine ?? Number(/^(\d+):/.exec(v)![1]);
      if (!lines.includes(want))
        problems.push(`${c.name}: named-checkconf fails on ${want}, our Errors are on [${lines.join(',')}]`);
    }
    assert.deepEqual(problems, []);
  }))
    test(name, fn);

test('dnssec-policy checks: messages say what is wrong and where', () => {
  const as = (version: BindVersion, name: string) =>
    errorsOf(
      validate('named', CASES.find((c) => c.name === name)!.text, {
        settings: { ...defaultSettings, bindVersion: version },
      }),
    ).map((d) => d.message);
  assert.match(as('9.20', 'bad-alg-dsa')[0]!, /BIND 9\.20 cannot sign with algorithm 'dsa'/);
  assert.match(as('9.18', 'bad-rsa-length')[0]!, /1023 bits/);
  assert.match(as('9.20', 'bad-roles')[0]!, /algorithm 8 \(no zsk\), 13 \(no ksk\)/);
  assert.match(as('9.20', 'keydir-default-vs-p2')[0]!, /zone 'example' \(line 12\)/);
  assert.match(as('9.18', 'keydir-default-vs-p2')[0]!, /the default key directory/);
  assert.match(as('9.20', 'bad-keystore')[0]!, /key-store 'hsm' is not defined/);
});

function run(bin: string, file: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(bin, [file], { cwd: path.dirname(file), timeout: 20000 }, (err, stdout, stderr) => {
      const first = `${stdout}${stderr}`.trim().split('\n')[0] ?? '';
      // the file named by its base name, and not at the start
      const base = path.basename(file);
      resolve(err ? first.split(file).join(base).replace(`${base}:`, '') : 'pass');
    });
  });
}

for (const [version, verdict] of VERSIONS) {
  const { bin, why } = findChecker(version);
  test(
    `dnssec-policy cases: the recorded verdicts are named-checkconf ${version}'s`,
    { skip: !bin && !process.env.CI && `${why}` },
    async () => {
      assert.ok(bin, why);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kasp-cases-'));
      const problems: string[] = [];
      try {
        for (const c of CASES) {
          const file = path.join(dir, `${c.name}.conf`);
          fs.writeFileSync(file, c.text);
          const got = await run(bin, file);
          if (got !== verdict(c)) problems.push(`${c.name}: ${got}, recorded ${verdict(c)}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      assert.deepEqual(problems, []);
    },
  );
}
