/**
 * The real-editor scenarios through the VS Code API, run inside the extension host by
 * @vscode/test-electron (test/desktop/run.tool.ts passes this file as extensionTestsPath).
 * A minimal runner, no mocha: each check polls for its result with a timeout, prints one line,
 * and the last line is `desktop: N passed, N failed`; run() rejects when a check failed.
 * `vscode` is required inside run(), so loading this file outside VS Code does nothing.
 */
import * as path from 'node:path';
import type * as vscodeTypes from 'vscode';
import {
  DHCPD,
  EXPECT,
  FILES,
  ISCSI,
  MESSY,
  NAMED,
  VMKLOG,
  VMX,
  poll,
  positionOf,
  serialPipeSnippet,
} from '../e2e/workspace';

const LANGUAGE_IDS: Record<string, string> = {
  [VMX]: 'vmx',
  [DHCPD]: 'dhcpd',
  [NAMED]: 'named',
  [VMKLOG]: 'vmkernel-log',
  [ISCSI]: 'iscsi-initiatorname',
  [MESSY]: 'named',
};

export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof vscodeTypes;
  const root = path.resolve(__dirname, '..', '..', '..');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('desktop: no workspace folder open (run.tool.ts passes the sample workspace)');
  const uri = (name: string): vscodeTypes.Uri => vscode.Uri.joinPath(folder, name);
  const results: { name: string; ok: boolean; detail: string }[] = [];
  // the code-server run (test/e2e) collects the lines through this hook; VS Code's own runner reads stdout
  const hook = (globalThis as { __infraLspSuiteLog?: (line: string) => void }).__infraLspSuiteLog;
  const say = (line: string): void => (hook ? hook(line) : console.log(line));

  async function check(name: string, body: () => Promise<string>): Promise<void> {
    try {
      const detail = await body();
      results.push({ name, ok: true, detail });
      say(`desktop: ok   ${name}: ${detail}`);
    } catch (e) {
      const detail = (e as Error).message;
      results.push({ name, ok: false, detail });
      say(`desktop: FAIL ${name}: ${detail}`);
    }
  }

  async function open(name: string): Promise<vscodeTypes.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(uri(name));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  const severityName = (s: vscodeTypes.DiagnosticSeverity): string =>
    ['error', 'warning', 'info', 'hint'][s] ?? String(s);
  const show = (ds: readonly vscodeTypes.Diagnostic[]): string =>
    ds.map((d) => `[${severityName(d.severity)} line ${d.range.start.line + 1}] ${d.message}`).join(' | ') || 'none';

  /** Diagnostics of a document once `want` holds (1-based lines in `want`, as users read them). */
  async function diagnostics(
    name: string,
    what: string,
    want: (ds: readonly vscodeTypes.Diagnostic[]) => boolean,
  ): Promise<readonly vscodeTypes.Diagnostic[]> {
    await open(name);
    return poll(what, 60_000, async () => {
      const ds = vscode.languages.getDiagnostics(uri(name));
      if (want(ds)) return ds;
      throw new Error(`diagnostics of ${name}: ${show(ds)}`);
    });
  }
  const on = (d: vscodeTypes.Diagnostic, line: number, severity: vscodeTypes.DiagnosticSeverity): boolean =>
    d.range.start.line + 1 === line && d.severity === severity;
  const { Error: ERROR, Warning: WARNING } = vscode.DiagnosticSeverity;

  const labelOf = (i: vscodeTypes.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

  await check('language-ids', async () => {
    const wrong: string[] = [];
    for (const f of FILES) {
      const doc = await vscode.workspace.openTextDocument(uri(f.name));
      if (doc.languageId !== LANGUAGE_IDS[f.name])
        wrong.push(`${f.name} is ${doc.languageId}, expected ${LANGUAGE_IDS[f.name]}`);
    }
    if (wrong.length) throw new Error(wrong.join('; '));
    return FILES.map((f) => `${f.name}: ${LANGUAGE_IDS[f.name]}`).join(', ');
  });

  await check('vmx-unknown-key-warning', async () => {
    const ds = await diagnostics(VMX, `a warning on line ${EXPECT.vmxUnknownKeyLine}`, (d) =>
      d.some((x) => on(x, EXPECT.vmxUnknownKeyLine, WARNING)),
    );
    return ds.find((x) => on(x, EXPECT.vmxUnknownKeyLine, WARNING))!.message;
  });

  await check('vmx-completion', async () => {
    const base = FILES.find((f) => f.name === VMX)!.text;
    const doc = await vscode.workspace.openTextDocument({ language: 'vmx', content: `${base}serial0.` });
    const pos = doc.positionAt(doc.getText().length);
    const labels = await poll(`completion after "serial0." with ${EXPECT.serialKeys.join(', ')}`, 30_000, async () => {
      const list = await vscode.commands.executeCommand<vscodeTypes.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      const ls = (list?.items ?? []).map(labelOf);
      if (EXPECT.serialKeys.every((k) => ls.some((l) => l.includes(k)))) return ls;
      throw new Error(`labels: ${ls.slice(0, 15).join(' | ') || 'none'}`);
    });
    return `${labels.length} items, including ${EXPECT.serialKeys.join(' and ')}`;
  });

  await check('vmx-snippet-serial-pipe', async () => {
    const snip = serialPipeSnippet(root);
    if (typeof snip === 'string') throw new Error(snip);
    const doc = await vscode.workspace.openTextDocument({ language: 'vmx', content: snip.prefix });
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.positionAt(snip.prefix.length);
    const item = await poll(`the snippet "${snip.name}" (prefix ${snip.prefix}) in completion`, 30_000, async () => {
      const list = await vscode.commands.executeCommand<vscodeTypes.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        end,
      );
      const items = (list?.items ?? []).filter(
        (i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i) === snip.prefix,
      );
      if (items.length) return items.find((i) => i.insertText instanceof vscode.SnippetString) ?? items[0];
      throw new Error(
        `snippet items: ${
          (list?.items ?? [])
            .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
            .map(labelOf)
            .join(' | ') || 'none'
        }`,
      );
    });
    const text =
      item.insertText instanceof vscode.SnippetString
        ? item.insertText
        : new vscode.SnippetString(String(item.insertText ?? ''));
    const ok = await editor.insertSnippet(text, new vscode.Range(doc.positionAt(0), end));
    if (!ok) throw new Error('insertSnippet refused the snippet');
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const have = doc.getText().split(/\r?\n/).map(norm);
    const expected = snip.lines.map(norm).filter(Boolean);
    const absent = expected.filter((l) => !have.includes(l));
    if (absent.length) throw new Error(`not inserted: ${absent.join(' | ')}`);
    return `"${snip.name}" inserted ${expected.length} lines`;
  });

  await check('dhcpd-diagnostics', async () => {
    const semi = EXPECT.dhcpdSemicolonLines as readonly number[];
    const ds = await diagnostics(
      DHCPD,
      `errors on lines ${EXPECT.dhcpdKeyLine} and ${semi.join('/')}`,
      (d) =>
        d.some((x) => on(x, EXPECT.dhcpdKeyLine, ERROR) && x.message.includes('DHCP_UPDATER')) &&
        d.some((x) => x.severity === ERROR && semi.includes(x.range.start.line + 1) && /;|semicolon/i.test(x.message)),
    );
    return show(ds.filter((x) => x.severity === ERROR));
  });

  await check('named-undefined-acl', async () => {
    const ds = await diagnostics(NAMED, `an error naming "trusted" on line ${EXPECT.namedAclLine}`, (d) =>
      d.some((x) => on(x, EXPECT.namedAclLine, ERROR) && x.message.includes('trusted')),
    );
    return ds.find((x) => on(x, EXPECT.namedAclLine, ERROR))!.message;
  });

  await check('named-outline', async () => {
    await open(NAMED);
    const names = await poll(`document symbols ${EXPECT.namedZones.join(', ')}`, 30_000, async () => {
      const syms = await vscode.commands.executeCommand<(vscodeTypes.DocumentSymbol | vscodeTypes.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider',
        uri(NAMED),
      );
      const all: string[] = [];
      const walk = (s: vscodeTypes.DocumentSymbol | vscodeTypes.SymbolInformation): void => {
        all.push(s.name);
        if ('children' in s) s.children.forEach(walk);
      };
      (syms ?? []).forEach(walk);
      if (EXPECT.namedZones.every((z) => all.some((n) => n.includes(z)))) return all;
      throw new Error(`symbols: ${all.join(' | ') || 'none'}`);
    });
    return names.join(' | ');
  });

  await check('vmklog-hover', async () => {
    await open(VMKLOG);
    const p = positionOf(VMKLOG, EXPECT.vmkCode);
    const pos = new vscode.Position(p.line - 1, p.column - 1 + 3);
    const text = await poll(`a hover saying ${EXPECT.vmkHover.join(' / ')}`, 30_000, async () => {
      const hovers = await vscode.commands.executeCommand<vscodeTypes.Hover[]>(
        'vscode.executeHoverProvider',
        uri(VMKLOG),
        pos,
      );
      const t = (hovers ?? [])
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      if (EXPECT.vmkHover.every((w) => t.includes(w))) return t;
      throw new Error(`hover: ${t.slice(0, 200) || 'none'}`);
    });
    return text.replace(/\s+/g, ' ').slice(0, 120);
  });

  await check('iscsi-month-13', async () => {
    const ds = await diagnostics(ISCSI, `a problem about month 13 on line ${EXPECT.iscsiLine}`, (d) =>
      d.some((x) => x.range.start.line + 1 === EXPECT.iscsiLine && /13|month/i.test(x.message)),
    );
    return ds.find((x) => x.range.start.line + 1 === EXPECT.iscsiLine)!.message;
  });

  const failed = results.filter((r) => !r.ok).length;
  say(`desktop: ${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} desktop check(s) failed`);
}
