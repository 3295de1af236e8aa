/** What the file-wide checks share, gathered once per validation: includes, names, the top-level blocks. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../../service/types';
import { parseNamed } from '../parser';
import { clauseName, walkClauses, type Clause, type NamedTree, type WordItem } from '../tree';
import { symbolTable, type SymbolDef, type SymbolTable } from '../symbolTable';

/** The trees of the files a document includes, and how many it could not read. */
export type IncludedTrees = NamedTree[] & { unread?: number; unreadAt?: WordItem[] };

export interface FileFacts {
  readonly tree: NamedTree;
  readonly included: IncludedTrees;
  /** The file's definitions with those of its includes, and its own references. */
  readonly table: SymbolTable;
  /** The file's own definitions (undefined: it has no includes, all are its own). */
  readonly ownDefs: ReadonlySet<SymbolDef> | undefined;
  readonly top: readonly Clause[];
  /** The top-level clauses of the included files. */
  readonly includedTop: readonly Clause[];
  readonly options: Clause | undefined;
  readonly views: Clause[];
  readonly logging: Clause[];
  readonly tls: Clause[];
  readonly http: Clause[];
}

export function fileFacts(doc: TextDocument, tree: NamedTree, ctx: ModeContext): FileFacts {
  const included = includedTrees(doc, tree, ctx);
  const own = symbolTable(tree);
  // (without includes, the file's own table: no copy, and no set of a million definitions)
  const table: SymbolTable = included.length
    ? { defs: [...own.defs, ...included.flatMap((t) => symbolTable(t).defs)], refs: own.refs }
    : own;
  const top = tree.clauses;
  // the top-level statements the checks look at, by name, in one pass over the top level
  const byName = new Map<string, Clause[]>(['options', 'view', 'logging', 'tls', 'http'].map((n) => [n, []]));
  for (const c of top) byName.get(clauseName(c))?.push(c);
  return {
    tree,
    included,
    table,
    ownDefs: included.length ? new Set(own.defs) : undefined,
    top,
    includedTop: included.flatMap((t) => t.clauses),
    options: byName.get('options')![0],
    views: byName.get('view')!,
    logging: byName.get('logging')!,
    tls: byName.get('tls')!,
    http: byName.get('http')!,
  };
}

/** Top-level clauses of the files this document includes (through ctx.files), recursively. */
function includedTrees(doc: TextDocument, tree: NamedTree, ctx: ModeContext): IncludedTrees {
  const out: IncludedTrees = [];
  out.unread = 0;
  out.unreadAt = [];
  const seen = new Set<string>([doc.uri]);
  const visit = (uri: string, t: NamedTree, depth: number) => {
    if (depth > 8) return;
    walkClauses(t.clauses, (c) => {
      if (clauseName(c) === 'include') {
        const f = c.items[1];
        if (f && f.kind === 'word') {
          const target = ctx.files.resolve(uri, f.text);
          if (target && !seen.has(target)) {
            seen.add(target);
            const text = ctx.files.read(target);
            if (text !== undefined) {
              const sub = parseNamed(text);
              out.push(sub);
              visit(target, sub, depth + 1);
            } else {
              out.unread!++;
              if (depth === 0) out.unreadAt!.push(f);
            }
          } else if (!target) {
            out.unread!++;
            if (depth === 0) out.unreadAt!.push(f);
          }
        }
      }
      return c.ctx !== 'list';
    });
  };
  visit(doc.uri, tree, 0);
  return out;
}
