/**
 * Words for a SCSI failure found by scsi.ts: the hover (the hovered part, then the whole failure
 * in a sentence or two, what it usually means, and a table of every part) and the inlay-hint
 * labels.
 */
import {
  ascName,
  deviceStatus,
  hex2,
  hostStatus,
  nmpAction,
  opcodeName,
  pluginStatus,
  senseKey,
  senseNote,
  shortAsc,
  type ScsiFailure,
  type ScsiPart,
  type SenseData,
} from './scsi';
import { HOST_STATUS_PREFIX, PLUGIN_STATUS_PREFIX } from './data/vmkScsiHost';
import { ASC_SOURCE } from './data/t10Asc';
import { OPCODE_SOURCE } from './data/t10Opcodes';

function hx(n: number): string {
  return `0x${n.toString(16)}`;
}

function md(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

/** The sense data carries a reason: the device answered CHECK CONDITION, or the triple is not all zero. */
function meaningfulSense(f: ScsiFailure): SenseData | undefined {
  const s = f.sense;
  if (!s) return undefined;
  if (s.key === 0 && s.asc === 0 && s.ascq === 0) return undefined;
  return s;
}

function triple(s: SenseData): string {
  return `${s.key.toString(16)}/${hex2(s.asc)}/${hex2(s.ascq)}`.toLowerCase();
}

/** "The device is not ready: LUN not ready, manual intervention required (2/04/03)." */
function senseSentence(s: SenseData): string {
  const key = senseKey(s.key);
  const name = shortAsc(ascName(s.asc, s.ascq).name);
  const head = key ? key.phrase : `Sense key ${hx(s.key)}`;
  return `${head}: ${name} (${triple(s)}).`;
}

function statusName(code: number, info: { name: string } | undefined): string {
  return info?.name ? info.name : `an unassigned value ${hx(code)}`;
}

/** Which layers saw no fault, as a clause: "the HBA and the path plugin saw no fault". */
function cleanLayers(f: ScsiFailure): string {
  const clean: string[] = [];
  if (f.host === 0) clean.push('the HBA');
  if (f.device === 0) clean.push('the target');
  if (f.plugin === 0) clean.push('the path plugin');
  if (!clean.length) return '';
  const list = clean.length === 1 ? clean[0]! : `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]!}`;
  return `${list} saw no fault`;
}

/** The whole failure in a sentence or two. */
export function summary(f: ScsiFailure): string {
  const out: string[] = [];
  const sense = meaningfulSense(f);
  const faults: string[] = [];
  if (f.host !== undefined && f.host !== 0) {
    const h = hostStatus(f.host);
    faults.push(`the HBA reported ${statusName(f.host, h)} (H:${hx(f.host)}${h ? `: ${h.description}` : ''})`);
  }
  if (f.device !== undefined && f.device !== 0) {
    const d = deviceStatus(f.device);
    faults.push(`the target answered ${d ? d.name : hx(f.device)} (D:${hx(f.device)})`);
  }
  if (f.plugin !== undefined && f.plugin !== 0) {
    const p = pluginStatus(f.plugin);
    faults.push(
      `the path plugin reported ${statusName(f.plugin, p)} (P:${hx(f.plugin)}${p ? `: ${p.description}` : ''})`,
    );
  }
  if (sense && (f.device === 2 || f.device === undefined)) out.push(senseSentence(sense));
  const clean = cleanLayers(f);
  if (faults.length) out.push(`${upper(faults.join('; '))}${clean ? `; ${clean}` : ''}.`);
  else if (f.host !== undefined) out.push('No layer reported a fault (H, D and P are all zero).');
  if (sense && f.device !== 2 && f.device !== undefined)
    out.push(
      `${f.sense!.quality} sense data${f.sense!.quality === 'Possible' ? ' (it may be stale)' : ''}: ${senseSentence(sense)}`,
    );
  if (f.opcode !== undefined) out.push(`The command was ${opcodeName(f.opcode).name} (${hx(f.opcode)}).`);
  if (f.action) {
    const a = nmpAction(f.action);
    out.push(a ? `NMP's next step (${f.action}): ${a.description}.` : `NMP's next step: ${f.action}.`);
  }
  return out.join(' ');
}

function upper(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What the failure usually means for an administrator, each with its source. */
export function notes(f: ScsiFailure): string[] {
  const out: string[] = [];
  const sense = meaningfulSense(f);
  if (sense) {
    const n = senseNote(sense.key, sense.asc, sense.ascq);
    if (n) out.push(`${n.pdl ? '**PDL.** ' : ''}${md(n.note)} _(${md(n.source)})_`);
  }
  for (const [code, info] of [
    [f.host, f.host === undefined ? undefined : hostStatus(f.host)],
    [f.plugin, f.plugin === undefined ? undefined : pluginStatus(f.plugin)],
  ] as const) {
    if (code && info?.note) out.push(`${md(info.note)} _(${md(info.source)})_`);
  }
  if (f.device) {
    const d = deviceStatus(f.device);
    if (d?.note && f.device !== 2) out.push(`${md(d.note)} _(${md(d.source ?? '')})_`);
  }
  return out;
}

function row(part: string, code: string, meaning: string, hovered: boolean): string {
  const cell = hovered ? `**${part}**` : part;
  return `| ${cell} | \`${code}\` | ${meaning} |`;
}

function rows(f: ScsiFailure, hovered: ScsiPart['kind'] | undefined): string[] {
  const out = ['| part | code | meaning |', '|---|---|---|'];
  if (f.opcode !== undefined) out.push(row('command', hx(f.opcode), md(opcodeMeaning(f.opcode)), hovered === 'opcode'));
  if (f.host !== undefined) {
    const h = hostStatus(f.host);
    const m = h?.name ? `${HOST_STATUS_PREFIX}${h.name}: ${h.description}` : (h?.description ?? 'not in vmkapi');
    out.push(row('host status', `H:${hx(f.host)}`, md(m), hovered === 'host'));
  }
  if (f.device !== undefined) {
    const d = deviceStatus(f.device);
    const m = d ? `${d.name} (${d.vmk}): ${d.description}` : 'not a SAM status code';
    out.push(row('device status', `D:${hx(f.device)}`, md(m), hovered === 'device'));
  }
  if (f.plugin !== undefined) {
    const p = pluginStatus(f.plugin);
    const m = p ? `${PLUGIN_STATUS_PREFIX}${p.name}: ${p.description}` : 'not in vmkapi';
    out.push(row('plugin status', `P:${hx(f.plugin)}`, md(m), hovered === 'plugin'));
  }
  if (f.sense) {
    const s = f.sense;
    const k = senseKey(s.key);
    const a = ascName(s.asc, s.ascq);
    out.push(
      row('sense key', hx(s.key), md(k ? `${k.name}: ${k.description}` : 'not a sense key'), hovered === 'sense'),
    );
    const kind = a.kind === 'range' ? ' (a ranged entry)' : '';
    out.push(row('ASC/ASCQ', `${hex2(s.asc)}h/${hex2(s.ascq)}h`, md(a.name.toUpperCase() + kind), hovered === 'sense'));
  }
  if (f.action) {
    const a = nmpAction(f.action);
    out.push(
      row('NMP action', `Act:${f.action}`, md(a ? a.description : 'an action we do not know'), hovered === 'action'),
    );
  }
  return out;
}

function opcodeMeaning(op: number): string {
  const o = opcodeName(op);
  let s = o.name;
  if (o.entry?.name && o.entry.others?.length) {
    s += ` (other device types: ${o.entry.others.map(([ty, n]) => `${n} for ${ty}`).join(', ')})`;
  }
  if (o.family?.length) {
    const members = o.family.map(([sa, n]) => `${n.toUpperCase()} (SA ${hx(sa)})`).join(', ');
    s += `: a family of commands told apart by a service action the log does not print; for block devices: ${members}`;
  }
  return s;
}

/** The first line: the hovered part alone. */
function headline(f: ScsiFailure, part: ScsiPart): string {
  switch (part.kind) {
    case 'opcode':
      return `**${md(part.text)}** — SCSI command ${md(opcodeName(f.opcode!).name)}`;
    case 'host': {
      const h = hostStatus(f.host!);
      return `**${md(part.text)}** — host status ${h?.name ? `${HOST_STATUS_PREFIX}${h.name}` : '(unassigned)'}`;
    }
    case 'device': {
      const d = deviceStatus(f.device!);
      return `**${md(part.text)}** — device status ${d ? d.name : '(not a SAM status)'}`;
    }
    case 'plugin': {
      const p = pluginStatus(f.plugin!);
      return `**${md(part.text)}** — plugin status ${p ? `${PLUGIN_STATUS_PREFIX}${p.name}` : '(unassigned)'}`;
    }
    case 'sense': {
      const s = f.sense!;
      const k = senseKey(s.key);
      return `**${md(s.quality)} sense data ${triple(s)}** — ${k ? k.name : 'unknown key'}: ${md(ascName(s.asc, s.ascq).name.toUpperCase())}`;
    }
    case 'action':
      return `**${md(part.text)}** — what NMP does next`;
  }
}

/** Markdown for a hover on `part` of the failure `f`. */
export function scsiHoverMarkdown(f: ScsiFailure, part: ScsiPart): string {
  const lines = [headline(f, part), '', md(summary(f))];
  const n = notes(f);
  if (n.length) lines.push('', ...n.map((x) => `- ${x}`));
  lines.push(
    '',
    ...rows(f, part.kind),
    '',
    `_${md(`Codes: ${ASC_SOURCE}; opcodes: ${OPCODE_SOURCE}; VMkernel statuses: vmkapi_scsi_ext.h`)}._`,
  );
  return lines.join('\n');
}

/** The inlay-hint label after a part; undefined where a hint would say nothing (zero statuses). */
export function hintLabel(f: ScsiFailure, part: ScsiPart): string | undefined {
  switch (part.kind) {
    case 'opcode':
      return opcodeName(f.opcode!).name;
    case 'host':
      return f.host ? hostStatus(f.host)?.name || undefined : undefined;
    case 'device':
      return f.device ? deviceStatus(f.device)?.name : undefined;
    case 'plugin':
      return f.plugin ? pluginStatus(f.plugin)?.name || undefined : undefined;
    case 'sense': {
      const s = meaningfulSense(f);
      if (!s) return undefined;
      const k = senseKey(s.key);
      return `${k ? k.name : hx(s.key)}: ${shortAsc(ascName(s.asc, s.ascq).name)}`;
    }
    case 'action':
      return undefined;
  }
}

/** The hint's tooltip: the whole failure. */
export function hintTooltip(f: ScsiFailure): string {
  return summary(f);
}
