/** Every dhcpd.conf rule (ISC DHCP 4.4), keyed by id. Errors are what `dhcpd -t` rejects. */
import { defineRules, type RuleIdOf } from '../service/rules';

export const RULES = defineRules({
  'dhcpd-missing-semicolon': {
    defaultSeverity: 'error',
    description: 'A statement is not ended by `;`.',
    scope: 'statement',
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
  },
  'dhcpd-unterminated-string': {
    defaultSeverity: 'error',
    description: 'A double-quoted string has no closing quote.',
    scope: 'statement',
  },
  'dhcpd-curly-quotes': {
    defaultSeverity: 'error',
    description: 'Typographic quotes (“ ”) pasted where straight double quotes are needed.',
    scope: 'statement',
  },
  'dhcpd-syntax': {
    defaultSeverity: 'error',
    description: 'A statement or declaration is malformed.',
    scope: 'statement',
  },
  'dhcpd-unknown-statement': {
    defaultSeverity: 'error',
    description: 'A statement dhcpd does not know.',
    scope: 'statement',
  },
  'dhcpd-unknown-identifier': {
    defaultSeverity: 'warning',
    description:
      'A lone unknown word that dhcpd evaluates as a variable or function call, most likely a misspelt statement.',
    scope: 'statement',
  },
  'dhcpd-unknown-option': {
    defaultSeverity: 'error',
    description: 'An option or option space that is neither built in nor defined earlier in the file.',
    scope: 'file',
  },
  'dhcpd-invalid-value': {
    defaultSeverity: 'error',
    description: 'A value of the wrong type or out of range (address, integer, boolean, text, enum).',
    scope: 'statement',
  },
  'dhcpd-mac-length': {
    defaultSeverity: 'warning',
    description: 'An Ethernet hardware address that does not have 6 octets.',
    scope: 'statement',
  },
  'dhcpd-not-allowed-here': {
    defaultSeverity: 'error',
    description: 'A declaration or statement in a block where dhcpd does not accept it.',
    scope: 'statement',
  },
  'dhcpd-undefined-class': {
    defaultSeverity: 'error',
    description: 'A class referenced before any declaration of it.',
    scope: 'file',
  },
  'dhcpd-undefined-failover-peer': {
    defaultSeverity: 'error',
    description: 'A pool names a failover peer that is not declared before it.',
    scope: 'file',
  },
  'dhcpd-unused-failover-peer': {
    defaultSeverity: 'error',
    description: 'A failover peer that no pool uses (dhcpd refuses to start).',
    scope: 'file',
  },
  'dhcpd-undefined-key': {
    defaultSeverity: 'error',
    description: 'A zone names a key that no earlier `key` statement defines.',
    scope: 'file',
  },
  'dhcpd-zone-statement': {
    defaultSeverity: 'error',
    description: 'A statement inside a zone block other than primary, secondary, primary6, secondary6 or key.',
    scope: 'statement',
  },
  'dhcpd-zone-duplicate': {
    defaultSeverity: 'error',
    description: 'A zone sub-statement given more than once.',
    scope: 'block',
  },
  'dhcpd-key-incomplete': {
    defaultSeverity: 'warning',
    description: 'A key block without an algorithm or without a secret.',
    scope: 'statement',
  },
  'dhcpd-subnet-mask-mismatch': {
    defaultSeverity: 'error',
    description: 'A subnet number with host bits set for its netmask.',
    scope: 'statement',
  },
  'dhcpd-invalid-netmask': {
    defaultSeverity: 'warning',
    description: 'A netmask whose one bits are not contiguous.',
    scope: 'statement',
  },
  'dhcpd-range-outside-subnet': {
    defaultSeverity: 'warning',
    description: 'A range with addresses outside the subnet it is declared in.',
    scope: 'statement',
  },
  'dhcpd-range-outside-subnet-error': {
    defaultSeverity: 'error',
    description:
      "A range6 outside its subnet6, or a pool range in none of its shared-network's subnets (dhcpd rejects both).",
    scope: 'file',
  },
  'dhcpd-range-reversed': {
    defaultSeverity: 'warning',
    description: 'A range whose first address is higher than its last.',
    scope: 'statement',
  },
  'dhcpd-range-overlap': {
    defaultSeverity: 'error',
    description: 'Two ranges that share addresses (dhcpd refuses leases declared twice).',
    scope: 'file',
  },
  'dhcpd-subnet-overlap': {
    defaultSeverity: 'warning',
    description: 'Two subnet declarations that overlap.',
    scope: 'file',
  },
  'dhcpd-address-outside-subnet': {
    defaultSeverity: 'warning',
    description: 'A router or broadcast address outside the subnet it is given for.',
    scope: 'statement',
  },
  'dhcpd-fixed-address-outside': {
    defaultSeverity: 'warning',
    description: "A host's fixed address outside every declared subnet.",
    scope: 'file',
  },
  'dhcpd-duplicate-hardware': {
    defaultSeverity: 'warning',
    description: 'Two hosts with the same hardware ethernet address.',
    scope: 'file',
  },
  'dhcpd-duplicate-fixed-address': {
    defaultSeverity: 'warning',
    description: 'Two hosts with the same fixed address.',
    scope: 'file',
  },
  'dhcpd-lease-time-order': {
    defaultSeverity: 'warning',
    description: 'default-lease-time is greater than max-lease-time in the same scope.',
    scope: 'file',
  },
  'dhcpd-duplicate-parameter': {
    defaultSeverity: 'warning',
    description: 'A parameter set twice in one scope (the later value wins).',
    scope: 'file',
  },
  'dhcpd-global-only': {
    defaultSeverity: 'info',
    description: 'A parameter that only has an effect at the top level of the file.',
    scope: 'statement',
  },
});

export type DhcpdRuleId = RuleIdOf<typeof RULES>;
