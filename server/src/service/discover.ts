/**
 * Finding the configuration files of a folder: by name (service/languages.ts), and where the name
 * says nothing (`subnets.conf`, `keys.conf`, `named.conf.options` kept under another name, a .vmx
 * saved as `guest.cfg`), by what the text holds. Used to index a workspace and by `infra-lsp check DIR`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { languageForPath } from './languages';
import { createFsAccess } from './fileAccess';

/** Folders never walked into. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.vscode-test', 'out', 'dist']);
/** Files larger than this are not looked at by content. */
const MAX_SNIFF_BYTES = 1024 * 1024;
/** The most files one walk looks at. */
export const MAX_DISCOVERED = 20_000;

/** Statements only a named.conf has, and only a dhcpd.conf has (each at the start of a line). */
const NAMED_MARKERS =
  /^\s*(options\s*\{|zone\s+"[^"]*"\s*(in\s+)?\{|acl\s+"?[\w.-]+"?\s*\{|view\s+"?[\w.-]+"?\s*\{|logging\s*\{|controls\s*\{|primaries\s+|masters\s+|dnssec-policy\s+|key\s+"[^"]+"\s*\{|recursion\s+(yes|no);|allow-(query|transfer|recursion|update)\s*\{)/m;
const DHCPD_MARKERS =
  /^\s*(subnet6?\s+[\d.:a-f]+|shared-network\s+|host\s+[\w.-]+\s*\{|option\s+(domain-name|routers|subnet-mask)\b|ddns-update-style\s|default-lease-time\s|max-lease-time\s|authoritative\s*;|failover\s+peer\s|fixed-address\s|hardware\s+ethernet\s|range6?\s+[\d.:a-f]+|class\s+"[^"]*"\s*\{|key\s+[\w.-]+\s*\{)/m;

/**
 * The language a configuration file's text is written in: named or dhcpd, by the statements it
 * holds (undefined: neither, or both alike); else vmx, by its settings (see `looksLikeVmx`).
 */
export function languageByContent(text: string): 'named' | 'dhcpd' | 'vmx' | undefined {
  const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const named = countMatches(head, NAMED_MARKERS);
  const dhcpd = countMatches(head, DHCPD_MARKERS);
  if (named === 0 && dhcpd === 0) return looksLikeVmx(head, head.length < text.length) ? 'vmx' : undefined;
  if (named === dhcpd) return undefined;
  return named > dhcpd ? 'named' : 'dhcpd';
}

/** Settings every .vmx that VMware writes has; one of them, quoted, is enough. */
const VMX_KEYS_SURE = new Set(['config.version', 'virtualhw.version']);
/** Settings most .vmx files have; two different ones are needed (an INI file may have one). */
const VMX_KEYS = new Set([
  ...VMX_KEYS_SURE,
  '.encoding',
  'displayname',
  'guestos',
  'memsize',
  'numvcpus',
  'nvram',
  'uuid.bios',
  'uuid.location',
  'vc.uuid',
  'extendedconfigfile',
  'pcibridge0.present',
  'floppy0.present',
  'vmci0.present',
  'hpet0.present',
  'scsi0.present',
  'scsi0.virtualdev',
  'ethernet0.present',
  'ethernet0.virtualdev',
  'tools.synctime',
  'virtualhw.productcompatibility',
]);
/** `key = "value"`, as VMware writes every setting. */
const VMX_QUOTED = /^\s*([A-Za-z.][\w.:-]*)\s*=\s*"[^"]*"\s*$/;
/** `key = ...` (a setting, maybe mistyped). */
const VMX_SETTING = /^\s*[A-Za-z.][\w.:-]*\s*=/;

/**
 * Whether a text is a .vmx: no `[section]` line (an INI file), nine lines in ten `key = value`
 * and half of them `key = "value"` (comments and blank lines aside), and known settings: one
 * that every .vmx has (`config.version`, `virtualHW.version`), or two others (`displayName`,
 * `guestOS`, `memsize`...). `cut`: the text is the head of a longer one (its last line is partial).
 */
function looksLikeVmx(text: string, cut: boolean): boolean {
  const lines = text.split('\n');
  if (cut) lines.pop();
  let meaningful = 0,
    settings = 0,
    quoted = 0,
    sure = false;
  const known = new Set<string>();
  for (const line of lines) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    if (t.startsWith('[')) return false;
    meaningful++;
    if (!VMX_SETTING.test(t)) continue;
    settings++;
    const m = VMX_QUOTED.exec(t);
    if (!m) continue;
    quoted++;
    const key = m[1]!.toLowerCase();
    if (VMX_KEYS.has(key)) known.add(key);
    if (VMX_KEYS_SURE.has(key)) sure = true;
  }
  if (!meaningful || settings * 10 < meaningful * 9 || quoted * 2 < meaningful) return false;
  return sure || known.size >= 2;
}

function countMatches(text: string, re: RegExp): number {
  const g = new RegExp(re.source, 'gm');
  let n = 0;
  while (g.exec(text) && n < 50) n++;
  return n;
}

/** Names a configuration fragment may have, to be looked at by content. */
const FRAGMENT_NAME = /(\.(conf|local|options|zones|keys?|acl|inc|include|cfg)$)|(^named\.|^dhcpd)/i;

/**
 * Every file under `folders` whose language is known (by its name, else by its text when its name
 * looks like a configuration fragment), up to `max` files looked at. Symbolic links to folders
 * are not followed; only regular files are read.
 */
export function discoverFiles(
  folders: readonly string[],
  readSmall: (p: string) => string | undefined,
  max = MAX_DISCOVERED,
  recursive = true,
): Array<{ path: string; languageId: string }> {
  const out: Array<{ path: string; languageId: string }> = [];
  let looked = 0;
  const stack = [...folders].reverse();
  while (stack.length && looked < max) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (recursive && e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.'))
        stack.push(path.join(dir, e.name));
    }
    for (const e of entries) {
      if (!e.isFile() || ++looked > max) continue;
      const p = path.join(dir, e.name);
      const byName = languageForPath(p);
      if (byName) {
        out.push({ path: p, languageId: byName });
        continue;
      }
      if (!FRAGMENT_NAME.test(e.name)) continue;
      const text = readSmall(p);
      const byText = text === undefined ? undefined : languageByContent(text);
      if (byText) out.push({ path: p, languageId: byText });
    }
  }
  return out;
}

const sniffer = createFsAccess({ roots: () => [], allowOutside: () => true, maxBytes: MAX_SNIFF_BYTES });

/** A regular file's text when it is at most MAX_SNIFF_BYTES (for discoverFiles; never a device or FIFO). */
export function readSmallFile(p: string): string | undefined {
  return sniffer.read(pathToFileURL(p).toString());
}
