/**
 * open-iscsi's /etc/iscsi/initiatorname.iscsi: `InitiatorName=<iSCSI name>`, optionally
 * `InitiatorAlias=<text>`, `#` comments, blank lines. open-iscsi matches the keys literally
 * (case-sensitive) at the start of a line.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineCountOf, offsetAt } from '../common/text';

export interface InitiatorLine {
  readonly line: number;
  /** Offset of the line start in the document. */
  readonly offset: number;
  readonly key: string;
  readonly keyStart: number;
  /** The value with surrounding blanks removed, and its start offset in the line. */
  readonly value: string;
  readonly valueStart: number;
  /** Offset of `=` in the line, or -1. */
  readonly eq: number;
  readonly raw: string;
}

export interface InitiatorTree {
  readonly lines: readonly InitiatorLine[];
}

/** The language id of initiatorname.iscsi. */
export const INITIATOR_LANGUAGE = 'iscsi-initiatorname';

/** The file is a few lines; still, stop after this many. */
const MAX_LINES = 100000;

export function parse(doc: TextDocument): InitiatorTree {
  const text = doc.getText();
  const lines: InitiatorLine[] = [];
  // lines as TextDocument counts them (\n, \r\n and a lone \r all end a line), so every
  // range we compute lands on the line the editor shows
  const count = Math.min(lineCountOf(doc), MAX_LINES);
  for (let n = 0; n < count; n++) {
    const offset = offsetAt(doc, { line: n, character: 0 });
    const next = n + 1 < lineCountOf(doc) ? offsetAt(doc, { line: n + 1, character: 0 }) : text.length;
    let raw = text.slice(offset, next);
    if (raw.endsWith('\n')) raw = raw.slice(0, -1);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const trimmed = raw.trim();
    if (trimmed && !trimmed.startsWith('#')) {
      const eq = raw.indexOf('=');
      const keyPart = eq < 0 ? raw : raw.slice(0, eq);
      const keyStart = keyPart.length - keyPart.trimStart().length;
      const key = keyPart.trim();
      let value = '';
      let valueStart = raw.length;
      if (eq >= 0) {
        const after = raw.slice(eq + 1);
        valueStart = eq + 1 + (after.length - after.trimStart().length);
        value = after.trim();
      }
      lines.push({ line: n, offset, key, keyStart, value, valueStart, eq, raw });
    }
  }
  return { lines };
}
