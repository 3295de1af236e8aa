/**
 * acl definitions that lead back to themselves. BIND expands an acl by expanding the acls it
 * names; named-checkconf fails ("acl loop detected") when an acl that a checked reference uses
 * names, directly or through others, an acl it is still expanding (lib/isccfg/aclconf.c). An
 * acl loop nothing uses is never expanded, so it passes.
 */
import type { SymbolDef, SymbolRef } from '../symbolTable';
import { clauseKey } from '../tree';
import { checkedRefs } from './checkedRefs';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';

/** How deep a chain of acls is followed (a deeper chain is not a config anyone writes). */
const MAX_DEPTH = 1000;

export function checkAclLoops(f: FileFacts, rep: Reporter): void {
  const { table } = f;
  const defs = new Map<string, SymbolDef>();
  for (const d of table.defs) if (d.kind === 'acl' && !defs.has(d.name)) defs.set(d.name, d);
  if (defs.size === 0) return;
  // the acl names each acl's own body uses, by the key of its clause
  const inside = new Map<number, SymbolRef[]>();
  let nested = false;
  for (const r of table.refs) {
    if (r.kind !== 'acl' || r.check !== 'definition' || !r.holder) continue;
    const k = clauseKey(r.holder);
    const list = inside.get(k);
    if (list) list.push(r);
    else inside.set(k, [r]);
    nested = true;
  }
  if (!nested) return;
  const checked = checkedRefs(f, rep.version);
  const done = new Set<number>();
  const reported = new Set<number>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const expand = (name: string): void => {
    const d = defs.get(name);
    if (!d) return;
    const k = clauseKey(d.clause);
    if (done.has(k) || path.length >= MAX_DEPTH) return;
    path.push(name);
    onPath.add(name);
    for (const r of inside.get(k) ?? []) {
      if (onPath.has(r.name)) {
        if (reported.has(r.start)) continue;
        reported.add(r.start);
        const loop = [...path.slice(path.indexOf(r.name)), r.name].map((n) => `\`${n}\``).join(' → ');
        const what = r.name === name ? 'names itself' : `names \`${r.name}\`, which leads back to it (${loop})`;
        rep.add(
          'named-acl-loop',
          r.start,
          r.end,
          `The acl \`${name}\` ${what}: named-checkconf fails with "acl loop detected". Remove one of the references.`,
        );
      } else expand(r.name);
    }
    path.pop();
    onPath.delete(name);
    done.add(k);
  };
  for (const r of table.refs) if (r.kind === 'acl' && r.check !== 'definition' && checked(r)) expand(r.name);
}
