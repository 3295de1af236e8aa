import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, service } from '../../helpers';

/** A deterministic pseudo-random generator (no Math.random: runs repeat exactly). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '0x',
  'bad',
  '0bad00',
  '2bad',
  'VMK_',
  'NO_MEMORY',
  '195887',
  ' ',
  ':',
  '(',
  ')',
  '"',
  '\u2019',
  '\r\n',
  '\n',
  '\r',
  'iqn.',
  'eui.',
  'naa.',
  '2001-13',
  '.com',
  'Busy',
  'Out of memory',
  '\u0000',
  '\ud800',
  'é',
  'cpu1:4096)',
  'WARNING: ',
];

test('any text in, no throw: hover, inlay hints and validation on random logs', () => {
  const r = rng(42);
  for (let i = 0; i < 300; i++) {
    let text = '';
    const n = Math.floor(r() * 80);
    for (let j = 0; j < n; j++) text += PIECES[Math.floor(r() * PIECES.length)];
    for (const lang of ['vmkernel-log', 'log', 'iscsi-initiatorname', 'plaintext']) {
      const d = doc(lang, text);
      service.doValidation(d);
      for (let k = 0; k < 5; k++) {
        const line = Math.floor(r() * (d.lineCount + 2)) - 1;
        const ch = Math.floor(r() * 60) - 2;
        service.doHover(d, { line, character: ch });
      }
      const hints = service.getInlayHints(d, {
        start: { line: 0, character: 0 },
        end: { line: d.lineCount + 3, character: 0 },
      });
      for (const h of hints) assert.ok(h.position.line < d.lineCount);
      const ds = service.doValidation(d);
      service.getCodeActions(
        d,
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        { diagnostics: ds },
      );
    }
  }
});
