/** Every named.conf rule (BIND 9.18), keyed by id: severity, description, quick-check scope. */
import { defineRules, includeRules, type RuleIdOf } from '../service/rules';

const INCLUDES = includeRules('named-checkconf', {
  missing: {
    bad: 'include "named.conf.missing";\noptions {\n\trecursion no;\n};\n',
    good: 'options {\n\trecursion no;\n};\n',
  },
  summary: {
    bad: 'include "broken.conf";\n',
    good: 'include "fine.conf";\n',
    files: { 'broken.conf': 'options {\n\trecursion no\n};\n', 'fine.conf': 'options {\n\trecursion no;\n};\n' },
  },
});

export const RULES = defineRules({
  'named-missing-semicolon': {
    defaultSeverity: 'error',
    description: 'A statement or block is not ended with `;`.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\tversion "none"\n};\n',
      good: 'options {\n\tversion "none";\n};\n',
    },
  },
  'named-unbalanced-braces': {
    defaultSeverity: 'error',
    description: 'A `{` is never closed, or a `}` closes nothing.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\trecursion no;\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-unterminated-string': {
    defaultSeverity: 'error',
    description: 'A quoted string has no closing quote.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\tversion "none;\n};\n',
      good: 'options {\n\tversion "none";\n};\n',
    },
  },
  'named-unterminated-comment': {
    defaultSeverity: 'error',
    description: 'A `/*` comment has no closing `*/`.',
    scope: 'statement',
    examples: {
      bad: '/* local settings\noptions {\n\trecursion no;\n};\n',
      good: '/* local settings */\noptions {\n\trecursion no;\n};\n',
    },
  },
  'named-curly-quotes': {
    defaultSeverity: 'error',
    description:
      'Typographic quotes (“ ”) where named-checkconf fails on them: BIND reads them as characters of a word, so a quoted string, a keyword or a value with spaces in them is wrong.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\tversion “none”;\n};\n',
      good: 'options {\n\tversion "none";\n};\n',
    },
  },
  'named-curly-quotes-in-name': {
    defaultSeverity: 'warning',
    description:
      'Typographic quotes (“ ”) around a name: named accepts them, and the quote characters become part of the name.',
    scope: 'statement',
    examples: {
      bad: 'view “internal” {\n\tmatch-clients { localhost; };\n};\n',
      good: 'view "internal" {\n\tmatch-clients { localhost; };\n};\n',
    },
  },
  'named-too-deep': {
    defaultSeverity: 'warning',
    description: 'Blocks nested so deep that their content was not checked.',
    scope: 'statement',
    examples: {
      bad: 'acl deep { ' + '{ '.repeat(64) + '10.0.0.1; ' + '}; '.repeat(64) + '};\n',
      good: 'acl deep { ' + '{ '.repeat(8) + '10.0.0.1; ' + '}; '.repeat(8) + '};\n',
    },
  },
  'named-unknown-statement': {
    defaultSeverity: 'error',
    description: 'A statement BIND does not know in this block.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\trecursoin no;\n};\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-wrong-context': {
    defaultSeverity: 'error',
    description: 'A statement BIND knows, placed in a block where it is not allowed.',
    scope: 'statement',
    examples: {
      bad: 'recursion no;\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-version-directive': {
    defaultSeverity: 'warning',
    description:
      'A first-line `infra-lsp: bind X` comment that names no BIND version we check as (9.16, 9.18 or 9.20): the setting applies instead.',
    scope: 'file',
    examples: {
      bad: '// infra-lsp: bind 9.14\noptions {\n\trecursion no;\n};\n',
      good: '// infra-lsp: bind 9.18\noptions {\n\trecursion no;\n};\n',
    },
  },
  'named-experimental-statement': {
    defaultSeverity: 'warning',
    description:
      'A statement the BIND version the file is checked as calls experimental: named-checkconf warns that it may change in a later release.',
    scope: 'file',
    examples: {
      bad: 'options {\n\tallow-proxy { 192.0.2.0/24; };\n};\n',
      good: 'options {\n\tallow-query { 192.0.2.0/24; };\n};\n',
    },
  },
  'named-ignored-value': {
    defaultSeverity: 'warning',
    description:
      'A part of a value that named accepts but ignores, such as a name OpenSSL does not know in `cipher-suites`.',
    scope: 'file',
    examples: {
      bad: 'tls local {\n\tcipher-suites "TLS_AES_256_GCM_SHA384:HIGH";\n};\n',
      good: 'tls local {\n\tcipher-suites "TLS_AES_256_GCM_SHA384";\n};\n',
    },
  },
  'named-removed-statement': {
    defaultSeverity: 'error',
    description: 'A statement the BIND version the file is checked as no longer accepts (named refuses to start).',
    scope: 'statement',
    examples: {
      bad: 'options {\n\tdnssec-enable yes;\n\trecursion no;\n};\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-deprecated-statement': {
    defaultSeverity: 'warning',
    description: 'A statement the BIND version the file is checked as still accepts but has deprecated.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\tdialup yes;\n\trecursion no;\n};\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-obsolete-statement': {
    defaultSeverity: 'warning',
    description: 'A statement the BIND version the file is checked as accepts and ignores.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\tkeep-response-order { any; };\n\trecursion no;\n};\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-invalid-value': {
    defaultSeverity: 'error',
    description: 'A statement whose values do not fit its grammar (wrong type, missing or extra value).',
    scope: 'statement',
    examples: {
      bad: 'options {\n\trecursion maybe;\n};\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-zone-option-not-allowed': {
    defaultSeverity: 'error',
    description: 'A zone statement that its zone type does not accept.',
    scope: 'block',
    examples: {
      bad: 'zone "example.com" {\n\ttype secondary;\n\tprimaries { 192.0.2.1; };\n\tallow-update { none; };\n};\n',
      good: 'zone "example.com" {\n\ttype secondary;\n\tprimaries { 192.0.2.1; };\n\tallow-update-forwarding { none; };\n};\n',
    },
  },
  'named-duplicate-statement': {
    defaultSeverity: 'error',
    description: 'A statement that may occur once per block is repeated.',
    scope: 'block',
    examples: {
      bad: 'options {\n\trecursion no;\n\trecursion yes;\n};\n',
      good: 'options {\n\trecursion no;\n};\n',
    },
  },
  'named-zone-missing-type': {
    defaultSeverity: 'error',
    description: 'A zone has no `type`.',
    scope: 'statement',
    examples: {
      bad: 'zone "example.com" {\n\tfile "example.com.db";\n};\n',
      good: 'zone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n};\n',
    },
  },
  'named-zone-missing-file': {
    defaultSeverity: 'error',
    description: 'A primary, hint or redirect zone has no `file`.',
    scope: 'statement',
    examples: {
      bad: 'zone "example.com" {\n\ttype primary;\n};\n',
      good: 'zone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n};\n',
    },
  },
  'named-zone-missing-primaries': {
    defaultSeverity: 'error',
    description: 'A secondary, stub or (non-root) mirror zone has no `primaries`.',
    scope: 'statement',
    examples: {
      bad: 'zone "example.com" {\n\ttype secondary;\n};\n',
      good: 'zone "example.com" {\n\ttype secondary;\n\tprimaries { 192.0.2.1; };\n};\n',
    },
  },
  'named-duplicate-zone': {
    defaultSeverity: 'error',
    description: 'Two zones with the same name and class in the same view.',
    scope: 'file',
    examples: {
      bad: 'zone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n};\nzone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n};\n',
      good: 'zone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n};\nzone "example.net" {\n\ttype primary;\n\tfile "example.net.db";\n};\n',
    },
  },
  'named-duplicate-definition': {
    defaultSeverity: 'error',
    description: 'Two acl, key, tls, http, primaries or dnssec-policy definitions share a name.',
    scope: 'file',
    examples: {
      bad: 'acl internal { 10.0.0.0/8; };\nacl internal { 192.168.0.0/16; };\n',
      good: 'acl internal { 10.0.0.0/8; };\nacl office { 192.168.0.0/16; };\n',
    },
  },
  'named-undefined-reference': {
    defaultSeverity: 'error',
    description:
      'A reference to an acl, key, tls, http, primaries or parental-agents list, dnssec-policy or channel that is not defined, where named-checkconf checks it.',
    scope: 'file',
    examples: {
      bad: 'options {\n\tallow-query { internal; };\n};\n',
      good: 'acl internal { 10.0.0.0/8; };\noptions {\n\tallow-query { internal; };\n};\n',
    },
  },
  'named-acl-loop': {
    defaultSeverity: 'error',
    description:
      'An acl that a checked reference uses names, directly or through other acls, an acl that leads back to it.',
    scope: 'file',
    examples: {
      bad: 'acl lan { office; };\nacl office { lan; };\noptions {\n\tallow-query { lan; };\n};\n',
      good: 'acl lan { office; };\nacl office { 10.1.0.0/16; };\noptions {\n\tallow-query { lan; };\n};\n',
    },
  },
  'named-undefined-reference-unchecked': {
    defaultSeverity: 'warning',
    description:
      "An undefined name where named-checkconf does not look: a key in a list, an acl in a zone's allow-query, a name in an acl or server list that nothing checked uses, an option no zone or view takes.",
    scope: 'file',
    examples: {
      bad: 'options {\n\tallow-transfer { key xfer; };\n};\n',
      good: 'key xfer {\n\talgorithm hmac-sha256;\n\tsecret "c2VjcmV0LWtleS1mb3ItdHJhbnNmZXJz";\n};\noptions {\n\tallow-transfer { key xfer; };\n};\n',
    },
  },
  'named-reserved-name': {
    defaultSeverity: 'error',
    description: 'A definition uses a name BIND reserves for a built-in.',
    scope: 'statement',
    examples: {
      bad: 'acl any { 10.0.0.0/8; };\n',
      good: 'acl internal { 10.0.0.0/8; };\n',
    },
  },
  'named-channel-destination': {
    defaultSeverity: 'error',
    description: 'A logging channel without exactly one destination (file, syslog, stderr or null).',
    scope: 'statement',
    examples: {
      bad: 'logging {\n\tchannel queries {\n\t\tseverity info;\n\t};\n};\n',
      good: 'logging {\n\tchannel queries {\n\t\tsyslog;\n\t\tseverity info;\n\t};\n};\n',
    },
  },
  'named-value-out-of-range': {
    defaultSeverity: 'error',
    description: 'A value outside the range BIND accepts for it.',
    scope: 'statement',
    examples: {
      bad: 'options {\n\trate-limit {\n\t\tslip 11;\n\t};\n};\n',
      good: 'options {\n\trate-limit {\n\t\tslip 2;\n\t};\n};\n',
    },
  },
  'named-conflicting-options': {
    defaultSeverity: 'error',
    description: 'Options that BIND refuses to see together.',
    scope: 'file',
    examples: {
      bad: 'tls local {\n\tcert-file "/etc/bind/local.pem";\n};\n',
      good: 'tls local {\n\tcert-file "/etc/bind/local.pem";\n\tkey-file "/etc/bind/local.key";\n};\n',
    },
  },
  'named-dnssec-policy-needs-signing': {
    defaultSeverity: 'error',
    description:
      'A zone with dnssec-policy that is signed neither inline nor through dynamic updates (BIND 9.18: the zone must say `inline-signing yes;`; 9.20: also the policy may, and does unless it says no).',
    scope: 'file',
    examples: {
      bad: 'dnssec-policy manual {\n\tinline-signing no;\n};\nzone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n\tdnssec-policy manual;\n};\n',
      good: 'dnssec-policy manual {\n\tinline-signing no;\n};\nzone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n\tdnssec-policy manual;\n\tinline-signing yes;\n};\n',
    },
  },
  'named-update-policy': {
    defaultSeverity: 'error',
    description: 'An update-policy rule whose name field does not fit its rule type.',
    scope: 'statement',
    examples: {
      bad: 'zone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n\tupdate-policy { grant ddns-key wildcard host.example.com. A; };\n};\n',
      good: 'zone "example.com" {\n\ttype primary;\n\tfile "example.com.db";\n\tupdate-policy { grant ddns-key wildcard *.example.com. A; };\n};\n',
    },
  },
  'named-trust-anchor': {
    defaultSeverity: 'error',
    description: 'Trust anchors that BIND refuses (static and initializing keys mixed, static root keys).',
    scope: 'file',
    examples: {
      bad: 'trust-anchors {\n\t. static-key 257 3 8 "AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjF";\n};\n',
      good: 'trust-anchors {\n\t. initial-key 257 3 8 "AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjF";\n};\n',
    },
  },
  'named-empty-list-reference': {
    defaultSeverity: 'error',
    description: 'A zone names a primaries or parental-agents list that holds no server.',
    scope: 'file',
    examples: {
      bad: 'primaries upstream { };\nzone "example.com" {\n\ttype secondary;\n\tprimaries { upstream; };\n};\n',
      good: 'primaries upstream { 192.0.2.1; };\nzone "example.com" {\n\ttype secondary;\n\tprimaries { upstream; };\n};\n',
    },
  },
  'named-include-missing': {
    ...INCLUDES.missing,
    formerIds: ['named-include-unread'],
  },
  'named-include-summary': INCLUDES.summary,
  'named-ddns-mismatch': {
    defaultSeverity: 'warning',
    description:
      "A zone that a workspace dhcpd.conf updates is not a primary, does not allow dhcpd's key, or the key's algorithm or secret differ between the two files.",
    scope: 'file',
    examples: {
      bad: 'key ddns {\n\talgorithm hmac-sha256;\n\tsecret "c2VjcmV0";\n};\nzone "example.com" {\n\ttype primary;\n\tfile "db.example.com";\n\tallow-update { key other; };\n};\nkey other {\n\talgorithm hmac-sha256;\n\tsecret "b3RoZXI=";\n};\n',
      good: 'key ddns {\n\talgorithm hmac-sha256;\n\tsecret "c2VjcmV0";\n};\nzone "example.com" {\n\ttype primary;\n\tfile "db.example.com";\n\tallow-update { key ddns; };\n};\n',
      workspace: {
        'dhcpd.conf':
          'key ddns {\n  algorithm hmac-sha256;\n  secret "c2VjcmV0";\n}\nzone example.com. {\n  primary 127.0.0.1;\n  key ddns;\n}\n',
      },
    },
  },
  'named-zone-file-missing': {
    defaultSeverity: 'info',
    description:
      "A primary or hint zone's `file` does not exist where named opens it (named-checkconf does not look; named fails to load the zone).",
    scope: 'file',
    examples: {
      bad: 'zone "example.com" {\n\ttype primary;\n\tfile "db.missing";\n};\n',
      good: 'zone "example.com" {\n\ttype primary;\n\tfile "db.example.com";\n};\n',
      files: { 'db.example.com': '$TTL 1h\n@ SOA ns hostmaster 1 1h 15m 1w 1h\n@ NS ns\nns A 192.0.2.1\n' },
    },
  },
});

export type NamedRuleId = RuleIdOf<typeof RULES>;
