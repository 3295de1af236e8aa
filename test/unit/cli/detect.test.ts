import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles, languageByContent, readSmallFile } from '../../../server/src/service/discover';
import { run } from './runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-detect-'));

test('the samples are told by their text', () => {
  const cases: Array<[string, string]> = [
    ['samples/named/named.conf', 'named'],
    ['samples/dhcpd/dhcpd.conf', 'dhcpd'],
    ['samples/vmx/appserver-mistakes.vmx', 'vmx'],
    ['samples/vmx/zangief-fileserver.vmx', 'vmx'],
  ];
  for (const [file, lang] of cases) assert.equal(languageByContent(fs.readFileSync(file, 'utf8')), lang, file);
  for (const file of ['samples/vmkernel-log/vmkernel.log', 'samples/iscsi/initiatorname.iscsi'])
    assert.equal(languageByContent(fs.readFileSync(file, 'utf8')), undefined, file);
});

test('a .vmx is told by its settings: one that every .vmx has, or two known ones', () => {
  const yes = [
    'config.version = "8"\n',
    'virtualHW.version = "19"\r\nfoo.bar = "1"\r\n',
    '.encoding = "UTF-8"\ndisplayName = "web01"\nguestOS = "ubuntu-64"\nmemsize = "4096"\n',
    '# made by hand\n\ndisplayName = "web01"\nmemSize = "4096"\n',
    // a few mistyped lines do not hide it (they are what the check is for)
    'config.version = "8"\n' + 'a.b = "1"\n'.repeat(18) + 'memsize = 4096\n',
  ];
  for (const t of yes) assert.equal(languageByContent(t), 'vmx', JSON.stringify(t));
});

test('INI, properties, env and other key = value files are not taken for .vmx', () => {
  const no = [
    '',
    'memsize = "1024"\n', // one setting that is not sure: could be anything
    'displayName = "x"\n',
    '[vm]\nconfig.version = "8"\nvirtualHW.version = "19"\n', // INI section
    '[core]\n\tfilemode = true\n[remote "origin"]\n\turl = "x"\n',
    '[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\n',
    'PRETTY_NAME="Debian GNU/Linux 13"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nID=debian\n',
    'db.url=jdbc:x\ndb.user=sa\nmemsize=1024\nguestOS=linux\n', // properties: unquoted
    'GRUB_DEFAULT=0\nGRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX_DEFAULT="quiet"\n',
    // a .vmx key in a text that is mostly something else
    'config.version = "8"\nthis is prose\nand more prose\nand more\n',
    'InitiatorName=iqn.1998-01.com.vmware:esx01-1a2b3c4d\n',
  ];
  for (const t of no) assert.equal(languageByContent(t), undefined, JSON.stringify(t));
});

test('named and dhcpd texts are told as before', () => {
  assert.equal(languageByContent('options {\n  directory "/var/cache/bind";\n};\n'), 'named');
  assert.equal(languageByContent('subnet 10.0.0.0 netmask 255.255.255.0 {\n}\n'), 'dhcpd');
  // named or dhcpd statements win over settings that look like a .vmx
  assert.equal(languageByContent('config.version = "8"\noptions {\n};\n'), 'named');
});

test('a long text is told by its head', () => {
  const t = 'config.version = "8"\nvirtualHW.version = "19"\n' + 'ethernet0.present = "TRUE"\n'.repeat(5000);
  assert.equal(languageByContent(t), 'vmx');
  assert.equal(languageByContent(t.slice(0, 65_600)), 'vmx', 'a partial last line in the head');
});

test('check FILE: names that say nothing (seed-named.conf, bind.conf, guest.cfg) are told by their text', () => {
  const files: Record<string, string> = {
    'seed-named.conf': 'options {\n  recursion maybe;\n};\n',
    'bind.conf': 'zone "example.com" {\n  type bogus;\n  file "db.example";\n};\n',
    'guest.cfg': 'config.version = "8"\nvirtualHW.version = "19"\nmemsize = "lots"\n',
    'pool.conf': 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.300;\n}\n',
  };
  const dir = fs.mkdtempSync(path.join(tmp, 'names-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const want: Record<string, RegExp> = {
    'seed-named.conf': /\[named-/,
    'bind.conf': /\[named-/,
    'guest.cfg': /\[vmx-invalid-value\]/,
    'pool.conf': /\[dhcpd-/,
  };
  for (const [name, rule] of Object.entries(want)) {
    const r = run(['check', name], dir);
    assert.equal(r.code, 1, `${name}: ${r.err}`);
    assert.match(r.out, new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+: error: .* ${rule.source}`, 'm'));
  }
  // and in a folder walk
  const found = discoverFiles([dir], readSmallFile).map((d) => [path.basename(d.path), d.languageId]);
  assert.deepEqual(found, [
    ['bind.conf', 'named'],
    ['guest.cfg', 'vmx'],
    ['pool.conf', 'dhcpd'],
    ['seed-named.conf', 'named'],
  ]);
});

test('check FILE: an INI file named like a fragment is not checked as a .vmx', () => {
  const f = path.join(tmp, 'settings.cfg');
  fs.writeFileSync(f, '[main]\ndisplayName = "x"\nmemsize = "1"\n');
  const r = run(['check', f]);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot tell the language/);
  assert.deepEqual(discoverFiles([tmp], readSmallFile, 100, false), []);
});
