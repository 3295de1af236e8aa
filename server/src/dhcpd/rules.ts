/** Every dhcpd.conf rule: id, default severity, one sentence. Errors are what dhcpd -t rejects. */
import type { RuleDef } from '../service/types';

export const RULES: readonly RuleDef[] = [
  { id: 'dhcpd-missing-semicolon', defaultSeverity: 'error', description: 'A statement is not ended by `;`.' },
  {
    id: 'dhcpd-unbalanced-brace',
    defaultSeverity: 'error',
    description: 'A `{` is never closed or a `}` has no block to close.',
  },
  {
    id: 'dhcpd-stray-semicolon',
    defaultSeverity: 'error',
    description: "A `;` after a block's `}` or an empty statement, which dhcpd rejects.",
  },
  {
    id: 'dhcpd-unterminated-string',
    defaultSeverity: 'error',
    description: 'A double-quoted string has no closing quote.',
  },
  {
    id: 'dhcpd-curly-quotes',
    defaultSeverity: 'error',
    description: 'Typographic quotes (“ ”) pasted where straight double quotes are needed.',
  },
  { id: 'dhcpd-syntax', defaultSeverity: 'error', description: 'A statement or declaration is malformed.' },
  { id: 'dhcpd-unknown-statement', defaultSeverity: 'error', description: 'A statement dhcpd does not know.' },
  {
    id: 'dhcpd-unknown-identifier',
    defaultSeverity: 'warning',
    description:
      'A lone unknown word that dhcpd evaluates as a variable or function call, most likely a misspelt statement.',
  },
  {
    id: 'dhcpd-unknown-option',
    defaultSeverity: 'error',
    description: 'An option or option space that is neither built in nor defined earlier in the file.',
  },
  {
    id: 'dhcpd-invalid-value',
    defaultSeverity: 'error',
    description: 'A value of the wrong type or out of range (address, integer, boolean, text, enum).',
  },
  {
    id: 'dhcpd-mac-length',
    defaultSeverity: 'warning',
    description: 'An Ethernet hardware address that does not have 6 octets.',
  },
  {
    id: 'dhcpd-not-allowed-here',
    defaultSeverity: 'error',
    description: 'A declaration or statement in a block where dhcpd does not accept it.',
  },
  {
    id: 'dhcpd-undefined-class',
    defaultSeverity: 'error',
    description: 'A class referenced before any declaration of it.',
  },
  {
    id: 'dhcpd-undefined-failover-peer',
    defaultSeverity: 'error',
    description: 'A pool names a failover peer that is not declared before it.',
  },
  {
    id: 'dhcpd-unused-failover-peer',
    defaultSeverity: 'error',
    description: 'A failover peer that no pool uses (dhcpd refuses to start).',
  },
  {
    id: 'dhcpd-undefined-key',
    defaultSeverity: 'error',
    description: 'A zone names a key that no earlier `key` statement defines.',
  },
  {
    id: 'dhcpd-zone-statement',
    defaultSeverity: 'error',
    description: 'A statement inside a zone block other than primary, secondary, primary6, secondary6 or key.',
  },
  { id: 'dhcpd-zone-duplicate', defaultSeverity: 'error', description: 'A zone sub-statement given more than once.' },
  {
    id: 'dhcpd-key-incomplete',
    defaultSeverity: 'warning',
    description: 'A key block without an algorithm or without a secret.',
  },
  {
    id: 'dhcpd-subnet-mask-mismatch',
    defaultSeverity: 'error',
    description: 'A subnet number with host bits set for its netmask.',
  },
  {
    id: 'dhcpd-invalid-netmask',
    defaultSeverity: 'warning',
    description: 'A netmask whose one bits are not contiguous.',
  },
  {
    id: 'dhcpd-range-outside-subnet',
    defaultSeverity: 'warning',
    description: 'A range with addresses outside the subnet it is declared in.',
  },
  {
    id: 'dhcpd-range-outside-subnet-error',
    defaultSeverity: 'error',
    description:
      "A range6 outside its subnet6, or a pool range in none of its shared-network's subnets (dhcpd rejects both).",
  },
  {
    id: 'dhcpd-range-reversed',
    defaultSeverity: 'warning',
    description: 'A range whose first address is higher than its last.',
  },
  {
    id: 'dhcpd-range-overlap',
    defaultSeverity: 'error',
    description: 'Two ranges that share addresses (dhcpd refuses leases declared twice).',
  },
  { id: 'dhcpd-subnet-overlap', defaultSeverity: 'warning', description: 'Two subnet declarations that overlap.' },
  {
    id: 'dhcpd-address-outside-subnet',
    defaultSeverity: 'warning',
    description: 'A router or broadcast address outside the subnet it is given for.',
  },
  {
    id: 'dhcpd-fixed-address-outside',
    defaultSeverity: 'warning',
    description: "A host's fixed address outside every declared subnet.",
  },
  {
    id: 'dhcpd-duplicate-hardware',
    defaultSeverity: 'warning',
    description: 'Two hosts with the same hardware ethernet address.',
  },
  {
    id: 'dhcpd-duplicate-fixed-address',
    defaultSeverity: 'warning',
    description: 'Two hosts with the same fixed address.',
  },
  {
    id: 'dhcpd-lease-time-order',
    defaultSeverity: 'warning',
    description: 'default-lease-time is greater than max-lease-time in the same scope.',
  },
  {
    id: 'dhcpd-duplicate-parameter',
    defaultSeverity: 'warning',
    description: 'A parameter set twice in one scope (the later value wins).',
  },
  {
    id: 'dhcpd-global-only',
    defaultSeverity: 'info',
    description: 'A parameter that only has an effect at the top level of the file.',
  },
];
