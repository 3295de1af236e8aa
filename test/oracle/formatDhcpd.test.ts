/**
 * Formatting never changes what dhcpd loads (issue 22): for every dhcpd config of the corpus that
 * formatting changes, `dhcpd -t -cf FILE` (`-6` for DHCPv6 ones, as oracle-dhcpd.tsv says) gives
 * the same verdict before and after, and for a refused file the same first complaint (its line
 * number aside: formatting may move a statement to a line of its own); and our own tokens
 * (comments included, whitespace left out) are the same before and after. With LF and with CRLF
 * line endings. The folder is copied to a temp dir (some files include others), formatted whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pool, service } from '../helpers';
import { tokenize } from '../../server/src/common/tokenizer';
import { DHCPD_FORMAT_SYNTAX } from '../../server/src/dhcpd/format';

const SHARED = path.resolve(process.cwd(), '..', 'shared', 'corpus');
const CORPUS = path.join(SHARED, 'dhcpd');
const TSV = path.join(SHARED, 'oracle-dhcpd.tsv');
const DHCPD = '/usr/sbin/dhcpd';
/** ISC's examples are indented by two spaces, keama's tests by four: both change. */
const OPTIONS = { tabSize: 2, insertSpaces: true };

function format(text: string): string {
  const d = TextDocument.create('file:///format/dhcpd.conf', 'dhcpd', 1, text);
  return TextDocument.applyEdits(d, service.format(d, OPTIONS));
}

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const tokens = (s: string) =>
  tokenize(s, { ...DHCPD_FORMAT_SYNTAX.tokens, keepComments: true })
    .map((t) => `${t.kind}:${t.text}`)
    .join('\n');

function families(): Map<string, string> {
  const m = new Map<string, string>();
  if (!fs.existsSync(TSV)) return m;
  for (const line of fs.readFileSync(TSV, 'utf8').split('\n').slice(1)) {
    const c = line.split('\t');
    if (c[0]) m.set(path.basename(c[0]), c[3] ?? '-4');
  }
  return m;
}

function runDhcpd(dir: string, name: string, family: string): Promise<{ ok: boolean; first: string }> {
  return new Promise((resolve) => {
    const args = ['-t', '-cf', name, '-lf', '/dev/null', '-pf', path.join(dir, 'dhcpd.pid')];
    if (family === '-6') args.unshift('-6');
    execFile(DHCPD, args, { cwd: dir, timeout: 20000 }, (err, _stdout, stderr) => {
      // the complaint: the first line naming a line of a file (dhcpd then echoes that line and a `^`)
      const first = String(stderr)
        .split('\n')
        .find((l) => / line \d+:/.test(l));
      resolve({ ok: !err, first: (first ?? '').replace(/ line \d+:/, ' line #:').trim() });
    });
  });
}

test('formatting keeps dhcpd -t verdicts and our tokens over the dhcpd corpus', async (t) => {
  if (!fs.existsSync(CORPUS) || !fs.existsSync(DHCPD)) {
    const reason = !fs.existsSync(CORPUS) ? `corpus missing at ${CORPUS}` : 'dhcpd is not installed';
    if (process.env.CI === 'true') assert.fail(reason);
    console.log(`# ${reason}: skipped`);
    t.skip(reason);
    return;
  }
  const fam = families();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'format-dhcpd-'));
  try {
    const dirs = { original: 'original', formatted: 'formatted', crlfOriginal: 'crlf-original', crlf: 'crlf' };
    for (const d of Object.values(dirs)) fs.mkdirSync(path.join(tmp, d));
    const problems: string[] = [];
    const changed: string[] = [];
    for (const name of fs.readdirSync(CORPUS).sort()) {
      // latin1 keeps every byte as it is (some files are not UTF-8)
      const text = fs.readFileSync(path.join(CORPUS, name), 'latin1');
      const lf = format(text);
      const cr = format(crlf(text));
      for (const [d, s] of [
        [dirs.original, text],
        [dirs.formatted, lf],
        [dirs.crlfOriginal, crlf(text)],
        [dirs.crlf, cr],
      ] as const)
        fs.writeFileSync(path.join(tmp, d, name), s, 'latin1');
      if (tokens(lf) !== tokens(text) || tokens(cr) !== tokens(crlf(text))) problems.push(`${name}: tokens changed`);
      if (lf !== text || cr !== crlf(text)) changed.push(name);
    }
    let refused = 0;
    await pool(changed, 3, async (name) => {
      const family = fam.get(name) ?? '-4';
      for (const [was, now] of [
        [dirs.original, dirs.formatted],
        [dirs.crlfOriginal, dirs.crlf],
      ] as const) {
        const before = await runDhcpd(path.join(tmp, was), name, family);
        const after = await runDhcpd(path.join(tmp, now), name, family);
        if (was === dirs.original && !before.ok) refused++;
        if (before.ok !== after.ok) problems.push(`${name} (${now}): verdict ${before.ok} → ${after.ok}`);
        else if (before.first !== after.first) problems.push(`${name} (${now}): "${before.first}" → "${after.first}"`);
      }
    });
    console.log(
      `# dhcpd -t: ${changed.length} corpus files changed by formatting (${changed.length - refused} accepted, ${refused} refused), ${problems.length} differ`,
    );
    assert.ok(changed.length > 50, `only ${changed.length} files changed: the test proves little`);
    assert.deepEqual(problems, []);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
