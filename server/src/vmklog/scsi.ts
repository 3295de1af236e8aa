/**
 * SCSI failures in VMkernel log lines: where the parts of a failure stand on one line (opcode,
 * host/device/plugin status, sense data, NMP action) and what each code means, from the tables
 * in data/. Works on one line at a time; the lookup maps are built on first use, so a log that
 * never shows a SCSI failure never builds them.
 *
 * The forms read (ESX 4.x to ESXi 8.x):
 *   ScsiDeviceIO: 4325: Cmd(0x45b8c1a3e0c0) 0x28, CmdSN 0x8000002e from world ... failed H:0x0 D:0x2 P:0x0 Valid sense data: 0x2 0x4 0x3
 *   NMP: nmp_ThrottleLogForDevice:3867: Cmd 0x2a (0x45b8..., 2099351) to dev "naa..." on path "vmhba2:C0:T1:L3" Failed: H:0x5 D:0x0 P:0x0 Invalid sense data: 0x0 0x0 0x0. Act:EVAL
 *   NMP: nmp_CompleteCommandForPath: Command 0x28 (0x41000b10f000) to NMP device "naa..." failed on physical path "vmhba3:C0:T2:L10" H:0x0 D:0x2 P:0x0 Possible sense data: 0x2 0x4 0x3.
 *   NMP: nmp_PathDetermineFailure:2973: Cmd (0x2a) PDL error (0x5/0x25/0x0) - path ...
 */
import { T10_ASC_ASCQ, T10_ASC_RANGES } from './data/t10Asc';
import { SERVICE_ACTION_FAMILIES, T10_OPCODES, VENDOR_OPCODES_FROM, type OpcodeEntry } from './data/t10Opcodes';
import { SAM_STATUS, SENSE_KEYS, type DeviceStatus, type SenseKey } from './data/scsiStatus';
import {
  HOST_STATUS,
  NMP_ACTIONS,
  PLUGIN_STATUS,
  SENSE_NOTES,
  type CodeInfo,
  type NmpAction,
  type SenseNote,
} from './data/vmkScsiHost';

export type PartKind = 'opcode' | 'host' | 'device' | 'plugin' | 'sense' | 'action';

export interface ScsiPart {
  readonly kind: PartKind;
  /** Offsets in the line (end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface SenseData {
  /** `Valid`, `Possible`, `Invalid`, or `PDL error` for the NMP form `(0x5/0x25/0x0)`. */
  readonly quality: string;
  readonly key: number;
  readonly asc: number;
  readonly ascq: number;
}

/** What one line says about a SCSI command that failed. */
export interface ScsiFailure {
  readonly parts: readonly ScsiPart[];
  readonly opcode?: number;
  readonly host?: number;
  readonly device?: number;
  readonly plugin?: number;
  readonly sense?: SenseData;
  readonly action?: string;
}

// One quantifier per run, none nested. Case-insensitive hex; VMkernel prints lower case.
const STATUS_RE = /(?<![\w])H:0x([0-9a-fA-F]{1,8}) {1,4}D:0x([0-9a-fA-F]{1,8}) {1,4}P:0x([0-9a-fA-F]{1,8})(?![\w])/;
const SENSE_RE =
  /(?<![\w])(Valid|Possible|Invalid) sense data: {1,4}0x([0-9a-fA-F]{1,2}) {1,4}0x([0-9a-fA-F]{1,2}) {1,4}0x([0-9a-fA-F]{1,2})(?![\w])/i;
const PDL_SENSE_RE = /PDL error \((0x[0-9a-fA-F]{1,2})\/(0x[0-9a-fA-F]{1,2})\/(0x[0-9a-fA-F]{1,2})\)/;
/** `Cmd(0x45b8c1a3e0c0) 0x28,`: the opcode after the command's address. */
const CMD_ADDR_RE = /(?<![\w])Cmd\(0x[0-9a-fA-F]{1,16}\) {1,4}(0x[0-9a-fA-F]{1,2})(?![\w])/;
/** `Cmd 0x2a (`, `Command 0x28 (`, `command 0xa3 failed`, `Cmd (0x2a)`. */
const CMD_RE = /(?<![\w])(?:Cmd|Command|command) {1,4}\(?(0x[0-9a-fA-F]{1,2})(?![\w])/;
const ACTION_RE = /(?<![\w])Act:([A-Z]{2,16})(?![\w])/;

function hex(s: string): number {
  return parseInt(s.replace(/^0x/i, ''), 16);
}

/** The parts of a SCSI failure on `line`; null when the line shows none. Never throws. */
export function scanScsi(line: string): ScsiFailure | null {
  const parts: ScsiPart[] = [];
  const out: { -readonly [K in keyof ScsiFailure]: ScsiFailure[K] } = { parts };
  const st = STATUS_RE.exec(line);
  if (st) {
    const at = st.index;
    const tokens: Array<[PartKind, string]> = [
      ['host', `H:0x${st[1]!}`],
      ['device', `D:0x${st[2]!}`],
      ['plugin', `P:0x${st[3]!}`],
    ];
    let from = at;
    for (const [kind, text] of tokens) {
      const i = line.indexOf(text, from);
      parts.push({ kind, start: i, end: i + text.length, text });
      from = i + text.length;
    }
    out.host = hex(st[1]!);
    out.device = hex(st[2]!);
    out.plugin = hex(st[3]!);
  }
  const se = SENSE_RE.exec(line);
  const pdl = se ? null : PDL_SENSE_RE.exec(line);
  if (se) {
    parts.push({ kind: 'sense', start: se.index, end: se.index + se[0].length, text: se[0] });
    out.sense = { quality: cap(se[1]!), key: hex(se[2]!), asc: hex(se[3]!), ascq: hex(se[4]!) };
  } else if (pdl) {
    parts.push({ kind: 'sense', start: pdl.index, end: pdl.index + pdl[0].length, text: pdl[0] });
    out.sense = { quality: 'PDL error', key: hex(pdl[1]!), asc: hex(pdl[2]!), ascq: hex(pdl[3]!) };
  }
  const cmd = CMD_ADDR_RE.exec(line) ?? CMD_RE.exec(line);
  if (cmd && (st || se || pdl || / failed/i.test(line))) {
    const text = cmd[1]!;
    const i = cmd.index + cmd[0].lastIndexOf(text);
    parts.push({ kind: 'opcode', start: i, end: i + text.length, text });
    out.opcode = hex(text);
  }
  const act = st || se ? ACTION_RE.exec(line) : null;
  if (act) {
    parts.push({ kind: 'action', start: act.index, end: act.index + act[0].length, text: act[0] });
    out.action = act[1]!;
  }
  if (out.host === undefined && !out.sense) return null;
  parts.sort((a, b) => a.start - b.start);
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

// ---------- lookups (maps built on first use) ----------

interface Tables {
  readonly asc: Map<number, string>;
  readonly ops: Map<number, OpcodeEntry>;
  readonly families: Map<number, ReadonlyArray<readonly [number, string]>>;
  readonly host: Map<number, CodeInfo>;
  readonly plugin: Map<number, CodeInfo>;
  readonly device: Map<number, DeviceStatus>;
  readonly actions: Map<string, NmpAction>;
}

let tables: Tables | undefined;

function t(): Tables {
  if (tables) return tables;
  tables = {
    asc: new Map(T10_ASC_ASCQ.map(([a, q, n]) => [(a << 8) | q, n])),
    ops: new Map(T10_OPCODES.map((o) => [o.op, o])),
    families: new Map(SERVICE_ACTION_FAMILIES.map(([op, m]) => [op, m])),
    host: new Map(HOST_STATUS.map((h) => [h.code, h])),
    plugin: new Map(PLUGIN_STATUS.map((p) => [p.code, p])),
    device: new Map(SAM_STATUS.map((d) => [d.code, d])),
    actions: new Map(NMP_ACTIONS.map((a) => [a.name, a])),
  };
  return tables;
}

/** An ASC/ASCQ pair, named from the T10 list, its ranges or the vendor-specific rules. */
export interface AscName {
  /** The name as the source spells it (sentence case); `NN` ranges filled in with the qualifier. */
  readonly name: string;
  readonly kind: 'assigned' | 'range' | 'vendor' | 'unknown';
}

export function ascName(asc: number, ascq: number): AscName {
  const exact = t().asc.get((asc << 8) | ascq);
  if (exact !== undefined) return { name: exact, kind: 'assigned' };
  const range = T10_ASC_RANGES.find(([a, from, to]) => a === asc && from <= ascq && ascq <= to);
  if (range) return { name: range[3].replace('NN', `${hex2(ascq)}h`), kind: 'range' };
  if (asc >= 0x80) return { name: `Vendor-specific ASC ${hex2(asc)}h (qualifier ${hex2(ascq)}h)`, kind: 'vendor' };
  if (ascq >= 0x80) {
    const base = t().asc.get(asc << 8);
    const family = base ? ` under ASC ${hex2(asc)}h (${base})` : ` under ASC ${hex2(asc)}h`;
    return { name: `Vendor-specific qualifier ${hex2(ascq)}h${family}`, kind: 'vendor' };
  }
  return { name: `ASC ${hex2(asc)}h/ASCQ ${hex2(ascq)}h (not in the T10 list)`, kind: 'unknown' };
}

export function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

export function senseKey(key: number): SenseKey | undefined {
  return SENSE_KEYS[key];
}

export function hostStatus(code: number): CodeInfo | undefined {
  return t().host.get(code);
}

export function pluginStatus(code: number): CodeInfo | undefined {
  return t().plugin.get(code);
}

export function deviceStatus(code: number): DeviceStatus | undefined {
  return t().device.get(code);
}

export function nmpAction(name: string): NmpAction | undefined {
  return t().actions.get(name);
}

export interface OpcodeName {
  /** The T10 name in capitals, or a description of an unnamed opcode. */
  readonly name: string;
  readonly entry?: OpcodeEntry;
  readonly vendor: boolean;
  /** Block-device members of a service-action family. */
  readonly family?: ReadonlyArray<readonly [number, string]>;
}

export function opcodeName(op: number): OpcodeName {
  const entry = t().ops.get(op);
  const family = t().families.get(op);
  if (entry?.name) return { name: entry.name.toUpperCase(), entry, vendor: false, family };
  if (entry?.others?.length) {
    const [type, name] = entry.others[0]!;
    return { name: `${name.toUpperCase()} (${type})`, entry, vendor: false, family };
  }
  if (op >= VENDOR_OPCODES_FROM) return { name: 'vendor-specific command', vendor: true };
  return { name: 'reserved or obsolete opcode', vendor: false };
}

/** The note on a sense triple: exact match first, then any qualifier of the ASC. */
export function senseNote(key: number, asc: number, ascq: number): SenseNote | undefined {
  return (
    SENSE_NOTES.find((n) => n.asc === asc && n.ascq === ascq && (n.key === undefined || n.key === key)) ??
    SENSE_NOTES.find((n) => n.asc === asc && n.ascq === undefined && (n.key === undefined || n.key === key))
  );
}

/** Hint/short form of a sense name: "Logical unit" reads as "LUN". */
export function shortAsc(name: string): string {
  return name.replace(/\blogical unit\b/gi, 'LUN');
}
