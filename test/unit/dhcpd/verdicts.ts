/**
 * Small dhcpd.conf cases with the verdict of ISC dhcpd 4.4.3-P1 (`dhcpd -t -cf FILE`, `-6` for
 * DHCPv6) recorded next to each, as in test/oracle/dhcpd.test.ts: we report an Error exactly when
 * dhcpd fails, on the line it names. When /usr/sbin/dhcpd exists, the recorded verdicts are
 * checked against it live.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { errorsOf, validate, withEOL, type EOL } from '../../helpers';

export interface VerdictCase {
  /** The configuration, lines joined by `\n`. */
  readonly text: string;
  /** DHCPv6 (`dhcpd -6`, checked as a dhcpd6.conf). */
  readonly v6?: boolean;
  /** What dhcpd -t says: `pass`, or the 1-based line it fails on. */
  readonly dhcpd: 'pass' | number;
  /** Pieces our Error's message must hold (a message of ours checked this way has no backticks). */
  readonly says?: readonly string[];
}

export const DHCPD = '/usr/sbin/dhcpd';

/** Our verdict on one case: '' when it agrees with the recorded one, else what differs. */
export function disagreement(c: VerdictCase, eol: EOL): string {
  const uri = `file:///verdicts/${c.v6 ? 'dhcpd6' : 'dhcpd'}.conf`;
  const errs = errorsOf(validate('dhcpd', withEOL(c.text, eol), { uri }));
  if (c.dhcpd === 'pass') return errs.length ? `dhcpd passes; we report ${errs.map((d) => d.message).join(' | ')}` : '';
  const line = c.dhcpd;
  const hit = errs.find((d) => d.range.start.line + 1 <= line && line <= d.range.end.line + 1);
  if (!hit) return `dhcpd fails on line ${line}; our errors: ${errs.map((d) => d.message).join(' | ') || 'none'}`;
  const missing = (c.says ?? []).filter((s) => !hit.message.includes(s));
  if (missing.length) return `our message lacks ${missing.map((m) => `"${m}"`).join(', ')}: ${hit.message}`;
  if (c.says && hit.message.includes('`')) return `our message has backticks: ${hit.message}`;
  return '';
}

/** Checks the recorded verdicts against dhcpd itself (when installed). */
export function checkLive(cases: readonly VerdictCase[]): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dhcpd-verdicts-'));
  try {
    const wrong: string[] = [];
    cases.forEach((c, i) => {
      const file = path.join(dir, `c${i}.conf`);
      fs.writeFileSync(file, c.text);
      const args = ['-t', '-cf', file, '-lf', '/dev/null', '-pf', path.join(dir, 'pid')];
      if (c.v6) args.unshift('-6');
      let verdict: 'pass' | number = 'pass';
      try {
        execFileSync(DHCPD, args, { stdio: 'pipe', timeout: 20000 });
      } catch (e) {
        const stderr = String((e as { stderr?: Buffer }).stderr ?? '');
        const m = new RegExp(`c${i}\\.conf line (\\d+):`).exec(stderr);
        verdict = m ? Number(m[1]) : 0;
      }
      if (verdict !== c.dhcpd) wrong.push(`${JSON.stringify(c.text)}: recorded ${c.dhcpd}, dhcpd says ${verdict}`);
    });
    assert.deepEqual(wrong, [], 'recorded dhcpd verdicts that dhcpd -t does not give');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
