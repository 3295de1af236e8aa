/**
 * What a named.conf loads: its `include`s, the `directory` option that moves named's working
 * directory, and the zone files its zones read (`file` of a primary or hint zone in text format).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileLoads, IncludeSite, ZoneFileSite } from '../service/workspace';
import { stringValue } from '../common/tokenizer';
import { blocksOf, body, clauseName, itemAt, sub, walkClauses, type Clause, type NamedTree } from './tree';
import { canonical, firstArg, isCurly, zoneTypeOf } from './values';

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
  return { includes, directories, zoneFiles: zoneFilesOf(tree) };
}

/** The format a zone's file is in: the zone's `masterfile-format`, else its view's, else options'. */
function formatOf(zone: Clause, view: Clause | undefined, options: Clause | undefined): string {
  for (const c of [zone, view, options]) {
    const f = c && firstArg(sub(c, 'masterfile-format'));
    if (f) return f.text.toLowerCase();
  }
  return 'text';
}

/** The zone files named reads as master files: the `file` of primary and hint zones in text format. */
function zoneFilesOf(tree: NamedTree): ZoneFileSite[] {
  const out: ZoneFileSite[] = [];
  const options = tree.clauses.find((c) => clauseName(c) === 'options');
  const visit = (clauses: readonly Clause[], view: Clause | undefined) => {
    for (const c of clauses) {
      const name = clauseName(c);
      if (name === 'view' && !view) visit(body(c), c);
      if (name !== 'zone') continue;
      const type = zoneTypeOf(c);
      if (type !== 'primary' && type !== 'hint') continue;
      const zoneName = itemAt(c, 1);
      const file = firstArg(sub(c, 'file'));
      if (!file || !zoneName || zoneName.kind !== 'word' || formatOf(c, view, options) !== 'text') continue;
      const path = isCurly(file) ? stringValue(tree.text, file.start, file.end) : file.text;
      const origin = canonical(zoneName.text);
      out.push({ path, start: file.start, end: file.end, origin: origin === '.' ? '.' : `${origin}.`, type });
    }
  };
  visit(tree.clauses, undefined);
  return out;
}
