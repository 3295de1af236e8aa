/**
 * `.encoding` names as VMware resolves them (see data/charsets.ts), and the bytes of a .vmx file
 * decoded with the charset it declares.
 */
import { CHARSETS, type Charset } from './data/charsets';

/** Lower case, letters and digits only: how VMware compares charset names the second time. */
const normal = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const exact = new Map<string, Charset>();
const loose = new Map<string, Charset>();
const byCodePage = new Map<number, Charset>();
for (const c of CHARSETS) {
  for (const n of c.names) {
    if (!exact.has(n)) exact.set(n, c);
    const k = normal(n);
    if (k && !loose.has(k)) loose.set(k, c);
  }
  if (c.codePage !== undefined && !byCodePage.has(c.codePage)) byCodePage.set(c.codePage, c);
}

/** The charset VMware takes `name` for, or undefined when it knows no such name. */
export function charsetOf(name: string): Charset | undefined {
  const w = /^windows-(\d{1,6})$/i.exec(name);
  if (w) {
    const c = byCodePage.get(Number(w[1]));
    if (c) return c;
  }
  return exact.get(name) ?? loose.get(normal(name));
}

/** The preferred (MIME) name of a charset. */
export function charsetName(c: Charset): string {
  return c.names[c.mime ?? 0] ?? c.names[0]!;
}

/** A `.encoding = "..."` line near the start of a file (a .vmx writes it first). */
const DECLARED = /^[ \t]*\.encoding[ \t]*=[ \t]*"([^"\r\n]{1,64})"/m;

/**
 * The text of a file's bytes: UTF-8, unless the file declares another charset in a `.encoding`
 * line within its first 4 KB that Node can decode (VMware writes that line first, in ASCII).
 */
export function decodeDeclared(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = DECLARED.exec(head);
  const decoder = m ? charsetOf(m[1]!)?.decoder : undefined;
  if (decoder && decoder !== 'utf-8') {
    try {
      return new TextDecoder(decoder).decode(bytes);
    } catch {
      // a label this Node lacks: read as UTF-8 below
    }
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}
