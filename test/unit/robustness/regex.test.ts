/**
 * Regular expressions stay linear on adversarial 100 KB lines:
 *  - every pattern of every grammar in syntaxes/ (run with vscode-oniguruma, as VS Code does),
 *    and every grammar tokenizing such lines whole with vscode-textmate;
 *  - every regex literal in server/src (validators, parsers, hovers);
 *  - every language service on such lines built from its own seeds.
 * A pattern is reported when its time grows more than 3× as the line doubles from 10 KB to
 * 20 KB (linear: 2×, quadratic: 4×), or when one search over 100 KB takes more than 2 s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import {
  adversarialLines,
  checkText,
  grammarPatterns,
  languageIds,
  loadSeeds,
  prng,
  recordingService,
  regexLiteralsIn,
  type RegexSource,
} from '../../fuzz/harness';

const SMALL = 10_000;
const BIG = 100_000;
const BUDGET_MS = 2000;

/**
 * Time `run` on 10 KB (and, when that is measurable, 20 KB) variants of each adversarial line.
 * Superlinear: the time grows more than 3× when the line doubles (linear: 2×, quadratic: 4×).
 * Linear patterns then run on the 100 KB line, which must take under 2 s; a linear pattern
 * whose estimate is already over 2 s is reported without spending that time.
 */
function superlinear(re: RegexSource, run: (line: string) => void): string[] {
  const bad: string[] = [];
  const small = adversarialLines(re.source, SMALL);
  const double = adversarialLines(re.source, 2 * SMALL);
  const big = adversarialLines(re.source, BIG);
  const time = (line: string) => {
    const t0 = performance.now();
    run(line);
    return performance.now() - t0;
  };
  for (let i = 0; i < small.length; i++) {
    const sample = JSON.stringify(small[i]!.slice(0, 6));
    const t10 = time(small[i]!);
    let estimate = t10 * 10;
    if (t10 > 5) {
      const t10b = Math.min(t10, time(small[i]!), time(small[i]!));
      const t20 = Math.min(time(double[i]!), time(double[i]!), time(double[i]!));
      if (t20 > 3 * t10b && t20 > 20) {
        bad.push(
          `${re.where}: /${re.source}/ is superlinear: ${t10b.toFixed(0)} ms on a 10 KB line of ${sample}…, ${t20.toFixed(0)} ms on 20 KB`,
        );
        continue;
      }
      estimate = t20 * 5;
    }
    if (estimate > BUDGET_MS) {
      bad.push(
        `${re.where}: /${re.source}/ would take about ${estimate.toFixed(0)} ms on a 100 KB line of ${sample}… (linear, but slow)`,
      );
      continue;
    }
    const t100 = time(big[i]!);
    if (t100 > BUDGET_MS)
      bad.push(`${re.where}: /${re.source}/ takes ${t100.toFixed(0)} ms on a 100 KB line of ${sample}…`);
  }
  return bad;
}

const grammarFiles = (() => {
  try {
    return fs
      .readdirSync('syntaxes')
      .filter((f) => f.endsWith('.tmLanguage.json'))
      .map((f) => path.join('syntaxes', f));
  } catch {
    return [];
  }
})();

const onigReady = (async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
})();

test('grammar patterns are linear on adversarial 100 KB lines (oniguruma)', async (t) => {
  if (!grammarFiles.length) return t.skip('no grammars in syntaxes/ yet');
  await onigReady;
  const bad: string[] = [];
  let n = 0;
  for (const file of grammarFiles) {
    for (const re of grammarPatterns(JSON.parse(fs.readFileSync(file, 'utf8')), file)) {
      let scanner: oniguruma.OnigScanner;
      try {
        scanner = oniguruma.createOnigScanner([re.source]);
      } catch {
        try {
          // `end` patterns may refer to `begin` captures (\1): vscode-textmate fills them in
          scanner = oniguruma.createOnigScanner([re.source.replace(/\\(\d)/g, 'x')]);
        } catch (e) {
          bad.push(`${re.where}: /${re.source}/ does not compile: ${String(e)}`);
          continue;
        }
      }
      n++;
      bad.push(
        ...superlinear(re, (line) => {
          const s = oniguruma.createOnigString(line);
          scanner.findNextMatchSync(s, 0);
          s.dispose();
        }),
      );
      scanner.dispose();
    }
  }
  assert.ok(n > 0);
  assert.deepEqual(bad, []);
});

test('grammars tokenize adversarial 100 KB lines in time (vscode-textmate)', async (t) => {
  if (!grammarFiles.length) return t.skip('no grammars in syntaxes/ yet');
  await onigReady;
  const byScope = new Map<string, { file: string; grammar: vsctm.IRawGrammar; patterns: string }>();
  for (const file of grammarFiles) {
    const text = fs.readFileSync(file, 'utf8');
    const raw = vsctm.parseRawGrammar(text, file);
    byScope.set(raw.scopeName, {
      file,
      grammar: raw,
      patterns: grammarPatterns(JSON.parse(text), file)
        .map((p) => p.source)
        .join(''),
    });
  }
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => oniguruma.createOnigScanner(p),
      createOnigString: (s: string) => oniguruma.createOnigString(s),
    }),
    loadGrammar: async (scope) => byScope.get(scope)?.grammar ?? null,
  });
  const seeds = loadSeeds();
  const bad: string[] = [];
  for (const [scope, { file, patterns }] of byScope) {
    const grammar = await registry.loadGrammar(scope);
    if (!grammar) {
      bad.push(`${file}: grammar ${scope} does not load`);
      continue;
    }
    const lang = path.basename(file).replace('.tmLanguage.json', '');
    const lines = [
      ...adversarialLines(patterns, BIG).slice(0, 12),
      ...seedLines(seeds.get(lang)?.map((s) => s.text) ?? [], BIG, 6),
    ];
    for (const line of lines) {
      // 10 KB first: a grammar that is already slow there would spend minutes on 100 KB
      let t0 = performance.now();
      grammar.tokenizeLine(line.slice(0, SMALL), vsctm.INITIAL);
      const small = performance.now() - t0;
      if (small > 200) {
        bad.push(
          `${file}: tokenizing a 10 KB line of ${JSON.stringify(line.slice(0, 20))}… already takes ${small.toFixed(0)} ms (superlinear)`,
        );
        continue;
      }
      t0 = performance.now();
      grammar.tokenizeLine(line, vsctm.INITIAL);
      const ms = performance.now() - t0;
      if (ms > BUDGET_MS)
        bad.push(
          `${file}: tokenizing a 100 KB line of ${JSON.stringify(line.slice(0, 20))}… takes ${ms.toFixed(0)} ms`,
        );
    }
  }
  assert.deepEqual(bad, []);
});

test('regex literals in server/src are linear on adversarial 100 KB lines', () => {
  const all = regexLiteralsIn(path.join(process.cwd(), 'server', 'src'));
  assert.ok(all.length > 0);
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const re of all) {
    const key = `/${re.source}/${re.flags}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let rx: RegExp;
    try {
      rx = new RegExp(re.source, re.flags);
    } catch {
      continue; // not valid on its own (e.g. built by concatenation); the parser would have failed
    }
    bad.push(
      ...superlinear(re, (line) => {
        rx.lastIndex = 0;
        if (rx.global) line.replace(rx, '');
        else rx.exec(line);
      }),
    );
  }
  assert.deepEqual(bad, []);
});

/** Up to `count` distinct non-trivial lines of the seeds, each repeated to about `n` characters. */
function seedLines(texts: readonly string[], n: number, count: number): string[] {
  const lines = new Set<string>();
  for (const t of texts)
    for (const l of t.split(/\r?\n/)) if (l.trim().length > 8 && lines.size < 200) lines.add(l.trim() + ' ');
  const list = [...lines];
  const rnd = prng(7);
  const out: string[] = [];
  for (let i = 0; i < count && list.length; i++) {
    const l = list[Math.floor(rnd() * list.length)]!;
    out.push(l.repeat(Math.ceil(n / l.length)).slice(0, n));
  }
  return out;
}

test('language services stay fast on adversarial 100 KB lines', () => {
  const seeds = loadSeeds();
  const svc = recordingService();
  const failures: string[] = [];
  for (const lang of languageIds()) {
    const texts = (seeds.get(lang) ?? []).map((s) => s.text);
    const lines = [...seedLines(texts, BIG, 6), ...adversarialLines(texts.join('').slice(0, 400), BIG).slice(0, 8)];
    for (const line of lines) {
      const { problems } = checkText(svc, lang, line, { positions: 2, rnd: prng(3) });
      for (const p of problems)
        failures.push(
          `${lang} on ${JSON.stringify(line.slice(0, 30))}…: ${p.kind} in ${p.call}: ${p.detail.split('\n')[0]}`,
        );
    }
  }
  assert.deepEqual(failures, []);
});
