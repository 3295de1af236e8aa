/**
 * open-iscsi's /etc/iscsi/initiatorname.iscsi: `InitiatorName=<iSCSI name>`, optionally
 * `InitiatorAlias=<text>`, `#` comments, blank lines. open-iscsi matches the keys literally
 * (case-sensitive) at the start of a line.
 */
import {
  MarkupKind,
  type CodeAction,
  type CodeActionContext,
  type Hover,
  type Position,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LanguageMode } from '../service/types';
import { INITIATOR_RULES, NAME_RULES } from './rules';
import { checkAlias, checkIscsiName, nameType } from './validator';
import { INITIATOR_LANGUAGE, nameCodeActions, problemToFinding } from './textFeature';
import { lineCountOf, offsetAt, positionAt } from '../common/text';

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

const KEYS: Record<string, string> = {
  InitiatorName: 'The iSCSI name of this host, sent at login; targets grant access by it. One per host, unique.',
  InitiatorAlias:
    'A friendly name for this host that targets may show; free text up to 255 bytes, not used for access control.',
};

/** The file is a few lines; still, stop after this many. */
const MAX_LINES = 100000;

export function parseInitiator(doc: TextDocument): InitiatorTree {
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

function validate(doc: TextDocument, tree: InitiatorTree): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  const at = (l: InitiatorLine, s: number, e: number) => ({
    start: positionAt(doc, l.offset + s),
    end: positionAt(doc, l.offset + e),
  });
  for (const l of tree.lines) {
    if (l.eq < 0) {
      out.push({
        rule: 'iscsi-initiatorname-syntax',
        range: at(l, l.keyStart, l.keyStart + l.key.length),
        message: `expected \`InitiatorName=<iSCSI name>\` or a \`#\` comment; this line has no \`=\``,
      });
      continue;
    }
    let key = l.key;
    if (!Object.hasOwn(KEYS, key)) {
      const right = Object.keys(KEYS).find((k) => k.toLowerCase() === key.toLowerCase());
      if (right) {
        out.push({
          rule: 'iscsi-initiatorname-unknown-key',
          range: at(l, l.keyStart, l.keyStart + key.length),
          message: `open-iscsi matches keys case-sensitively: write \`${right}\`, not \`${key}\``,
          data: { fix: { title: `Write ${right}`, newText: right } },
        });
        key = right;
      } else {
        out.push({
          rule: 'iscsi-initiatorname-unknown-key',
          range: at(l, l.keyStart, l.keyStart + key.length),
          message: key
            ? `unknown key \`${key}\`: open-iscsi reads only \`InitiatorName\` and \`InitiatorAlias\``
            : 'the line starts with `=`: the key is missing (`InitiatorName=`)',
        });
        continue;
      }
    }
    const prev = seen.get(key);
    if (prev !== undefined) {
      out.push({
        rule: 'iscsi-initiatorname-duplicate',
        range: at(l, l.keyStart, l.keyStart + l.key.length),
        message: `\`${key}\` is already set on line ${prev + 1}; only one value is used — keep one line`,
      });
    } else seen.set(key, l.line);
    if (key === 'InitiatorName') {
      if (!l.value) {
        out.push({
          rule: 'iscsi-initiatorname-not-a-name',
          range: at(l, l.keyStart, l.eq + 1),
          message:
            'InitiatorName is empty: give this host an iSCSI name, e.g. `iqn.2005-03.org.open-iscsi:` followed by a unique string',
        });
        continue;
      }
      if (!nameType(l.value)) {
        out.push({
          rule: 'iscsi-initiatorname-not-a-name',
          range: at(l, l.valueStart, l.valueStart + l.value.length),
          message: `\`${l.value.length > 40 ? `${l.value.slice(0, 37)}…` : l.value}\` is not an iSCSI name: it must start with \`iqn.\`, \`eui.\` or \`naa.\``,
        });
        continue;
      }
      const r = checkIscsiName(l.value, { allowNvmeEui: false });
      for (const p of r.problems) out.push(problemToFinding(doc, l.offset + l.valueStart, p));
    } else if (key === 'InitiatorAlias') {
      const msg = checkAlias(l.value);
      if (msg)
        out.push({
          rule: 'iscsi-alias-too-long',
          range: at(l, l.valueStart, l.valueStart + l.value.length),
          message: msg,
        });
    }
  }
  if (!seen.has('InitiatorName') && doc.getText().trim()) {
    out.push({
      rule: 'iscsi-initiatorname-missing',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: "no `InitiatorName=` line: open-iscsi needs this host's iSCSI name here",
    });
  }
  return out;
}

function hover(tree: InitiatorTree, pos: Position): Hover | null {
  const l = tree.lines.find((x) => x.line === pos.line);
  if (!l || !Object.hasOwn(KEYS, l.key)) return null;
  if (pos.character < l.keyStart || pos.character > l.keyStart + l.key.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${l.key}** — ${KEYS[l.key]}` },
    range: {
      start: { line: l.line, character: l.keyStart },
      end: { line: l.line, character: l.keyStart + l.key.length },
    },
  };
}

const ALL_CODES = new Set<string>([...NAME_RULES, ...INITIATOR_RULES].map((r) => r.id));

export const iscsiInitiatorMode: LanguageMode<InitiatorTree> = {
  id: INITIATOR_LANGUAGE,
  rules: INITIATOR_RULES,
  parse: parseInitiator,
  doValidation: (doc, tree) => validate(doc, tree),
  doHover: (_doc, tree, pos) => hover(tree, pos),
  getCodeActions: (doc, _tree, _range, context: CodeActionContext): CodeAction[] =>
    nameCodeActions(doc, context, ALL_CODES),
  findDocumentSymbols: (doc, tree) =>
    tree.lines
      .filter((l) => Object.hasOwn(KEYS, l.key) && l.value)
      .map((l) => {
        const range = { start: positionAt(doc, l.offset), end: positionAt(doc, l.offset + l.raw.length) };
        return { name: l.key, detail: l.value, kind: 7 /* Property */, range, selectionRange: range };
      }),
};
