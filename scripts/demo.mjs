// The newcomer's demo: run the checker over the bundled samples and show what it finds.
// Exit 0 when the checker ran (its own exit 1 just means "errors found"), non-zero otherwise.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
for (const dir of readdirSync('samples')) {
  const d = join('samples', dir);
  if (statSync(d).isDirectory()) for (const f of readdirSync(d)) files.push(join(d, f));
}
const vsix = readdirSync('.').find((f) => f.endsWith('.vsix'));
console.log(
  `infra-lsp demo: ${vsix ? `packaged ${vsix} (${Math.round(statSync(vsix).size / 1024)} KiB); ` : ''}checking ${files.length} sample files\n`,
);
const r = spawnSync(process.execPath, ['dist/cli.js', 'check', ...files], { stdio: 'inherit' });
if (r.status !== 0 && r.status !== 1) {
  console.error(`infra-lsp demo: the checker exited with ${r.status}`);
  process.exit(1);
}
console.log(
  `\nThe checker exits ${r.status}: ${r.status === 1 ? 'the samples hold errors on purpose' : 'no errors'}. Install ${vsix ?? 'the .vsix'} in VS Code with: code --install-extension ${vsix ?? 'infra-lsp-0.1.0.vsix'}`,
);
if (!existsSync('dist/server.js')) process.exit(1);
