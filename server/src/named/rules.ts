/** Every named.conf rule: id (also the setting name), default severity, one-sentence description. */
import type { RuleDef } from '../service/types';

const r = (id: string, defaultSeverity: RuleDef['defaultSeverity'], description: string): RuleDef => ({
  id,
  defaultSeverity,
  description,
});

export const RULES = {
  missingSemicolon: r('named-missing-semicolon', 'error', 'A statement or block is not ended with `;`.'),
  braces: r('named-unbalanced-braces', 'error', 'A `{` is never closed, or a `}` closes nothing.'),
  unterminatedString: r('named-unterminated-string', 'error', 'A quoted string has no closing quote.'),
  unterminatedComment: r('named-unterminated-comment', 'error', 'A `/*` comment has no closing `*/`.'),
  curlyQuotes: r('named-curly-quotes', 'error', 'Typographic quotes (“ ”) where BIND needs straight double quotes.'),
  tooDeep: r('named-too-deep', 'warning', 'Blocks nested so deep that their content was not checked.'),
  unknownStatement: r('named-unknown-statement', 'error', 'A statement BIND does not know in this block.'),
  wrongContext: r('named-wrong-context', 'error', 'A statement BIND knows, placed in a block where it is not allowed.'),
  removed: r('named-removed-statement', 'error', 'A statement BIND 9.18 no longer accepts.'),
  deprecated: r('named-deprecated-statement', 'warning', 'A statement BIND 9.18 still accepts but has deprecated.'),
  obsolete: r('named-obsolete-statement', 'warning', 'A statement BIND 9.18 accepts and ignores.'),
  syntax: r(
    'named-invalid-value',
    'error',
    'A statement whose values do not fit its grammar (wrong type, missing or extra value).',
  ),
  zoneType: r('named-zone-option-not-allowed', 'error', 'A zone statement that its zone type does not accept.'),
  duplicate: r('named-duplicate-statement', 'error', 'A statement that may occur once per block is repeated.'),
  zoneMissingType: r('named-zone-missing-type', 'error', 'A zone has no `type`.'),
  zoneMissingFile: r('named-zone-missing-file', 'error', 'A primary, hint or redirect zone has no `file`.'),
  zoneMissingPrimaries: r(
    'named-zone-missing-primaries',
    'error',
    'A secondary, stub or (non-root) mirror zone has no `primaries`.',
  ),
  duplicateZone: r('named-duplicate-zone', 'error', 'Two zones with the same name and class in the same view.'),
  duplicateDefinition: r(
    'named-duplicate-definition',
    'error',
    'Two acl, key, tls, http, primaries or dnssec-policy definitions share a name.',
  ),
  undefinedReference: r(
    'named-undefined-reference',
    'error',
    'A reference to an acl, key, tls, http, primaries list, dnssec-policy or channel that is not defined.',
  ),
  undefinedSoft: r(
    'named-undefined-reference-unchecked',
    'warning',
    'A key in an address list or primaries entry, or an acl inside a zone, that is not defined here (BIND checks these only when it loads zones).',
  ),
  reservedName: r('named-reserved-name', 'error', 'A definition uses a name BIND reserves for a built-in.'),
  channelDestination: r(
    'named-channel-destination',
    'error',
    'A logging channel without exactly one destination (file, syslog, stderr or null).',
  ),
  outOfRange: r('named-value-out-of-range', 'error', 'A value outside the range BIND accepts for it.'),
  conflict: r('named-conflicting-options', 'error', 'Options that BIND refuses to see together.'),
  inlineSigning: r(
    'named-dnssec-policy-needs-signing',
    'error',
    'A zone with dnssec-policy but neither inline-signing nor dynamic updates.',
  ),
  updatePolicy: r('named-update-policy', 'error', 'An update-policy rule whose name field does not fit its rule type.'),
  trustAnchor: r(
    'named-trust-anchor',
    'error',
    'Trust anchors that BIND refuses (static and initializing keys mixed, static root keys).',
  ),
  emptyListReference: r(
    'named-empty-list-reference',
    'error',
    'A zone names a primaries or parental-agents list that holds no server.',
  ),
  includeUnread: r(
    'named-include-unread',
    'info',
    'An included file that could not be read (outside the workspace or missing), so its definitions are not known.',
  ),
} as const;

export const RULE_LIST: RuleDef[] = Object.values(RULES);
