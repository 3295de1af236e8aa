/** What a named.conf loads: its `include`s, and the `directory` option that moves named's working directory. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileLoads, IncludeSite } from '../service/workspace';
import { stringValue } from '../common/tokenizer';
import { blocksOf, clauseName, walkClauses, type NamedTree } from './tree';
import { isCurly } from './values';

export function findLoads(_doc: TextDocument, tree: NamedTree): FileLoads {
  const includes: IncludeSite[] = [];
  const directories: Array<{ path: string; at: number }> = [];
  // a file with no `include` anywhere (most large ones): only the top-level options are read
  const clauses = /include/i.test(tree.text) ? tree.clauses : tree.clauses.filter((c) => clauseName(c) === 'options');
  walkClauses(clauses, (c) => {
    if (c.ctx === 'list') return false;
    const name = clauseName(c);
    const arg = name === 'include' || name === 'directory' ? c.items[1] : undefined;
    if (arg && arg.kind === 'word') {
      // named reads an include where it stands (any statement may be one); `directory` only in options
      // (a path in curly quotes, which named fails on, is followed as if they were straight)
      const path = isCurly(arg) ? stringValue(tree.text, arg.start, arg.end) : arg.text;
      if (name === 'include')
        includes.push({ path, start: arg.start, end: arg.end, ...(c.ctx === 'top' ? {} : { scope: c.ctx }) });
      else if (c.ctx === 'options') directories.push({ path, at: arg.start });
    }
    // the blocks of statements that hold clauses (options, view, zone); lists hold none of these
    return blocksOf(c).length > 0;
  });
  return { includes, directories };
}
