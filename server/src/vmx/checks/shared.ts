/** What the .vmx checks share: the finding type, quick-fix data, and reading the settings that count. */
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../service/types';
import { rangeOf } from '../../common/text';
import type { VmxRuleId } from '../rules';
import type { VmxEntry } from '../entries';
import type { VmxTree } from '../parser';
import { lookupKey } from '../schema';

export type VmxFinding = Finding<VmxRuleId>;

/** Whether one more finding of a rule is among the first the facade lists (findingBudget). */
export type Room = (rule: VmxRuleId) => boolean;

export const lc = (s: string) => s.toLowerCase();
export const isTrue = (v: string | undefined) => v !== undefined && /^(true|yes|on|1)$/i.test(v.trim());
export const INT = /^[+-]?\d{1,18}$/;

/** The value that counts for a key (the last one), or undefined. */
export function lastValue(tree: VmxTree, key: string): VmxEntry | undefined {
  const use = tree.byKey.get(lc(key));
  return use ? tree.entries.at(use.last) : undefined;
}

export function keyRange(doc: TextDocument, e: VmxEntry): Range {
  return rangeOf(doc, e.keyStart, e.keyEnd);
}

export function valueRange(doc: TextDocument, e: VmxEntry): Range {
  return rangeOf(doc, e.valueStart, e.valueEnd);
}

export type KeyLookup = ReturnType<typeof lookupKey>;

/** lookupKey for entry i, once per distinct key text of the tree. */
export function keyLookups(tree: VmxTree): (i: number) => KeyLookup {
  const byId: Array<KeyLookup | undefined> = [];
  const entries = tree.entries;
  return (i) => {
    const id = entries.keyId(i);
    return (byId[id] ??= lookupKey(entries.keyTexts[id]!));
  };
}
