/**
 * The log's own findings: storage incidents (APD, PDL, dead paths), each rule off unless set.
 * With all of them off, nothing is looked at (the iSCSI names in logs are checked by the iSCSI
 * text feature); with one on, the findings come from the log's index (one pass, shared with
 * the outline and hovers).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ModeContext } from '../service/types';
import { findingBudget } from '../common/findings';
import { rangeOf } from '../common/text';
import type { LogTree } from './parser';
import { indexOf, timestampAt, type LogEvent, type LogIndex } from './logIndex';
import { nameOf } from './incidents';
import { RULES, type VmkLogRule } from './rules';

const RULE_OF: Partial<Record<LogEvent['kind'], VmkLogRule>> = {
  'apd-start': 'vmkernel-log-apd',
  'apd-timeout': 'vmkernel-log-apd',
  pdl: 'vmkernel-log-pdl',
  state: 'vmkernel-log-path-dead',
};

/** Whether the settings turn `rule` on (every log rule is off by default). */
function isOn(ctx: ModeContext, rule: VmkLogRule): boolean {
  const s = ctx.settings.rules[rule];
  return s === 'info' || s === 'warning' || s === 'error';
}

export function doValidation(doc: TextDocument, tree: LogTree, ctx: ModeContext): Finding<VmkLogRule>[] {
  const on = new Set(RULES.map((r) => r.id).filter((id) => isOn(ctx, id)));
  if (!on.size) return [];
  const ix = indexOf(tree);
  const room = findingBudget<VmkLogRule>();
  const out: Finding<VmkLogRule>[] = [];
  for (const ev of ix.incidents) {
    const rule = RULE_OF[ev.kind];
    if (!rule || !on.has(rule)) continue;
    if (ev.kind === 'state' && ev.to !== 'dead') continue;
    if (!room(rule)) continue;
    out.push({ rule, range: rangeOf(doc, ev.start, ev.end), message: messageOf(ix, tree.text, ev) });
  }
  return out;
}

function messageOf(ix: LogIndex, text: string, ev: LogEvent): string {
  const s = ix.subjects.get(ev.subject);
  const name = s ? nameOf(s) : ev.subject;
  const at = timestampAt(text, ev.line);
  const when = at ? ` at ${at}` : '';
  switch (ev.kind) {
    case 'apd-start':
      return `All paths down (APD) for ${name}${when}: the host lost every path to it and retries I/O until the APD timeout (140 s by default). Check the fabric or network, the cabling and the array.`;
    case 'apd-timeout':
      return `The APD timeout of ${name} expired${when}: the host now fails non-VM I/O to it at once. Restore a path to it, or unmount its datastore.`;
    case 'pdl':
      return `${name} is permanently inaccessible (PDL)${when}: the array says the device is gone. If it was removed on purpose, unmount and detach it and rescan; otherwise check the LUN's mapping on the array.`;
    default: {
      const dev = s?.device !== undefined ? ix.subjects.get(s.device) : undefined;
      const of = dev ? ` (to ${dev.id})` : '';
      return `Path ${name}${of} went dead${when} (from ${ev.from}). Check the cable, switch port and target port behind it; meanwhile I/O to the device moves to its other paths, if it has any.`;
    }
  }
}
