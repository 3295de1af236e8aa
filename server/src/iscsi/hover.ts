/**
 * Hovers: the keys of initiatorname.iscsi, and the parts of a valid iSCSI name in any document
 * (the text feature), looking at the hovered line only.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../service/types';
import { lineAt, lineCountOf } from '../common/text';
import { INITIATOR_KEYS } from './data/initiatorKeys';
import { NAA_TYPES } from './data/naa';
import { MAX_NAME_BYTES } from './data/limits';
import { INITIATOR_LANGUAGE, type InitiatorTree } from './parser';
import { nameAtOffset } from './scan';
import { checkIscsiName, utf8Length, type NameParts } from './names';

/** The initiatorname.iscsi mode's hover: what a key means. */
export function doHover(_doc: TextDocument, tree: InitiatorTree, pos: Position, _ctx: ModeContext): Hover | null {
  const l = tree.lines.find((x) => x.line === pos.line);
  if (!l || !Object.hasOwn(INITIATOR_KEYS, l.key)) return null;
  if (pos.character < l.keyStart || pos.character > l.keyStart + l.key.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${l.key}** — ${INITIATOR_KEYS[l.key]}` },
    range: {
      start: { line: l.line, character: l.keyStart },
      end: { line: l.line, character: l.keyStart + l.key.length },
    },
  };
}

/** The parts of the valid iSCSI name under `pos` (the text feature's hover). */
export function nameHover(doc: TextDocument, pos: Position, _ctx?: ModeContext): Hover | null {
  if (pos.line < 0 || pos.line >= lineCountOf(doc)) return null;
  const line = lineAt(doc, pos.line).text;
  const tok = nameAtOffset(line, pos.character);
  if (!tok) return null;
  const r = checkIscsiName(tok.text, { allowNvmeEui: doc.languageId !== INITIATOR_LANGUAGE });
  if (!r.parts) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: partsMarkdown(tok.text, r.parts) },
    range: { start: { line: pos.line, character: tok.start }, end: { line: pos.line, character: tok.end } },
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Markdown describing the parts of a valid name. */
function partsMarkdown(name: string, parts: NameParts): string {
  const rows = ['| | |', '|---|---|'];
  if (parts.type === 'iqn') {
    const domain = parts.authority.split('.').reverse().join('.');
    rows.push(
      '| type | `iqn.` — iSCSI Qualified Name |',
      `| date | \`${parts.date}\` — ${MONTHS[parts.month - 1]} ${parts.year}, when the naming authority held the domain |`,
      `| naming authority | \`${parts.authority}\` — the domain \`${domain}\`, reversed |`,
      `| unique string | ${parts.unique ? `\`${parts.unique}\` — chosen by the naming authority` : '(none)'} |`,
    );
  } else if (parts.type === 'eui') {
    if (parts.nvme) {
      rows.push(
        '| type | `eui.` + 32 hex digits — an NVMe namespace ID (NGUID) as ESXi names NVMe devices, not an iSCSI name |',
        `| identifier | \`${parts.hex}\` |`,
      );
    } else {
      rows.push(
        '| type | `eui.` — IEEE EUI-64 identifier |',
        `| EUI-64 | \`${parts.hex}\` |`,
        `| company ID (OUI) | \`${parts.hex.slice(0, 6).toUpperCase()}\` — the first 24 bits |`,
        `| extension | \`${parts.hex.slice(6)}\` — assigned by the company |`,
      );
    }
  } else {
    const t = parts.hex[0]!;
    rows.push(
      '| type | `naa.` — T10 Network Address Authority identifier (RFC 3980) |',
      `| NAA | \`${t}\` — ${NAA_TYPES[t] ?? 'a format not defined for iSCSI names'} |`,
      `| value | \`${parts.hex}\` (${parts.hex.length * 4} bits) |`,
    );
    if (t === '5' || t === '6') rows.push(`| company ID (OUI) | \`${parts.hex.slice(1, 7).toUpperCase()}\` |`);
  }
  rows.push(`| length | ${utf8Length(name)} of ${MAX_NAME_BYTES} bytes |`);
  return [`**iSCSI name** \`${name}\``, '', ...rows].join('\n');
}
