/** Hover: statement docs (syntax, contexts, status, zone types); on a reference, its definition. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { clauseName, type NamedTree } from './tree';
import { contextLabel, contextsOf } from './grammar';
import { clauseFor, firstIn, removedIn, type VersionedClause } from './versioned';
import { BIND_VERSIONS, type VersionStatus } from './data/versions';
import { bindVersionOf } from './version';
import { DOCS } from './data/docs';
import { DEFAULTS } from './data/defaults';
import type { ContextId } from './data/types';
import { spotAt } from './context';
import { offsetAt, positionAt, rangeOf, redactSecrets } from '../common/text';
import { findSymbolAt } from './navigation';
import { NAME_KINDS } from './data/names';

export function describeClause(vc: VersionedClause, ctx: ContextId): string {
  const def = vc.def;
  const lines: string[] = [];
  if (def.syntax) lines.push('```named\n' + def.syntax + ';\n```');
  lines.push(
    DOCS[def.name] ??
      `The \`${def.name}\` statement${def.type ? ` (value type: ${def.type.replace(/_/g, ' ')})` : ''}.`,
  );
  const where = contextsOf(def.name).map(contextLabel);
  if (where.length) lines.push(`Allowed in: ${where.join(', ')}.`);
  if (ctx === 'zone' && def.zoneTypes) lines.push(`Zone types: ${def.zoneTypes.join(', ')}.`);
  const dflt = DEFAULTS[def.name];
  if (dflt !== undefined && ['options', 'view', 'zone', 'top'].includes(ctx)) lines.push(`Default: \`${dflt}\`.`);
  if (def.multi) lines.push('May appear more than once.');
  lines.push(versionNote(vc));
  if (def.status === 'test-only') lines.push("For BIND's own tests only.");
  return lines.join('\n\n');
}

const STATUS_WORDS: Record<VersionStatus | 'absent', string> = {
  ok: 'accepted',
  deprecated: '**deprecated** (accepted with a warning; to be removed)',
  obsolete: '**obsolete** (accepted with a warning and ignored)',
  ancient: '**removed** (named refuses to start)',
  'not-configured': 'accepted where BIND was built with the feature it needs',
  experimental: 'experimental (accepted with a warning)',
  'test-only': "for BIND's own tests",
  absent: '**unknown** (named-checkconf: "unknown option")',
};

/** What the version in force makes of the statement, and its history across 9.16, 9.18 and 9.20. */
function versionNote(vc: VersionedClause): string {
  const now = `In BIND ${vc.version}, the version this file is checked as: ${STATUS_WORDS[vc.status]}.`;
  const row = vc.row;
  if (!row) return now;
  const history: string[] = [];
  const since = firstIn(row);
  if (since && since !== BIND_VERSIONS[0]) history.push(`since ${since}`);
  const dep = BIND_VERSIONS.find((v) => row.in[v] === 'deprecated' || row.in[v] === 'obsolete');
  if (dep) history.push(`${row.in[dep]} in ${dep}`);
  const gone = removedIn(row);
  if (gone) history.push(`removed in ${gone}`);
  const successor = row.successor ? ` Use \`${row.successor}\` instead.` : '';
  return history.length ? `${now} History: ${history.join(', ')}.${successor}` : `${now}${successor}`;
}

export function doHover(doc: TextDocument, tree: NamedTree, pos: Position, ctx: ModeContext): Hover | null {
  const offset = offsetAt(doc, pos);
  const spot = spotAt(tree, offset);
  const w = spot.word;
  if (!w) return null;
  const clause = spot.path[spot.path.length - 1];
  if (clause && clause.items[0]?.start === w.start && clause.ctx !== 'list') {
    const name = clauseName(clause);
    const vc = clauseFor(clause.ctx, name, bindVersionOf(tree.text, ctx.settings));
    if (vc)
      return {
        contents: { kind: 'markdown', value: describeClause(vc, clause.ctx) },
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
