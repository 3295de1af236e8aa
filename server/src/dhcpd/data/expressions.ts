/**
 * Words of dhcpd.conf expressions. Source of the facts: ISC DHCP 4.4.3 dhcp-eval(5) and
 * common/parse.c (parse_expression, parse_non_binary).
 */

/**
 * Words and punctuation after which an expression goes on (a statement keyword that follows one
 * on the next line is still part of the expression, not a new statement).
 */
export const OPERATORS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  '=',
  '!',
  '!=',
  '~=',
  '~~',
  ',',
  '(',
  '+',
  '-',
  '&',
  '|',
  '^',
  'if',
  'with',
  'of',
  '~',
]);

/** Functions that return data, not a boolean: a condition made of one of them alone is rejected. */
export const DATA_FUNCTIONS: ReadonlySet<string> = new Set([
  'substring',
  'suffix',
  'lcase',
  'ucase',
  'concat',
  'reverse',
  'binary-to-ascii',
  'encode-int',
  'extract-int',
  'pick-first-value',
  'hardware',
  'packet',
  'leased-address',
  'host-decl-name',
  'config-option',
  'gethostname',
  'client-state',
  'filename',
  'server-name',
  'null',
  'v6relay',
  'iaaddr',
]);
