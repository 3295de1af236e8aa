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
export const CURLY_CASES: readonly CheckconfCase[] = [];
