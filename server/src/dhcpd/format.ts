/**
 * dhcpd.conf formatting: the shared brace formatter (common/format/braces.ts, where the style is
 * written down) with dhcpd's tokens (`#` comments; `,`, `(`, `)`, `=` are tokens of their own)
 * and its blocks, which end their statement unless `else` or `elsif` follows (no `};` needed).
 * Lines of a statement the parser found a syntax error in are kept as they are.
 */
import { braceFormatting, BRACE_ON_TYPE_TRIGGERS } from '../common/format/lsp';
import type { BraceSyntax } from '../common/format/braces';
import type { DhcpdTree } from './tree';
import { DHCPD_TOKEN_OPTIONS } from './parser';

export const DHCPD_FORMAT_SYNTAX: BraceSyntax = {
  tokens: DHCPD_TOKEN_OPTIONS,
  blockEndsStatement: (next) => {
    const w = next.toLowerCase();
    return w !== 'else' && w !== 'elsif';
  },
};

export const { format, formatOnType } = braceFormatting<DhcpdTree>(DHCPD_FORMAT_SYNTAX, (tree) => ({
  text: tree.text,
  errors: tree.blocks.errors,
}));

export const onTypeTriggers = BRACE_ON_TYPE_TRIGGERS;
