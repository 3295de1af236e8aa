/** Hover: statement and option docs (type, code, where allowed); key and zone definitions. */
import { FORMAT_SAMPLES } from './data/formatSamples';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { Tk } from '../common/tokenizer';
import { offsetAt, rangeOf, redactSecrets } from '../common/text';
import type { DhcpdTree } from './parser';
import { OPTION_BY_NAME } from './data/options';
import { PARAM_BY_NAME } from './data/serverParams';
import { ZONE_STATEMENTS, KEY_STATEMENTS, FAILOVER_STATEMENTS, ALLOW_DENY, KEYWORD_BY_NAME } from './data/keywords';
import { placesOf, scopeName } from './data/placement';
import { describeFormat } from './values';
import { keyNameAt, stmtPath, tokenAt } from './context';

const md = (value: string, doc: TextDocument, start: number, end: number): Hover => ({
  contents: { kind: MarkupKind.Markdown, value },
  range: rangeOf(doc, start, end),
});

export function doHover(doc: TextDocument, tree: DhcpdTree, pos: Position): Hover | null {
  const offset = offsetAt(doc, pos);
  const t = tokenAt(tree, offset);
  if (!t || t.kind !== Tk.Word) return null;
  const key = keyNameAt(tree, offset);
  if (key) {
    const def = tree.keys.find((k) => k.name === key);
    if (!def) return md(`**key** \`${t.text}\`\n\nNo \`key\` statement defines this key.`, doc, t.start, t.end);
    const body = redactSecrets(doc.getText().slice(def.stmt.start, def.stmt.end));
    return md(`**key** \`${t.text}\`\n\n\`\`\`dhcpd\n${body}\n\`\`\``, doc, t.start, t.end);
  }
  const zone = tree.zones.find((z) => z.nameTok.start === t.start);
  if (zone) {
    const body = doc.getText().slice(zone.stmt.start, zone.stmt.end);
    return md(
      `**zone** \`${t.text}\` — where dynamic DNS updates for this zone go\n\n\`\`\`dhcpd\n${body.length > 800 ? body.slice(0, 800) + '…' : body}\n\`\`\``,
      doc,
      t.start,
      t.end,
    );
  }
  const path = stmtPath(tree, offset);
  const s = path[path.length - 1];
  if (!s) return null;
  const idx = s.words.findIndex((w) => w.start === t.start);
  const parent = path[path.length - 2];
  const parentKw = parent?.words[0]?.text.toLowerCase();
  const w0 = s.words[0]?.text.toLowerCase();
  const inBlock = parent && parent.block && offset > parent.block.open.start;
  if (idx === 0 && inBlock && parentKw === 'zone' && w0 && ZONE_STATEMENTS[w0])
    return md(`**${w0}** (zone)\n\n${ZONE_STATEMENTS[w0]}`, doc, t.start, t.end);
  if (idx === 0 && inBlock && parentKw === 'key' && w0 && KEY_STATEMENTS[w0])
    return md(`**${w0}** (key)\n\n${KEY_STATEMENTS[w0]}`, doc, t.start, t.end);
  if (idx === 0 && inBlock && parentKw === 'failover' && w0 && FAILOVER_STATEMENTS[w0])
    return md(`**${w0}** (failover peer)\n\n${FAILOVER_STATEMENTS[w0]}`, doc, t.start, t.end);
  // option names
  const optKw = ['option', 'send', 'supersede', 'prepend', 'append', 'default'];
  if (idx === 1 && w0 && optKw.includes(w0)) {
    const raw = t.text.toLowerCase();
    const full = raw.includes('.') ? raw : `dhcp.${raw}`;
    const o = OPTION_BY_NAME.get(full);
    if (o) {
      const full = `${o.space === 'dhcp' ? '' : o.space + '.'}${o.name}`;
      const ex = optionExample(o.format);
      return md(
        `**option ${full}** — code ${o.code} (${o.space === 'dhcp6' ? 'DHCPv6' : o.space === 'dhcp' ? 'DHCPv4' : o.space + ' space'})\n\n${o.doc}\n\nValue: ${describeFormat(o.format)}\n\nAllowed at the top level and in any declaration or conditional block.${ex ? `\n\n\`\`\`dhcpd\noption ${full} ${ex};\n\`\`\`` : ''}`,
        doc,
        t.start,
        t.end,
      );
    }
    if (tree.userOptions.has(full))
      return md(`**option ${t.text}** — defined in this file with \`option ... code ...\`.`, doc, t.start, t.end);
  }
  if (idx === 0 || (idx === 1 && w0 === 'not')) {
    const kw = t.text.toLowerCase();
    const p = PARAM_BY_NAME.get(kw);
    if (p) {
      const ex = exampleFor(p.format, kw);
      return md(
        `**${p.name}** — server parameter\n\n${p.doc}\n\nValue: ${describeFormat(p.format)}${p.scope === 'global' ? '\n\nOnly has an effect at the top level.' : ''}\n\n\`\`\`dhcpd\n${ex}\n\`\`\``,
        doc,
        t.start,
        t.end,
      );
    }
    const k = KEYWORD_BY_NAME.get(kw);
    if (k)
      return md(
        `**${k.name}**\n\n${k.doc}\n\n\`\`\`dhcpd\n${k.syntax}\n\`\`\`\n\nAllowed ${placesOf(k.name).map(scopeName).join(', ')}.`,
        doc,
        t.start,
        t.end,
      );
  }
  if (idx >= 1 && w0 && ['allow', 'deny', 'ignore'].includes(w0)) {
    const phrase = s.words
      .slice(1, 4)
      .map((x) => x.text.toLowerCase())
      .join(' ');
    const k = Object.keys(ALLOW_DENY).find((a) => phrase.startsWith(a));
    if (k) return md(`**${w0} ${k}**\n\n${ALLOW_DENY[k]}`, doc, t.start, t.end);
  }
  return null;
}

/** A sample value for an ISC format string (first field, repeated once for lists). */
function optionExample(fmt: string): string | undefined {
  const one = FORMAT_SAMPLES;
  if (/^[E]/.test(fmt) || fmt === 'Z') return fmt === 'Z' ? '' : undefined;
  const fields: string[] = [];
  for (const c of fmt) {
    if (c === 'A' || c === 'a') {
      fields.push(',', fields[fields.length - 1] ?? '');
      break;
    }
    if (one[c]) fields.push(one[c]!);
  }
  return fields.join(' ').replace(/ ,/g, ',') || undefined;
}

function exampleFor(fmt: string, name: string): string {
  const v: Record<string, string> = {
    T: '3600',
    f: 'true',
    t: '"text"',
    I: '192.168.1.1',
    '6': '2001:db8::1',
    B: '10',
    S: '67',
    L: '600',
    N: 'VALUE',
    k: 'KEYNAME',
    U: 'SPACE',
    X: '"string"',
  };
  if (name === 'ddns-update-style') return 'ddns-update-style standard;';
  if (name === 'log-facility') return 'log-facility local7;';
  return `${name} ${v[fmt[0] ?? ''] ?? 'VALUE'};`;
}
