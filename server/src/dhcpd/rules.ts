/** Every dhcpd.conf rule (ISC DHCP 4.4), keyed by id. Errors are what `dhcpd -t` rejects. */
import { defineRules, includeRules, type RuleIdOf } from '../service/rules';

const INCLUDES = includeRules('dhcpd -t', {
  missing: {
    bad: 'include "subnets-missing.conf";\ndefault-lease-time 600;\n',
    good: 'default-lease-time 600;\n',
  },
  summary: {
    bad: 'include "broken.conf";\n',
    good: 'include "fine.conf";\n',
    files: {
      'broken.conf': 'default-lease-time 600\nmax-lease-time 7200;\n',
      'fine.conf': 'default-lease-time 600;\n',
    },
  },
});

export const RULES = defineRules({
  'dhcpd-missing-semicolon': {
    defaultSeverity: 'error',
    description: 'A statement is not ended by `;`.',
    scope: 'statement',
    examples: {
      bad: 'default-lease-time 600\nmax-lease-time 7200;\n',
      good: 'default-lease-time 600;\nmax-lease-time 7200;\n',
    },
  },
  'dhcpd-unbalanced-braces': {
    defaultSeverity: 'error',
    description: 'A `{` is never closed or a `}` has no block to close.',
    scope: 'statement',
    formerIds: ['dhcpd-unbalanced-brace'],
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.0.0.0 {\n  option routers 10.0.0.1;\n',
      good: 'subnet 10.0.0.0 netmask 255.0.0.0 {\n  option routers 10.0.0.1;\n}\n',
    },
  },
  'dhcpd-stray-semicolon': {
    defaultSeverity: 'error',
    description: "A `;` after a block's `}` or an empty statement, which dhcpd rejects.",
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n};\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n}\n',
    },
  },
  'dhcpd-unterminated-string': {
    defaultSeverity: 'error',
    description: 'A double-quoted string has no closing quote.',
    scope: 'statement',
    examples: {
      bad: 'option domain-name "example.com;\n',
      good: 'option domain-name "example.com";\n',
    },
  },
  'dhcpd-curly-quotes': {
    defaultSeverity: 'error',
    description: 'Typographic quotes (“ ”) pasted where straight double quotes are needed.',
    scope: 'statement',
    examples: {
      bad: 'option domain-name “example.com”;\n',
      good: 'option domain-name "example.com";\n',
    },
  },
  'dhcpd-syntax': {
    defaultSeverity: 'error',
    description: 'A statement or declaration is malformed.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 {\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\n',
    },
  },
  'dhcpd-unknown-statement': {
    defaultSeverity: 'error',
    description: 'A statement dhcpd does not know.',
    scope: 'statement',
    examples: {
      bad: 'defualt-lease-time 600;\n',
      good: 'default-lease-time 600;\n',
    },
  },
  'dhcpd-unknown-identifier': {
    defaultSeverity: 'warning',
    description:
      'A lone unknown word that dhcpd evaluates as a variable or function call, most likely a misspelt statement.',
    scope: 'statement',
    examples: {
      bad: 'authoritive;\n',
      good: 'authoritative;\n',
    },
  },
  'dhcpd-unknown-option': {
    defaultSeverity: 'error',
    description: 'An option or option space that is neither built in nor defined earlier in the file.',
    scope: 'file',
    examples: {
      bad: 'option routerz 10.0.0.1;\n',
      good: 'option routers 10.0.0.1;\n',
    },
  },
  'dhcpd-invalid-value': {
    defaultSeverity: 'error',
    description: 'A value of the wrong type or out of range (address, integer, boolean, text, enum).',
    scope: 'statement',
    examples: {
      bad: 'default-lease-time ten;\n',
      good: 'default-lease-time 600;\n',
    },
  },
  'dhcpd-mac-length': {
    defaultSeverity: 'warning',
    description: 'An Ethernet hardware address that does not have 6 octets.',
    scope: 'statement',
    examples: {
      bad: 'host printer {\n  hardware ethernet 00:16:3e:12:34;\n}\n',
      good: 'host printer {\n  hardware ethernet 00:16:3e:12:34:56;\n}\n',
    },
  },
  'dhcpd-not-allowed-here': {
    defaultSeverity: 'error',
    description: 'A declaration or statement in a block where dhcpd does not accept it.',
    scope: 'statement',
    examples: {
      bad: 'range 10.0.0.10 10.0.0.20;\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n}\n',
    },
  },
  'dhcpd-undefined-class': {
    defaultSeverity: 'error',
    description: 'A class referenced before any declaration of it.',
    scope: 'file',
    examples: {
      bad: 'subclass "vendors" "MSFT";\n',
      good:
        'class "vendors" {\n  match substring(option vendor-class-identifier, 0, 4);\n}\n' +
        'subclass "vendors" "MSFT";\n',
    },
  },
  'dhcpd-undefined-failover-peer': {
    defaultSeverity: 'error',
    description: 'A pool names a failover peer that is not declared before it.',
    scope: 'file',
    examples: {
      bad:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool {\n    failover peer "dhcp-failover";\n' +
        '    range 10.0.0.10 10.0.0.20;\n  }\n}\n',
      good:
        'failover peer "dhcp-failover" {\n  primary;\n  address 10.0.0.2;\n  port 647;\n' +
        '  peer address 10.0.0.3;\n  peer port 647;\n  max-response-delay 60;\n' +
        '  max-unacked-updates 10;\n  mclt 3600;\n  split 128;\n  load balance max seconds 3;\n}\n' +
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool {\n    failover peer "dhcp-failover";\n' +
        '    range 10.0.0.10 10.0.0.20;\n  }\n}\n',
    },
  },
  'dhcpd-unused-failover-peer': {
    defaultSeverity: 'error',
    description: 'A failover peer that no pool uses (dhcpd refuses to start).',
    scope: 'file',
    examples: {
      bad:
        'failover peer "dhcp-failover" {\n  primary;\n  address 10.0.0.2;\n  port 647;\n' +
        '  peer address 10.0.0.3;\n  peer port 647;\n  max-response-delay 60;\n' +
        '  max-unacked-updates 10;\n  mclt 3600;\n  split 128;\n  load balance max seconds 3;\n}\n' +
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool {\n    range 10.0.0.10 10.0.0.20;\n  }\n}\n',
      good:
        'failover peer "dhcp-failover" {\n  primary;\n  address 10.0.0.2;\n  port 647;\n' +
        '  peer address 10.0.0.3;\n  peer port 647;\n  max-response-delay 60;\n' +
        '  max-unacked-updates 10;\n  mclt 3600;\n  split 128;\n  load balance max seconds 3;\n}\n' +
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n  pool {\n    failover peer "dhcp-failover";\n' +
        '    range 10.0.0.10 10.0.0.20;\n  }\n}\n',
    },
  },
  'dhcpd-undefined-key': {
    defaultSeverity: 'error',
    description: 'A zone names a key that no earlier `key` statement defines.',
    scope: 'file',
    examples: {
      bad: 'zone example.com. {\n  primary 127.0.0.1;\n  key rndc-key;\n}\n',
      good:
        'key rndc-key {\n  algorithm hmac-sha256;\n  secret "c2VjcmV0";\n}\nzone example.com. {\n' +
        '  primary 127.0.0.1;\n  key rndc-key;\n}\n',
    },
  },
  'dhcpd-zone-statement': {
    defaultSeverity: 'error',
    description: 'A statement inside a zone block other than primary, secondary, primary6, secondary6 or key.',
    scope: 'statement',
    examples: {
      bad: 'zone example.com. {\n  primery 127.0.0.1;\n}\n',
      good: 'zone example.com. {\n  primary 127.0.0.1;\n}\n',
    },
  },
  'dhcpd-zone-duplicate': {
    defaultSeverity: 'error',
    description: 'A zone sub-statement given more than once.',
    scope: 'block',
    examples: {
      bad: 'zone example.com. {\n  primary 127.0.0.1;\n  primary 127.0.0.2;\n}\n',
      good: 'zone example.com. {\n  primary 127.0.0.1, 127.0.0.2;\n}\n',
    },
  },
  'dhcpd-key-incomplete': {
    defaultSeverity: 'warning',
    description: 'A key block without an algorithm or without a secret.',
    scope: 'statement',
    examples: {
      bad: 'key rndc-key {\n  algorithm hmac-sha256;\n}\n',
      good: 'key rndc-key {\n  algorithm hmac-sha256;\n  secret "c2VjcmV0";\n}\n',
    },
  },
  'dhcpd-subnet-mask-mismatch': {
    defaultSeverity: 'error',
    description: 'A subnet number with host bits set for its netmask.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.1 netmask 255.255.255.0 {\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\n',
    },
  },
  'dhcpd-invalid-netmask': {
    defaultSeverity: 'warning',
    description: 'A netmask whose one bits are not contiguous.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.0.255.0 {\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\n',
    },
  },
  'dhcpd-range-outside-subnet': {
    defaultSeverity: 'warning',
    description: 'A range with addresses outside the subnet it is declared in.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.1.20;\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n}\n',
    },
  },
  'dhcpd-range-outside-subnet-error': {
    defaultSeverity: 'error',
    description:
      "A range6 outside its subnet6, or a pool range in none of its shared-network's subnets (dhcpd rejects both).",
    scope: 'file',
    examples: {
      bad:
        'shared-network office {\n  subnet 10.0.0.0 netmask 255.255.255.0 {\n  }\n  pool {\n' +
        '    range 10.0.1.10 10.0.1.20;\n  }\n}\n',
      good:
        'shared-network office {\n  subnet 10.0.0.0 netmask 255.255.255.0 {\n  }\n  pool {\n' +
        '    range 10.0.0.10 10.0.0.20;\n  }\n}\n',
    },
  },
  'dhcpd-range-reversed': {
    defaultSeverity: 'warning',
    description: 'A range whose first address is higher than its last.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.20 10.0.0.10;\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n}\n',
    },
  },
  'dhcpd-range-overlap': {
    defaultSeverity: 'error',
    description: 'Two ranges that share addresses (dhcpd refuses leases declared twice).',
    scope: 'file',
    examples: {
      bad:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n' + '  range 10.0.0.15 10.0.0.30;\n}\n',
      good:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n  range 10.0.0.10 10.0.0.20;\n' + '  range 10.0.0.21 10.0.0.30;\n}\n',
    },
  },
  'dhcpd-subnet-overlap': {
    defaultSeverity: 'warning',
    description: 'Two subnet declarations that overlap.',
    scope: 'file',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\nsubnet 10.0.0.0 netmask 255.255.0.0 {\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\nsubnet 10.1.0.0 netmask 255.255.0.0 {\n}\n',
    },
  },
  'dhcpd-address-outside-subnet': {
    defaultSeverity: 'warning',
    description: 'A router or broadcast address outside the subnet it is given for.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  option routers 10.0.1.1;\n}\n',
      good: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  option routers 10.0.0.1;\n}\n',
    },
  },
  'dhcpd-fixed-address-outside': {
    defaultSeverity: 'warning',
    description: "A host's fixed address outside every declared subnet.",
    scope: 'file',
    examples: {
      bad:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\nhost printer {\n' +
        '  hardware ethernet 00:16:3e:12:34:56;\n  fixed-address 10.0.1.5;\n}\n',
      good:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\nhost printer {\n' +
        '  hardware ethernet 00:16:3e:12:34:56;\n  fixed-address 10.0.0.5;\n}\n',
    },
  },
  'dhcpd-duplicate-hardware': {
    defaultSeverity: 'warning',
    description: 'Two hosts with the same hardware ethernet address.',
    scope: 'file',
    examples: {
      bad:
        'host a {\n  hardware ethernet 00:16:3e:12:34:56;\n}\nhost b {\n' +
        '  hardware ethernet 00:16:3e:12:34:56;\n}\n',
      good:
        'host a {\n  hardware ethernet 00:16:3e:12:34:56;\n}\nhost b {\n' +
        '  hardware ethernet 00:16:3e:12:34:57;\n}\n',
    },
  },
  'dhcpd-duplicate-fixed-address': {
    defaultSeverity: 'warning',
    description: 'Two hosts with the same fixed address.',
    scope: 'file',
    examples: {
      bad:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\nhost a {\n  fixed-address 10.0.0.5;\n}\nhost b {\n' +
        '  fixed-address 10.0.0.5;\n}\n',
      good:
        'subnet 10.0.0.0 netmask 255.255.255.0 {\n}\nhost a {\n  fixed-address 10.0.0.5;\n}\nhost b {\n' +
        '  fixed-address 10.0.0.6;\n}\n',
    },
  },
  'dhcpd-lease-time-order': {
    defaultSeverity: 'warning',
    description: 'default-lease-time is greater than max-lease-time in the same scope.',
    scope: 'file',
    examples: {
      bad: 'default-lease-time 7200;\nmax-lease-time 600;\n',
      good: 'default-lease-time 600;\nmax-lease-time 7200;\n',
    },
  },
  'dhcpd-duplicate-parameter': {
    defaultSeverity: 'warning',
    description: 'A parameter set twice in one scope (the later value wins).',
    scope: 'file',
    examples: {
      bad: 'default-lease-time 600;\ndefault-lease-time 3600;\n',
      good: 'default-lease-time 3600;\n',
    },
  },
  'dhcpd-global-only': {
    defaultSeverity: 'info',
    description: 'A parameter that only has an effect at the top level of the file.',
    scope: 'statement',
    examples: {
      bad: 'subnet 10.0.0.0 netmask 255.255.255.0 {\n  local-port 6767;\n}\n',
      good: 'local-port 6767;\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n}\n',
    },
  },
  'dhcpd-include-missing': {
    ...INCLUDES.missing,
  },
  'dhcpd-include-summary': INCLUDES.summary,
  'dhcpd-ddns-mismatch': {
    defaultSeverity: 'warning',
    description:
      "A zone block whose updates the workspace's named.conf would refuse: no such zone, not a primary, another key, or the key's algorithm or secret differ.",
    scope: 'file',
    examples: {
      bad: 'key ddns {\n  algorithm hmac-sha256;\n  secret "b3RoZXI=";\n}\nzone example.com. {\n  primary 127.0.0.1;\n  key ddns;\n}\n',
      good: 'key ddns {\n  algorithm hmac-sha256;\n  secret "c2VjcmV0";\n}\nzone example.com. {\n  primary 127.0.0.1;\n  key ddns;\n}\n',
      workspace: {
        'named.conf':
          'key ddns {\n\talgorithm hmac-sha256;\n\tsecret "c2VjcmV0";\n};\nzone "example.com" {\n\ttype primary;\n\tfile "db.example.com";\n\tallow-update { key ddns; };\n};\n',
      },
    },
  },
});

export type DhcpdRuleId = RuleIdOf<typeof RULES>;
