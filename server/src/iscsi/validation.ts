/** Diagnostics for initiatorname.iscsi: its lines and keys, and the name it gives (names.ts). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { positionAt } from '../common/text';
import { INITIATOR_KEYS } from './data/initiatorKeys';
import type { InitiatorLine, InitiatorTree } from './parser';
import { checkAlias, checkIscsiName, nameType } from './names';
import { currentMonth } from './clock';
import { problemToFinding, type IscsiFinding } from './findings';

export function doValidation(doc: TextDocument, tree: InitiatorTree, ctx: ModeContext): IscsiFinding[] {
  const out: IscsiFinding[] = [];
  const seen = new Map<string, number>();
  const at = (l: InitiatorLine, s: number, e: number) => ({
    start: positionAt(doc, l.offset + s),
    end: positionAt(doc, l.offset + e),
  });
  for (const l of tree.lines) {
    if (l.eq < 0) {
      out.push({
        rule: 'iscsi-initiatorname-syntax',
        range: at(l, l.keyStart, l.keyStart + l.key.length),
        message: `This line has no \`=\`: open-iscsi expects \`InitiatorName=<iSCSI name>\` or a \`#\` comment.`,
      });
      continue;
    }
    let key = l.key;
    if (!Object.hasOwn(INITIATOR_KEYS, key)) {
      const right = Object.keys(INITIATOR_KEYS).find((k) => k.toLowerCase() === key.toLowerCase());
      if (right) {
        out.push({
          rule: 'iscsi-initiatorname-unknown-key',
          range: at(l, l.keyStart, l.keyStart + key.length),
          message: `open-iscsi matches keys case-sensitively: write \`${right}\`, not \`${key}\`.`,
          data: { replace: [right], title: `Write ${right}` },
        });
        key = right;
      } else {
        out.push({
          rule: 'iscsi-initiatorname-unknown-key',
          range: at(l, l.keyStart, l.keyStart + key.length),
          message: key
            ? `Unknown key \`${key}\`: open-iscsi reads only \`InitiatorName\` and \`InitiatorAlias\`.`
            : 'The line starts with `=`: the key is missing (`InitiatorName=`).',
        });
        continue;
      }
    }
    const prev = seen.get(key);
    if (prev !== undefined) {
      out.push({
        rule: 'iscsi-initiatorname-duplicate',
        range: at(l, l.keyStart, l.keyStart + l.key.length),
        message: `\`${key}\` is already set on line ${prev + 1}; only one value is used, so keep one line.`,
      });
    } else seen.set(key, l.line);
    if (key === 'InitiatorName') {
      if (!l.value) {
        out.push({
          rule: 'iscsi-initiatorname-not-a-name',
          range: at(l, l.keyStart, l.eq + 1),
          message:
            'InitiatorName is empty: give this host an iSCSI name, e.g. `iqn.2005-03.org.open-iscsi:` followed by a unique string.',
        });
        continue;
      }
      if (!nameType(l.value)) {
        out.push({
          rule: 'iscsi-initiatorname-not-a-name',
          range: at(l, l.valueStart, l.valueStart + l.value.length),
          message: `\`${l.value.length > 40 ? `${l.value.slice(0, 37)}…` : l.value}\` is not an iSCSI name: it must start with \`iqn.\`, \`eui.\` or \`naa.\`.`,
        });
        continue;
      }
      const r = checkIscsiName(l.value, { allowNvmeEui: false, now: currentMonth(ctx) });
      for (const p of r.problems) out.push(problemToFinding(doc, l.offset + l.valueStart, p));
    } else if (key === 'InitiatorAlias') {
      const msg = checkAlias(l.value);
      if (msg)
        out.push({
          rule: 'iscsi-alias-too-long',
          range: at(l, l.valueStart, l.valueStart + l.value.length),
          message: msg,
        });
    }
  }
  if (!seen.has('InitiatorName') && doc.getText().trim()) {
    out.push({
      rule: 'iscsi-initiatorname-missing',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: "There is no `InitiatorName=` line: open-iscsi needs this host's iSCSI name here.",
    });
  }
  return out;
}
