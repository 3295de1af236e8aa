/**
 * named.conf formatting: the shared brace formatter (common/format/braces.ts, where the style is
 * written down) with named's tokens (`#`, `//` and `/* *\/` comments) and its blocks, which never
 * end a statement by themselves (`};`, and `inet * allow { any; } keys { k; };` goes on).
 *
 * `dyndb`, `plugin` and `dnsrps-options` blocks hold text named hands to a module as it is: the
 * lines of such a statement are kept as they are, and the engine reads the file with that text
 * blanked (as the parser does), so its braces and quotes cannot mislead the layout of the rest.
 */
import { braceFormatting, BRACE_ON_TYPE_TRIGGERS } from '../common/format/lsp';
import type { BraceSource, BraceSyntax } from '../common/format/braces';
import { blankRawText, rawBlocks, TOKEN_OPTIONS } from './parser';
import type { NamedTree } from './tree';

export const NAMED_FORMAT_SYNTAX: BraceSyntax = { tokens: TOKEN_OPTIONS, blockEndsStatement: () => false };

function source(tree: NamedTree): BraceSource {
  const raw = rawBlocks(tree.text);
  return { text: tree.text, scan: blankRawText(tree.text, raw), errors: tree.structure, raw };
}

export const { format, formatOnType } = braceFormatting<NamedTree>(NAMED_FORMAT_SYNTAX, source);

export const onTypeTriggers = BRACE_ON_TYPE_TRIGGERS;
