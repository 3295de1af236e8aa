/** update-policy rules: the name field each rule type takes, and counts on record types. */
import { blocksOf, type Clause, type WordItem } from '../tree';
import { RRTYPES } from '../data/rrtypes';
import { PLACEHOLDER_RULE_TYPES, SELF_RULE_TYPES } from '../data/keywords';
import { canonical } from '../values';
import type { Reporter } from './reporter';

export function checkUpdatePolicy(up: Clause, rep: Reporter): void {
  const bl = blocksOf(up)[0];
  if (!bl) return;
  for (const e of bl.clauses) {
    const w = e.items.filter((i): i is WordItem => i.kind === 'word');
    if (w.length < 3) continue;
    const ruleType = w[2]!.text.toLowerCase();
    const nameField = ruleType === 'zonesub' ? undefined : w[3];
    if (nameField) checkNameField(ruleType, w[1]!, nameField, rep);
    for (const t of w.slice(ruleType === 'zonesub' ? 3 : 4)) {
      const open = t.text.indexOf('(');
      if (open < 0 || !t.text.endsWith(')')) continue;
      const count = t.text.slice(open + 1, -1);
      if (!/^\d{1,10}$/.test(count))
        rep.add(
          'named-update-policy',
          t.start,
          t.end,
          `\`(${count.slice(0, 20)})\` is not a valid count: write a plain number, e.g. \`PTR(10)\`.`,
        );
    }
  }
}

function checkNameField(ruleType: string, identity: WordItem, nameField: WordItem, rep: Reporter): void {
  const nf = nameField.text;
  if (SELF_RULE_TYPES.includes(ruleType)) {
    if (canonical(nf) !== canonical(identity.text) && nf !== '.')
      rep.add(
        'named-update-policy',
        nameField.start,
        nameField.end,
        `For \`${ruleType}\` the name field must be the identity (\`${identity.text}\`) or \`.\`, not \`${nf}\`.`,
      );
  } else if (PLACEHOLDER_RULE_TYPES.includes(ruleType)) {
    if (nf !== '.')
      rep.add(
        'named-update-policy',
        nameField.start,
        nameField.end,
        `For \`${ruleType}\` the name field must be the placeholder \`.\`, not \`${nf}\`.`,
      );
  } else if (looksLikeType(nf)) {
    rep.add(
      'named-update-policy',
      nameField.start,
      nameField.end,
      `\`${ruleType}\` rules need a name field before the record types; \`${nf}\` is a record type.`,
    );
  } else if (ruleType === 'wildcard' && !(nf === '*' || nf.startsWith('*.'))) {
    rep.add(
      'named-update-policy',
      nameField.start,
      nameField.end,
      `\`${nf}\` is not a wildcard name (it must start with \`*.\`).`,
    );
  }
}

function looksLikeType(t: string): boolean {
  const paren = t.indexOf('(');
  const l = (paren >= 0 ? t.slice(0, paren) : t).toLowerCase();
  return RRTYPES.has(l) || /^type\d+$/.test(l);
}
