/**
 * The origin of a zone file, in the order named-checkzone's callers give it: a `$ORIGIN` before
 * the first record, else the file name (`db.example.com`, `example.com.zone`, `example.com.db`).
 * (The zone statement of a named.conf that loads the file comes first once the workspace links
 * them; the CLI takes `--origin`.)
 */
import { isDirective, type ZoneTree } from './parser';
import { absoluteName, isAbsolute } from './names';

export interface ZoneOrigin {
  /** The absolute origin, e.g. `example.com.`. */
  readonly name: string;
  readonly from: '$ORIGIN' | 'file name' | 'given';
}

export function originOf(tree: ZoneTree, uri: string, given?: string): ZoneOrigin | undefined {
  if (given) return { name: isAbsolute(given) ? given : `${given}.`, from: 'given' };
  for (const e of tree.entries) {
    if (!isDirective(e)) break;
    if (e.name === '$ORIGIN' && e.args[0] && isAbsolute(e.args[0].text))
      return { name: absoluteName(e.args[0].text, '.'), from: '$ORIGIN' };
  }
  const base = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const m =
    /^db\.(.+)$/i.exec(base) ?? /^(.+)\.zone$/i.exec(base) ?? /^(.+)\.db$/i.exec(base) ?? /^(.+)\.hosts$/i.exec(base);
  const name = m?.[1];
  if (!name || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(name)) return undefined;
  return { name: `${name.toLowerCase()}.`, from: 'file name' };
}
