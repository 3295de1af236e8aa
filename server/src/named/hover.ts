/** Hover: statement docs (syntax, contexts, status, zone types); on a reference, its definition. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { clauseName, type NamedTree } from './tree';
import { clauseIn, contextLabel, contextsOf } from './grammar';
import { DOCS } from './data/docs';
import { DEFAULTS } from './data/defaults';
import type { ClauseDef, ContextId } from './data/types';
import { spotAt } from './context';
import { offsetAt, positionAt, rangeOf, redactSecrets } from '../common/text';
import { findSymbolAt } from './navigation';
import { NAME_KINDS } from './data/names';

export function describeClause(def: ClauseDef, ctx: ContextId): string {
  const lines: string[] = [];
  if (def.syntax) lines.push('```named\n' + def.syntax + ';\n```');
  lines.push(
    DOCS[def.name] ??
      `The \`${def.name}\` statement${def.type ? ` (value type: ${def.type.replace(/_/g, ' ')})` : ''}.`,
  );
  const where = contextsOf(def.name).map(contextLabel);
  lines.push(`Allowed in: ${where.join(', ')}.`);
  if (ctx === 'zone' && def.zoneTypes) lines.push(`Zone types: ${def.zoneTypes.join(', ')}.`);
  const dflt = DEFAULTS[def.name];
  if (dflt !== undefined && ['options', 'view', 'zone', 'top'].includes(ctx)) lines.push(`Default: \`${dflt}\`.`);
  if (def.multi) lines.push('May appear more than once.');
  const since = def.since ? ` (since BIND ${def.since})` : '';
  if (def.status === 'removed') lines.push(`**Removed**${since}: BIND 9.18 rejects it ("no longer exists").`);
  if (def.status === 'deprecated')
    lines.push(`**Deprecated**${since}: still accepted with a warning; will be removed.`);
  if (def.status === 'obsolete') lines.push(`**Obsolete**${since}: accepted with a warning and ignored.`);
  if (def.status === 'test-only') lines.push("For BIND's own tests only.");
  return lines.join('\n\n');
}

export function doHover(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): Hover | null {
  const offset = offsetAt(doc, pos);
  const spot = spotAt(tree, offset);
  const w = spot.word;
  if (!w) return null;
  const clause = spot.path[spot.path.length - 1];
  if (clause && clause.items[0]?.start === w.start && clause.ctx !== 'list') {
    const name = clauseName(clause);
    const def = clauseIn(clause.ctx, name);
    if (def)
      return {
        contents: { kind: 'markdown', value: describeClause(def, clause.ctx) },
        range: rangeOf(doc, w.start, w.end),
      };
    if (name === 'include')
      return { contents: { kind: 'markdown', value: DOCS.include! }, range: rangeOf(doc, w.start, w.end) };
    return null;
  }
  const sym = findSymbolAt(doc, tree, offset, ctx);
  if (sym?.def) {
    const c = sym.def.clause;
    const text = redactSecrets(tree.text.slice(c.start, Math.min(c.end, c.start + 600)));
    return {
      contents: {
        kind: 'markdown',
        value: `**${sym.def.kind}** \`${sym.def.name}\`, defined on line ${positionAt(doc, sym.def.item.start).line + 1}:\n\n\`\`\`named\n${text}\n\`\`\``,
      },
      range: rangeOf(doc, w.start, w.end),
    };
  }
  const l = w.text.toLowerCase();
  if (NAME_KINDS.acl.builtins.includes(l))
    return { contents: { kind: 'markdown', value: `Built-in acl \`${l}\`.` }, range: rangeOf(doc, w.start, w.end) };
  if (NAME_KINDS.channel.builtins.includes(l))
    return {
      contents: { kind: 'markdown', value: `Built-in logging channel \`${l}\`.` },
      range: rangeOf(doc, w.start, w.end),
    };
  if (NAME_KINDS['dnssec-policy'].builtins.includes(l) && clause && clauseName(clause) === 'dnssec-policy')
    return {
      contents: { kind: 'markdown', value: `Built-in dnssec-policy \`${l}\`.` },
      range: rangeOf(doc, w.start, w.end),
    };
  return null;
}
