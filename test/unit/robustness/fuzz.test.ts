/**
 * The short seeded robustness run (the long one is `npm run fuzz -- --minutes N`).
 * For every language in the registry: mutated corpus/sample seeds and the big pathological
 * inputs (100,000 nested braces, a 512 KB line, 50,000 lines, 200,000 one-statement lines,
 * one statement continued over 20,000 lines,
 * NUL bytes, invalid UTF-8, CRLF and lone CR; FUZZ_FULL=1 or the long run: a 10 MB line and
 * 1,000,000 lines of each kind).
 * Every input must pass `checkText`: no exception, no call over 2 s, every range inside the
 * document, hover and completion answer.
 * FUZZ_SEED=n replays another seed; failing inputs are saved under test-results/fuzz/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  bigInputs,
  checkText,
  FULL_SIZES,
  SHORT_SIZES,
  languageIds,
  loadSeeds,
  mutate,
  prng,
  recordingService,
  saveFailure,
  type Problem,
} from '../../fuzz/harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 40);
const OUT = path.join(process.cwd(), 'test-results', 'fuzz');
/** Seeds above this size are skipped in the short run (the long run uses them all). */
const MAX_SEED = 64 * 1024;
/** FUZZ_FULL=1 runs the big inputs at the sizes (10 MB line, 1,000,000 lines). */
const SIZES = process.env.FUZZ_FULL ? FULL_SIZES : SHORT_SIZES;

const seeds = loadSeeds();
const svc = recordingService();

function report(lang: string, label: string, text: string, problems: readonly Problem[]): string {
  const file = saveFailure(OUT, lang, `unit-${SEED}-${label}`, text, problems);
  const lines = problems
    .slice(0, 5)
    .map((p) => `  ${p.kind} in ${p.call}: ${p.detail.split('\n').slice(0, 4).join('\n    ')}`);
  return `${lang} / ${label}: ${problems.length} problem(s); input saved to ${file}\n${lines.join('\n')}`;
}

for (const lang of languageIds()) {
  test(`robustness ${lang}: ${ITERATIONS} mutated seeds (seed ${SEED})`, () => {
    const rnd = prng(SEED ^ hash(lang));
    const pool = (seeds.get(lang) ?? []).filter((s) => s.text.length <= MAX_SEED);
    assert.ok(pool.length > 0, `no seeds for ${lang}`);
    const failures: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const seed = pool[Math.floor(rnd() * pool.length)]!;
      const { text, steps } = mutate(seed.text, rnd);
      const { problems } = checkText(svc, lang, text, { rnd, positions: 3, full: true });
      if (problems.length)
        failures.push(report(lang, `${i}-${steps.join('+')}-${path.basename(seed.name)}`, text, problems));
    }
    assert.deepEqual(failures, []);
  });

  test(`robustness ${lang}: pathological inputs`, () => {
    const rnd = prng(SEED);
    const base = (seeds.get(lang) ?? [])[0]?.text ?? '';
    const failures: string[] = [];
    for (const big of bigInputs(SIZES)) {
      const text = big.make(base);
      const { problems } = checkText(svc, lang, text, { rnd, positions: 2, full: true });
      if (problems.length) failures.push(report(lang, big.name, text, problems));
    }
    assert.deepEqual(failures, []);
  });
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
