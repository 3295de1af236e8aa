/**
 * ModeContext.zones: whether a name has an address in the zone of the workspace that holds it —
 * the zone files named.conf files load (Workspace.zoneLinks), each parsed once per text, its names
 * with an A or AAAA record made once per parse (LanguageMode.addressOwners).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageMode, ModeContext } from './types';
import { uriOfPath, type ParseFile } from './trees';
import { uriToPath } from './fileAccess';
import type { Workspace } from './workspace';

const ZONE_LANGUAGE = 'dns-zone';

export class ZoneLookup {
  private readonly owners = new WeakMap<object, ReadonlySet<string>>();
  /** Origin (lower case) → its zone file, made once per state of the index. */
  private byOrigin: { ws: Workspace; generation: number; files: Map<string, string> } | undefined;

  constructor(
    private readonly modeFor: (languageId: string) => LanguageMode | undefined,
    private readonly parseFile: ParseFile,
  ) {}

  /** The lookup for a zone file `uri` (its own zone is left out: its checks see it whole). */
  of(ws: Workspace, uri: string): NonNullable<ModeContext['zones']> {
    const self = uriToPath(uri);
    return { hasAddress: (name) => this.hasAddress(ws, self, name.toLowerCase()) };
  }

  private hasAddress(ws: Workspace, self: string | undefined, name: string): boolean | undefined {
    if (this.byOrigin?.ws !== ws || this.byOrigin.generation !== ws.generation) {
      const files = new Map<string, string>();
      for (const [file, link] of ws.zoneLinks()) {
        const o = link.origin.toLowerCase();
        if (!files.has(o)) files.set(o, file);
      }
      this.byOrigin = { ws, generation: ws.generation, files };
    }
    // the zone that holds the name: the longest origin it ends with, label by label
    let best: { file: string; origin: string } | undefined;
    for (let o = name; !best; o = o.slice(o.indexOf('.') + 1) || '.') {
      const file = this.byOrigin.files.get(o);
      if (file) best = { file, origin: o };
      if (o === '.') break;
    }
    if (!best || best.file === self) return undefined;
    const mode = this.modeFor(ZONE_LANGUAGE);
    const text = ws.textOf(best.file) ?? ws.readFile(best.file);
    const tree = text === undefined ? undefined : this.parseFile(best.file, ZONE_LANGUAGE, text);
    if (!mode?.addressOwners || text === undefined || typeof tree !== 'object' || tree === null) return undefined;
    let set = this.owners.get(tree);
    if (!set) {
      const doc = TextDocument.create(uriOfPath(best.file), ZONE_LANGUAGE, 0, text);
      this.owners.set(tree, (set = mode.addressOwners(doc, tree, best.origin)));
    }
    return set.has(name);
  }
}
