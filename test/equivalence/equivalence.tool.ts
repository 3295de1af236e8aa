/**
 * The equivalence harness: proof that a restructuring changed nothing a user sees.
 *
 *   node out/test/equivalence/equivalence.tool.js --write FILE [--mutants N]
 *   node out/test/equivalence/equivalence.tool.js --compare FILE [--mutants N] [--renames FILE.json]
 *     [--internal-data]
 *
 * For every seed of the fuzz harness (the shared corpus, samples/, built-in and generated texts)
 * and N seeded mutants of them (default 1,000), it calls every feature of the service and
 * records the answers: diagnostics, outline, folding, links, inlay hints, code actions for every
 * diagnostic, and hover, completion (with resolve), definition, references and rename at sampled
 * positions. `--write` stores them (gzipped JSON lines); `--compare` runs the same inputs on the
 * current build and lists every input whose answers differ. Write the file from the commit
 * before the change, compare after it. `--renames` maps old rule ids to new ones, the only
 * difference a change may make (settings keep the old names as aliases). Write and compare from
 * the same folder: the inputs' URIs are their files' paths, and answers show them.
 * Exit 0: identical; 1: differences (the first ones are printed); 2: usage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { FileAccess } from '../../server/src/service/types';
import { defaultSettings } from '../../server/src/service/types';
import { languageIds, loadSeeds, mutate, prng, recordingService, repoRoot, sharedDir } from '../fuzz/harness';

interface Input {
  readonly language: string;
  readonly name: string;
  readonly uri: string;
  readonly text: string;
}

/** Real files under the shared folder and the repository, read-only; nothing else. */
const diskFiles: FileAccess = {
  resolve: (from, p) => {
    try {
      return p.startsWith('/') ? `file://${p}` : new URL(p, from).toString();
    } catch {
      return undefined;
    }
  },
  read: (uri) => {
    if (!uri.startsWith('file://')) return undefined;
    const p = path.resolve(decodeURIComponent(uri.slice('file://'.length)));
    const roots = [path.resolve(sharedDir()), path.resolve(repoRoot())];
    if (!roots.some((r) => p.startsWith(r + path.sep))) return undefined;
    try {
      const st = fs.statSync(p);
      return st.isFile() && st.size < 4 * 1024 * 1024 ? fs.readFileSync(p, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
};

function inputs(mutants: number): Input[] {
  const seeds = loadSeeds(languageIds());
  const out: Input[] = [];
  for (const list of seeds.values()) {
    for (const s of list) {
      const uri = s.name.startsWith('/')
        ? `file://${s.name}`
        : `file:///equivalence/${s.name.replace(/[^\w.-]+/g, '_')}`;
      out.push({ language: s.language, name: s.name, uri, text: s.text });
    }
  }
  const rnd = prng(20261204);
  const langs = [...seeds.keys()].filter((l) => seeds.get(l)!.length);
  for (let i = 0; i < mutants; i++) {
    const lang = langs[i % langs.length]!;
    const list = seeds.get(lang)!;
    const seed = list[Math.floor(rnd() * list.length)]!;
    const m = mutate(seed.text, rnd);
    const uri = seed.name.startsWith('/') ? `file://${seed.name}` : `file:///equivalence/mutant-${i}`;
    out.push({ language: lang, name: `mutant ${i} of ${seed.name} (${m.steps.join(', ')})`, uri, text: m.text });
  }
  return out;
}

/** Positions to ask at: a fixed spread over the text, word starts included. */
function positions(doc: TextDocument, text: string, rnd: () => number): Position[] {
  const offsets = new Set<number>([0, text.length]);
  for (let k = 0; k < 12; k++) offsets.add(Math.floor(rnd() * (text.length + 1)));
  const words = [...text.slice(0, 200_000).matchAll(/[A-Za-z_][\w.:-]*/g)];
  for (let k = 0; k < 12 && words.length; k++) {
    const w = words[Math.floor(rnd() * words.length)]!;
    offsets.add(w.index! + Math.floor(w[0].length / 2));
  }
  return [...offsets].sort((a, b) => a - b).map((o) => doc.positionAt(o));
}

/** Every answer of the service for one input, as one JSON-ready object. */
function answers(svc: ReturnType<typeof recordingService>, input: Input): unknown {
  const { service, errors } = svc;
  errors.length = 0;
  const doc = TextDocument.create(input.uri, input.language, 1, input.text);
  const o = { settings: defaultSettings, files: diskFiles };
  const diagnostics = service.doValidation(doc, o);
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(input.text.length) };
  const actions = diagnostics.slice(0, 60).map((d) => service.getCodeActions(doc, d.range, { diagnostics: [d] }, o));
  const rnd = prng(input.text.length);
  const at = positions(doc, input.text, rnd).map((pos) => {
    const list = service.doComplete(doc, pos, o);
    return {
      pos,
      hover: service.doHover(doc, pos, o),
      completion: { isIncomplete: list.isIncomplete, items: list.items },
      resolved: list.items.slice(0, 3).map((it) => service.resolveCompletion(structuredClone(it), o)),
      definition: service.findDefinition(doc, pos, o),
      references: service.findReferences(doc, pos, o),
      rename: service.doRename(doc, pos, 'renamed-x', o),
    };
  });
  return {
    diagnostics,
    symbols: service.findDocumentSymbols(doc, o),
    folding: service.getFoldingRanges(doc, o),
    links: service.findDocumentLinks(doc, o),
    hints: service.getInlayHints(doc, whole, o),
    actions,
    at,
    errors: errors.map((e) => e.split('\n')[0]),
  };
}

/**
 * With `--internal-data`: the `data` of diagnostics left out (the quick fixes made from it are
 * still compared) and `isPreferred: false` read as absent, as LSP does.
 */
function normalize(json: string): string {
  return JSON.stringify(
    JSON.parse(json, (key, value: unknown) => {
      if (key === 'isPreferred' && value === false) return undefined;
      if (value && typeof value === 'object' && 'range' in value && 'message' in value && 'code' in value) {
        const { data: _data, ...rest } = value as Record<string, unknown>;
        return rest;
      }
      return value;
    }),
  );
}

/** Old rule ids in a recorded answer, replaced by the new ones (codes and quoted mentions). */
function applyRenames(json: string, renames: Readonly<Record<string, string>>): string {
  let out = json;
  for (const [from, to] of Object.entries(renames)) out = out.split(`"${from}"`).join(`"${to}"`);
  return out;
}

function main(argv: string[]): number {
  let mode: 'write' | 'compare' | undefined;
  let file = '';
  let mutants = 1000;
  let renames: Record<string, string> = {};
  let internalData = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--write' || a === '--compare') {
      mode = a === '--write' ? 'write' : 'compare';
      file = argv[++i] ?? '';
    } else if (a === '--mutants') mutants = Number(argv[++i]);
    else if (a === '--internal-data') internalData = true;
    else if (a === '--renames')
      renames = JSON.parse(fs.readFileSync(argv[++i] ?? '', 'utf8')) as Record<string, string>;
    else {
      console.error(`unknown option ${a}`);
      return 2;
    }
  }
  if (!mode || !file || !(mutants >= 0)) {
    console.error(
      'usage: equivalence.tool.js --write FILE | --compare FILE [--mutants N] [--renames FILE.json] [--internal-data]',
    );
    return 2;
  }
  const svc = recordingService();
  const list = inputs(mutants);
  const t0 = Date.now();
  if (mode === 'write') {
    const lines = list.map((input) => JSON.stringify({ name: input.name, answers: answers(svc, input) }));
    fs.writeFileSync(file, zlib.gzipSync(lines.join('\n')));
    console.log(
      `equivalence: wrote the answers for ${list.length} inputs to ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    return 0;
  }
  const old = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  if (old.length !== list.length) {
    console.error(
      `equivalence: ${file} holds ${old.length} inputs, this run makes ${list.length}: not the same inputs`,
    );
    return 1;
  }
  let differ = 0;
  list.forEach((input, i) => {
    let now = JSON.stringify({ name: input.name, answers: answers(svc, input) });
    let before = applyRenames(old[i]!, renames);
    if (internalData) {
      now = normalize(now);
      before = normalize(before);
    }
    if (now === before) return;
    differ++;
    if (differ > 5) return;
    let k = 0;
    while (k < now.length && now[k] === before[k]) k++;
    console.log(
      `DIFFERS: ${input.language} ${input.name}\n  before: …${before.slice(Math.max(0, k - 150), k + 250)}\n  after:  …${now.slice(Math.max(0, k - 150), k + 250)}`,
    );
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(
    `equivalence: ${list.length - differ} identical, ${differ} different, of ${list.length} inputs (${secs} s)`,
  );
  return differ ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
