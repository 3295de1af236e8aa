/**
 * The rules of ESX/ESXi logs. A log is a record, not a configuration: nothing in it is wrong to
 * write, so every rule is off by default. Turned on (`infraLsp.rules.<id>`), they list the storage
 * incidents that matter most in the Problems panel. Kept apart from the mode: the registry reads
 * these at start-up without loading the log mode.
 */
import { defineRules, type RuleIdOf } from '../service/rules';

const TS = '2024-03-12T10:12:00.000Z In(182) vmkernel: cpu3:2097600)';

export const RULES = defineRules({
  'vmkernel-log-apd': {
    defaultSeverity: 'ignore',
    description:
      'A storage device or volume enters the all-paths-down (APD) state, or its APD timer expires (off by default: turn it on to list them).',
    scope: 'statement',
    examples: {
      bad: `${TS}StorageApdHandler: 1062: APD start for ident [naa.600508b1001c3a5f]!\n`,
      good: `${TS}StorageApdHandler: 1146: APD exit for ident [naa.600508b1001c3a5f]!\n`,
    },
  },
  'vmkernel-log-pdl': {
    defaultSeverity: 'ignore',
    description:
      'A storage device is reported permanently inaccessible (permanent device loss, PDL) (off by default: turn it on to list them).',
    scope: 'statement',
    examples: {
      bad: `${TS}WARNING: ScsiDevice: 1425: Device naa.600508b1001c3a5f has been removed or is permanently inaccessible.\n`,
      good: `${TS}ScsiDevice: 4742: Device naa.600508b1001c3a5f is now available.\n`,
    },
  },
  'vmkernel-log-path-dead': {
    defaultSeverity: 'ignore',
    description: 'A storage path changes state to dead (off by default: turn it on to list them).',
    scope: 'statement',
    examples: {
      bad: `${TS}vmw_psp_rr: path "vmhba2:C0:T1:L3" changed state from on to dead\n`,
      good: `${TS}vmw_psp_rr: path "vmhba2:C0:T1:L3" changed state from dead to on\n`,
    },
  },
});

export type VmkLogRule = RuleIdOf<typeof RULES>;
