/** What the file-wide checks share, gathered once per validation: includes, names, the top-level blocks. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../../service/types';
import { clauseName, type Clause, type NamedTree } from '../tree';
import { symbolTable, type SymbolDef, type SymbolTable } from '../symbolTable';

/** The trees of the other files of the document's configuration trees, and how many includes could not be read. */
export type IncludedTrees = NamedTree[] & { unread?: number };

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
  const included = includedTrees(ctx);
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

/** The trees of the other files the document is loaded with (ModeContext.tree), and whether any include could not be followed. */
function includedTrees(ctx: ModeContext): IncludedTrees {
  const out: IncludedTrees = (ctx.tree?.files ?? []).map((f) => f.tree as NamedTree);
  out.unread = ctx.tree?.incomplete ? 1 : 0;
  return out;
}
