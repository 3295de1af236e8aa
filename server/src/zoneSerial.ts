/**
 * The SOA serial of zone files over the connection: the `infraLsp/incrementSerial` request behind
 * the `infraLsp.zone.incrementSerial` command, and the increment on save
 * (`infraLsp.zone.incrementSerialOnSave`, off by default) through willSaveWaitUntil.
 *
 * On save the serial goes up when the setting is on and the text changed since the file was
 * opened or last saved, unless its serial already went up since then (written by hand or by the
 * command). Saves that auto-save makes after a delay (files.autoSave afterDelay) are left alone,
 * and do not count as a save here: each pause in typing would take another serial (the date
 * convention's 100 a day would run out), so their changes are bumped once by the next save made
 * by hand or on a focus change (or by the command).
 */
import { TextDocumentSaveReason, type Connection, type TextDocuments, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SerialEdit } from './zone/serial';

/** The zone mode, loaded on first use (the server starts without it: modes.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build makes it modes/zone.js
const zone = () => require('./zone') as typeof import('./zone');
const ZONE_ID = 'dns-zone';

/** The answer to `infraLsp/incrementSerial` (null: a document the server does not serve). */
export interface IncrementSerialResult {
  /** The version of the document the edit is for. */
  readonly version: number;
  /** Replaces the serial of the first SOA record; absent when there is none to replace. */
  readonly edit?: TextEdit;
  /** What the edit does, or why there is none (plain text, for the user). */
  readonly message: string;
}

export interface ZoneSerialDeps {
  readonly get: (uri: string) => TextDocument | undefined;
  /** The clock (tests set it; undefined: the system clock). */
  readonly now?: () => Date;
}

const textEdit = (d: TextDocument, e: SerialEdit): TextEdit => ({
  range: { start: d.positionAt(e.start), end: d.positionAt(e.end) },
  newText: e.newText,
});

/** The edit that increments a zone file's serial, or the reason there is none. */
function increment(d: TextDocument, now: Date): IncrementSerialResult {
  if (d.languageId !== ZONE_ID)
    return { version: d.version, message: 'The SOA serial can be incremented in a DNS zone file only.' };
  const e = zone().incrementSerial(d.getText(), now);
  if (!e) return { version: d.version, message: 'This zone file has no SOA record with a numeric serial.' };
  return { version: d.version, edit: textEdit(d, e), message: `SOA serial ${e.old} → ${e.serial}` };
}

/** Registers both; `configure` reads the user's `infraLsp.zone` settings. */
export function registerZoneSerial(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  deps: ZoneSerialDeps,
): { configure(zone: { incrementSerialOnSave?: unknown } | undefined): void } {
  const now = () => deps.now?.() ?? new Date();
  let onSave = false;
  // the text of each zone file as it was opened or last saved (auto-saves after a delay aside)
  const saved = new Map<string, string>();
  const autoSaving = new Set<string>();
  const keep = (d: TextDocument) => {
    if (d.languageId === ZONE_ID) saved.set(d.uri, d.getText());
    else saved.delete(d.uri);
  };
  documents.onDidOpen((e) => keep(e.document));
  documents.onDidSave((e) => {
    if (!autoSaving.delete(e.document.uri)) keep(e.document);
  });
  documents.onDidClose((e) => {
    saved.delete(e.document.uri);
    autoSaving.delete(e.document.uri);
  });

  connection.onRequest('infraLsp/incrementSerial', (p: { uri?: unknown }): IncrementSerialResult | null => {
    const d = typeof p?.uri === 'string' ? deps.get(p.uri) : undefined;
    return d ? increment(d, now()) : null;
  });
  documents.onWillSaveWaitUntil((w): TextEdit[] => {
    const d = deps.get(w.document.uri);
    if (w.reason === TextDocumentSaveReason.AfterDelay) autoSaving.add(w.document.uri);
    else autoSaving.delete(w.document.uri);
    if (!onSave || !d || d.languageId !== ZONE_ID || w.reason === TextDocumentSaveReason.AfterDelay) return [];
    const e = zone().incrementSerialOnSave(saved.get(d.uri), d.getText(), now());
    return e ? [textEdit(d, e)] : [];
  });
  return {
    configure(zone) {
      onSave = zone?.incrementSerialOnSave === true;
    },
  };
}
