/**
 * named.conf cases with the verdict of BIND 9.18's named-checkconf recorded (named-checkconf.test.ts
 * checks the records live where it is installed) and the findings we give them: where
 * named-checkconf checks names (acl, dnssec-policy, server lists) and where curly quotes fail it.
 */
export interface CheckconfCase {
  readonly text: string;
  /** 'pass', or the first line named-checkconf fails with (after the file name): `line: message`. */
  readonly checkconf: string;
  /** Our findings, as `brief` writes them, in order. */
  readonly ours: readonly string[];
}

/** Undefined names in acl lists, dnssec-policy and server lists, by where they stand. */
export const REFERENCE_CASES: readonly CheckconfCase[] = [
  // BIND ends an unquoted word at `/`: a prefix where a server list takes an address fails
  {
    text: 'options { also-notify { 10.1.1.1/24; }; };\n',
    checkconf: "1: missing ';' before '/'",
    ours: ['1:25 error named-invalid-value'],
  },
  {
    text: 'primaries p { 10.1.1.1/24; };\nzone "x" { type secondary; primaries { p; }; file "x"; };\n',
    checkconf: "1: missing ';' before '/'",
    ours: ['1:15 error named-invalid-value'],
  },
  {
    text: 'key a/b { algorithm hmac-sha256; secret "aGVsbG8="; };\n',
    checkconf: "1: '{' expected near '/'",
    ours: ['1:5 error named-invalid-value'],
  },
  { text: 'key "a/b" { algorithm hmac-sha256; secret "aGVsbG8="; };\n', checkconf: 'pass', ours: [] },
  // acl loops: reported where an acl names one still being expanded, only when a checked reference uses it
  { text: 'acl a { b; };\nacl b { a; };\n', checkconf: 'pass', ours: [] },
  {
    text: 'acl a { b; };\nacl b { !a; };\noptions { allow-query { a; }; };\n',
    checkconf: '2: acl loop detected: a',
    ours: ['2:10 error named-acl-loop'],
  },
  {
    text: 'acl a { a; };\nzone "x" { type primary; file "x"; allow-transfer { a; }; };\n',
    checkconf: '1: acl loop detected: a',
    ours: ['1:9 error named-acl-loop'],
  },
  {
    text: 'acl a { b; };\nacl b { c; };\nacl c { b; };\noptions { allow-query { a; }; };\n',
    checkconf: '3: acl loop detected: b',
    ours: ['3:9 error named-acl-loop'],
  },
  { text: 'acl a { b; };\nacl b { 10.0.0.1; };\noptions { allow-query { a; b; }; };\n', checkconf: 'pass', ours: [] },
  {
    text: 'options { allow-transfer { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:28 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { allow-transfer { untrusted; }; };\nzone "a" { type primary; file "a"; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:28 error named-undefined-reference'],
  },
  {
    text: 'options { allow-transfer { untrusted; }; };\nzone "a" { type primary; file "a"; allow-transfer { any; }; };\n',
    checkconf: 'pass',
    ours: ['1:28 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { allow-transfer { untrusted; }; };\nview v { zone "a" { type primary; file "a"; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:28 error named-undefined-reference'],
  },
  {
    text: 'options { allow-transfer { untrusted; }; };\nview v { allow-transfer { any; }; zone "a" { type primary; file "a"; }; };\n',
    checkconf: 'pass',
    ours: ['1:28 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { allow-transfer { untrusted; }; };\nzone "a" { type forward; forwarders { 192.0.2.1; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:28 error named-undefined-reference'],
  },
  {
    text: 'view v { allow-update { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:25 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'view v { allow-update { untrusted; }; zone "a" { type primary; file "a"; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:25 error named-undefined-reference'],
  },
  {
    text: 'zone "a" { type primary; file "a"; allow-transfer { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:53 error named-undefined-reference'],
  },
  {
    text: 'zone "a" { type primary; file "a"; allow-update { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:51 error named-undefined-reference'],
  },
  {
    text: 'zone "a" { type secondary; primaries { 192.0.2.1; }; allow-notify { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:69 error named-undefined-reference'],
  },
  {
    text: 'zone "a" { type secondary; primaries { 192.0.2.1; }; allow-update-forwarding { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:80 error named-undefined-reference'],
  },
  {
    text: 'zone "a" { type primary; file "a"; allow-query { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:50 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'zone "a" { type primary; file "a"; allow-query-on { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:53 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { allow-query { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:25 error named-undefined-reference'],
  },
  {
    text: 'view v { allow-query { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:24 error named-undefined-reference'],
  },
  {
    text: 'options { allow-query { untrusted; }; };\nview v { allow-query { any; }; };\n',
    checkconf: 'pass',
    ours: ['1:25 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { allow-query { untrusted; }; };\nview v { allow-query { any; }; };\nview w { };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:25 error named-undefined-reference'],
  },
  {
    text: 'options { allow-recursion { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:29 error named-undefined-reference'],
  },
  {
    text: 'options { blackhole { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:23 error named-undefined-reference'],
  },
  {
    text: 'options { listen-on { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:23 error named-undefined-reference'],
  },
  {
    text: 'options { no-case-compress { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:30 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { deny-answer-addresses { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:35 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { rate-limit { exempt-clients { untrusted; }; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:41 error named-undefined-reference'],
  },
  {
    text: 'options { rate-limit { exempt-clients { untrusted; }; }; };\nview v { rate-limit { responses-per-second 5; }; };\n',
    checkconf: 'pass',
    ours: ['1:41 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'controls { inet 127.0.0.1 allow { untrusted; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:35 error named-undefined-reference'],
  },
  {
    text: 'statistics-channels { inet 127.0.0.1 allow { untrusted; }; };\n',
    checkconf: 'pass',
    ours: ['1:46 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'acl internal { untrusted; };\n',
    checkconf: 'pass',
    ours: ['1:16 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'acl internal { untrusted; };\noptions { allow-query { internal; }; };\n',
    checkconf: "1: undefined ACL 'untrusted'",
    ours: ['1:16 error named-undefined-reference'],
  },
  {
    text: 'acl internal { untrusted; };\nzone "a" { type primary; file "a"; allow-query { internal; }; };\n',
    checkconf: 'pass',
    ours: ['1:16 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'acl internal { 192.0.2.0/24; };\noptions { allow-query { INTERNAL; }; };\n',
    checkconf: 'pass',
    ours: [],
  },
  {
    text: 'acl internal { 192.0.2.0/24; };\nacl INTERNAL { 198.51.100.0/24; };\n',
    checkconf: "2: attempt to redefine acl 'INTERNAL' previous definition: named.conf:1",
    ours: ['2:5 error named-duplicate-definition'],
  },
  {
    text: 'options { dnssec-policy strict; };\n',
    checkconf: 'pass',
    ours: ['1:25 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { dnssec-policy strict; };\nzone "a" { type primary; file "a"; inline-signing yes; };\n',
    checkconf: "2: zone 'a': option 'dnssec-policy strict' has no matching dnssec-policy config",
    ours: ['1:25 error named-undefined-reference', '2:6 error named-undefined-reference'],
  },
  {
    text: 'options { dnssec-policy strict; };\nzone "a" { type primary; file "a"; dnssec-policy none; };\n',
    checkconf: 'pass',
    ours: ['1:25 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'options { also-notify { upstream; }; };\nview v { zone "a" { type primary; file "a"; }; };\n',
    checkconf: "1: unable to find primaries list 'upstream'",
    ours: ['1:25 error named-undefined-reference'],
  },
  {
    text: 'options { also-notify { upstream; }; notify no; };\nzone "a" { type primary; file "a"; };\n',
    checkconf: 'pass',
    ours: [],
  },
  {
    text: 'zone "a" { type primary; file "a"; notify no; also-notify { upstream; }; };\n',
    checkconf: 'pass',
    ours: [],
  },
  {
    text: 'parental-agents parents { 10.300.1.1; };\n',
    checkconf: 'pass',
    ours: ['1:27 warning named-undefined-reference-unchecked'],
  },
  {
    text: 'parental-agents parents { 10.300.1.1; };\nzone "example.com" { type primary; file "a"; parental-agents { parents; }; };\n',
    checkconf: "1: unable to find parental-agents list '10.300.1.1'",
    ours: ['1:27 error named-undefined-reference'],
  },
  {
    text: 'primaries upstream { 2001:db8::zz; };\nzone "example.com" { type secondary; primaries { upstream; }; };\n',
    checkconf: "1: unable to find primaries list '2001:db8::zz'",
    ours: ['1:22 error named-undefined-reference'],
  },
  {
    text: 'primaries upstream { "192.0.2.1"; };\nzone "example.com" { type secondary; primaries { upstream; }; };\n',
    checkconf: "1: unable to find primaries list '192.0.2.1'",
    ours: ['1:22 error named-undefined-reference'],
  },
  {
    text: 'primaries upstream { 192.0.2.1; };\nprimaries all { upstreem; };\nzone "example.com" { type secondary; primaries { all; }; };\n',
    checkconf: "2: unable to find primaries list 'upstreem'",
    ours: ['2:17 error named-undefined-reference'],
  },
  {
    text: 'primaries upstream { 192.0.2.1; };\nparental-agents parents { upstream; };\nzone "example.com" { type primary; file "a"; parental-agents { parents; }; };\n',
    checkconf: "2: unable to find parental-agents list 'upstream'",
    ours: ['2:27 error named-undefined-reference'],
  },
  {
    text: 'primaries upstream { 192.0.2.1; };\nzone "example.com" { type primary; file "a"; parental-agents { upstream; }; };\n',
    checkconf: "2: unable to find parental-agents list 'upstream'",
    ours: ['2:64 error named-undefined-reference'],
  },
  {
    text: 'masters upstream { 192.0.2.1; };\nprimaries all { UPSTREAM; };\nzone "example.com" { type secondary; primaries { all; }; };\n',
    checkconf: 'pass',
    ours: [],
  },
  {
    text: 'primaries upstream { 192.0.2.1; };\nprimaries all { upstream.; };\nzone "example.com" { type secondary; primaries { all; }; };\n',
    checkconf: "2: unable to find primaries list 'upstream.'",
    ours: ['2:17 error named-undefined-reference'],
  },
  {
    text: 'primaries upstream { 192.0.2.1; };\nprimaries all { upstream; };\nprimaries extra { nowhere; };\noptions { also-notify { extra; }; };\nzone "example.com" { type primary; file "a"; };\n',
    checkconf: "3: unable to find primaries list 'nowhere'",
    ours: ['3:19 error named-undefined-reference'],
  },
];
/**
 * Curly quotes, by place: named-checkconf fails where a quoted string, a keyword, a number or an
 * address is needed, and where BIND cuts the word (a space, { } ; / ! # or a straight quote in it);
 * elsewhere the quote characters are part of a name. A curly quote not closed on its line starts
 * a word like any other character, and the word ends where BIND ends words.
 */
export const CURLY_CASES: readonly CheckconfCase[] = [
  {
    text: 'zone “example.com {\n  type primary;\n  file "db";\n};\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “internal {\n};\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'acl “lan { 10.0.0.0/8; };\noptions { allow-query { “lan; }; };\n',
    checkconf: 'pass',
    ours: ['1:5 warning named-curly-quotes-in-name', '2:25 warning named-curly-quotes-in-name'],
  },
  {
    text: 'key “k1 { algorithm hmac-sha256; secret "aGVsbG8="; };\n',
    checkconf: 'pass',
    ours: ['1:5 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { version “none; };\n',
    checkconf: "1: expected quoted string near '“none'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'include “foo.conf;\n',
    checkconf: "1: expected quoted string near '“foo.conf'",
    ours: ['1:9 error named-curly-quotes', '1:9 error named-include-missing'],
  },
  {
    text: 'options { directory “/tmp; };\n',
    checkconf: "1: expected quoted string near '“'",
    ours: ['1:21 error named-curly-quotes'],
  },
  {
    text: 'options { version “none”; };\n',
    checkconf: "1: expected quoted string near '“none”'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { directory “/tmp”; };\n',
    checkconf: "1: expected quoted string near '“'",
    ours: ['1:21 error named-curly-quotes'],
  },
  {
    text: 'options { directory “tmp”; };\n',
    checkconf: "1: expected quoted string near '“tmp”'",
    ours: ['1:21 error named-curly-quotes'],
  },
  {
    text: 'view “example” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'zone “example.com” { type primary; file “db”; };\n',
    checkconf: "1: expected quoted string near '“db”'",
    ours: ['1:41 error named-curly-quotes', '1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'zone "example.com" { type primary; file “db.example.com”; };\n',
    checkconf: "1: expected quoted string near '“db.example.com”'",
    ours: ['1:41 error named-curly-quotes'],
  },
  {
    text: 'zone "example.com" { type primary; file “/etc/bind/db.example.com”; };\n',
    checkconf: "1: expected quoted string near '“'",
    ours: ['1:41 error named-curly-quotes'],
  },
  {
    text: 'include “foo.conf”;\n',
    checkconf: "1: expected quoted string near '“foo.conf”'",
    ours: ['1:9 error named-curly-quotes', '1:9 error named-include-missing'],
  },
  {
    text: 'include “/etc/bind/named.conf.local”;\n',
    checkconf: "1: expected quoted string near '“'",
    ours: ['1:9 error named-curly-quotes', '1:9 error named-include-missing'],
  },
  {
    text: 'key “k” { algorithm hmac-sha256; secret "c2VjcmV0"; };\n',
    checkconf: 'pass',
    ours: ['1:5 warning named-curly-quotes-in-name'],
  },
  {
    text: 'key "k" { algorithm hmac-sha256; secret “c2VjcmV0”; };\n',
    checkconf: "1: bad secret 'bad base64 encoding'",
    ours: ['1:41 error named-curly-quotes'],
  },
  {
    text: 'key "k" { algorithm “hmac-sha256”; secret "c2VjcmV0"; };\n',
    checkconf: "1: unknown algorithm '“hmac-sha256”'",
    ours: ['1:21 error named-curly-quotes'],
  },
  {
    text: 'acl “a” { any; }; options { allow-query { “a”; }; };\n',
    checkconf: 'pass',
    ours: ['1:5 warning named-curly-quotes-in-name', '1:43 warning named-curly-quotes-in-name'],
  },
  {
    text: 'acl “a” { any; }; options { allow-query { "a"; }; };\n',
    checkconf: "1: undefined ACL 'a'",
    ours: ['1:43 error named-undefined-reference', '1:5 warning named-curly-quotes-in-name'],
  },
  {
    text: 'acl "a" { any; }; options { allow-query { “a”; }; };\n',
    checkconf: "1: undefined ACL '“a”'",
    ours: ['1:43 error named-undefined-reference', '1:43 warning named-curly-quotes-in-name'],
  },
  {
    text: 'logging { channel “c” { file "x.log"; }; category default { “c”; }; };\n',
    checkconf: 'pass',
    ours: ['1:19 warning named-curly-quotes-in-name', '1:61 warning named-curly-quotes-in-name'],
  },
  {
    text: 'logging { channel c { file “x.log”; }; category default { c; }; };\n',
    checkconf: "1: expected quoted string near '“x.log”'",
    ours: ['1:28 error named-curly-quotes'],
  },
  {
    text: 'options { pid-file “named.pid”; };\n',
    checkconf: "1: expected quoted string near '“named.pid”'",
    ours: ['1:20 error named-curly-quotes'],
  },
  {
    text: 'options { forwarders { “1.2.3.4”; }; };\n',
    checkconf: "1: expected IP address near '“1.2.3.4”'",
    ours: ['1:24 error named-curly-quotes'],
  },
  {
    text: 'options { recursion “yes”; };\n',
    checkconf: "1: boolean expected near '“yes”'",
    ours: ['1:21 error named-curly-quotes'],
  },
  {
    text: 'options { version “two words”; };\n',
    checkconf: "1: expected quoted string near '“two'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { empty-server “a.example”; };\n',
    checkconf: 'pass',
    ours: ['1:24 warning named-curly-quotes-in-name'],
  },
  {
    text: 'tls “t” { cert-file "a"; key-file "b"; };\n',
    checkconf: 'pass',
    ours: ['1:5 warning named-curly-quotes-in-name'],
  },
  {
    text: 'zone “example.com” IN { type primary; file "a"; };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { allow-query { “any”; }; };\n',
    checkconf: "1: undefined ACL '“any”'",
    ours: ['1:25 error named-undefined-reference', '1:25 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { check-names primary “warn”; };\n',
    checkconf: "1: '“warn”' unexpected",
    ours: ['1:31 error named-curly-quotes'],
  },
  {
    text: 'zone “.” { type hint; file "x"; };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { key-directory “keys”; };\n',
    checkconf: "1: expected quoted string near '“keys”'",
    ours: ['1:25 error named-curly-quotes'],
  },
  {
    text: 'options { managed-keys-directory “mkeys”; };\n',
    checkconf: "1: expected quoted string near '“mkeys”'",
    ours: ['1:34 error named-curly-quotes'],
  },
  {
    text: 'primaries “m” { 1.2.3.4; };\n',
    checkconf: 'pass',
    ours: ['1:11 warning named-curly-quotes-in-name'],
  },
  {
    text: 'primaries “m” { 1.2.3.4; };\nzone "a" { type secondary; primaries { “m”; }; };\n',
    checkconf: 'pass',
    ours: ['1:11 warning named-curly-quotes-in-name', '2:40 warning named-curly-quotes-in-name'],
  },
  {
    text: 'dnssec-policy “p” { };\nzone "a" { type primary; file "a"; dnssec-policy “p”; inline-signing yes; };\n',
    checkconf: 'pass',
    ours: ['1:15 warning named-curly-quotes-in-name', '2:50 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { dnssec-policy “default”; };\n',
    checkconf: 'pass',
    ours: ['1:25 warning named-undefined-reference-unchecked', '1:25 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { notify “explicit”; };\n',
    checkconf: "1: boolean expected near '“explicit”'",
    ours: ['1:18 error named-curly-quotes'],
  },
  {
    text: 'zone "a" { type “primary”; file "a"; };\n',
    checkconf: "1: '“primary”' unexpected",
    ours: ['1:17 error named-curly-quotes'],
  },
  {
    text: 'options { session-keyfile “skey”; };\n',
    checkconf: "1: expected quoted string near '“skey”'",
    ours: ['1:27 error named-curly-quotes'],
  },
  {
    text: 'view “a” { };\nview "a" { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'zone "a" { type primary; file “a”; };\nzone "b" { type primary; file “a”; };\n',
    checkconf: "1: expected quoted string near '“a”'",
    ours: ['1:31 error named-curly-quotes', '2:31 error named-curly-quotes'],
  },
  {
    text: 'options { directory “.”; };\n',
    checkconf: "1: expected quoted string near '“.”'",
    ours: ['1:21 error named-curly-quotes'],
  },
  {
    text: 'options { version “a"; };\n',
    checkconf: "1: expected quoted string near '“a'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { version “none”\n; };\n',
    checkconf: "1: expected quoted string near '“none”'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { version “none“; };\n',
    checkconf: "1: expected quoted string near '“none“'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { version „none“; };\n',
    checkconf: "1: expected quoted string near '„none“'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { version ″none″; };\n',
    checkconf: "1: expected quoted string near '″none″'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'controls { inet 127.0.0.1 allow { localhost; } keys { “rndc-key”; }; };\nkey “rndc-key” { algorithm hmac-sha256; secret "c2VjcmV0"; };\n',
    checkconf: 'pass',
    ours: ['1:55 warning named-curly-quotes-in-name', '2:5 warning named-curly-quotes-in-name'],
  },
  {
    text: 'options { version “”; };\n',
    checkconf: "1: expected quoted string near '“”'",
    ours: ['1:19 error named-curly-quotes'],
  },
  {
    text: 'options { hostname “ns1”; server-id “ns1”; };\n',
    checkconf: "1: expected quoted string near '“ns1”'",
    ours: ['1:20 error named-curly-quotes', '1:37 error named-curly-quotes'],
  },
  {
    text: 'options { bindkeys-file “bk”; };\n',
    checkconf: "1: expected quoted string near '“bk”'",
    ours: ['1:25 error named-curly-quotes'],
  },
  {
    text: 'options { dump-file “d”; statistics-file “s”; memstatistics-file “m”; };\n',
    checkconf: "1: expected quoted string near '“d”'",
    ours: ['1:21 error named-curly-quotes', '1:42 error named-curly-quotes', '1:66 error named-curly-quotes'],
  },
  {
    text: 'options { dnssec-policy “insecure”; };\n',
    checkconf: 'pass',
    ours: ['1:25 warning named-undefined-reference-unchecked', '1:25 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a!b” { };\n',
    checkconf: "1: '{' expected near '!'",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “a/b” { };\n',
    checkconf: "1: '{' expected near '/'",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “a b” { };\n',
    checkconf: "1: view '“a': invalid class b”",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “a#b” { };\n',
    checkconf: "2: '{' expected near end of file",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “a;b” { };\n',
    checkconf: "1: '{' expected near ';'",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “a{b” { };\n',
    checkconf: "1: unknown option 'b”'",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “a.b-c_d*e@f” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a\\b” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “ab“ { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “ab" { };\n',
    checkconf: "1: '{' expected near '\"'",
    ours: ['1:6 error named-curly-quotes'],
  },
  {
    text: 'view “” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: "view “a'b” { };\n",
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a(b” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a%b” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a,b” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a=b” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
  {
    text: 'view “a:b” { };\n',
    checkconf: 'pass',
    ours: ['1:6 warning named-curly-quotes-in-name'],
  },
];
