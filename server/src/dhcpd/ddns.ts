/** dhcpd's side of dynamic DNS with named (common/ddns.ts): its `zone` blocks with their keys, and its keys. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DdnsFacts, DdnsKey, DdnsZone } from '../common/ddns';
import type { Stmt } from '../common/blocks';
import type { DhcpdTree } from './tree';
import { low, nameOf } from './checks/words';

const canon = (n: string) => n.toLowerCase().replace(/(.)\.$/, '$1');

/** The second word of the block's first statement that starts with `kw`. */
function valueIn(s: Stmt, kw: string) {
  for (const c of s.block?.stmts ?? []) if (low(c.words[0]) === kw && c.words[1]) return c.words[1];
  return undefined;
}

export function ddnsFacts(doc: TextDocument, tree: DhcpdTree): DdnsFacts {
  const line = (o: number) => doc.positionAt(o).line + 1;
  const zones: DdnsZone[] = tree.zones.map((z) => {
    const k = valueIn(z.stmt, 'key');
    return {
      name: z.name,
      start: z.nameTok.start,
      end: z.nameTok.end,
      line: line(z.nameTok.start),
      ...(k ? { key: { name: canon(nameOf(k)), written: nameOf(k), start: k.start, end: k.end } } : {}),
    };
  });
  const keys: DdnsKey[] = tree.keys.map((k) => {
    const algorithm = valueIn(k.stmt, 'algorithm');
    const secret = valueIn(k.stmt, 'secret');
    return {
      name: k.name,
      start: k.nameTok.start,
      end: k.nameTok.end,
      line: line(k.nameTok.start),
      ...(algorithm ? { algorithm: nameOf(algorithm) } : {}),
      ...(secret ? { secret: nameOf(secret) } : {}),
    };
  });
  return { zones, keys };
}
