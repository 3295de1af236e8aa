/** named's side of dynamic DNS with dhcpd (common/ddns.ts): its zones, who may update them, and its keys. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DdnsFacts, DdnsKey, DdnsZone } from '../common/ddns';
import { body, clauseName, itemAt, sub, type Clause, type NamedTree } from './tree';
import { canonical, firstArg, zoneTypeOf } from './values';

/** The keys and the other elements (addresses, acls) of `allow-update` and `update-policy`. */
function updaters(zone: Clause): { keys: string[]; byAddress: boolean } | undefined {
  const allow = sub(zone, 'allow-update');
  const policy = sub(zone, 'update-policy');
  if (!allow && !policy) return undefined;
  const keys: string[] = [];
  let byAddress = false;
  for (const e of allow ? body(allow) : []) {
    const first = itemAt(e, 0);
    const second = itemAt(e, 1);
    if (first?.kind !== 'word') continue;
    const w = first.text.toLowerCase();
    if (w === 'key' && second?.kind === 'word') keys.push(canonical(second.text));
    else if (w !== 'none' && !w.startsWith('!')) byAddress = true;
  }
  // `grant KEY ...` rules (a `deny` grants nothing; `update-policy local` is named's own session key)
  for (const r of policy ? body(policy) : []) {
    const first = itemAt(r, 0);
    const who = itemAt(r, 1);
    if (first?.kind === 'word' && first.text.toLowerCase() === 'grant' && who?.kind === 'word')
      keys.push(canonical(who.text));
  }
  return { keys, byAddress };
}

export function ddnsFacts(doc: TextDocument, tree: NamedTree): DdnsFacts {
  const zones: DdnsZone[] = [];
  const keys: DdnsKey[] = [];
  const line = (o: number) => doc.positionAt(o).line + 1;
  const visit = (clauses: readonly Clause[], inView: boolean) => {
    for (const c of clauses) {
      const n = clauseName(c);
      if (n === 'view' && !inView) visit(body(c), true);
      const name = n === 'zone' || n === 'key' ? itemAt(c, 1) : undefined;
      if (!name || name.kind !== 'word') continue;
      const at = { start: name.start, end: name.end, line: line(name.start) };
      if (n === 'key') {
        const algorithm = firstArg(sub(c, 'algorithm'))?.text;
        const secret = firstArg(sub(c, 'secret'))?.text;
        keys.push({
          name: canonical(name.text),
          ...at,
          ...(algorithm ? { algorithm } : {}),
          ...(secret ? { secret } : {}),
        });
        continue;
      }
      const u = updaters(c);
      const type = zoneTypeOf(c);
      zones.push({
        name: canonical(name.text),
        ...at,
        ...(type ? { type } : {}),
        ...(u ? { updateKeys: u.keys, byAddress: u.byAddress } : {}),
      });
    }
  };
  visit(tree.clauses, false);
  return { zones, keys };
}
