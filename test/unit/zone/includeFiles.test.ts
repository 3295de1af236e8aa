/**
 * FileAccess.exists on the real file system (service/fileAccess.ts), which decides whether a
 * zone's missing `$INCLUDE` is an Error: a definite answer only inside the workspace folders, and
 * never one that looks through a link to what lies outside them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFsAccess } from '../../../server/src/service/fileAccess';

test('exists: true for a file, false for nothing or a folder inside the roots, unknown outside', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-exists-'));
  const root = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'keys.db'), 'x');
  fs.writeFileSync(path.join(outside, 'secret.db'), 'x');
  fs.symlinkSync(path.join(outside, 'secret.db'), path.join(root, 'link.db'));
  fs.symlinkSync(outside, path.join(root, 'linkdir'));
  const uri = (p: string) => pathToFileURL(path.join(root, p)).toString();
  try {
    const files = createFsAccess({ roots: () => [root], allowOutside: () => false });
    assert.equal(files.exists?.(uri('keys.db')), true);
    assert.equal(files.exists?.(uri('missing.db')), false);
    assert.equal(files.exists?.(uri('sub')), false);
    assert.equal(files.exists?.(uri('nodir/missing.db')), false);
    // outside the roots, as written or through a link: no answer
    assert.equal(files.exists?.(pathToFileURL(path.join(outside, 'secret.db')).toString()), undefined);
    assert.equal(files.exists?.(pathToFileURL(path.join(outside, 'missing.db')).toString()), undefined);
    assert.equal(files.exists?.(uri('link.db')), undefined);
    assert.equal(files.exists?.(uri('linkdir/secret.db')), undefined);
    assert.equal(files.exists?.(uri('linkdir/missing.db')), undefined);
    assert.equal(files.exists?.('untitled:Untitled-1'), undefined);
    // an open editor buffer is there
    const open = createFsAccess({
      roots: () => [root],
      allowOutside: () => false,
      openDocument: (u) => (u === uri('new.db') ? 'www A 192.0.2.1\n' : undefined),
    });
    assert.equal(open.exists?.(uri('new.db')), true);
    // allowed outside: answers there too
    const all = createFsAccess({ roots: () => [root], allowOutside: () => true });
    assert.equal(all.exists?.(pathToFileURL(path.join(outside, 'missing.db')).toString()), false);
    assert.equal(all.exists?.(uri('link.db')), true);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
