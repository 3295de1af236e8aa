/**
 * The dynamic-DNS facts of a workspace's files (common/ddns.ts), for ModeContext.ddns: per
 * language, every indexed file and every file a tree loads, each file's facts made once per
 * parsed tree, and the list kept until the index changes.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DdnsFacts, DdnsFile } from '../common/ddns';
import type { LanguageMode } from './types';
import { uriOfPath, type ParseFile } from './trees';
import type { Workspace } from './workspace';

export class DdnsIndex {
  private readonly facts = new WeakMap<object, DdnsFacts>();
  private kept: { ws: Workspace; generation: number; byLanguage: Map<string, DdnsFile[]> } | undefined;

  constructor(
    private readonly modeFor: (languageId: string) => LanguageMode | undefined,
    private readonly parseFile: ParseFile,
  ) {}

  /** The files of `ws` loaded as `languageId`, with their facts; `current` (the document checked) from its own tree. */
  filesOf(ws: Workspace, languageId: string, current?: { uri: string; doc: TextDocument; tree: unknown }): DdnsFile[] {
    if (this.kept?.ws !== ws || this.kept.generation !== ws.generation)
      this.kept = { ws, generation: ws.generation, byLanguage: new Map() };
    let list = this.kept.byLanguage.get(languageId);
    if (!list) {
      list = this.build(ws, languageId);
      this.kept.byLanguage.set(languageId, list);
    }
    if (!current) return list;
    const own = this.factsOf(this.modeFor(languageId), current.doc, current.tree);
    const others = list.filter((f) => f.uri !== current.uri);
    return own ? [{ uri: current.uri, facts: own }, ...others] : others;
  }

  private build(ws: Workspace, languageId: string): DdnsFile[] {
    const mode = this.modeFor(languageId);
    if (!mode?.ddnsFacts) return [];
    const files = new Set(ws.files());
    for (const t of ws.allTrees()) for (const f of t.files) files.add(f);
    const out: DdnsFile[] = [];
    for (const f of files) {
      if (ws.languageOf(f) !== languageId) continue;
      const text = ws.textOf(f) ?? ws.readFile(f);
      const tree = text === undefined ? undefined : this.parseFile(f, languageId, text);
      if (tree === undefined || text === undefined) continue;
      const uri = uriOfPath(f);
      const facts = this.factsOf(mode, TextDocument.create(uri, languageId, 0, text), tree);
      if (facts && (facts.zones.length || facts.keys.length)) out.push({ uri, facts });
    }
    return out;
  }

  private factsOf(mode: LanguageMode | undefined, doc: TextDocument, tree: unknown): DdnsFacts | undefined {
    if (!mode?.ddnsFacts || typeof tree !== 'object' || tree === null) return undefined;
    let f = this.facts.get(tree);
    if (!f) this.facts.set(tree, (f = mode.ddnsFacts(doc, tree)));
    return f;
  }
}
