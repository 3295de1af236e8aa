/**
 * Writes package.json's languages, grammars, snippets and settings from the code
 * (scripts/contributions.ts). `npm run sync-package`; a test fails when they differ.
 */
import * as fs from 'node:fs';
import { commandContributions, configurationProperties, languageContributions } from './contributions';

const path = 'package.json';
const pkg = JSON.parse(fs.readFileSync(path, 'utf8'));
Object.assign(pkg.contributes, languageContributions(), commandContributions());
pkg.contributes.configuration.properties = configurationProperties();
fs.writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log(`wrote ${Object.keys(pkg.contributes.configuration.properties).length} settings to package.json`);
