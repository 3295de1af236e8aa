/**
 * Real-editor tests: the packaged .vsix in code-server (the VS Code workbench with a real Node
 * extension host), driven through Debian's headless Chromium with playwright-core.
 *
 *   npm run test:e2e                         build, package, install, run every scenario
 *   node out/test/e2e/run.tool.js --screenshots   also copy the three README screenshots to images/screenshots/
 *
 * The first checks (tree-*) open the Debian-style BIND tree under etc/bind/ of the sample
 * workspace (test/e2e/workspace.ts, TREE) while the server may still be indexing: no false
 * "Undefined acl" in named.conf.local, Go to Definition across files, the error of
 * named.conf.options shown in that file (open, and with only named.conf open after a window
 * reload), and zones.rfc1918 opened as named; then the single-file checks.
 *
 * Every step leaves a screenshot in test-results/e2e/; a failed check prints its name and its
 * screenshot. The last line is `e2e: N passed, N failed`. Without chromium or code-server the
 * run says so and exits 0, except under CI=true where that is a failure.
 * Env: E2E_CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_SCALE (multiplies every timeout),
 *      E2E_VSIX (test this .vsix instead of packaging the repo), E2E_KEEP (keep the temp dir),
 *      E2E_ONLY (comma-separated check names to run; for working on the harness).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  DHCPD,
  EXPECT,
  ISCSI,
  NAMED,
  TIMEOUT_SCALE,
  VMKLOG,
  MESSY,
  VMX,
  poll,
  positionOf,
  serialPipeSnippet,
  TREE,
  TREE_EXPECT,
  writeWorkspace,
} from './workspace';

const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PACKAGE = '1.15.11'; // @vscode/ripgrep in code-server 4.100.3
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
const SCALE = TIMEOUT_SCALE;
const CI = process.env.CI === 'true';
const ROOT = path.resolve(__dirname, '..', '..', '..');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const CACHE = path.join(ROOT, '.cache', 'code-server');
const CS_PKG = path.join(CACHE, 'node_modules', 'code-server');
const CS_ENTRY = path.join(CS_PKG, 'out', 'node', 'entry.js');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const README_SHOTS: Record<string, string> = {
  'vmklog-hover': 'hover-status-code.png',
  'dhcpd-problems': 'dhcpd-errors.png',
  'vmx-completion': 'vmx-completion.png',
};

const t0 = Date.now();
const since = (t: number): string => `${((Date.now() - t) / 1000).toFixed(1)}s`;
const log = (msg: string): void => console.log(`[e2e ${since(t0)}] ${msg}`);

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let tmp = '';

function cleanup(): void {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL'); // code-server, its extension host and our language server
    } catch {
      /* already gone */
    }
  }
  server = undefined;
  if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    void browser?.close().catch(() => undefined);
    cleanup();
    process.exit(130);
  });
}
process.on('exit', cleanup);

/** The editor or browser is missing: one line; a failure only under CI. */
function unavailable(why: string): never {
  if (CI) {
    console.error(`e2e: ${why} (CI=true: failing)`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`e2e: skipped: ${why}`);
  process.exit(0);
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: opts.timeoutMs ?? 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

// ---------------------------------------------------------------- package, install

/** Every file package.json makes VS Code read; vsce refuses a package without them. */
function referencedFiles(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    icon?: string;
    main?: string;
    contributes?: {
      languages?: { configuration?: string }[];
      grammars?: { path: string }[];
      snippets?: { path: string }[];
    };
  };
  const c = pkg.contributes ?? {};
  return [
    pkg.icon,
    pkg.main,
    ...(c.languages ?? []).map((l) => l.configuration),
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
    'README.md',
    'LICENSE',
  ]
    .filter((p): p is string => !!p)
    .map((p) => path.normalize(p));
}

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function placeholder(file: string): string {
  if (file.endsWith('.tmLanguage.json'))
    return JSON.stringify({ scopeName: `source.placeholder.${path.basename(file, '.tmLanguage.json')}`, patterns: [] });
  if (file.endsWith('.language-configuration.json')) return JSON.stringify({ comments: { lineComment: '#' } });
  if (file.endsWith('.json')) return '{}';
  return 'placeholder\n';
}

function packageVsix(): string {
  const b = run(process.execPath, ['scripts/build.mjs']);
  if (!b.ok) throw new Error(`node scripts/build.mjs failed:\n${b.out}`);
  const vsix = path.join(tmp, 'infra-lsp.vsix');
  const missing = referencedFiles().filter((f) => !fs.existsSync(path.join(ROOT, f)));
  let cwd = ROOT;
  if (missing.length) {
    // Languages still being written: package a throwaway copy with placeholders, never touch the repo.
    cwd = path.join(tmp, 'pkg');
    const skip = new Set(['node_modules', '.git', '.cache', 'out', 'test-results', 'test', 'server', 'client']);
    fs.cpSync(ROOT, cwd, {
      recursive: true,
      filter: (src) => !skip.has(path.relative(ROOT, src).split(path.sep)[0] ?? '') && !src.endsWith('.vsix'),
    });
    for (const f of missing) {
      fs.mkdirSync(path.dirname(path.join(cwd, f)), { recursive: true });
      if (f.endsWith('.png')) fs.writeFileSync(path.join(cwd, f), Buffer.from(TINY_PNG, 'base64'));
      else fs.writeFileSync(path.join(cwd, f), placeholder(f));
    }
    log(`packaging with throwaway placeholders for missing files: ${missing.join(', ')}`);
  }
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const p = run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd });
  if (!p.ok || !fs.existsSync(vsix)) throw new Error(`vsce package failed:\n${p.out}`);
  log(`packaged ${path.relative(tmp, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  return vsix;
}

/**
 * A throwaway extension that runs test/desktop/suite.tool.ts (the API scenarios of
 * `npm run test:desktop`) inside code-server's extension host when its command is invoked.
 */
const SHIM_COMMAND = 'infraLspE2e.runApiSuite';
const SHIM_TITLE = 'infra-lsp e2e: run the API suite';

function packageShim(resultFile: string): string | undefined {
  const suite = path.join(ROOT, 'out', 'test', 'desktop', 'suite.tool.js');
  if (!fs.existsSync(suite)) return undefined;
  const dir = path.join(tmp, 'api-suite-shim');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'infra-lsp-e2e-api-suite',
      publisher: 'infra-lsp-e2e',
      version: '0.0.1',
      description: 'Runs the infra-lsp API scenarios in the extension host (test only).',
      engines: { vscode: '^1.82.0' },
      main: './extension.js',
      activationEvents: [`onCommand:${SHIM_COMMAND}`],
      contributes: { commands: [{ command: SHIM_COMMAND, title: SHIM_TITLE }] },
    }),
  );
  fs.writeFileSync(path.join(dir, 'README.md'), '# infra-lsp e2e API suite shim\n\nTest only.\n');
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `const fs = require('fs');
const vscode = require('vscode');
const OUT = ${JSON.stringify(resultFile)};
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand(${JSON.stringify(SHIM_COMMAND)}, async () => {
    globalThis.__infraLspSuiteLog = (line) => fs.appendFileSync(OUT, line + '\\n');
    try { await require(${JSON.stringify(suite)}).run(); }
    catch (e) { fs.appendFileSync(OUT, 'desktop: error: ' + (e && e.message) + '\\n'); }
    finally { delete globalThis.__infraLspSuiteLog; fs.appendFileSync(OUT, 'END\\n'); }
  }));
};
`,
  );
  const out = path.join(tmp, 'api-suite-shim.vsix');
  const r = run(
    path.join(ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
    { cwd: dir },
  );
  if (!r.ok) throw new Error(`packaging the API suite shim failed:\n${r.out}`);
  return out;
}

function codeServerInstalled(): boolean {
  try {
    const v = (JSON.parse(fs.readFileSync(path.join(CS_PKG, 'package.json'), 'utf8')) as { version: string }).version;
    // node_modules.asar is made by code-server's postinstall: without it the install is incomplete
    return (
      v === CODE_SERVER_VERSION &&
      fs.existsSync(CS_ENTRY) &&
      fs.existsSync(path.join(CS_PKG, 'lib', 'vscode', 'node_modules.asar'))
    );
  } catch {
    return false;
  }
}

function installCodeServer(): void {
  if (codeServerInstalled()) return;
  const t = Date.now();
  log(
    `installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE)} (first run only; a few minutes)`,
  );
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg)
    unavailable(
      'ripgrep (rg) is not installed; code-server cannot be installed without it here (apt-get install ripgrep)',
    );
  // @vscode/ripgrep's postinstall downloads rg from GitHub; hand it Debian's rg through its own cache.
  const tmpdir = os.tmpdir();
  const rgCache = path.join(tmpdir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE}`);
  const asset = path.join(rgCache, RIPGREP_ASSET);
  if (!fs.existsSync(asset)) {
    const pack = fs.mkdtempSync(path.join(tmpdir, 'rgpack-'));
    fs.copyFileSync(rg, path.join(pack, 'rg'));
    fs.chmodSync(path.join(pack, 'rg'), 0o755);
    fs.mkdirSync(rgCache, { recursive: true });
    const tar = run('tar', ['czf', asset, '-C', pack, 'rg']);
    fs.rmSync(pack, { recursive: true, force: true });
    if (!tar.ok) unavailable(`cannot prepare the ripgrep cache: ${tar.out.trim()}`);
  }
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmpdir,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  // native modules (kerberos, argon2) build with node-gyp; offline it needs local headers (Debian: /usr/include/node)
  if (!env.npm_config_nodedir && systemHeadersMatch()) env.npm_config_nodedir = '/usr';
  const r = run('npm', ['install', '--no-save', '--prefix', CACHE, `code-server@${CODE_SERVER_VERSION}`], {
    env,
    timeoutMs: 1_200_000,
  });
  if (!r.ok || !codeServerInstalled()) {
    fs.writeFileSync(path.join(RESULTS, 'code-server-install.log'), r.out);
    unavailable(
      `code-server@${CODE_SERVER_VERSION} could not be installed (log: ${path.relative(ROOT, path.join(RESULTS, 'code-server-install.log'))}; needs Node 20, libkrb5-dev, ripgrep)`,
    );
  }
  log(`code-server installed in ${since(t)}`);
}

function systemHeadersMatch(): boolean {
  try {
    const h = fs.readFileSync('/usr/include/node/node_version.h', 'utf8');
    const v = ['MAJOR', 'MINOR', 'PATCH']
      .map((k) => new RegExp(`define NODE_${k}_VERSION (\\d+)`).exec(h)?.[1])
      .join('.');
    return v === process.versions.node;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

// ---------------------------------------------------------------- checks

interface Result {
  name: string;
  ok: boolean;
  detail: string;
  shot: string;
}
const results: Result[] = [];
let page!: Page;
let shotNo = 0;

async function shot(name: string): Promise<string> {
  const file = path.join(RESULTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 15_000 * SCALE });
  } catch (e) {
    log(`screenshot ${name} failed: ${(e as Error).message.split('\n')[0]}`);
  }
  return file;
}

const ONLY = process.env.E2E_ONLY?.split(',').filter(Boolean);

async function check(name: string, body: () => Promise<string>): Promise<void> {
  if (ONLY && !ONLY.includes(name)) return;
  const t = Date.now();
  try {
    const detail = await body();
    const file = await shot(name);
    results.push({ name, ok: true, detail, shot: file });
    log(`ok   ${name} (${since(t)}): ${detail}`);
  } catch (e) {
    const file = await shot(`${name}-FAILED`);
    const detail = (e as Error).message;
    results.push({ name, ok: false, detail, shot: file });
    log(`FAIL ${name} (${since(t)}): ${detail}\n     screenshot: ${path.relative(ROOT, file)}`);
    await page.keyboard.press('Escape').catch(() => undefined);
  }
}

// ---------------------------------------------------------------- workbench helpers

const ctrl = 'Control';

async function texts(selector: string, attr?: string): Promise<string[]> {
  const loc = page.locator(selector);
  const n = await loc.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const el = loc.nth(i);
      out.push((attr ? await el.getAttribute(attr, { timeout: 1000 }) : await el.textContent({ timeout: 1000 })) ?? '');
    } catch {
      /* the row went away while reading */
    }
  }
  return out;
}

async function runCommand(label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 * SCALE });
  await input.fill(`>${label}`);
  await poll(`the command "${label}" in the palette`, 10_000, async () => {
    const rows = await texts('.quick-input-widget .monaco-list-row', 'aria-label');
    return rows.some((r) => r.toLowerCase().includes(label.toLowerCase())) ? true : undefined;
  });
  await page.keyboard.press('Enter');
}

/**
 * Opens a file at the top of the workspace from the Explorer (Quick Open, Ctrl+P, when the row is
 * not there) and waits for its editor. (etc/bind/named.conf is a row too when the Explorer shows
 * etc/bind: only rows of the first level count.)
 */
async function openFile(name: string): Promise<void> {
  await page.keyboard.press('Escape');
  const row = page
    .locator('.explorer-folders-view .monaco-list-row[aria-level="1"]')
    .filter({ has: page.locator(`.label-name:text-is("${name}")`) });
  if (!(await row.count())) return openPath(name);
  await row.first().click();
  await waitActive(name);
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 5, y: 5 } });
}

/** The visible lines of the active editor, top to bottom (the samples fit on one screen). */
async function editorLines(): Promise<string[]> {
  const lines: { top: number; text: string }[] = await page.evaluate(`(() => {
    const root = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!root) return [];
    return [...root.querySelectorAll('.view-line')].map((l) => ({ top: parseFloat(l.style.top) || 0, text: (l.textContent || '').replace(/\\u00a0/g, ' ') }));
  })()`);
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
}

/** Moves the cursor with Go to Line (Ctrl+G `line:column`). */
async function gotoPosition(line: number, column: number): Promise<void> {
  await page.keyboard.press(`${ctrl}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 * SCALE });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await poll(`the cursor at ${line}:${column}`, 10_000, async () => {
    const status = await texts('.statusbar-item[id="status.editor.selection"]');
    return status.some((s) => s.includes(`Ln ${line}, Col ${column}`)) ? true : undefined;
  });
}

interface Problem {
  /** The file's path relative to the workspace folder (`named.conf`, `etc/bind/named.conf.options`). */
  file: string;
  label: string;
  line: number;
  severity: string;
}

/** Every row of the Problems panel (opened with Ctrl+Shift+M if hidden), grouped by file. */
async function problems(): Promise<Problem[]> {
  if (
    !(await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false))
  ) {
    await page.keyboard.press(`${ctrl}+Shift+M`);
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 * SCALE });
  }
  const rows = await texts('.markers-panel .monaco-list-row', 'aria-label');
  const out: Problem[] = [];
  let file = '';
  for (const label of rows) {
    const m = /at line (\d+) and character (\d+)/i.exec(label);
    if (!m) {
      // "N problems in file NAME of folder DIR", DIR relative to the workspace ("." at its top)
      const r = /problems in file (.+) of folder (.*)$/.exec(label);
      file = r ? (r[2] === '.' || r[2] === '' ? r[1]! : `${r[2]}/${r[1]}`) : label;
      continue;
    }
    const severity = /^(Error|Warning|Info)/i.exec(label)?.[1]?.toLowerCase() ?? 'info';
    out.push({ file, label, line: Number(m[1]), severity });
  }
  return out;
}

async function problemsFor(
  name: string,
  want: (ps: Problem[]) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<Problem[]> {
  return poll(`${what} in the Problems panel`, timeoutMs, async () => {
    const ps = (await problems()).filter((p) => p.file === name);
    if (want(ps)) return ps;
    throw new Error(
      `rows for ${name}: ${ps.map((p) => `[${p.severity} line ${p.line}] ${p.label}`).join(' | ') || 'none'}`,
    );
  });
}

async function closePanel(): Promise<void> {
  if (
    await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false)
  )
    await runCommand('View: Hide Panel');
}

/** Opens the suggest widget (Ctrl+Space) and returns the labels of its rows, scrolling through them. */
async function completionLabels(wanted: readonly string[]): Promise<string[]> {
  await page.keyboard.press(`${ctrl}+Space`);
  const seen = new Set<string>();
  await poll('the completion list', 30_000, async () => {
    const rows = await texts('.suggest-widget.visible .monaco-list-row', 'aria-label');
    rows.forEach((r) => seen.add(r));
    if (rows.length === 0 || rows.some((r) => /loading/i.test(r))) return undefined;
    return true;
  });
  // The list is virtual: walk down until every wanted label was seen or the list ends (arrows wrap round).
  for (let i = 0; i < 80 && !wanted.every((w) => [...seen].some((s) => s.includes(w))); i++) {
    await page.keyboard.press('PageDown');
    const rows = await texts('.suggest-widget.visible .monaco-list-row', 'aria-label');
    const before = seen.size;
    rows.forEach((r) => seen.add(r));
    if (seen.size === before && i > 2) break;
  }
  return [...seen];
}

// ---------------------------------------------------------------- helpers for files in folders

/**
 * A Quick Open row's file as a path relative to the workspace: its aria-label is "NAME DIR" (DIR
 * absent at the top), the first row's followed by ", file results", a recent one's by ", recently opened".
 */
function quickOpenPath(label: string): string {
  const [name = '', dir = ''] = label.replace(/, .*$/, '').split(' ');
  return dir ? `${dir}/${name}` : name;
}

/** The path of the active editor's file, relative to the workspace, from its breadcrumbs (e.g. etc > bind > named.conf). */
async function activePath(): Promise<string[]> {
  return texts('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
}

async function waitActive(rel: string, timeoutMs = 30_000): Promise<void> {
  const parts = rel.split('/');
  await poll(`the editor of ${rel}`, timeoutMs, async () => {
    const crumbs = await activePath();
    const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines').count();
    if (lines > 0 && parts.every((p, i) => crumbs[i] === p)) return true;
    throw new Error(`active editor: ${crumbs.join(' > ') || 'none'}`);
  });
}

/** Opens a workspace file by its relative path with Quick Open (Ctrl+P), picking the row of exactly that path. */
async function openPath(rel: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${ctrl}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 * SCALE });
  await input.fill(rel);
  // the list re-renders while the file search runs (a recently opened row first, then the
  // results): the row is found by its label, not its place, and clicked again if it went away
  await poll(`${rel} in Quick Open`, 60_000, async () => {
    const rows = await texts('.quick-input-widget .monaco-list-row', 'aria-label');
    const label = rows.find((r) => quickOpenPath(r) === rel);
    if (label === undefined) throw new Error(`rows: ${rows.join(' | ') || 'none'}`);
    await page
      .locator(`.quick-input-widget .monaco-list-row[aria-label=${JSON.stringify(label)}]`)
      .first()
      .click({ timeout: 3_000 * SCALE });
    return true;
  });
  await waitActive(rel);
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 5, y: 5 } });
}

async function statusBar(id: string): Promise<string> {
  return (await texts(`.statusbar-item[id="${id}"]`)).join(' ').trim();
}

/** The line of the cursor, from the status bar ("Ln 12, Col 22"; the column counts a tab as its width). */
async function cursorLine(): Promise<number | undefined> {
  const m = /Ln (\d+)/.exec(await statusBar('status.editor.selection'));
  return m ? Number(m[1]) : undefined;
}

async function gotoLineColumn(line: number, column: number): Promise<void> {
  await page.keyboard.press(`${ctrl}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 * SCALE });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await poll(`the cursor on line ${line}`, 10_000, async () => ((await cursorLine()) === line ? true : undefined));
}

async function closeAllEditors(): Promise<void> {
  await page.keyboard.press('Escape');
  if (await page.locator('.tabs-container .tab').count()) await runCommand('View: Close All Editors');
  await poll('every editor closed', 10_000, async () =>
    (await page.locator('.tabs-container .tab').count()) === 0 ? true : undefined,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms * SCALE));

const showProblems = (ps: Problem[]): string =>
  ps.map((p) => `[${p.file} ${p.severity} line ${p.line}] ${p.label.replace(/ at line .*$/, '')}`).join(' | ') ||
  'none';

/** Rows that the Problems panel shows twice (same file, line and text): a diagnostic published twice. */
function duplicates(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.file}\n${p.label}`;
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}

// ---------------------------------------------------------------- scenarios

async function scenarios(): Promise<void> {
  const root = ROOT;
  await check('vmx-open-colour', async () => {
    await openFile(VMX);
    const classes = await poll('coloured tokens in the .vmx editor', 30_000, async () => {
      const cls: string[] = await page.evaluate(`(() => {
        const spans = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line span span');
        return [...new Set([...spans].map((s) => s.className).filter((c) => /mtk\\d+/.test(c)))];
      })()`);
      if (cls.length >= 3) return cls;
      throw new Error(`token classes: ${cls.join(' ') || 'none'}`);
    });
    return `${classes.length} distinct token classes (${classes.slice(0, 6).join(', ')})`;
  });

  await check('vmx-unknown-key-warning', async () => {
    const ps = await problemsFor(
      VMX,
      (p) => p.some((x) => x.line === EXPECT.vmxUnknownKeyLine && x.severity === 'warning'),
      `a warning on line ${EXPECT.vmxUnknownKeyLine} of ${VMX}`,
      90_000,
    );
    const w = ps.find((x) => x.line === EXPECT.vmxUnknownKeyLine)!;
    return w.label;
  });

  await check('vmx-completion', async () => {
    await closePanel();
    await openFile(VMX);
    await page.keyboard.press(`${ctrl}+End`);
    await page.keyboard.type('serial0.');
    const labels = await completionLabels(EXPECT.serialKeys);
    const missing = EXPECT.serialKeys.filter((k) => !labels.some((l) => l.includes(k)));
    if (missing.length)
      throw new Error(
        `after "serial0." the list lacks ${missing.join(', ')}; it has: ${labels.slice(0, 15).join(' | ')}`,
      );
    // for the screenshot: focus the fileType row and show its documentation beside the list
    for (let i = 0; i < 40; i++) {
      const focused = (await texts('.suggest-widget.visible .monaco-list-row.focused', 'aria-label')).join(' ');
      if (focused.includes(EXPECT.serialKeys[0])) break;
      await page.keyboard.press('ArrowDown');
    }
    if (
      !(await page
        .locator('.suggest-details-container .suggest-details')
        .isVisible()
        .catch(() => false))
    )
      await page.keyboard.press(`${ctrl}+Space`);
    await page
      .locator('.suggest-details-container .suggest-details')
      .waitFor({ state: 'visible', timeout: 5_000 * SCALE })
      .catch(() => undefined);
    return `${labels.length} items after "serial0.", including ${EXPECT.serialKeys.join(' and ')}`;
  });

  await check('vmx-snippet-serial-pipe', async () => {
    await page.keyboard.press('Escape');
    // clear the scratch line typed above
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
    const snip = serialPipeSnippet(root);
    if (typeof snip === 'string') throw new Error(snip);
    await page.keyboard.type(snip.prefix);
    const labels = await completionLabels([snip.prefix]);
    const row = page.locator('.suggest-widget.visible .monaco-list-row').filter({ hasText: snip.prefix });
    if (!(await row.count()))
      throw new Error(
        `no completion row for the snippet prefix "${snip.prefix}"; rows: ${labels.slice(0, 10).join(' | ')}`,
      );
    // prefer the row VS Code made from snippets/vmx.json (its aria-label names the snippet)
    const rows = await texts('.suggest-widget.visible .monaco-list-row', 'aria-label');
    const idx =
      rows.findIndex((r) => r.includes(snip.name)) >= 0
        ? rows.findIndex((r) => r.includes(snip.name))
        : rows.findIndex((r) => r.includes(snip.prefix));
    await page.locator('.suggest-widget.visible .monaco-list-row').nth(Math.max(idx, 0)).click();
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const expected = snip.lines.map(norm).filter(Boolean);
    await poll(`the lines of snippet "${snip.name}" in the editor`, 15_000, async () => {
      const text = (await editorLines()).map(norm);
      const absent = expected.filter((l) => !text.includes(l));
      if (!absent.length) return true;
      throw new Error(`not inserted: ${absent.join(' | ')}`);
    });
    await page.keyboard.press('Escape');
    return `"${snip.name}" (prefix ${snip.prefix}) inserted ${expected.length} lines`;
  });

  await check('dhcpd-problems', async () => {
    await openFile(DHCPD);
    const ps = await problemsFor(
      DHCPD,
      (p) =>
        p.some((x) => x.severity === 'error' && x.line === EXPECT.dhcpdKeyLine) &&
        p.some((x) => x.severity === 'error' && (EXPECT.dhcpdSemicolonLines as readonly number[]).includes(x.line)),
      `errors on line ${EXPECT.dhcpdKeyLine} (undefined key) and line ${EXPECT.dhcpdSemicolonLines.join(' or ')} (missing ;) of ${DHCPD}`,
      90_000,
    );
    const key = ps.find((x) => x.severity === 'error' && x.line === EXPECT.dhcpdKeyLine)!;
    if (!/DHCP_UPDATER/.test(key.label))
      throw new Error(`the line ${EXPECT.dhcpdKeyLine} error does not name DHCP_UPDATER: ${key.label}`);
    const semi = ps.filter(
      (x) => x.severity === 'error' && (EXPECT.dhcpdSemicolonLines as readonly number[]).includes(x.line),
    );
    if (!semi.some((x) => /;|semicolon/i.test(x.label)))
      throw new Error(
        `no error about a missing ';' on line ${EXPECT.dhcpdSemicolonLines.join(' or ')}: ${semi.map((x) => x.label).join(' | ')}`,
      );
    return ps
      .filter((x) => x.severity === 'error')
      .map((x) => `line ${x.line}: ${x.label}`)
      .join(' | ');
  });

  await check('named-undefined-acl', async () => {
    await closePanel();
    await openFile(NAMED);
    const ps = await problemsFor(
      NAMED,
      (p) => p.some((x) => x.severity === 'error' && x.line === EXPECT.namedAclLine && /trusted/.test(x.label)),
      `an error naming acl "trusted" on line ${EXPECT.namedAclLine} of ${NAMED}`,
      90_000,
    );
    return ps.find((x) => x.line === EXPECT.namedAclLine)!.label;
  });

  await check('named-outline', async () => {
    await closePanel();
    await openFile(NAMED);
    await runCommand('Explorer: Focus on Outline View');
    const rows = await poll(`the outline listing ${EXPECT.namedZones.join(', ')}`, 30_000, async () => {
      const r = await texts('.outline-pane .monaco-list-row', 'aria-label');
      if (EXPECT.namedZones.every((z) => r.some((x) => x.includes(z)))) return r;
      throw new Error(`outline rows: ${r.join(' | ') || 'none'}`);
    });
    return `outline: ${rows.join(' | ')}`;
  });

  await check('vmklog-hover', async () => {
    await openFile(VMKLOG);
    const pos = positionOf(VMKLOG, EXPECT.vmkCode);
    await gotoPosition(pos.line, pos.column + 3);
    const text = await poll(`a hover saying ${EXPECT.vmkHover.join(' / ')}`, 45_000, async () => {
      if (
        !(await page
          .locator('.monaco-hover-content')
          .first()
          .isVisible()
          .catch(() => false))
      ) {
        await page.keyboard.press(`${ctrl}+K`);
        await page.keyboard.press(`${ctrl}+I`);
      }
      const hover = (await texts('.monaco-hover-content')).join(' ');
      if (EXPECT.vmkHover.every((w) => hover.includes(w))) return hover;
      // the hover may be VS Code's own "loading" or a stale one: close it and ask again
      await page.keyboard.press('Escape');
      throw new Error(`hover text: ${hover.slice(0, 200) || 'none'}`);
    });
    return text.replace(/\s+/g, ' ').slice(0, 160);
  });

  await check('vmklog-sense-hover', async () => {
    await page.keyboard.press('Escape');
    await openFile(VMKLOG);
    const pos = positionOf(VMKLOG, EXPECT.senseAt);
    await gotoPosition(pos.line, pos.column + 2);
    const text = await poll(`a hover saying ${EXPECT.senseHover.join(' / ')}`, 45_000, async () => {
      await page.keyboard.press(`${ctrl}+K`);
      await page.keyboard.press(`${ctrl}+I`);
      const hover = (await texts('.monaco-hover-content')).join(' ');
      if (EXPECT.senseHover.every((w) => hover.includes(w))) return hover;
      await page.keyboard.press('Escape');
      throw new Error(`hover text: ${hover.slice(0, 200) || 'none'}`);
    });
    return text.replace(/\s+/g, ' ').slice(0, 240);
  });

  await check('vmklog-outline-device', async () => {
    await page.keyboard.press('Escape');
    // the log is the active editor (scrolled right by the hover before): back to its start
    await gotoPosition(1, 1);
    await runCommand('Explorer: Focus on Outline View');
    const rows = await poll(`the outline listing ${EXPECT.device}`, 30_000, async () => {
      const r = await texts('.outline-pane .monaco-list-row', 'aria-label');
      if (r.some((x) => x.includes(EXPECT.device))) return r;
      throw new Error(`outline rows: ${r.join(' | ') || 'none'}`);
    });
    return `outline: ${rows.join(' | ').slice(0, 300)}`;
  });

  await check('format-document', async () => {
    await page.keyboard.press('Escape');
    await openFile(MESSY);
    const before = await editorLines();
    await shot('format-before');
    await runCommand('Format Document');
    const after = await poll('the formatted named-messy.conf', 20_000, async () => {
      const lines = (await editorLines()).map((l) => l.trim());
      if (EXPECT.formatted.every((f) => lines.includes(f))) return lines;
      throw new Error(`lines: ${lines.slice(0, 6).join(' | ')}`);
    });
    await shot('format-after');
    await page.keyboard.press(`${ctrl}+Z`);
    return `${before.length} lines became ${after.filter(Boolean).length} non-blank lines: ${after.slice(1, 6).join(' | ')}`;
  });

  await check('iscsi-month-13', async () => {
    await page.keyboard.press('Escape');
    await openFile(ISCSI);
    const ps = await problemsFor(
      ISCSI,
      (p) => p.some((x) => x.line === EXPECT.iscsiLine && /13|month/i.test(x.label)),
      `a problem about month 13 on line ${EXPECT.iscsiLine} of ${ISCSI}`,
      90_000,
    );
    return ps.find((x) => x.line === EXPECT.iscsiLine)!.label;
  });
}

/**
 * The Debian-style tree of workspace.ts (TREE): etc/bind/named.conf includes named.conf.options
 * (the acl, and a missing `;`), named.conf.local (a zone that uses the acl, and an include of
 * zones.rfc1918) and named.conf.default-zones, all by absolute paths under /etc/bind. Runs first,
 * while the server may still be indexing, then again after a reload with only named.conf open.
 */
async function treeScenarios(): Promise<void> {
  const { root, options, local, fragment } = TREE;
  const semicolon = (p: Problem): boolean =>
    p.file === options &&
    p.severity === 'error' &&
    (TREE_EXPECT.optionsSemicolonLines as readonly number[]).includes(p.line) &&
    /;/.test(p.label);
  const undefinedAcl = (p: Problem): boolean => p.file === local && /undefined acl/i.test(p.label);
  const inTree = (p: Problem): boolean => p.file.startsWith('etc/');
  const noDuplicates = (ps: Problem[]): void => {
    const d = duplicates(ps.filter(inTree));
    if (d.length) throw new Error(`shown twice: ${showProblems(d)}`);
  };

  await check('tree-local-acl-defined', async () => {
    await openPath(local);
    const t = Date.now();
    let before = '';
    const ps = await poll(
      `no "Undefined acl" in ${local} and the missing ';' of ${options} in the Problems panel`,
      90_000,
      async () => {
        const all = await problems();
        const acl = all.find(undefinedAcl);
        if (acl) {
          before ||= `${acl.label.replace(/ at line .*$/, '')} at ${since(t)}`;
          throw new Error(`still shown: ${acl.label}`);
        }
        if (!all.some(semicolon)) throw new Error(`the tree's rows: ${showProblems(all.filter(inTree))}`);
        return all;
      },
    );
    // the index is built and the document checked again: the warning must not come back
    await sleep(2_000);
    const later = await problems();
    if (later.some(undefinedAcl)) throw new Error(`"Undefined acl" came back: ${showProblems(later.filter(inTree))}`);
    noDuplicates(later);
    const mine = ps.filter((p) => p.file === local);
    return (
      `${local}: ${mine.length ? showProblems(mine) : 'no problems'}` +
      (before ? `; before indexing it showed "${before}", cleared after ${since(t)}` : '; never showed "Undefined acl"')
    );
  });

  await check('tree-go-to-definition', async () => {
    await closePanel();
    await openPath(local);
    const use = positionOf(local, TREE_EXPECT.trustedUse);
    await gotoLineColumn(use.line, use.column + 2);
    await page.keyboard.press('F12');
    await waitActive(options);
    const line = await poll(`the cursor on line ${TREE_EXPECT.aclLine} of ${options}`, 15_000, async () => {
      const l = await cursorLine();
      if (l === TREE_EXPECT.aclLine) return l;
      throw new Error(`cursor: ${await statusBar('status.editor.selection')}`);
    });
    const tabs = await texts('.tabs-container .tab', 'aria-label');
    return `F12 on "trusted" (${local}:${use.line}) opened ${options} at line ${line} (${await statusBar('status.editor.selection')}); tabs: ${tabs.join(', ')}`;
  });

  await check('tree-options-error-open', async () => {
    // named.conf.options is open now (Go to Definition opened it): its own validation publishes
    await waitActive(options);
    const ps = await problemsFor(
      options,
      (p) => p.some(semicolon),
      `an error about ';' on line ${TREE_EXPECT.optionsSemicolonLines.join(' or ')} of ${options}`,
      60_000,
    );
    noDuplicates(await problems());
    const squiggles = await poll('an error squiggle in the editor', 15_000, async () => {
      const n = await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').count();
      return n > 0 ? n : undefined;
    });
    return `${showProblems(ps)}; ${squiggles} error squiggle(s) in the editor`;
  });

  await check('tree-fragment-language', async () => {
    await openPath(fragment);
    const mode = await poll(`the language mode "BIND named.conf" for ${fragment}`, 30_000, async () => {
      const m = await statusBar('status.editor.mode');
      if (m === 'BIND named.conf') return m;
      throw new Error(`language mode: ${m || 'none'}`);
    });
    await sleep(1_000);
    const ps = (await problems()).filter((p) => p.file === fragment);
    return `${fragment} opened as ${mode}; its problems: ${showProblems(ps)}`;
  });

  await zoneScenarios();

  // Nothing open: what the Problems panel still holds for the tree (observed, not required)
  await closeAllEditors();
  await sleep(1_500);
  log(`after closing every editor, the tree's rows: ${showProblems((await problems()).filter(inTree))}`);
  await shot('tree-all-closed');

  await check('tree-root-only', async () => {
    // a fresh window and server: nothing of the tree checked or published yet
    const load = page.waitForEvent('load', { timeout: 60_000 * SCALE });
    await runCommand('Developer: Reload Window');
    await load;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 * SCALE });
    await page
      .locator('.explorer-folders-view')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 * SCALE });
    const stale = (await problems()).filter(inTree);
    if (stale.length) throw new Error(`before named.conf is opened the panel already shows ${showProblems(stale)}`);
    await openPath(root);
    const ps = await poll(`the error of ${options} and its summary on ${root}`, 90_000, async () => {
      const all = await problems();
      const summary = all.find(
        (p) => p.file === root && p.line === TREE_EXPECT.rootIncludeOptionsLine && /named\.conf\.options/.test(p.label),
      );
      if (all.some(semicolon) && summary) return all;
      throw new Error(`the tree's rows: ${showProblems(all.filter(inTree))}`);
    });
    const tabs = await texts('.tabs-container .tab', 'aria-label');
    if (tabs.length !== 1) throw new Error(`only ${root} should be open; tabs: ${tabs.join(', ')}`);
    noDuplicates(ps);
    return showProblems(ps.filter(inTree));
  });
  await closeAllEditors();
}

/** The zone file named.conf.local loads: opened from its link, the missing-dot warning, Increment SOA serial. */
async function zoneScenarios(): Promise<void> {
  const { local, zone } = TREE;
  await check('zone-open-from-link', async () => {
    await openPath(local);
    const at = positionOf(local, TREE_EXPECT.zoneLink);
    await gotoLineColumn(at.line, at.column + 3);
    // the `file` clause is a document link (once the workspace index has resolved it): Open Link follows it
    await poll(`Open Link on the file clause to open ${zone}`, 90_000, async () => {
      await runCommand('Open Link');
      try {
        await waitActive(zone, 5_000);
        return true;
      } catch (e) {
        await page.keyboard.press('Escape');
        throw e;
      }
    });
    const mode = await poll(`the language mode "DNS zone file" for ${zone}`, 30_000, async () => {
      const m = await statusBar('status.editor.mode');
      if (m === 'DNS zone file') return m;
      throw new Error(`language mode: ${m || 'none'}`);
    });
    return `Open Link on "${TREE_EXPECT.zoneLink}" (${local}:${at.line}) opened ${zone} as ${mode}`;
  });

  await check('zone-missing-dot', async () => {
    await waitActive(zone);
    const ps = await problemsFor(
      zone,
      (p) =>
        p.some((x) => x.line === TREE_EXPECT.zoneMissingDotLine && x.severity === 'warning' && /dot/i.test(x.label)),
      `a Warning about the missing final dot on line ${TREE_EXPECT.zoneMissingDotLine} of ${zone}`,
      60_000,
    );
    if (ps.some((p) => p.severity === 'error'))
      throw new Error(`an Error on a file named-checkzone accepts: ${showProblems(ps)}`);
    return showProblems(ps);
  });

  await check('zone-increment-serial', async () => {
    await closePanel();
    await waitActive(zone);
    const at = positionOf(zone, TREE_EXPECT.zoneSerial);
    await gotoLineColumn(at.line, at.column);
    await runCommand('Increment SOA serial');
    // an old YYYYMMDDnn serial takes today's date (the server's local calendar) and 00
    const d = new Date();
    const today = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}00`;
    const line = await poll(`the serial ${today} in the editor`, 15_000, async () => {
      const l = (await editorLines()).find((x) => x.includes(today));
      if (l) return l.trim();
      throw new Error(`lines: ${(await editorLines()).slice(2, 5).join(' | ')}`);
    });
    await page.keyboard.press(`${ctrl}+Z`);
    return `${TREE_EXPECT.zoneSerial} became "${line}"`;
  });

  // dhcpd.conf updates example.com with a key that named.conf.local's zone does not allow: named's
  // side names dhcpd.conf's line (dhcpd's side has the key's own Error there, which dhcpd-problems checks)
  await check('ddns-warning', async () => {
    const ps = await poll('the dynamic-DNS Warning in named.conf.local naming dhcpd.conf', 60_000, async () => {
      const all = await problems();
      const n = all.find((p) => p.file === local && p.severity === 'warning' && /dhcpd\.conf line \d+/.test(p.label));
      if (n) return [n];
      throw new Error(`rows: ${showProblems(all.filter((p) => p.file === local))}`);
    });
    return showProblems(ps);
  });
}

/** test/desktop/suite.tool.ts inside code-server's extension host: its lines become one check. */
async function apiSuite(resultFile: string): Promise<void> {
  await check('api-suite', async () => {
    await page.keyboard.press('Escape');
    await runCommand(SHIM_TITLE);
    const text = await poll('the API suite (test/desktop/suite.tool.ts) to finish', 420_000, async () => {
      const t = fs.existsSync(resultFile) ? fs.readFileSync(resultFile, 'utf8') : '';
      return t.includes('END\n') ? t : undefined;
    });
    const lines = text.split('\n').filter((l) => l.startsWith('desktop:'));
    for (const l of lines) log(`  ${l}`);
    const summary = lines.find((l) => /^desktop: \d+ passed, \d+ failed$/.test(l));
    if (!summary || !/ 0 failed$/.test(summary))
      throw new Error(
        `API suite: ${lines.filter((l) => /FAIL|error/.test(l)).join(' | ') || summary || 'no summary line'}`,
      );
    return summary.replace(/^desktop: /, '');
  });
}

/** When checks fail, say whether the extension failed to activate (the usual root cause). */
function reportActivation(logs: string): void {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name === 'remoteexthost.log') files.push(path.join(d, e.name));
    }
  };
  walk(logs);
  for (const f of files) {
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    const i = lines.findIndex((l) => /Activating extension infra-lsp\.infra-lsp failed/.test(l));
    if (i >= 0)
      log(
        `the extension failed to activate: ${lines[i + 1]?.replace(/^.*\[error\]\s*/, '') ?? ''} (${path.relative(ROOT, f)})`,
      );
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (process.env.NODE_TEST_CONTEXT) return; // picked up by `node --test out/test/`: not a unit test
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  if (!fs.existsSync(CHROMIUM)) unavailable(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return unavailable('playwright-core is not installed (npm ci)');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-e2e-'));
  const vsix = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : packageVsix();
  if (process.env.E2E_VSIX) log(`testing the given ${vsix} (E2E_VSIX), not a fresh package`);
  installCodeServer();

  const ext = path.join(tmp, 'extensions');
  const user = path.join(tmp, 'user-data');
  const ws = path.join(tmp, 'workspace');
  writeWorkspace(ws);
  fs.mkdirSync(path.join(user, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(user, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'chat.commandCenter.enabled': false,
        'editor.minimap.enabled': false,
        'window.restoreWindows': 'none',
        'files.hotExit': 'off',
        'workbench.editor.enablePreview': false,
      },
      null,
      2,
    ),
  );
  const csArgs = ['--extensions-dir', ext, '--user-data-dir', user];
  const ti = Date.now();
  const apiResults = path.join(RESULTS, 'api-suite.txt');
  const shimVsix = packageShim(apiResults);
  const installs = [vsix, ...(shimVsix ? [shimVsix] : [])].flatMap((v) => ['--install-extension', v]);
  const inst = run(process.execPath, [CS_ENTRY, ...csArgs, ...installs], { timeoutMs: 180_000 });
  if (!inst.ok || !/successfully installed/i.test(inst.out))
    throw new Error(`code-server --install-extension failed:\n${inst.out}`);
  log(`installed the .vsix into a fresh extensions dir (${since(ti)})`);

  const port = await freePort();
  const serverLog = fs.openSync(path.join(RESULTS, 'code-server.log'), 'w');
  server = spawn(
    process.execPath,
    [
      CS_ENTRY,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...csArgs,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ws,
    ],
    {
      cwd: tmp,
      detached: true,
      stdio: ['ignore', serverLog, serverLog],
      env: { ...process.env, SERVICE_URL: '', ITEM_URL: '' },
    },
  );
  const ts = Date.now();
  const end = Date.now() + 90_000 * SCALE;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(
        `code-server exited with ${server.exitCode}; see ${path.relative(ROOT, path.join(RESULTS, 'code-server.log'))}`,
      );
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) throw new Error('code-server did not answer /healthz within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server up on 127.0.0.1:${port} (${since(ts)})`);

  browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000 * SCALE,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000 * SCALE);
  const tw = Date.now();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { timeout: 60_000 * SCALE });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 * SCALE });
  await page
    .locator('.explorer-folders-view, .explorer-viewlet')
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 * SCALE })
    .catch(() => undefined);
  await shot('workbench');
  log(`workbench loaded (${since(tw)})`);

  try {
    await treeScenarios();
    await scenarios();
    if (shimVsix) await apiSuite(apiResults);
  } finally {
    // keep the logs (extension host, our language server) beside the screenshots
    const logs = path.join(user, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(RESULTS, 'logs'), { recursive: true });
    if (results.some((r) => !r.ok)) reportActivation(path.join(RESULTS, 'logs'));
    await browser.close().catch(() => undefined);
    browser = undefined;
  }

  if (process.argv.includes('--screenshots')) {
    const dir = path.join(ROOT, 'images', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    for (const r of results) {
      const target = README_SHOTS[r.name];
      if (target && r.ok) {
        fs.copyFileSync(r.shot, path.join(dir, target));
        log(`README screenshot: images/screenshots/${target}`);
      }
    }
  }
}

main().then(
  () => {
    if (process.env.NODE_TEST_CONTEXT) return;
    cleanup();
    const failed = results.filter((r) => !r.ok);
    for (const f of failed)
      console.log(`failed: ${f.name}: ${f.detail.split('\n')[0]}\n  screenshot: ${path.relative(ROOT, f.shot)}`);
    log(`done; screenshots in ${path.relative(ROOT, RESULTS)}/`);
    console.log(`e2e: ${results.length - failed.length} passed, ${failed.length} failed`);
    process.exit(failed.length ? 1 : 0);
  },
  async (e: unknown) => {
    await browser?.close().catch(() => undefined);
    cleanup();
    console.error(`e2e: harness error: ${(e as Error).stack ?? String(e)}`);
    console.log(`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
    process.exit(1);
  },
);
