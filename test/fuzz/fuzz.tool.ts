/**
 * The long fuzz run: `npm run fuzz -- --minutes N [--seed S] [--language ID] [--no-big]`.
 *
 * Every language in the registry, round robin: corpus/sample seeds mutated 1–3 times (byte flips,
 * truncations, deleted/doubled `;` `}` `"`, NUL, invalid UTF-8, CRLF/CR, spliced lines...), and
 * once per language the big pathological inputs at full size and a few corpus lines repeated
 * 100,000 times each. Each input goes through
 * `checkText` (every feature; exceptions, >2 s calls, ranges outside the document).
 * The work runs in a worker thread watched by the main thread, so a hang is caught too: after
 * 20 s without progress the worker is stopped and the input saved.
 * Failing inputs are saved under test-results/fuzz/ (`<lang>-<label>.input` + `.json`).
 * Exit 0: nothing found; 1: something found.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  bigInputs,
  checkText,
  corpusLines,
  FULL_SIZES,
  languageIds,
  loadSeeds,
  mutate,
  prng,
  recordingService,
  saveFailure,
  type Problem,
} from './harness';

interface Options {
  minutes: number;
  seed: number;
  languages: string[];
  big: boolean;
}

type FromWorker =
  | { type: 'start'; lang: string; label: string; text?: string }
  | { type: 'done'; lang: string; label: string; problems: Problem[]; slowest: { call: string; ms: number } }
  | { type: 'finished'; counts: Record<string, number> };

const OUT = path.join(process.cwd(), 'test-results', 'fuzz');
const HANG_MS = 20_000;
/** Corpus lines per language repeated REPEATS times each (see corpusLines), after the big inputs. */
const REPEATED_LINES = 6;
const REPEATS = 100_000;

function parseArgs(argv: string[]): Options {
  const o: Options = { minutes: 1, seed: Date.now() % 2 ** 31, languages: languageIds(), big: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[++i] ?? ''));
    if (a.startsWith('--minutes')) o.minutes = Number(val());
    else if (a.startsWith('--seed')) o.seed = Number(val());
    else if (a.startsWith('--language')) o.languages = val().split(',');
    else if (a === '--no-big') o.big = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run fuzz -- --minutes N [--seed S] [--language id,id] [--no-big]');
      process.exit(0);
    } else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  if (!(o.minutes > 0) || !Number.isFinite(o.seed)) {
    console.error('--minutes takes a positive number, --seed an integer');
    process.exit(2);
  }
  const known = new Set(languageIds());
  const unknown = o.languages.filter((l) => !known.has(l));
  if (unknown.length) {
    console.error(`unknown language(s) ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
    process.exit(2);
  }
  return o;
}

function workerMain(o: Options): void {
  const post = (m: FromWorker) => parentPort!.postMessage(m);
  const svc = recordingService();
  const seeds = loadSeeds(o.languages);
  const rnd = prng(o.seed);
  const deadline = Date.now() + o.minutes * 60_000;
  const counts: Record<string, number> = {};
  if (o.big) {
    for (const lang of o.languages) {
      const base = seeds.get(lang)?.[0]?.text ?? '';
      for (const big of bigInputs(FULL_SIZES)) {
        if (Date.now() > deadline) break;
        const label = `big-${big.name}`;
        post({ type: 'start', lang, label });
        const r = checkText(svc, lang, big.make(base), { rnd, positions: 3 });
        counts[lang] = (counts[lang] ?? 0) + 1;
        post({ type: 'done', lang, label, ...r });
      }
      corpusLines(seeds.get(lang) ?? [], rnd, REPEATED_LINES).forEach((line, k) => {
        if (Date.now() > deadline) return;
        // a failure saves the line (the label says how often it was repeated)
        const label = `repeated-line-${k}-x${REPEATS}`;
        post({ type: 'start', lang, label, text: `${line}\n` });
        const r = checkText(svc, lang, `${line}\n`.repeat(REPEATS), { rnd, positions: 3 });
        counts[lang] = (counts[lang] ?? 0) + 1;
        post({ type: 'done', lang, label, ...r });
      });
    }
  }
  let i = 0;
  while (Date.now() < deadline) {
    const lang = o.languages[i % o.languages.length]!;
    const pool = seeds.get(lang) ?? [];
    const seed = pool[Math.floor(rnd() * pool.length)];
    if (!seed) {
      i++;
      continue;
    }
    let { text, steps } = mutate(seed.text, rnd);
    // sometimes stack more mutations for deeper damage
    if (rnd() < 0.2) {
      const more = mutate(text, rnd);
      text = more.text;
      steps = [...steps, ...more.steps];
    }
    const label = `${o.seed}-${i}-${steps.join('+')}-${path.basename(seed.name)}`;
    post({ type: 'start', lang, label, text });
    const r = checkText(svc, lang, text, { rnd, positions: 5 });
    counts[lang] = (counts[lang] ?? 0) + 1;
    post({ type: 'done', lang, label, ...r });
    i++;
  }
  post({ type: 'finished', counts });
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  console.log(
    `fuzz: seed ${o.seed} (replay with --seed ${o.seed}), ${o.minutes} min, languages ${o.languages.join(', ')}`,
  );
  const worker = new Worker(__filename, { workerData: o, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
  let current: { lang: string; label: string; text?: string; since: number } | undefined;
  const failures: string[] = [];
  const slowest = new Map<string, { call: string; ms: number; label: string }>();
  let finished = false;
  const watchdog = setInterval(() => {
    if (current && Date.now() - current.since > HANG_MS) {
      const file = saveFailure(
        OUT,
        current.lang,
        `hang-${current.label}`,
        current.text ?? `(big input ${current.label}; regenerate with the same seed)`,
        [{ kind: 'slow', call: 'any', detail: `no progress for ${HANG_MS / 1000} s: a hang` }],
      );
      failures.push(`${current.lang}: HANG on ${current.label} → ${file}`);
      console.log(`✗ ${current.lang}: hang on ${current.label}; input saved to ${file}`);
      clearInterval(watchdog);
      void worker.terminate();
    }
  }, 1000);
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'start') current = { ...m, since: Date.now() };
    else if (m.type === 'done') {
      const s = slowest.get(m.lang);
      if (!s || m.slowest.ms > s.ms) slowest.set(m.lang, { ...m.slowest, label: m.label });
      if (m.problems.length) {
        const text = current?.label === m.label ? current.text : undefined;
        const file = saveFailure(
          OUT,
          m.lang,
          m.label,
          text ?? `(big input ${m.label}; regenerate with the same seed)`,
          m.problems,
        );
        const first = m.problems[0]!;
        failures.push(`${m.lang}: ${m.problems.length} problem(s) on ${m.label} → ${file}`);
        console.log(
          `✗ ${m.lang} ${m.label}: ${first.kind} in ${first.call}: ${first.detail.split('\n')[0]}\n  saved to ${file}`,
        );
      }
      current = undefined;
    } else {
      finished = true;
      console.log('\ninputs per language:');
      for (const [lang, n] of Object.entries(m.counts)) {
        const s = slowest.get(lang);
        console.log(
          `  ${lang.padEnd(22)} ${String(n).padStart(7)}   slowest call ${s ? `${s.ms.toFixed(0)} ms (${s.call} on ${s.label})` : '-'}`,
        );
      }
    }
  });
  worker.on('error', (e) => {
    failures.push(`worker crashed: ${e.stack ?? String(e)}`);
    if (current) {
      const file = saveFailure(
        OUT,
        current.lang,
        `crash-${current.label}`,
        current.text ?? `(big input ${current.label})`,
        [{ kind: 'exception', call: 'worker', detail: String(e.stack ?? e) }],
      );
      console.log(`✗ worker crashed on ${current.lang} ${current.label} (${String(e)}); input saved to ${file}`);
    }
  });
  worker.on('exit', () => {
    clearInterval(watchdog);
    if (!finished && !failures.length) failures.push('worker exited early');
    console.log(
      failures.length
        ? `\nfuzz: ${failures.length} failure(s), seed ${o.seed}:\n  ${failures.join('\n  ')}`
        : `\nfuzz: no failures (seed ${o.seed})`,
    );
    if (failures.length) fs.mkdirSync(OUT, { recursive: true });
    process.exitCode = failures.length ? 1 : 0;
  });
}

if (isMainThread) main();
else workerMain(workerData as Options);
