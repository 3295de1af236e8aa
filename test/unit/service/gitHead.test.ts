/**
 * FileAccess.committed on the file system: a file's text in git's HEAD, read on a temporary
 * repository (a branch, packed refs, a detached HEAD, a worktree), and undefined where it cannot
 * be (a file not committed, outside the workspace, no repository, no git). Then the zone check on
 * it: a serial that went down against HEAD.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createFsAccess } from '../../../server/src/service/fileAccess';
import { headCommit } from '../../../server/src/service/gitHead';
import { validate } from '../../helpers';

const haveGit = spawnSync('git', ['--version']).status === 0;
// without git the test says so; on CI git is part of the machine, and its absence a failure
const skip = !haveGit && process.env.CI !== 'true' ? 'git is not installed' : false;

const ZONE = (serial: number) =>
  `$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster ( ${serial} 3600 600 86400 300 )\n@ NS ns1\nns1 A 192.0.2.1\n`;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

test('committed: the text in HEAD, per commit; undefined where there is none', { skip }, () => {
  assert.ok(haveGit, 'git is installed (CI=true)');
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lsp-git-')));
  try {
    const repo = path.join(tmp, 'repo');
    const zones = path.join(repo, 'zones');
    fs.mkdirSync(zones, { recursive: true });
    const file = path.join(zones, 'db.example');
    fs.writeFileSync(file, ZONE(2025061402));
    git(repo, 'init', '-q');
    git(repo, 'add', 'zones/db.example');
    git(repo, 'commit', '-q', '-m', 'one');
    const uri = pathToFileURL(file).toString();
    const files = createFsAccess({ roots: () => [repo], allowOutside: () => false });
    assert.equal(headCommit(zones), git(repo, 'rev-parse', 'HEAD'));

    // edited on disk (or in the editor): HEAD still has the committed text
    fs.writeFileSync(file, ZONE(2025061400));
    assert.equal(files.committed?.(uri), ZONE(2025061402));
    const found = validate('dns-zone', ZONE(2025061400), { files, uri }).filter(
      (d) => d.code === 'dns-zone-serial-decreased',
    );
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /went down: 2025061400 here, 2025061402 in git's HEAD/);

    // a new commit is read again (the cache is per HEAD), also from packed refs
    fs.writeFileSync(file, ZONE(2025061500));
    git(repo, 'commit', '-q', '-am', 'two');
    git(repo, 'pack-refs', '--all');
    assert.ok(!fs.existsSync(path.join(repo, '.git', git(repo, 'symbolic-ref', 'HEAD'))), 'the ref is packed');
    assert.equal(headCommit(zones), git(repo, 'rev-parse', 'HEAD'));
    assert.equal(files.committed?.(uri), ZONE(2025061500));

    // a detached HEAD, and a worktree (its .git is a file)
    git(repo, 'checkout', '-q', '--detach', 'HEAD~1');
    assert.equal(files.committed?.(uri), ZONE(2025061402));
    git(repo, 'worktree', 'add', '-q', path.join(tmp, 'wt'), 'HEAD@{1}');
    const wtFile = path.join(tmp, 'wt', 'zones', 'db.example');
    const inWorktree = createFsAccess({ roots: () => [path.join(tmp, 'wt')], allowOutside: () => false });
    assert.equal(inWorktree.committed?.(pathToFileURL(wtFile).toString()), ZONE(2025061500));

    // a file not committed; outside the workspace folders (allowOutside does not widen it);
    // no repository; git missing
    const fresh = path.join(zones, 'db.new');
    fs.writeFileSync(fresh, ZONE(1));
    assert.equal(files.committed?.(pathToFileURL(fresh).toString()), undefined);
    const elsewhere = createFsAccess({ roots: () => [path.join(tmp, 'other')], allowOutside: () => true });
    assert.equal(elsewhere.committed?.(uri), undefined);
    assert.equal(elsewhere.read(uri), ZONE(2025061402)); // read() may (the checkout of HEAD~1)
    const loose = path.join(tmp, 'loose.zone');
    fs.writeFileSync(loose, ZONE(1));
    const noRepo = createFsAccess({ roots: () => [tmp], allowOutside: () => false });
    assert.equal(noRepo.committed?.(pathToFileURL(loose).toString()), undefined);
    const noGit = createFsAccess({
      roots: () => [repo],
      allowOutside: () => false,
      git: path.join(tmp, 'no-such-git'),
    });
    assert.equal(noGit.committed?.(uri), undefined);
    assert.equal(files.committed?.('untitled:Untitled-1'), undefined);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
