/** Every named.conf rule (BIND 9.18), keyed by id: severity, description, quick-check scope. */
import { defineRules, type RuleIdOf } from '../service/rules';

export const RULES = defineRules({
  'named-missing-semicolon': {
    defaultSeverity: 'error',
    description: 'A statement or block is not ended with `;`.',
    scope: 'statement',
  },
  'named-unbalanced-braces': {
    defaultSeverity: 'error',
    description: 'A `{` is never closed, or a `}` closes nothing.',
    scope: 'statement',
  },
  'named-unterminated-string': {
    defaultSeverity: 'error',
    description: 'A quoted string has no closing quote.',
    scope: 'statement',
  },
  'named-unterminated-comment': {
    defaultSeverity: 'error',
    description: 'A `/*` comment has no closing `*/`.',
    scope: 'statement',
  },
  'named-curly-quotes': {
    defaultSeverity: 'error',
    description: 'Typographic quotes (“ ”) where BIND needs straight double quotes.',
    scope: 'statement',
  },
  'named-too-deep': {
    defaultSeverity: 'warning',
    description: 'Blocks nested so deep that their content was not checked.',
    scope: 'statement',
  },
  'named-unknown-statement': {
    defaultSeverity: 'error',
    description: 'A statement BIND does not know in this block.',
    scope: 'statement',
  },
  'named-wrong-context': {
    defaultSeverity: 'error',
    description: 'A statement BIND knows, placed in a block where it is not allowed.',
    scope: 'statement',
  },
  'named-removed-statement': {
    defaultSeverity: 'error',
    description: 'A statement BIND 9.18 no longer accepts.',
    scope: 'statement',
  },
  'named-deprecated-statement': {
    defaultSeverity: 'warning',
    description: 'A statement BIND 9.18 still accepts but has deprecated.',
    scope: 'statement',
  },
  'named-obsolete-statement': {
    defaultSeverity: 'warning',
    description: 'A statement BIND 9.18 accepts and ignores.',
    scope: 'statement',
  },
  'named-invalid-value': {
    defaultSeverity: 'error',
    description: 'A statement whose values do not fit its grammar (wrong type, missing or extra value).',
    scope: 'statement',
  },
  'named-zone-option-not-allowed': {
    defaultSeverity: 'error',
    description: 'A zone statement that its zone type does not accept.',
    scope: 'block',
  },
  'named-duplicate-statement': {
    defaultSeverity: 'error',
    description: 'A statement that may occur once per block is repeated.',
    scope: 'block',
  },
  'named-zone-missing-type': {
    defaultSeverity: 'error',
    description: 'A zone has no `type`.',
    scope: 'statement',
  },
  'named-zone-missing-file': {
    defaultSeverity: 'error',
    description: 'A primary, hint or redirect zone has no `file`.',
    scope: 'statement',
  },
  'named-zone-missing-primaries': {
    defaultSeverity: 'error',
    description: 'A secondary, stub or (non-root) mirror zone has no `primaries`.',
    scope: 'statement',
  },
  'named-duplicate-zone': {
    defaultSeverity: 'error',
    description: 'Two zones with the same name and class in the same view.',
    scope: 'file',
  },
  'named-duplicate-definition': {
    defaultSeverity: 'error',
    description: 'Two acl, key, tls, http, primaries or dnssec-policy definitions share a name.',
    scope: 'file',
  },
  'named-undefined-reference': {
    defaultSeverity: 'error',
    description: 'A reference to an acl, key, tls, http, primaries list, dnssec-policy or channel that is not defined.',
    scope: 'file',
  },
  'named-undefined-reference-unchecked': {
    defaultSeverity: 'warning',
    description:
      'A key in an address list or primaries entry, or an acl inside a zone, that is not defined here (BIND checks these only when it loads zones).',
    scope: 'file',
  },
  'named-reserved-name': {
    defaultSeverity: 'error',
    description: 'A definition uses a name BIND reserves for a built-in.',
    scope: 'statement',
  },
  'named-channel-destination': {
    defaultSeverity: 'error',
    description: 'A logging channel without exactly one destination (file, syslog, stderr or null).',
    scope: 'statement',
  },
  'named-value-out-of-range': {
    defaultSeverity: 'error',
    description: 'A value outside the range BIND accepts for it.',
    scope: 'statement',
  },
  'named-conflicting-options': {
    defaultSeverity: 'error',
    description: 'Options that BIND refuses to see together.',
    scope: 'file',
  },
  'named-dnssec-policy-needs-signing': {
    defaultSeverity: 'error',
    description: 'A zone with dnssec-policy but neither inline-signing nor dynamic updates.',
    scope: 'file',
  },
  'named-update-policy': {
    defaultSeverity: 'error',
    description: 'An update-policy rule whose name field does not fit its rule type.',
    scope: 'statement',
  },
  'named-trust-anchor': {
    defaultSeverity: 'error',
    description: 'Trust anchors that BIND refuses (static and initializing keys mixed, static root keys).',
    scope: 'file',
  },
  'named-empty-list-reference': {
    defaultSeverity: 'error',
    description: 'A zone names a primaries or parental-agents list that holds no server.',
    scope: 'file',
  },
  'named-include-unread': {
    defaultSeverity: 'info',
    description:
      'An included file that could not be read (outside the workspace or missing), so its definitions are not known.',
    scope: 'file',
  },
});

export type NamedRuleId = RuleIdOf<typeof RULES>;
