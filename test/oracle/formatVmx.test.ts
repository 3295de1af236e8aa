/**
 * .vmx formatting never changes a setting (issue 22), over every .vmx file of the shared corpus
 * (../shared/corpus/vmx, decoded as the extension decodes them: vmx/charsets.ts) and the files
 * of test/unit/vmx/written: our parser reads the same keys and values in the same order before
 * and after; formatting twice gives the text of formatting once; no character but blank space
 * is lost, added or changed; with \r\n line ends, the result is the \n result with \r\n ends.
 * The corpus files are mostly written as VMware writes them already, so each is also checked
 * roughened (blanks added around `=`, before the key, after the value, blank lines doubled): its
 * settings are the original's, and formatting it gives what formatting the original gives.
 * VMware has no checker to run: the parser's entries are the oracle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, service, withEOL } from '../helpers';
import { parseText } from '../../server/src/vmx/parser';
import { decodeDeclared } from '../../server/src/vmx/charsets';

const dirs = [
  path.resolve(process.cwd(), '..', 'shared', 'corpus', 'vmx'),
  path.resolve(process.cwd(), 'test', 'unit', 'vmx', 'written'),
];
const files = dirs.flatMap((d) =>
  fs.existsSync(d)
    ? fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.vmx'))
        .map((f) => path.join(d, f))
    : [],
);

function formatted(text: string): string {
  const d = doc('vmx', text);
  return TextDocument.applyEdits(d, service.format(d, { tabSize: 4, insertSpaces: true }));
}

/** The text with blank space added where formatting takes it away (deterministic, varied by line). */
function roughen(text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return text
    .split(eol)
    .map((line, i) => {
      const eq = line.indexOf(' = "');
      if (line.startsWith('#') || eq < 0) return line.length || i % 3 ? line : `${eol}  `;
      const pads = [' ', '\t', '   ', ' \t '];
      return `${pads[i % 4]}${line.slice(0, eq)}${pads[(i + 1) % 4]}=${pads[(i + 2) % 4]}${line.slice(eq + 3)}${pads[i % 3]}`;
    })
    .join(eol);
}

const settings = (text: string) => [...parseText(text).entries].map((e) => `${e.key}\t${e.value}`);
const solid = (text: string) => text.replace(/\s+/g, '');

test(
  'every corpus .vmx file: the same settings after formatting, stable, nothing but blank space changed',
  {
    skip: !fs.existsSync(dirs[0]!) && 'corpus missing',
  },
  () => {
    const problems: string[] = [];
    let changed = 0;
    let entries = 0;
    for (const f of files) {
      const text = decodeDeclared(fs.readFileSync(f));
      const once = formatted(text);
      if (once !== text) changed++;
      const name = path.basename(f);
      const before = settings(text);
      entries += before.length;
      if (JSON.stringify(settings(once)) !== JSON.stringify(before)) problems.push(`${name}: the settings differ`);
      if (solid(once) !== solid(text)) problems.push(`${name}: a character other than blank space changed`);
      if (formatted(once) !== once) problems.push(`${name}: formatting again changes it`);
      if (formatted(withEOL(text, '\r\n')) !== withEOL(once, '\r\n')) problems.push(`${name}: differs with \\r\\n`);
      const rough = roughen(text);
      if (rough === text) problems.push(`${name}: roughen changed nothing`);
      if (JSON.stringify(settings(rough)) !== JSON.stringify(before)) problems.push(`${name}: roughen broke a setting`);
      const smooth = formatted(rough);
      if (smooth !== once) problems.push(`${name}: roughened, it formats differently`);
      if (JSON.stringify(settings(smooth)) !== JSON.stringify(before))
        problems.push(`${name}: roughened, settings differ`);
    }
    console.log(`vmx formatting: ${changed} of ${files.length} files changed, ${entries} settings the same`);
    assert.ok(files.length > 20, `only ${files.length} .vmx files found`);
    assert.deepEqual(problems, []);
  },
);
