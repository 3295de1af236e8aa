/**
 * The per-version table (versions.ts) against the real tools: named-checkconf 9.18 (on PATH) and 9.20
 * (../shared/tools/bind-9.20.sh), one small file per statement that some version lacks or rejects; and
 * against BIND 9.16's own good checkconf files (../shared/corpus/bind-9.16/good), for which no binary exists.
 */
import { findChecker } from '../../bindCheckers';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import {
  BIND_VERSIONS,
  CLAUSE_VERSIONS,
  type BindVersion,
  type ClauseVersions,
  type VersionStatus,
} from '../../../server/src/named/data/versions';
import type { ContextId } from '../../../server/src/named/data/types';

const inCI = process.env.CI === 'true';
const root = process.cwd();
const shared = path.resolve(root, '..', 'shared');

test('versions table: one row per context and name, statuses only from the known set', () => {
  const seen = new Set<string>();
  const problems: string[] = [];
  const statuses: readonly VersionStatus[] = [
    'ok',
    'deprecated',
    'obsolete',
    'ancient',
    'not-configured',
    'experimental',
    'test-only',
  ];
  for (const c of CLAUSE_VERSIONS) {
    const key = `${c.context} ${c.name}`;
    if (seen.has(key)) problems.push(`${key}: twice`);
    seen.add(key);
    if (Object.keys(c.in).length === 0) problems.push(`${key}: in no version`);
    for (const [v, s] of Object.entries(c.in))
      if (!BIND_VERSIONS.includes(v as BindVersion) || !statuses.includes(s)) problems.push(`${key}: ${v} ${s}`);
    for (const v of Object.keys(c.syntax ?? {}))
      if (!(v in c.in)) problems.push(`${key}: syntax for ${v}, which lacks it`);
  }
  assert.deepEqual(problems, []);
  // the well-known cases, as namedconf.c and the tools have them
  const status = (context: ContextId, name: string) =>
    BIND_VERSIONS.map((v) => CLAUSE_VERSIONS.find((c) => c.context === context && c.name === name)?.in[v] ?? '-');
  assert.deepEqual(status('zone', 'auto-dnssec'), ['deprecated', 'deprecated', 'ancient']);
  assert.deepEqual(status('options', 'glue-cache'), ['ok', 'deprecated', 'ancient']);
  assert.deepEqual(status('options', 'dnssec-enable'), ['obsolete', 'ancient', 'ancient']);
  assert.deepEqual(status('view', 'dnssec-lookaside'), ['obsolete', 'ancient', 'ancient']);
  assert.deepEqual(status('zone', 'max-zone-ttl'), ['ok', 'ok', 'deprecated']);
  assert.deepEqual(status('dnssec-policy', 'max-zone-ttl'), ['ok', 'ok', 'ok']);
  assert.deepEqual(status('options', 'tkey-dhkey'), ['ok', 'deprecated', 'ancient']);
  assert.deepEqual(status('options', 'resolver-retry-interval'), ['ok', 'deprecated', 'ancient']);
  assert.deepEqual(status('top', 'tls'), ['-', 'ok', 'ok']);
  assert.deepEqual(status('top', 'remote-servers'), ['-', '-', 'ok']);
  assert.deepEqual(status('top', 'masters'), ['ok', 'ok', 'ok']);
  assert.equal(CLAUSE_VERSIONS.find((c) => c.context === 'zone' && c.name === 'masters')?.successor, 'primaries');
  assert.match(
    CLAUSE_VERSIONS.find((c) => c.context === 'options' && c.name === 'query-source')?.syntax?.['9.20'] ?? '',
    /\| none \)/,
  );
});

// ---------------------------------------------------------------------------------------------------------
// named-checkconf 9.18 and 9.20

/** A value each statement accepts where the live tools must take it (the others only need a name). */
const VALUES: Readonly<Record<string, string>> = {
  'allow-proxy': '{ any; }',
  'allow-proxy-on': '{ any; }',
  'alt-transfer-source': '*',
  'alt-transfer-source-v6': '*',
  'auto-dnssec': 'off',
  'ca-file': '"ca.pem"',
  cdnskey: 'yes',
  'cds-digest-types': '{ "sha-256"; }',
  'cert-file': '"cert.pem"',
  'check-svcb': 'yes',
  checkds: 'no',
  'cipher-suites': '"TLS_AES_256_GCM_SHA384"',
  ciphers: '"HIGH:!aNULL"',
  coresize: 'default',
  datasize: 'default',
  'delegation-only': 'yes',
  'dhparam-file': '"dh.pem"',
  'dnsrps-library': '"librpz.so"',
  dscp: '46',
  endpoints: '{ "/dns-query"; }',
  files: 'default',
  'glue-cache': 'yes',
  'http-listener-clients': '10',
  'http-port': '8080',
  'http-streams-per-connection': '10',
  'https-port': '8443',
  'inline-signing': 'yes',
  'ipv4only-contact': '"hostmaster.example."',
  'ipv4only-enable': 'yes',
  'ipv4only-server': '"ns.example."',
  'key-file': '"key.pem"',
  'listener-clients': '10',
  'lock-file': '"named.lock"',
  'manual-mode': 'no',
  'max-query-count': '100',
  'max-validation-failures-per-fetch': '1',
  'max-validations-per-fetch': '16',
  'min-transfer-rate-in': '10240 5',
  'notify-defer': '0',
  'offline-ksk': 'no',
  'parent-registration-delay': '1d',
  'prefer-server-ciphers': 'yes',
  protocols: '{ TLSv1.2; }',
  'random-device': '"/dev/urandom"',
  'remote-hostname': '"ns.example"',
  'require-cookie': 'yes',
  'reserved-sockets': '512',
  'resolver-nonbackoff-tries': '3',
  'resolver-retry-interval': '800',
  'resolver-use-dns64': 'yes',
  responselog: 'yes',
  'root-delegation-only': '',
  'session-tickets': 'no',
  'sig0checks-quota': '1',
  'sig0checks-quota-exempt': '{ any; }',
  'sig0key-checks-limit': '2',
  'sig0message-checks-limit': '2',
  'signatures-jitter': '1h',
  stacksize: 'default',
  'streams-per-connection': '10',
  'suppress-initial-notify': 'yes',
  'tcp-receive-buffer': '0',
  'tcp-reuse-timeout': '60',
  'tcp-send-buffer': '0',
  'tkey-dhkey': '"tkey.example." 1',
  'tls-port': '853',
  'udp-receive-buffer': '0',
  'udp-send-buffer': '0',
  'use-alt-transfer-source': 'yes',
};

/** Top-level blocks, written whole. */
const TOP: Readonly<Record<string, string>> = {
  http: 'http h { endpoints { "/dns-query"; }; };',
  'key-store': 'key-store ks { directory "."; };',
  'remote-servers': 'remote-servers r { 192.0.2.1; };',
  tls: 'tls t { protocols { TLSv1.2; }; };',
};

/** Zone statements a primary zone does not take: the zone type that does. */
const ZONE_OF: Readonly<Record<string, string>> = {
  'use-alt-transfer-source': 'type secondary; primaries { 192.0.2.1; }; file "x";',
  'min-transfer-rate-in': 'type secondary; primaries { 192.0.2.1; }; file "x";',
  'delegation-only': 'type forward; forwarders { 192.0.2.1; };',
};

/** A file holding just `name value` in its context. */
function configFor(c: ClauseVersions): string {
  const value = VALUES[c.name] ?? 'yes';
  const stmt = `${c.name}${value ? ` ${value}` : ''};`;
  switch (c.context) {
    case 'top':
      return `${TOP[c.name] ?? stmt}\n`;
    case 'options':
      return `options {\n  ${stmt}\n};\n`;
    case 'view':
      return `view v {\n  ${stmt}\n};\n`;
    case 'zone':
      return `zone "example" {\n  ${ZONE_OF[c.name] ?? 'type primary; file "x";'}\n  ${stmt}\n};\n`;
    case 'dnssec-policy':
      return `dnssec-policy p {\n  ${stmt}\n};\n`;
    case 'server':
      return `server 192.0.2.1 {\n  ${stmt}\n};\n`;
    case 'tls': {
      // a tls block with a key needs its certificate and the other way round
      const pair =
        c.name === 'key-file' ? 'cert-file "cert.pem";' : c.name === 'cert-file' ? 'key-file "key.pem";' : '';
      return `tls t {\n  ${pair ? `${pair} ` : ''}${stmt}\n};\n`;
    }
    case 'http':
      return `http h {\n  ${stmt}\n};\n`;
    default:
      throw new Error(`no context file for ${c.context} ${c.name}`);
  }
}

/** The rows worth asking a live tool about: those that some version lacks or rejects. */
const CHANGING = CLAUSE_VERSIONS.filter((c) =>
  BIND_VERSIONS.some((v) => c.in[v] === undefined || c.in[v] === 'ancient'),
);

function run(bin: string, file: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile(bin, [file], { cwd: path.dirname(file), timeout: 20000 }, (err, stdout, stderr) =>
      resolve({ ok: !err, out: `${stdout}${stderr}`.trim() }),
    );
  });
}

/** What the tool must say of a statement with that status. */
function verdictProblem(status: VersionStatus | undefined, name: string, r: { ok: boolean; out: string }): string {
  // BIND cuts a long name short with '...' in its messages
  const said = (re: RegExp) => {
    const m = re.exec(r.out)?.[1];
    return m !== undefined && (m === name || (m.endsWith('...') && name.startsWith(m.slice(0, -3))));
  };
  const unknown = said(/unknown option '([^']*)'/);
  const gone = said(/option '([^']*)' no longer exists/);
  if (status === undefined) return !r.ok && unknown ? '' : 'should be unknown';
  if (status === 'ancient') return !r.ok && gone ? '' : 'should no longer exist';
  if (status === 'not-configured')
    return r.ok || r.out.includes('was not enabled at compile time') ? '' : 'should be known (built in or not)';
  return r.ok ? '' : `should pass (${status})`;
}

for (const v of ['9.18', '9.20'] as const) {
  test(`versions table: named-checkconf ${v} agrees on every statement some version lacks or rejects`, async (t) => {
    const { bin, why } = findChecker(v);
    if (!bin) {
      if (inCI) throw new Error(why);
      console.log(`skip: ${why}`);
      t.skip(why);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `named-versions-${v}-`));
    const problems: string[] = [];
    let confirmed = 0;
    try {
      let next = 0;
      // two at a time
      const worker = async () => {
        for (let k = next++; k < CHANGING.length; k = next++) {
          const c = CHANGING[k]!;
          const file = path.join(dir, `c${k}.conf`);
          const text = configFor(c);
          fs.writeFileSync(file, text);
          const r = await run(bin, file);
          const problem = verdictProblem(c.in[v], c.name, r);
          if (problem)
            problems.push(
              `${c.context} ${c.name} (${c.in[v] ?? 'absent'}): ${problem}; ${JSON.stringify(text)} -> ${r.out || 'pass'}`,
            );
          else confirmed++;
        }
      };
      await Promise.all([worker(), worker()]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`named-checkconf ${v}: ${confirmed} of ${CHANGING.length} changing statements confirmed`);
    assert.deepEqual(problems, []);
  });
}

// ---------------------------------------------------------------------------------------------------------
// BIND 9.16: its own good files

/** Blocks whose statements we can tell apart, by the statement that opens them and where. */
const BLOCK: Readonly<Record<string, Readonly<Record<string, ContextId>>>> = {
  top: {
    options: 'options',
    view: 'view',
    zone: 'zone',
    logging: 'logging',
    key: 'key',
    server: 'server',
    'dnssec-policy': 'dnssec-policy',
    controls: 'controls',
    'statistics-channels': 'statistics-channels',
    dlz: 'dlz',
    tls: 'tls',
    http: 'http',
  },
  view: { zone: 'zone', key: 'key', server: 'server', dlz: 'dlz', 'rate-limit': 'rate-limit', dns64: 'dns64' },
  options: { 'rate-limit': 'rate-limit', dns64: 'dns64' },
  logging: { channel: 'channel' },
};

/** (context, name) of every statement at a statement start in a block we can tell. */
function statements(text: string): Array<[ContextId, string]> {
  const clean = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\\[{}]/g, ' ') // escaped braces in a dyndb block's text
    .replace(/"(?:[^"\\]|\\.)*"/g, ' "s" ')
    .replace(/(\/\/|#)[^\n]*/g, ' ');
  const tokens = clean.match(/[{};]|[^\s{};]+/g) ?? [];
  const found: Array<[ContextId, string]> = [];
  // each open block: its context, or undefined for a value's braces
  const stack: Array<ContextId | undefined> = [];
  let context: ContextId | undefined = 'top';
  let first: string | undefined; // the current statement's name
  for (const tok of tokens) {
    if (tok === '{') {
      stack.push(context);
      context = first !== undefined && context ? BLOCK[context]?.[first] : undefined;
      first = undefined;
    } else if (tok === '}') {
      context = stack.pop();
      first = '}'; // the statement goes on until its ';'
    } else if (tok === ';') first = undefined;
    else if (first === undefined) {
      first = tok;
      if (context) found.push([context, tok]);
    }
  }
  return found;
}

test('versions table: every statement of BIND 9.16 good checkconf files is in 9.16', (t) => {
  const dir = path.join(shared, 'corpus', 'bind-9.16', 'good');
  if (!fs.existsSync(dir)) {
    if (inCI) throw new Error(`${dir} is missing (CI needs shared/ beside the clone)`);
    console.log(`skip: ${dir} not found`);
    t.skip(`${dir} not found`);
    return;
  }
  const problems: string[] = [];
  const names = new Set<string>();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.conf'));
  for (const f of files)
    for (const [context, name] of statements(fs.readFileSync(path.join(dir, f), 'utf8'))) {
      const row = CLAUSE_VERSIONS.find((c) => c.context === context && c.name === name);
      const s = row?.in['9.16'];
      names.add(`${context} ${name}`);
      if (s === undefined || s === 'ancient') problems.push(`${f}: ${context} ${name} is ${s ?? 'absent'} in 9.16`);
    }
  console.log(`BIND 9.16 good files: ${files.length} files, ${names.size} statements, all in 9.16's grammar`);
  assert.ok(names.size > 50);
  assert.deepEqual(problems, []);
});
