/**
 * Quick fixes, for every language: what a finding carries for them (`FixData`, in the
 * diagnostic's `data`, which the client sends back with the code-action request) and the code
 * that turns it into code actions.
 */
import type { CodeAction, CodeActionContext, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineAt, lineCountOf, positionAt } from './text';

export interface FixData {
  /** Replacements for the finding's range (or for `at`), best first. */
  readonly replace?: readonly string[];
  /** The first replacement's title, where the new text alone does not say what it does. */
  readonly title?: string;
  /** Offsets of the text to replace, where it is not the finding's range. */
  readonly at?: { readonly start: number; readonly end: number };
  /** Text to insert where the finding starts. */
  readonly insert?: string;
  /** Lines to add after the 0-based line `after` (-1: before the first line). */
  readonly addLines?: { readonly after: number; readonly lines: readonly string[] };
  /** A 0-based line to delete. */
  readonly deleteLine?: number;
  /** Offsets of a whole statement to remove (with its line, when nothing else is on it), and the fix's title. */
  readonly remove?: { readonly start: number; readonly end: number; readonly title: string };
}

/** The actions for each diagnostic of a code-action request, in its order. */
export function actionsPerDiagnostic(
  context: CodeActionContext,
  actionsFor: (d: Diagnostic) => readonly CodeAction[],
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of context.diagnostics) out.push(...actionsFor(d));
  return out;
}

/** One quick fix for one diagnostic. */
export function quickFix(
  doc: TextDocument,
  diag: Diagnostic,
  title: string,
  edits: TextEdit[],
  preferred = false,
): CodeAction {
  return {
    title,
    kind: 'quickfix',
    diagnostics: [diag],
    isPreferred: preferred || undefined,
    edit: { changes: { [doc.uri]: edits } },
  };
}

/** Insert `text` where the diagnostic starts. */
export function insertFix(doc: TextDocument, diag: Diagnostic, text: string, title: string): CodeAction {
  return quickFix(
    doc,
    diag,
    title,
    [{ range: { start: diag.range.start, end: diag.range.start }, newText: text }],
    true,
  );
}

/** Remove what the diagnostic covers. */
export function removeFix(doc: TextDocument, diag: Diagnostic, title: string): CodeAction {
  return quickFix(doc, diag, title, [{ range: diag.range, newText: '' }], true);
}

export interface FixOptions {
  /** The title of replacement `r` (default: Change to `r`). */
  replaceTitle?(r: string): string;
  /** Whether replacement `index` of `count` is the preferred fix (default: the first). */
  preferred?(index: number, count: number): boolean;
  /** At most this many replacements are offered (default: all). */
  readonly maxReplacements?: number;
}

/** The fixes a diagnostic's FixData describes: replacements, a line to delete, an insertion, lines to add. */
export function fixesFromData(doc: TextDocument, diag: Diagnostic, opts: FixOptions = {}): CodeAction[] {
  const data = (diag.data ?? {}) as FixData;
  const out: CodeAction[] = [];
  const replace = data.replace ?? [];
  const range = data.at ? { start: positionAt(doc, data.at.start), end: positionAt(doc, data.at.end) } : diag.range;
  replace.slice(0, opts.maxReplacements ?? replace.length).forEach((r, k) => {
    const title = k === 0 && data.title ? data.title : opts.replaceTitle ? opts.replaceTitle(r) : `Change to \`${r}\``;
    const preferred = opts.preferred ? opts.preferred(k, replace.length) : k === 0;
    out.push(quickFix(doc, diag, title, [{ range, newText: r }], preferred));
  });
  if (data.deleteLine !== undefined) out.push(deleteLineFix(doc, diag, data.deleteLine));
  if (data.remove) out.push(removeStatementFix(doc, diag, data.remove, !replace.length));
  if (data.insert) out.push(insertFix(doc, diag, data.insert, `Insert \`${data.insert.trim()}\``));
  if (data.addLines) out.push(addLinesFix(doc, diag, data.addLines.after, data.addLines.lines));
  return out;
}

/** Remove [start, end), and its line's indentation and line break when nothing else is on the line. */
function removeStatementFix(
  doc: TextDocument,
  diag: Diagnostic,
  r: NonNullable<FixData['remove']>,
  preferred: boolean,
): CodeAction {
  const text = doc.getText();
  let start = r.start;
  let end = r.end;
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const lineStart = s === 0 || text[s - 1] === '\n';
  const lineEnd = e === text.length || text[e] === '\n' || text[e] === '\r';
  if (lineStart && lineEnd) {
    start = s;
    end = text.startsWith('\r\n', e) ? e + 2 : text[e] === '\n' ? e + 1 : e;
  }
  return quickFix(
    doc,
    diag,
    r.title,
    [{ range: { start: positionAt(doc, start), end: positionAt(doc, end) }, newText: '' }],
    preferred,
  );
}

function deleteLineFix(doc: TextDocument, diag: Diagnostic, line: number): CodeAction {
  const start = { line, character: 0 };
  const end =
    line + 1 < lineCountOf(doc) ? { line: line + 1, character: 0 } : { line, character: lineAt(doc, line).text.length };
  return quickFix(
    doc,
    diag,
    `Remove the earlier setting on line ${line + 1}`,
    [{ range: { start, end }, newText: '' }],
    true,
  );
}

function addLinesFix(doc: TextDocument, diag: Diagnostic, after: number, lines: readonly string[]): CodeAction {
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  let edit: TextEdit;
  if (after < 0) {
    const top = { line: 0, character: 0 };
    edit = { range: { start: top, end: top }, newText: lines.map((l) => l + eol).join('') };
  } else {
    const at = { line: after, character: lineAt(doc, after).text.length };
    edit = { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
  }
  const keys = lines.map((l) => (l.includes('=') ? l.slice(0, l.indexOf('=')).trimEnd() : l));
  return quickFix(doc, diag, `Add ${keys.join(', ')}`, [edit], true);
}
