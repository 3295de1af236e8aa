/** Document links on `include "path";` (resolved through ctx.files when it can). */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { clauseName, walkClauses, type NamedTree } from './parser';
import { rangeOf } from '../common/text';

export function findDocumentLinks(doc: TextDocument, tree: NamedTree, ctx: ModeContext): DocumentLink[] {
  const out: DocumentLink[] = [];
  walkClauses(tree.clauses, (c) => {
    if (clauseName(c) === 'include') {
      const f = c.items[1];
      if (f && f.kind === 'word' && f.quoted && f.text) {
        const target = ctx.files.resolve(doc.uri, f.text);
        out.push({
          range: rangeOf(doc, f.start + 1, f.end - 1),
          target,
          tooltip: target ? undefined : `Include ${f.text}`,
        });
      }
    }
    return c.ctx !== 'list';
  });
  return out;
}
