/**
 * `npm run test:desktop`: the real-editor scenarios in a desktop VS Code through the API
 * (test/desktop/suite.tool.ts runs inside the extension host), the standard @vscode/test-electron way.
 *
 * VS Code comes from VSCODE_EXECUTABLE (a local `code` binary) or is downloaded into
 * .cache/vscode-test (gitignored). Where neither works (no internet) it says so in one line and
 * exits 0: the code-server run (`npm run test:e2e`) covers the same ground here.
 * On Linux without a display run it under xvfb-run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeWorkspace } from '../e2e/workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  if (process.env.NODE_TEST_CONTEXT) return 0; // picked up by `node --test out/test/`: not a unit test
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let executable = process.env.VSCODE_EXECUTABLE;
  if (executable && !fs.existsSync(executable)) {
    console.log(`desktop: skipped: VSCODE_EXECUTABLE=${executable} does not exist`);
    return 0;
  }
  if (!executable) {
    try {
      // quiet while resolving: offline, the one line below is all a user should see
      const reporter = { report: (): void => undefined, error: (): void => undefined };
      executable = await downloadAndUnzipVSCode({
        cachePath: path.join(ROOT, '.cache', 'vscode-test'),
        timeout: 30_000,
        reporter,
      });
    } catch (e) {
      const why = ((e as Error).message || String(e)).split('\n')[0];
      console.log(
        `desktop: skipped: no VS Code could be downloaded (${why}); set VSCODE_EXECUTABLE to a local VS Code, or run npm run test:e2e`,
      );
      return 0;
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-desktop-'));
  try {
    const ws = path.join(tmp, 'workspace');
    writeWorkspace(ws);
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite.tool.js'),
      launchArgs: [
        ws,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(tmp, 'user-data'),
      ],
    });
    return code;
  } catch (e) {
    console.error(`desktop: ${(e as Error).message || String(e)}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`desktop: harness error: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
