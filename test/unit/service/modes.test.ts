/** The registry's stand-ins (modes.ts) agree with the modes they load on first use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, TEXT_FEATURES } from '../../../server/src/modes';
import { vmxMode } from '../../../server/src/vmx';
import { dhcpdMode } from '../../../server/src/dhcpd';
import { namedMode } from '../../../server/src/named';
import { vmkLogMode } from '../../../server/src/vmklog';
import { zoneMode } from '../../../server/src/zone';
import { iscsiInitiatorMode, iscsiTextFeature } from '../../../server/src/iscsi';

/** Every property of `real` reads the same through `stand` (functions: present and callable). */
function assertSame(stand: object, real: object, what: string): void {
  for (const key of Object.keys(real) as Array<keyof typeof real>) {
    assert.ok(key in stand, `${what}.${String(key)} is there`);
    if (typeof real[key] === 'function') assert.equal(typeof stand[key], 'function', `${what}.${String(key)}`);
    else assert.deepEqual(stand[key], real[key], `${what}.${String(key)}`);
  }
}

test('each stand-in has the id, rules and members of the mode it loads', () => {
  const real = [vmxMode, dhcpdMode, namedMode, zoneMode, vmkLogMode, iscsiInitiatorMode];
  assert.deepEqual(
    MODES.map((m) => m.id),
    real.map((m) => m.id),
  );
  MODES.forEach((m, i) => {
    assert.deepEqual(m.rules, real[i]!.rules, `${m.id} rules`);
    assertSame(m, real[i]!, m.id);
    assert.ok(!('noSuchMember' in m), `${m.id} has no made-up members`);
  });
});

test('the iSCSI text feature stand-in has the rules and members of the real one', () => {
  assert.equal(TEXT_FEATURES.length, 1);
  assert.deepEqual(TEXT_FEATURES[0]!.rules, iscsiTextFeature.rules);
  assert.deepEqual(TEXT_FEATURES[0]!.skipLanguages, iscsiTextFeature.skipLanguages);
  assertSame(TEXT_FEATURES[0]!, iscsiTextFeature, 'iscsiTextFeature');
});
