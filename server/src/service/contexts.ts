/**
 * The ModeContext of each call: the settings, file access and clock the caller gives, and what the
 * workspace knows about the document — its configuration trees (a language that loads others),
 * the zone statement that loads a zone file, the other zones' addresses, and the dynamic-DNS facts
 * of dhcpd.conf and named.conf.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  defaultSettings,
  noFileAccess,
  type CancellationToken,
  type FileAccess,
  type LanguageMode,
  type ModeContext,
  type ServiceSettings,
} from './types';
import { withZoneLink, type TreeChecks } from './trees';
import type { Workspace } from './workspace';
import { ZoneLookup } from './zoneLookup';
import { DdnsIndex } from './ddnsIndex';

export interface CallOptions {
  readonly settings?: ServiceSettings;
  readonly files?: FileAccess;
  readonly token?: CancellationToken;
  /** The workspace's configuration trees; without one, a document's includes are read through `files`. */
  readonly workspace?: Workspace;
  /** The clock (tests set it; undefined: the system clock). */
  readonly now?: () => Date;
  /** The origin of a zone file, where the caller knows it (`infra-lsp check --origin`). */
  readonly zoneOrigin?: string;
}

export class ModeContexts {
  private readonly zoneLookup: ZoneLookup;
  private readonly ddnsIndex: DdnsIndex;

  constructor(
    private readonly modeFor: (languageId: string) => LanguageMode | undefined,
    private readonly treeChecks: TreeChecks,
    /** Runs `fn`, and answers undefined (the error reported) when it throws. */
    private readonly guard: <T>(where: string, fn: () => T) => T | undefined,
  ) {
    const parse = (file: string, languageId: string, text: string) => treeChecks.parseFile(file, languageId, text);
    this.zoneLookup = new ZoneLookup(modeFor, parse);
    this.ddnsIndex = new DdnsIndex(modeFor, parse);
  }

  /** What the caller gives. */
  base(o: CallOptions | undefined): ModeContext {
    return {
      settings: o?.settings ?? defaultSettings,
      files: o?.files ?? noFileAccess,
      token: o?.token,
      ...(o?.now ? { now: o.now } : {}),
      ...(o?.zoneOrigin ? { zoneOrigin: o.zoneOrigin } : {}),
    };
  }

  /** The context without the document's trees (cheap), with the zone link of a zone file. */
  of(doc: TextDocument, o: CallOptions | undefined): ModeContext {
    const ctx = this.base(o);
    const ws = o?.workspace;
    if (!ws) return ctx;
    const linked = o.zoneOrigin ? ctx : withZoneLink(ctx, ws, doc.uri);
    return this.modeFor(doc.languageId)?.addressOwners ? { ...linked, zones: this.zoneLookup.of(ws, doc.uri) } : linked;
  }

  workspaceOf(o: CallOptions | undefined): Workspace {
    return o?.workspace ?? this.treeChecks.adHoc(o?.files ?? noFileAccess);
  }

  /** The context of a document of a language that loads others: its trees (ModeContext.tree). */
  in(doc: TextDocument, p: { mode: LanguageMode; tree: unknown } | undefined, o?: CallOptions): ModeContext {
    if (!p?.mode.loads) return this.of(doc, o);
    const ctx = this.base(o);
    const ws = this.workspaceOf(o);
    const tree = this.guard(`tree ${doc.uri}`, () => this.treeChecks.contextOf(ws, doc, p.mode, p.tree));
    const current = { uri: doc.uri, doc, tree: p.tree };
    const ddns = (languageId: string) =>
      this.ddnsIndex.filesOf(ws, languageId, languageId === p.mode.id ? current : undefined);
    return tree ? { ...ctx, tree, ddns } : { ...ctx, ddns };
  }
}
