/**
 * The live BIND checkers the differential tests compare with: Debian's 9.18 on PATH, and 9.20's
 * placed beside it in .cache/bind-9.20 by ../shared/tools/bind-9.20.sh (run here when missing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BindVersion } from '../server/src/service/types';

const root = process.cwd();
const shared = path.resolve(root, '..', 'shared');

/** `tool` (named-checkconf, named-checkzone, named-compilezone) of BIND `v`, or why there is none. */
export function findChecker(
  v: BindVersion,
  tool: 'named-checkconf' | 'named-checkzone' | 'named-compilezone' = 'named-checkconf',
): { bin?: string; why?: string } {
  if (v === '9.18') {
    const bin = [`/usr/bin/${tool}`, `/usr/sbin/${tool}`].find((p) => fs.existsSync(p));
    if (!bin) return { why: `${tool} 9.18 is not installed` };
    const version = execFileSync(bin, ['-v']).toString();
    return version.startsWith('9.18') ? { bin } : { why: `${tool} on PATH is ${version.trim()}, not 9.18` };
  }
  if (v === '9.20') {
    const dir = path.join(root, '.cache', 'bind-9.20');
    const bin = path.join(dir, 'bin', tool);
    if (!fs.existsSync(bin)) {
      try {
        execFileSync('bash', [path.join(shared, 'tools', 'bind-9.20.sh'), dir], { stdio: 'pipe', timeout: 120000 });
      } catch (e) {
        const msg = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(e);
        return { why: `bind-9.20.sh failed: ${msg}` };
      }
    }
    return fs.existsSync(bin) ? { bin } : { why: `${bin} is missing after bind-9.20.sh` };
  }
  return { why: `no ${tool} ${v} here` };
}
