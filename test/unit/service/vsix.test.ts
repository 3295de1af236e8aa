/** The .vsix holds only what runs, and stays small. Uses `vsce ls`, which lists what `vsce package` packs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const vsce = path.join('node_modules', '.bin', 'vsce');

test(
  'the .vsix contents: dist, grammars, snippets, language configurations, docs and icon only',
  { skip: !fs.existsSync('dist/server.js') && 'dist/ is not built' },
  () => {
    const r = spawnSync(vsce, ['ls', '--no-dependencies'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr ?? '', /WARNING/i, 'vsce prints no warnings');
    const files = r.stdout.split('\n').filter(Boolean);
    const allowed =
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|images\/icon\.png|images\/screenshots\/[\w-]+\.png|dist\/(client|server|cli)\.js|dist\/lib\/(server|cli)\.js|dist\/lib\/modes\/[\w-]+\.js|syntaxes\/[\w-]+\.tmLanguage\.json|snippets\/[\w-]+\.json|languages\/[\w-]+\.language-configuration\.json)$/;
    for (const f of files) assert.match(f, allowed, `${f} does not belong in the .vsix`);
    const modes = fs
      .readdirSync('dist/lib/modes')
      .filter((f) => f.endsWith('.js'))
      .map((f) => `dist/lib/modes/${f}`);
    for (const need of [
      'dist/client.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/lib/server.js',
      'dist/lib/cli.js',
      ...modes,
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'images/icon.png',
    ]) {
      assert.ok(files.includes(need), `${need} is packed`);
    }
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    assert.ok(bytes < 3 * 1024 * 1024, `uncompressed contents ${bytes} bytes`);
    const dist = files.filter((f) => f.startsWith('dist/')).map((f) => fs.readFileSync(f, 'utf8'));
    for (const js of dist) assert.doesNotMatch(js, /sourceMappingURL/, 'no source maps in dist');
  },
);
