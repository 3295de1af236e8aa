/**
 * Writes the rule settings into package.json's contributes.configuration from the rule
 * tables, so every rule id is a setting. `npm run sync-package`; a test fails when they differ.
 */
import * as fs from 'node:fs';
import { configurationProperties } from './configuration';

const path = 'package.json';
const pkg = JSON.parse(fs.readFileSync(path, 'utf8'));
pkg.contributes.configuration.properties = configurationProperties();
fs.writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log(`wrote ${Object.keys(pkg.contributes.configuration.properties).length} settings to package.json`);
