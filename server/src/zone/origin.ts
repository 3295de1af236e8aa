/**
 * The origin of a zone file, in the order named-checkzone's callers give it: the zone statement of
 * a workspace named.conf that loads the file (or the CLI's `--origin`), else a `$ORIGIN` before
 * the first record, else the file name (`db.example.com`, `example.com.zone`, `example.com.db`).
 */
import { entryAt, entryCount, isDirective, type ZoneTree } from './parser';
import { absoluteName, isAbsolute } from './names';

export interface ZoneOrigin {
  /** The absolute origin, e.g. `example.com.`. */
  readonly name: string;
  /** Where it comes from, in words: `$ORIGIN`, `file name`, `given`, or the zone statement that loads the file. */
  readonly from: string;
}

export function originOf(tree: ZoneTree, uri: string, given?: string, givenFrom = 'given'): ZoneOrigin | undefined {
  if (given) return { name: isAbsolute(given) ? given : `${given}.`, from: givenFrom };
  for (let i = 0, n = entryCount(tree); i < n; i++) {
    const e = entryAt(tree, i);
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
