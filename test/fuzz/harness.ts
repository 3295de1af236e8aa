/**
 * The robustness harness shared by the short seeded run in `npm test`
 * (test/unit/robustness/) and the long run (`npm run fuzz`).
 *
 * It is generic over the mode registry: every language in server/src/modes.ts is covered,
 * seeded from ../shared/corpus, samples/ and the benchmark generators. For one input it runs
 * every feature the service has and reports what went wrong: an exception a mode threw
 * (the facade swallowed it), a call slower than the budget, a range outside the document,
 * a selection range outside its symbol, a completion edit outside the document.
 */
import { FIELD_COMMENTS } from '../../server/src/zone/format';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  Diagnostic,
  DocumentSymbol,
  Position,
  Range,
  TextEdit,
  InsertReplaceEdit,
} from 'vscode-languageserver-types';
import { createLanguageService, MODES } from '../../server/src/modes';
import type { LanguageService } from '../../server/src/service/languageService';
import { languageForPath } from '../../server/src/service/languages';
import { generateDhcpdConf, generateNamedConf, generateVmkernelLog, generateVmx, prng } from '../bench/generate';

export { prng };

/** Every language id the registry serves (aliases excluded: they share a mode). */
export function languageIds(): string[] {
  return MODES.map((m) => m.id);
}

// ---------------------------------------------------------------------------------- seeds

export interface Seed {
  readonly language: string;
  /** Where it came from (a path, or `generated:...`). */
  readonly name: string;
  readonly text: string;
}

/** Corpus folders whose file names do not tell the language. */
const CORPUS_FOLDER_LANGUAGE: Readonly<Record<string, string>> = {
  'bind-good': 'named',
  'bind-bad': 'named',
  dhcpd: 'dhcpd',
  vmx: 'vmx',
};

export function repoRoot(): string {
  return process.cwd();
}

export function sharedDir(): string {
  return path.resolve(repoRoot(), '..', 'shared');
}

function listFiles(dir: string, depth = 3): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    const p = path.join(dir, n);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory() && depth > 0) out.push(...listFiles(p, depth - 1));
    else if (st.isFile() && st.size <= 2 * 1024 * 1024) out.push(p);
  }
  return out;
}

/** Small hand-written seeds so that a language without corpus files is still fuzzed. */
const BUILTIN: Readonly<Record<string, readonly string[]>> = {
  named: [
    'options {\n\tdirectory "/var/cache/bind";\n\tallow-query { any; };\n};\nzone "example.com" {\n\ttype primary;\n\tfile "db.example";\n};\n',
  ],
  dhcpd: [
    'subnet 192.0.2.0 netmask 255.255.255.0 {\n  range 192.0.2.10 192.0.2.20;\n  option routers 192.0.2.1;\n}\nhost a { hardware ethernet 02:00:00:00:00:01; fixed-address 192.0.2.5; }\n',
  ],
  vmx: [generateVmx()],
  'vmkernel-log': [generateVmkernelLog(4000)],
  'iscsi-initiatorname': [
    '## DO NOT EDIT OR REMOVE THIS FILE!\n## If you remove this file, the iSCSI daemon will not start.\nInitiatorName=iqn.1993-08.org.debian:01:4b3c2d1e0f\n',
    'InitiatorName=iqn.2005-03.org.open-iscsi:abcdef123456\nInitiatorAlias=bench\n',
  ],
};

/**
 * Seeds per language: corpus files, samples/, built-in snippets and small generated files.
 * Any language id without seeds gets a generic text so the mutators still have bytes to work on.
 */
export function loadSeeds(languages: readonly string[] = languageIds()): Map<string, Seed[]> {
  const seeds = new Map<string, Seed[]>(languages.map((l) => [l, []]));
  const add = (language: string | undefined, name: string, text: string) => {
    if (language && seeds.has(language)) seeds.get(language)!.push({ language, name, text });
  };
  const corpus = path.join(sharedDir(), 'corpus');
  for (const f of listFiles(corpus)) {
    const rel = path.relative(corpus, f);
    if (rel.endsWith('.tsv') || rel.endsWith('.md')) continue;
    const folder = rel.split(path.sep)[0] ?? '';
    const lang = languageForPath(f) ?? CORPUS_FOLDER_LANGUAGE[folder];
    add(lang, f, fs.readFileSync(f, 'utf8'));
  }
  for (const f of listFiles(path.join(repoRoot(), 'samples'))) add(languageForPath(f), f, fs.readFileSync(f, 'utf8'));
  for (const [lang, texts] of Object.entries(BUILTIN)) texts.forEach((t, i) => add(lang, `builtin:${lang}:${i}`, t));
  add('named', 'generated:named-50-zones', generateNamedConf({ zones: 50, acls: 3, keys: 2 }));
  add('dhcpd', 'generated:dhcpd-50-hosts', generateDhcpdConf({ hosts: 50, subnets: 2 }));
  for (const [lang, list] of seeds) {
    if (!list.length)
      list.push({
        language: lang,
        name: `generic:${lang}`,
        text: 'key = "value"\nblock {\n  word other "string";\n};\n# comment\n',
      });
  }
  return seeds;
}

// ------------------------------------------------------------------------------- mutators

export type Rnd = () => number;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * Math.max(1, n));
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[int(rnd, xs.length)]!;

export interface Mutator {
  readonly name: string;
  apply(text: string, rnd: Rnd): string;
}

function positionsOf(text: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out.push(i);
  return out;
}

function editChar(ch: string, how: 'delete' | 'double'): Mutator {
  return {
    name: `${how}-${ch === '"' ? 'quote' : ch}`,
    apply(text, rnd) {
      const at = positionsOf(text, ch);
      if (!at.length) return text + (how === 'double' ? ch + ch : '');
      // one occurrence, a few, or all of them
      const mode = int(rnd, 3);
      const chosen = mode === 2 ? at : Array.from({ length: mode === 0 ? 1 : 1 + int(rnd, 5) }, () => pick(rnd, at));
      const set = new Set(chosen);
      let out = '';
      let last = 0;
      for (const i of [...set].sort((a, b) => a - b)) {
        out += text.slice(last, i) + (how === 'double' ? ch + ch : '');
        last = i + 1;
      }
      return out + text.slice(last);
    },
  };
}

const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc0, 0xaf],
  [0x80],
  [0xfe, 0xfe],
];

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'byte-flip',
    apply(text, rnd) {
      const b = Buffer.from(text, 'utf8');
      if (!b.length) return text;
      for (let k = 1 + int(rnd, 8); k > 0; k--) {
        const i = int(rnd, b.length);
        b[i] = b[i]! ^ (1 << int(rnd, 8));
      }
      return b.toString('utf8');
    },
  },
  { name: 'truncate', apply: (text, rnd) => text.slice(0, int(rnd, text.length + 1)) },
  editChar(';', 'delete'),
  editChar(';', 'double'),
  editChar('}', 'delete'),
  editChar('}', 'double'),
  editChar('{', 'delete'),
  editChar('"', 'delete'),
  editChar('"', 'double'),
  editChar('=', 'delete'),
  {
    name: 'nul-bytes',
    apply(text, rnd) {
      let t = text;
      for (let k = 1 + int(rnd, 5); k > 0; k--) {
        const i = int(rnd, t.length + 1);
        t = t.slice(0, i) + '\0'.repeat(1 + int(rnd, 3)) + t.slice(i);
      }
      return t;
    },
  },
  {
    name: 'invalid-utf8',
    apply(text, rnd) {
      const b = Buffer.from(text, 'utf8');
      const parts: Buffer[] = [];
      let last = 0;
      const cuts = Array.from({ length: 1 + int(rnd, 4) }, () => int(rnd, b.length + 1)).sort((x, y) => x - y);
      for (const c of cuts) {
        parts.push(b.subarray(last, c), Buffer.from(pick(rnd, INVALID_UTF8)));
        last = c;
      }
      parts.push(b.subarray(last));
      return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(parts));
    },
  },
  {
    name: 'lone-surrogates',
    apply(text, rnd) {
      const i = int(rnd, text.length + 1);
      return (
        text.slice(0, i) +
        pick(rnd, ['\ud800', '\udfff', '\ud83d', '\ufffd\ufffe', '\u2028', '\u00a0', '\ufeff', '\u201c', '\u201d']) +
        text.slice(i)
      );
    },
  },
  { name: 'crlf', apply: (text) => text.replace(/\r?\n/g, '\r\n') },
  { name: 'lone-cr', apply: (text) => text.replace(/\r?\n/g, '\r') },
  {
    name: 'mixed-eol',
    apply: (text, rnd) => text.replace(/\r?\n/g, () => pick(rnd, ['\n', '\r\n', '\r', '\n\r', '\r\r\n'])),
  },
  {
    name: 'splice-lines',
    apply(text, rnd) {
      const lines = text.split('\n');
      const n = lines.length;
      for (let k = 1 + int(rnd, 4); k > 0; k--) {
        const a = int(rnd, n);
        const len = 1 + int(rnd, 6);
        const chunk = lines.slice(a, a + len);
        const op = int(rnd, 3);
        if (op === 0) lines.splice(a, len);
        else if (op === 1) lines.splice(int(rnd, lines.length + 1), 0, ...chunk);
        else lines.splice(int(rnd, lines.length + 1), 0, ...chunk.map((l) => l.slice(int(rnd, l.length + 1))));
      }
      return lines.join('\n');
    },
  },
  {
    name: 'insert-token',
    apply(text, rnd) {
      const words = text.match(/[^\s;{}"]{1,40}/g) ?? ['x'];
      let t = text;
      for (let k = 1 + int(rnd, 4); k > 0; k--) {
        const i = int(rnd, t.length + 1);
        t =
          t.slice(0, i) +
          pick(rnd, [' ', '', '\n', ';', '"', '{', '}', '=', '.', ':', '#', '//', '/*', '*/']) +
          pick(rnd, words) +
          t.slice(i);
      }
      return t;
    },
  },
  {
    name: 'delete-range',
    apply(text, rnd) {
      const a = int(rnd, text.length + 1);
      return text.slice(0, a) + text.slice(a + int(rnd, 200));
    },
  },
  {
    name: 'unterminated',
    apply(text, rnd) {
      const i = int(rnd, text.length + 1);
      return text.slice(0, i) + pick(rnd, ['"', '/*', '{', '"\\', '\\']) + text.slice(i);
    },
  },
];

/** 1–3 mutations in a row. */
export function mutate(text: string, rnd: Rnd): { text: string; steps: string[] } {
  let t = text;
  const steps: string[] = [];
  for (let k = 1 + int(rnd, 3); k > 0; k--) {
    const m = pick(rnd, MUTATORS);
    t = m.apply(t, rnd);
    steps.push(m.name);
  }
  return { text: t, steps };
}

// ----------------------------------------------------------------------------- big inputs

export interface BigInput {
  readonly name: string;
  make(seed: string): string;
}

export interface BigSizes {
  readonly braces: number;
  readonly lineBytes: number;
  readonly lines: number;
  /**
   * Lines of one short statement each. The short run uses more of them than `lines`: a scan
   * that is quadratic in the number of lines (each line searching the rest of the file) stays
   * under the budget at 50,000 lines but not at 200,000.
   */
  readonly denseLines: number;
}

/** The sizes the issue names (the long run uses them). */
export const FULL_SIZES: BigSizes = {
  braces: 100_000,
  lineBytes: 10 * 1024 * 1024,
  lines: 1_000_000,
  denseLines: 1_000_000,
};

/** Every kind at a size that keeps `npm test` fast (the short run). */
export const SHORT_SIZES: BigSizes = { braces: 100_000, lineBytes: 512 * 1024, lines: 50_000, denseLines: 200_000 };

function firstWord(seed: string): string {
  return seed.match(/^[ \t]*([A-Za-z][\w.:-]*)/m)?.[1] ?? 'x';
}

export function bigInputs(s: BigSizes = FULL_SIZES): BigInput[] {
  return [
    {
      name: `nested-braces-${s.braces}`,
      make: (seed) => `${firstWord(seed)} "n" ` + '{'.repeat(s.braces) + '\n' + '}'.repeat(s.braces) + ';\n',
    },
    { name: `unclosed-braces-${s.braces}`, make: (seed) => `${firstWord(seed)} ` + '{ a '.repeat(s.braces) },
    {
      name: `single-line-${s.lineBytes}`,
      make(seed) {
        const flat = seed.replace(/[\r\n]+/g, ' ');
        const unit = flat.length ? flat : 'x = "y" ';
        return unit.repeat(Math.ceil(s.lineBytes / unit.length)).slice(0, s.lineBytes);
      },
    },
    {
      name: `single-line-word-${s.lineBytes}`,
      make: () => 'a'.repeat(s.lineBytes),
    },
    {
      name: `lines-${s.lines}`,
      make(seed) {
        const lines = seed.split(/\r?\n/).map((l) => l.slice(0, 40));
        if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
        const block = lines.join('\n') + '\n';
        const whole = Math.floor(s.lines / lines.length);
        return block.repeat(whole) + lines.slice(0, s.lines - whole * lines.length).join('\n');
      },
    },
    // one short statement per line: the most statements (and findings) a file of that many lines can hold
    { name: `dense-lines-${s.denseLines}`, make: (seed) => `${firstWord(seed)};\n`.repeat(s.denseLines) },
    { name: `lone-cr-lines-${s.lines / 10}`, make: () => 'a;\r'.repeat(s.lines / 10) },
    // a file of comments only (`#` is one in dhcpd.conf, named.conf and .vmx): work per comment
    // that looks ahead over the comments after it is quadratic here (the brace formatter's search
    // for the next statement: 100,000 lines took 14 s)
    { name: `comment-lines-${s.lines}`, make: () => '# a comment line\n'.repeat(s.lines) },
    // one statement that goes on over every line (each ends with `,`, each starts with a
    // statement name): work per line that grows with the statement so far is quadratic here
    // (dhcpd's missing-`;` check read all its words on each line: 4,000 lines took 10 s)
    // (20,000 in the short run, 100,000 in the long one: the million-line inputs are above)
    {
      name: `continued-lines-${Math.max(20_000, s.lines / 10)}`,
      make: (seed) => `${firstWord(seed)} a,\n`.repeat(Math.max(20_000, s.lines / 10)),
    },
    { name: 'nul-bytes', make: (seed) => seed.replace(/[ \t]/g, '\0') + '\0'.repeat(1000) },
    {
      name: 'invalid-utf8',
      make: (seed) =>
        new TextDecoder().decode(
          Buffer.concat([
            Buffer.from(seed.slice(0, 2000)),
            Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x28, 0x8c, 0xbc]),
          ]),
        ),
    },
    { name: 'crlf', make: (seed) => seed.replace(/\r?\n/g, '\r\n') },
    { name: 'lone-cr', make: (seed) => seed.replace(/\r?\n/g, '\r') },
    { name: 'empty', make: () => '' },
    { name: 'bom-only', make: () => '\ufeff' },
  ];
}

/**
 * `count` lines picked at random from a language's seeds (not blank, at most 200 characters), to
 * be repeated line after line: a shape the big inputs above do not make (they start from the
 * first seed's first word) may still be slow when a file holds it 100,000 times. A corpus line
 * ending in `,` found dhcpd's quadratic missing-`;` check this way.
 */
export function corpusLines(seeds: readonly Seed[], rnd: Rnd, count: number): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 20 && seeds.length; tries++) {
    const lines = pick(rnd, seeds).text.split(/\r\n|\r|\n/);
    const line = pick(rnd, lines);
    if (line.trim() && line.length <= 200 && !out.includes(line)) out.push(line);
  }
  return out;
}

// -------------------------------------------------------------------------------- checking

export interface Problem {
  readonly kind: 'exception' | 'slow' | 'range' | 'no-answer';
  readonly call: string;
  readonly detail: string;
}

export interface CheckOptions {
  /** Random positions for hover, completion, definition, references. */
  readonly positions?: number;
  readonly rnd?: Rnd;
  /** Budget per call in ms (the issue: 2 s). */
  readonly budgetMs?: number;
  /** Also call the expensive whole-document features (symbols, folding, links, inlay hints, code actions). */
  readonly full?: boolean;
}

/** A service whose mode exceptions are recorded, never thrown. */
export function recordingService(): { service: LanguageService; errors: string[] } {
  const errors: string[] = [];
  const service = createLanguageService({
    onError: (where, err) =>
      errors.push(`${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.slice(0, 2000)),
  });
  return { service, errors };
}

class Bounds {
  private readonly text: string;
  constructor(private readonly doc: TextDocument) {
    this.text = doc.getText();
  }
  lineLength(line: number): number {
    const start = this.doc.offsetAt({ line, character: 0 });
    let end = line + 1 < this.doc.lineCount ? this.doc.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end - start;
  }
  posOk(p: Position | undefined): boolean {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return false;
    if (p.line < 0 || p.character < 0) return false;
    if (p.line >= this.doc.lineCount)
      return p.line === this.doc.lineCount && p.character === 0 && /[\r\n]$/.test(this.text);
    return p.character <= this.lineLength(p.line);
  }
  rangeOk(r: Range | undefined): boolean {
    if (!r || !this.posOk(r.start) || !this.posOk(r.end)) return false;
    return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  }
}

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line ||
    (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line ||
    (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

const fmt = (r: Range | undefined) =>
  r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : String(r);

/** Positions to probe: random offsets, plus line starts/ends and the very end of the text. */
export function probePositions(doc: TextDocument, n: number, rnd: Rnd): Position[] {
  const len = doc.getText().length;
  const out: Position[] = [doc.positionAt(0), doc.positionAt(len)];
  for (let i = 0; i < n; i++) out.push(doc.positionAt(int(rnd, len + 1)));
  const last = doc.lineCount - 1;
  out.push({ line: int(rnd, last + 1), character: 0 });
  return out;
}

/**
 * Run every feature on one text in one language and return the problems found.
 * `errors` is the array the recording service fills; it is drained here.
 */
export function checkText(
  svc: { service: LanguageService; errors: string[] },
  languageId: string,
  text: string,
  o: CheckOptions = {},
): { problems: Problem[]; slowest: { call: string; ms: number } } {
  const { service, errors } = svc;
  errors.length = 0;
  const budget = o.budgetMs ?? 2000;
  const rnd = o.rnd ?? prng(1);
  const problems: Problem[] = [];
  const slowest = { call: '', ms: 0 };
  const doc = TextDocument.create(`file:///fuzz/input.${languageId}`, languageId, 1, text);
  const bounds = new Bounds(doc);
  const timed = <T>(call: string, fn: () => T): T | undefined => {
    const before = errors.length;
    const t0 = performance.now();
    let result: T | undefined;
    try {
      result = fn();
    } catch (e) {
      problems.push({
        kind: 'exception',
        call,
        detail: `escaped the facade: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(0, 2000),
      });
    }
    const ms = performance.now() - t0;
    if (ms > slowest.ms) Object.assign(slowest, { call, ms });
    if (ms > budget) problems.push({ kind: 'slow', call, detail: `${ms.toFixed(0)} ms (budget ${budget} ms)` });
    for (const e of errors.slice(before)) problems.push({ kind: 'exception', call, detail: e });
    return result;
  };
  const badRange = (call: string, what: string, r: Range | undefined) => {
    if (!bounds.rangeOk(r))
      problems.push({
        kind: 'range',
        call,
        detail: `${what} range ${fmt(r)} is outside the document (${doc.lineCount} lines)`,
      });
  };
  const editOk = (call: string, e: TextEdit | InsertReplaceEdit | undefined) => {
    if (!e) return;
    if ('range' in e) badRange(call, 'textEdit', e.range);
    else {
      badRange(call, 'insert', e.insert);
      badRange(call, 'replace', e.replace);
    }
  };

  const diags: Diagnostic[] = timed('doValidation', () => service.doValidation(doc)) ?? [];
  if (!Array.isArray(diags)) problems.push({ kind: 'no-answer', call: 'doValidation', detail: 'not an array' });
  else for (const d of diags) badRange('doValidation', `diagnostic ${String(d.code)}`, d.range);

  if (o.full !== false) {
    const symbols = timed('findDocumentSymbols', () => service.findDocumentSymbols(doc)) ?? [];
    const walk = (ss: DocumentSymbol[], depth: number) => {
      for (const s of ss) {
        badRange('findDocumentSymbols', `symbol ${s.name}`, s.range);
        badRange('findDocumentSymbols', `symbol ${s.name} selection`, s.selectionRange);
        if (s.range && s.selectionRange && !contains(s.range, s.selectionRange))
          problems.push({
            kind: 'range',
            call: 'findDocumentSymbols',
            detail: `symbol ${s.name}: selectionRange ${fmt(s.selectionRange)} not inside range ${fmt(s.range)}`,
          });
        if (!s.name)
          problems.push({
            kind: 'no-answer',
            call: 'findDocumentSymbols',
            detail: 'a symbol with an empty name (VS Code rejects it)',
          });
        if (s.children && depth < 200) walk(s.children, depth + 1);
      }
    };
    walk(symbols, 0);
    const folds = timed('getFoldingRanges', () => service.getFoldingRanges(doc)) ?? [];
    for (const f of folds) {
      if (!(f.startLine >= 0 && f.endLine >= f.startLine && f.endLine < doc.lineCount))
        problems.push({
          kind: 'range',
          call: 'getFoldingRanges',
          detail: `fold ${f.startLine}-${f.endLine} outside 0-${doc.lineCount - 1}`,
        });
    }
    const links = timed('findDocumentLinks', () => service.findDocumentLinks(doc)) ?? [];
    for (const l of links) badRange('findDocumentLinks', 'link', l.range);
    const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
    const hints = timed('getInlayHints', () => service.getInlayHints(doc, whole)) ?? [];
    for (const h of hints)
      if (!bounds.posOk(h.position))
        problems.push({
          kind: 'range',
          call: 'getInlayHints',
          detail: `hint at ${h.position.line}:${h.position.character}`,
        });
    checkFormat(service, doc, text, rnd, timed, problems);
    for (const d of diags.slice(0, 5)) {
      const actions = timed('getCodeActions', () => service.getCodeActions(doc, d.range, { diagnostics: [d] })) ?? [];
      for (const a of actions) {
        for (const edits of Object.values(a.edit?.changes ?? {}))
          for (const e of edits) badRange('getCodeActions', `edit of "${a.title}"`, e.range);
      }
    }
  }

  for (const pos of probePositions(doc, o.positions ?? 5, rnd)) {
    const at = `${pos.line}:${pos.character}`;
    const hover = timed(`doHover@${at}`, () => service.doHover(doc, pos));
    if (hover === undefined) problems.push({ kind: 'no-answer', call: `doHover@${at}`, detail: 'no answer' });
    else if (hover?.range) badRange(`doHover@${at}`, 'hover', hover.range);
    const list = timed(`doComplete@${at}`, () => service.doComplete(doc, pos));
    if (!list || !Array.isArray(list.items))
      problems.push({ kind: 'no-answer', call: `doComplete@${at}`, detail: 'no completion list' });
    else for (const it of list.items.slice(0, 200)) editOk(`doComplete@${at}`, it.textEdit);
    if (o.full !== false) {
      timed(`findDefinition@${at}`, () => service.findDefinition(doc, pos));
      timed(`findReferences@${at}`, () => service.findReferences(doc, pos));
    }
  }
  return { problems, slowest };
}

/** What a language's parser takes for blank space, where it is more than space, tab and line breaks (vmx/entries.ts isBlank). */
const BLANKS: Readonly<Record<string, RegExp>> = { vmx: /[ \t\r\n\f\v\u00a0\ufeff]+/g };

/**
 * What a zone text loads and says: its words without whitespace and parentheses, and its
 * comments (sorted: formatting may move a comment within its record, e.g. to the closing
 * parenthesis) without the field comments formatting adds. Comments start at a `;` outside a
 * quoted string and end at the line's end (a lone `\r` too, as the editor sees it).
 */
function zoneSkeleton(t: string): string {
  let words = '';
  const comments: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === ';') {
      let e = i;
      while (e < t.length && t[e] !== '\n' && t[e] !== '\r') e++;
      const comment = t.slice(i, e).trimEnd();
      if (!FIELD_COMMENTS.has(comment)) comments.push(comment);
      i = e - 1;
    } else if (c === '"') {
      let e = i + 1;
      while (e < t.length && t[e] !== '"' && t[e] !== '\n') e += t[e] === '\\' ? 2 : 1;
      // a string never closed runs to the line's end, whose blank space formatting may trim
      words += t[e] === '"' ? t.slice(i, e + 1) : t.slice(i, e).trimEnd();
      i = e;
    } else if (!/[\s()]/.test(c)) words += c;
  }
  return `${words}\u0000${comments.sort().join('\u0000')}`;
}

/**
 * Formatting (whole, a range, on type): edits inside the document, in order, each keeping the
 * non-blank characters it replaces (a zone's: its words and its comments, see zoneSkeleton).
 */
function checkFormat(
  service: LanguageService,
  doc: TextDocument,
  text: string,
  rnd: Rnd,
  timed: <T>(call: string, fn: () => T) => T | undefined,
  problems: Problem[],
): void {
  const options = { tabSize: 1 + int(rnd, 8), insertSpaces: rnd() < 0.5 };
  const check = (call: string, edits: TextEdit[] | undefined) => {
    let at = 0;
    for (const e of edits ?? []) {
      const start = doc.offsetAt(e.range.start),
        end = doc.offsetAt(e.range.end);
      const old = text.slice(start, end);
      // a zone file's records may also gain or lose their parentheses and the comments naming SOA
      // and DNSSEC fields (zone/format.ts); everything else may change its blanks only, each edit
      // keeping the rest in order (a .vmx line is rewritten whole, as `key = "value"`)
      const zone = doc.languageId === 'dns-zone';
      const blanks = BLANKS[doc.languageId] ?? /[ \t\r\n]+/g;
      const ok =
        start >= at &&
        end >= start &&
        (zone
          ? zoneSkeleton(old) === zoneSkeleton(e.newText)
          : old.replace(blanks, '') === e.newText.replace(blanks, ''));
      if (!ok) {
        problems.push({ kind: 'range', call, detail: `edit ${fmt(e.range)} changes more than whitespace` });
        return;
      }
      at = end;
    }
  };
  check(
    'format',
    timed('format', () => service.format(doc, options)),
  );
  const a = doc.positionAt(int(rnd, text.length + 1)),
    b = doc.positionAt(int(rnd, text.length + 1));
  const range = doc.offsetAt(a) <= doc.offsetAt(b) ? { start: a, end: b } : { start: b, end: a };
  check(
    'format range',
    timed('format range', () => service.format(doc, options, range)),
  );
  for (const ch of ['}', ';', '\n'])
    check(
      `formatOnType ${JSON.stringify(ch)}`,
      timed('formatOnType', () => service.formatOnType(doc, a, ch, options)),
    );
}

/** Save a failing input for replay; returns the file's path. */
export function saveFailure(
  dir: string,
  languageId: string,
  label: string,
  text: string,
  problems: readonly Problem[],
): string {
  fs.mkdirSync(dir, { recursive: true });
  const safe = label.replace(/[^\w.-]+/g, '_').slice(0, 80);
  const base = path.join(dir, `${languageId}-${safe}`);
  fs.writeFileSync(`${base}.input`, text);
  fs.writeFileSync(`${base}.json`, JSON.stringify({ languageId, label, problems }, null, 2));
  return `${base}.input`;
}

// ------------------------------------------------------------------------ regex linearity

/**
 * Characters a regular expression cares about: its literal characters and one member of each
 * class escape, then a few that trip common patterns. Used to build adversarial lines.
 */
export function regexAlphabet(source: string, max = 8): string[] {
  const chars = new Set<string>();
  for (let i = 0; i < source.length && chars.size < max; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[++i] ?? '';
      const cls: Record<string, string> = {
        s: ' ',
        S: 'a',
        d: '0',
        D: 'a',
        w: 'a',
        W: ' ',
        h: 'f',
        t: '\t',
        b: '',
        B: '',
        n: '',
        r: '',
      };
      const v = e in cls ? cls[e]! : /[A-Za-z0-9]/.test(e) ? '' : e;
      if (v) chars.add(v);
    } else if (!'()[]{}|?*+^$'.includes(c) && c >= ' ' && c <= '~') chars.add(c);
  }
  for (const c of [' ', 'a', '0', '"', '.', '\t', ':', '\\', '=', '-']) if (chars.size < max + 3) chars.add(c);
  return [...chars];
}

/** Lines of about `n` characters built to make backtracking regexes blow up. */
export function adversarialLines(source: string, n: number): string[] {
  const alpha = regexAlphabet(source);
  const out: string[] = [];
  for (const c of alpha) out.push(c.repeat(n - 1) + '\u0001');
  for (let i = 0; i + 1 < alpha.length; i++) out.push((alpha[i]! + alpha[i + 1]!).repeat(n >> 1) + '\u0001');
  return out;
}

export interface RegexSource {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/**
 * Every regular expression literal (and `new RegExp('literal')`) in TypeScript files under
 * `dir`, found with the TypeScript parser.
 */
export function regexLiteralsIn(dir: string): RegexSource[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const out: RegexSource[] = [];
  const files = listFiles(dir, 6).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: import('typescript').Node): void => {
      const line = () => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (ts.isRegularExpressionLiteral(node)) {
        const lit = node.text;
        const end = lit.lastIndexOf('/');
        out.push({
          where: `${path.relative(repoRoot(), f)}:${line()}`,
          source: lit.slice(1, end),
          flags: lit.slice(end + 1),
        });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [a, b] = node.arguments ?? [];
        if (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))) {
          const flags = b && (ts.isStringLiteral(b) || ts.isNoSubstitutionTemplateLiteral(b)) ? b.text : '';
          out.push({ where: `${path.relative(repoRoot(), f)}:${line()}`, source: a.text, flags });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Every `match`/`begin`/`end`/`while` pattern of a TextMate grammar object. */
export function grammarPatterns(grammar: unknown, file: string): RegexSource[] {
  const out: RegexSource[] = [];
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof x === 'string')
          out.push({ where: `${file} ${at}.${k}`, source: x, flags: '' });
        else walk(x, `${at}.${k}`);
      }
    }
  };
  walk(grammar, '$');
  return out;
}
