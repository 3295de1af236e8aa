/**
 * The .vmx lint rules, keyed by id. Source: our own design; severities follow the rule that a file
 * VMware loads gets no Error: only faults VMware or libvirt refuse are Errors.
 */
import { defineRules, type RuleIdOf } from '../service/rules';

export const RULES = defineRules({
  'vmx-syntax': {
    defaultSeverity: 'error',
    description: 'A line that is not `key = "value"` or a `#` comment, or text after the closing quote.',
    scope: 'file',
  },
  'vmx-unterminated-string': {
    defaultSeverity: 'error',
    description: 'A value whose opening quote is not closed on the same line.',
    scope: 'file',
  },
  'vmx-curly-quotes': {
    defaultSeverity: 'error',
    description:
      'Typographic quotes “ ” around a value (pasted from a web page); VMware reads them as part of the value.',
    scope: 'file',
  },
  'vmx-unquoted-value': {
    defaultSeverity: 'warning',
    description: 'A value without double quotes, which libvirt and other tools refuse.',
    scope: 'file',
  },
  'vmx-bad-escape': {
    defaultSeverity: 'warning',
    description: 'A `|` in a value that does not start a `|XX` hex escape.',
    scope: 'file',
  },
  'vmx-unknown-key': {
    defaultSeverity: 'warning',
    description: 'A key that is not in our table of VMware keys (often a typo; VMware silently ignores unknown keys).',
    scope: 'file',
  },
  'vmx-duplicate-key': {
    defaultSeverity: 'warning',
    description: 'A key set twice; the later value wins and the earlier line is dead.',
    scope: 'file',
  },
  'vmx-invalid-value': {
    defaultSeverity: 'error',
    description:
      'A value of the wrong form: not a boolean, not an integer, a malformed MAC or UUID, or not one of a closed list of values.',
    scope: 'file',
  },
  'vmx-nonstandard-boolean': {
    defaultSeverity: 'warning',
    description: 'A boolean written as yes/no/1/0/on/off instead of TRUE/FALSE, which libvirt and other tools refuse.',
    scope: 'file',
  },
  'vmx-unknown-value': {
    defaultSeverity: 'warning',
    description:
      'A value not in the known list for an open-ended key (guestOS, adapter models, disk types, encodings), or an empty value where a boolean or number belongs.',
    scope: 'file',
  },
  'vmx-value-out-of-range': {
    defaultSeverity: 'warning',
    description: 'An integer outside the range the key allows.',
    scope: 'file',
    formerIds: ['vmx-out-of-range'],
    examples: { bad: 'numvcpus = "1000"\n', good: 'numvcpus = "8"\n' },
  },
  'vmx-memsize-multiple': {
    defaultSeverity: 'error',
    description: 'memsize that is not a multiple of 4 MB; VMware refuses to power on such a VM.',
    scope: 'file',
  },
  'vmx-index-out-of-range': {
    defaultSeverity: 'warning',
    description:
      'A device index or unit VMware does not have (ethernet10, serial4, scsi0:7 which is the adapter itself).',
    scope: 'file',
  },
  'vmx-mac-range': {
    defaultSeverity: 'warning',
    description:
      "A static MAC outside VMware's static range 00:50:56:00:00:00–00:50:56:3f:ff:ff (without checkMACAddress = FALSE), or a generated MAC that VMware did not generate.",
    scope: 'file',
  },
  'vmx-duplicate-mac': {
    defaultSeverity: 'warning',
    description: 'Two network adapters with the same MAC address.',
    scope: 'file',
  },
  'vmx-serial-incomplete': {
    defaultSeverity: 'warning',
    description:
      'A serial port over a pipe or the network that lacks fileName or its endPoint, or whose network fileName is not a tcp/telnet URI with a port.',
    scope: 'file',
  },
  'vmx-missing-controller': {
    defaultSeverity: 'warning',
    description: 'A disk or CD-ROM on an adapter (scsiN, sataN, nvmeN) that is not present.',
    scope: 'file',
  },
  'vmx-cores-per-socket': {
    defaultSeverity: 'error',
    description: 'numvcpus that is not a multiple of cpuid.coresPerSocket; VMware refuses to power on such a VM.',
    scope: 'file',
  },
  'vmx-hardware-version': {
    defaultSeverity: 'warning',
    description: 'A device or value that needs a newer virtualHW.version than the file has.',
    scope: 'file',
  },
  'vmx-secure-boot-needs-efi': {
    defaultSeverity: 'warning',
    description: 'UEFI Secure Boot turned on while the firmware is not EFI.',
    scope: 'file',
  },
});

export type VmxRuleId = RuleIdOf<typeof RULES>;
