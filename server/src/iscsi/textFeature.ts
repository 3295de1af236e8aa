/**
 * iSCSI names in every document of every language: validation, hover on a valid name, and the
 * quick fixes. Works on the raw text, line-bounded (see scan.ts).
 */
import {
  MarkupKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import type { TextFeature } from '../service/languageService';
import { NAME_RULES } from './rules';
import { forEachName, nameAtOffset } from './scan';
import { checkIscsiName, partsMarkdown, type NameFix, type NameProblem } from './validator';
import { lineAt, lineCountOf, positionAt } from '../common/text';

export const INITIATOR_LANGUAGE = 'iscsi-initiatorname';

/** At most this many findings per document: a log full of bad names is one problem, not 10⁵. */
export const MAX_FINDINGS = 1000;

export interface FixData {
  readonly fix: NameFix;
}

/** A name problem as a Finding, at `nameStart` in the document. */
export function problemToFinding(doc: TextDocument, nameStart: number, p: NameProblem): Finding {
  const range = { start: positionAt(doc, nameStart + p.start), end: positionAt(doc, nameStart + p.end) };
  return p.fix
    ? { rule: p.rule, range, message: p.message, data: { fix: p.fix } satisfies FixData }
    : { rule: p.rule, range, message: p.message };
}

function validateText(doc: TextDocument, ctx: ModeContext): Finding[] {
  const text = doc.getText();
  const out: Finding[] = [];
  forEachName(
    text,
    (tok) => {
      const r = checkIscsiName(tok.text, { allowNvmeEui: true });
      for (const p of r.problems) out.push(problemToFinding(doc, tok.start, p));
      return out.length < MAX_FINDINGS;
    },
    () => ctx.token?.isCancellationRequested === true,
  );
  return out.length > MAX_FINDINGS ? out.slice(0, MAX_FINDINGS) : out;
}

/** The line around `pos`, without reading more than that line. */
function lineOf(doc: TextDocument, line: number): string {
  return lineAt(doc, line).text;
}

export function nameHover(doc: TextDocument, pos: Position): Hover | null {
  if (pos.line < 0 || pos.line >= lineCountOf(doc)) return null;
  const line = lineOf(doc, pos.line);
  const tok = nameAtOffset(line, pos.character);
  if (!tok) return null;
  const r = checkIscsiName(tok.text, { allowNvmeEui: doc.languageId !== INITIATOR_LANGUAGE });
  if (!r.parts) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: partsMarkdown(tok.text, r.parts) },
    range: { start: { line: pos.line, character: tok.start }, end: { line: pos.line, character: tok.end } },
  };
}

const OUR_CODES = new Set<string>(NAME_RULES.map((r) => r.id));

function isFixData(d: unknown): d is FixData {
  const f = (d as FixData | undefined)?.fix;
  return typeof f === 'object' && f !== null && typeof f.newText === 'string' && typeof f.title === 'string';
}

/** Quick fixes for diagnostics that carry a fix (lower case, month padding, reversed domain). */
export function nameCodeActions(
  doc: TextDocument,
  context: CodeActionContext,
  codes: ReadonlySet<string> = OUR_CODES,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of context.diagnostics as Diagnostic[]) {
    if (typeof d.code !== 'string' || !codes.has(d.code) || !isFixData(d.data)) continue;
    out.push({
      title: d.data.fix.title,
      kind: 'quickfix',
      diagnostics: [d],
      isPreferred: d.code !== 'iscsi-iqn-tld',
      edit: { changes: { [doc.uri]: [{ range: d.range, newText: d.data.fix.newText }] } },
    });
  }
  return out;
}

export const iscsiTextFeature: TextFeature = {
  rules: NAME_RULES,
  skipLanguages: [INITIATOR_LANGUAGE],
  doValidation: (doc, ctx) => validateText(doc, ctx),
  doHover: (doc, pos) => nameHover(doc, pos),
  getCodeActions: (doc, _range: Range, context) =>
    doc.languageId === INITIATOR_LANGUAGE ? [] : nameCodeActions(doc, context),
};
