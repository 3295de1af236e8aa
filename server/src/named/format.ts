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
import type { BraceSource, BraceSyntax, Span } from '../common/format/braces';
import { Tk, tokenizeStore } from '../common/tokenizer';
import { TOKEN_OPTIONS } from './parser';
import type { NamedTree } from './tree';

export const NAMED_FORMAT_SYNTAX: BraceSyntax = { tokens: TOKEN_OPTIONS, blockEndsStatement: () => false };

const RAW_OWNER = /^(?:dyndb|plugin|dnsrps-options)$/i;
const MAY_HAVE_RAW = /dyndb|plugin|dnsrps-options/i;

/**
 * The raw blocks of `text`, from `{` to `}` inclusive: a `{` within the five tokens after one of
 * the owner words (before any `;`), closed by the `}` that balances it, `\` escaping one character.
 */
export function rawBlocks(text: string): Span[] {
  if (!MAY_HAVE_RAW.test(text)) return [];
  const t = tokenizeStore(text, TOKEN_OPTIONS);
  const out: Span[] = [];
  const punctAt = (k: number): string => (k < t.count && t.kinds[k] === Tk.Punct ? text.charAt(t.starts[k]!) : '');
  let resume = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.starts[i]! < resume) continue;
    if (t.kinds[i] !== Tk.Word || !RAW_OWNER.test(text.slice(t.starts[i]!, t.ends[i]!))) continue;
    let j = i + 1;
    while (j < t.count && j < i + 6 && punctAt(j) !== '{' && punctAt(j) !== ';') j++;
    if (punctAt(j) !== '{') continue;
    const open = t.starts[j]!;
    let depth = 1;
    let k = open + 1;
    for (; k < text.length && depth > 0; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k++;
      else if (c === 0x7b) depth++;
      else if (c === 0x7d) depth--;
    }
    if (depth !== 0) continue;
    out.push({ start: open, end: k });
    resume = k;
  }
  return out;
}

/** `text` with the inside of each raw block made spaces (line breaks kept: offsets and lines stay). */
function blank(text: string, raw: readonly Span[]): string {
  if (!raw.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of raw) {
    parts.push(text.slice(at, r.start + 1), text.slice(r.start + 1, r.end - 1).replace(/[^\r\n]/g, ' '));
    at = r.end - 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function source(tree: NamedTree): BraceSource {
  const raw = rawBlocks(tree.text);
  return { text: tree.text, scan: blank(tree.text, raw), errors: tree.structure, raw };
}

export const { format, formatOnType } = braceFormatting<NamedTree>(NAMED_FORMAT_SYNTAX, source);

export const onTypeTriggers = BRACE_ON_TYPE_TRIGGERS;
