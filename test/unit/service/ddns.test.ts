/**
 * Dynamic DNS between dhcpd.conf and named.conf (issue 21): the reference post's pair, with its
 * quotes straightened, and the ways it goes wrong. Every case is run with LF and CRLF.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createLanguageService } from '../../../server/src/modes';
import type { PathKind, WorkspaceHost } from '../../../server/src/service/workspace';
import { bothEOL, doc, withEOL, type EOL } from '../../helpers';
import { uriOfPath } from '../../../server/src/service/trees';

const service = createLanguageService();

const RNDC_KEY = 'key "rndc-key" {\n\talgorithm hmac-md5;\n\tsecret "c2VjcmV0c2VjcmV0c2VjcmV0";\n};\n';
const DHCPD =
  'authoritative;\ninclude "/etc/bind/rndc.key";\nddns-update-style interim;\nddns-updates on;\n' +
  'zone shocknetwork.com. {\nprimary 127.0.0.1;\nkey rndc-key;\n}\n' +
  'subnet 192.168.0.0 netmask 255.255.255.0 {\nrange 192.168.0.100 192.168.0.200;\n' +
  'zone 0.168.192.in-addr.arpa. {\nprimary 192.168.0.3;\nkey rndc-key;\n}\n}\n';
const NAMED =
  'options {\n\tdirectory "/var/cache/bind";\n};\n' +
  'zone "shocknetwork.com" {\n\ttype master;\n\tfile "/etc/bind/shocknetwork.com.zone";\n\tallow-update { key "rndc-key"; };\n};\n' +
  'zone "0.168.192.in-addr.arpa" {\n\ttype master;\n\tfile "/etc/bind/0.168.192.in-addr.arpa.zone";\n\tallow-update { key "rndc-key"; };\n};\n' +
  'include "/etc/bind/rndc.key";\n';
const ZONE = '$TTL 1h\n@ SOA ns hostmaster 1 1h 15m 1w 1h\n@ NS ns\nns A 192.168.0.3\n';

/** The pair as an /etc tree of the workspace (its folder above etc/ stands for `/`). */
function check(files: Record<string, string>, eol: EOL): string[] {
  const all = new Map(Object.entries(files).map(([p, t]) => [`/w${p}`, withEOL(t, eol)]));
  const host: WorkspaceHost = {
    folders: () => ['/w'],
    kind: (p): PathKind => (all.has(p) ? 'file' : 'missing'),
    read: (p) => all.get(p),
    allowOutside: () => false,
    includeRoot: () => undefined,
  };
  const ws = service.createWorkspace(host);
  for (const p of all.keys()) if (/\.conf$/.test(p)) ws.update(p, /dhcpd/.test(p) ? 'dhcpd' : 'named');
  const out: string[] = [];
  for (const p of all.keys()) {
    if (!/\.(conf|key)$/.test(p)) continue;
    const lang = /dhcpd/.test(p) ? 'dhcpd' : 'named';
    for (const d of service.doValidation(doc(lang, all.get(p)!, uriOfPath(p)), { workspace: ws }))
      if (String(d.code).endsWith('ddns-mismatch'))
        out.push(`${path.basename(p)}:${d.range.start.line + 1} ${d.message}`);
  }
  return out;
}

const PAIR = {
  '/etc/dhcp/dhcpd.conf': DHCPD,
  '/etc/bind/named.conf': NAMED,
  '/etc/bind/rndc.key': RNDC_KEY,
  '/etc/bind/shocknetwork.com.zone': ZONE,
  '/etc/bind/0.168.192.in-addr.arpa.zone': ZONE,
};

for (const [name, fn] of [
  ...bothEOL("the reference post's pair, one key file included by both: no warning", (eol) => {
    assert.deepEqual(check(PAIR, eol), []);
  }),
  ...bothEOL('a dhcpd zone that named.conf does not define, as the post has for localdomain.', (eol) => {
    const dhcpd = DHCPD.replace('}\n}\n', '}\nzone localdomain. {\nprimary 192.168.0.3;\nkey rndc-key;\n}\n}\n');
    assert.deepEqual(check({ ...PAIR, '/etc/dhcp/dhcpd.conf': dhcpd }, eol), [
      "dhcpd.conf:15 No zone 'localdomain' in the workspace's named configuration (named.conf): named would refuse dhcpd's updates of it. Define it there as a primary zone, or correct the name here.",
    ]);
  }),
  ...bothEOL('a zone that allows another key: a Warning on both sides, each naming the other', (eol) => {
    const named = NAMED.replace(
      'allow-update { key "rndc-key"; };\n};\ninclude',
      'allow-update { key "other"; };\n};\ninclude',
    );
    assert.deepEqual(check({ ...PAIR, '/etc/bind/named.conf': named }, eol), [
      "dhcpd.conf:13 Zone '0.168.192.in-addr.arpa' in named.conf line 9 takes updates signed with 'other' only, not with key 'rndc-key': named would refuse these updates. Name the same key on both sides.",
      "named.conf:9 dhcpd updates '0.168.192.in-addr.arpa' with key 'rndc-key' (dhcpd.conf line 11), which this zone does not allow: add 'key rndc-key;' to its 'allow-update', or a 'grant rndc-key ...' rule to its 'update-policy'.",
    ]);
  }),
  ...bothEOL('a secondary zone takes no updates; update-policy grants count as allow-update keys do', (eol) => {
    const named = NAMED.replace(
      'type master;\n\tfile "/etc/bind/shocknetwork.com.zone";\n\tallow-update { key "rndc-key"; };',
      'type slave;\n\tprimaries { 192.0.2.1; };\n\tfile "shocknetwork.com.zone";',
    ).replace(
      'allow-update { key "rndc-key"; };\n};\ninclude',
      'update-policy { grant rndc-key zonesub ANY; };\n};\ninclude',
    );
    assert.deepEqual(check({ ...PAIR, '/etc/bind/named.conf': named }, eol), [
      "dhcpd.conf:5 Zone 'shocknetwork.com' is a secondary in named.conf line 4: named takes dynamic updates only in a primary zone. Point this block at the primary's configuration.",
      "named.conf:4 dhcpd sends dynamic updates of 'shocknetwork.com' (dhcpd.conf line 5), but here it is a secondary: only a primary zone takes them.",
    ]);
  }),
  ...bothEOL(
    'a key defined on each side: a different secret (never shown) or algorithm is a Warning on both',
    (eol) => {
      const dhcpd = DHCPD.replace(
        'include "/etc/bind/rndc.key";',
        'key rndc-key {\n\talgorithm HMAC-MD5.SIG-ALG.REG.INT;\n\tsecret "b3RoZXJvdGhlcm90aGVy";\n}',
      );
      const found = check({ ...PAIR, '/etc/dhcp/dhcpd.conf': dhcpd }, eol);
      assert.deepEqual(found, [
        "dhcpd.conf:2 Key 'rndc-key': the secret differs (not shown) here and in rndc.key line 1, so named rejects dhcpd's updates (BADSIG). Copy the secret from one file to the other, or include one key file in both.",
        "rndc.key:1 Key 'rndc-key': the secret differs (not shown) here and in dhcpd's dhcpd.conf line 2, so dhcpd's updates are rejected (BADSIG). Copy the secret from one file to the other, or include one key file in both.",
      ]);
      assert.ok(!found.join('\n').includes('b3Rob'), 'the secret is never shown');
      const alg = check(
        {
          ...PAIR,
          '/etc/dhcp/dhcpd.conf': dhcpd
            .replace('HMAC-MD5.SIG-ALG.REG.INT', 'hmac-sha256')
            .replace('b3RoZXJvdGhlcm90aGVy', 'c2VjcmV0c2VjcmV0c2VjcmV0'),
        },
        eol,
      );
      assert.equal(alg.length, 2);
      assert.match(alg[0]!, /the algorithm differs \('hmac-sha256' and 'hmac-md5'\)/);
    },
  ),
  ...bothEOL('without a named.conf in the workspace, dhcpd.conf alone says nothing', (eol) => {
    assert.deepEqual(check({ '/etc/dhcp/dhcpd.conf': DHCPD, '/etc/bind/rndc.key': RNDC_KEY }, eol), []);
  }),
])
  test(name, fn);
