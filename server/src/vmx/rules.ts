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
    examples: { bad: 'memsize "4096"\n', good: 'memsize = "4096"\n' },
  },
  'vmx-incomplete-setting': {
    // Information, not Error: it shows while a key is typed (serial1. before its = "value"), and
    // vmx-syntax takes over once the line has more than a key
    defaultSeverity: 'info',
    description:
      'A line that holds only a key, with no = and value yet (a setting being typed); VMware refuses the file until it is finished.',
    scope: 'file',
    examples: { bad: 'memsize = "4096"\nserial1.\n', good: 'memsize = "4096"\nserial1.present = "FALSE"\n' },
  },
  'vmx-unterminated-string': {
    defaultSeverity: 'error',
    description: 'A value whose opening quote is not closed on the same line.',
    scope: 'file',
    examples: { bad: 'displayName = "web01\n', good: 'displayName = "web01"\n' },
  },
  'vmx-curly-quotes': {
    defaultSeverity: 'error',
    description:
      'Typographic quotes “ ” around a value (pasted from a web page); VMware reads them as part of the value.',
    scope: 'file',
    examples: { bad: 'displayName = “web01”\n', good: 'displayName = "web01"\n' },
  },
  'vmx-unquoted-value': {
    defaultSeverity: 'warning',
    description: 'A value without double quotes, which libvirt and other tools refuse.',
    scope: 'file',
    examples: { bad: 'memsize = 4096\n', good: 'memsize = "4096"\n' },
  },
  'vmx-bad-escape': {
    defaultSeverity: 'warning',
    description: 'A `|` in a value that does not start a `|XX` hex escape.',
    scope: 'file',
    examples: { bad: 'annotation = "CPU|memory test"\n', good: 'annotation = "CPU|7Cmemory test"\n' },
  },
  'vmx-unknown-key': {
    defaultSeverity: 'warning',
    description:
      'A key we do not know that is one edit from a key we know (a typo: VMware silently ignores unknown keys), or that is in no key family VMware reads.',
    scope: 'file',
    examples: { bad: 'memsise = "4096"\n', good: 'memsize = "4096"\n' },
  },
  'vmx-undocumented-key': {
    defaultSeverity: 'info',
    description:
      'A key in a family VMware reads (`monitor.`, `sensor.`, `scsi0:0.`) that no public source describes or shows VMware writing: we cannot check it.',
    scope: 'file',
    examples: { bad: 'monitor.frobnicate = "TRUE"\n', good: 'monitor.virtual_mmu = "automatic"\n' },
  },
  'vmx-duplicate-key': {
    defaultSeverity: 'warning',
    description: 'A key set twice; the later value wins and the earlier line is dead.',
    scope: 'file',
    examples: { bad: 'memsize = "4096"\nmemsize = "8192"\n', good: 'memsize = "8192"\n' },
  },
  'vmx-invalid-value': {
    defaultSeverity: 'error',
    description:
      'A value of the wrong form: not a boolean, not an integer, a malformed MAC or UUID, or not one of a closed list of values.',
    scope: 'file',
    examples: {
      bad: 'uuid.bios = "42 20 fc a7"\n',
      good: 'uuid.bios = "42 20 fc a7 11 dd d6 7e-19 cc fc ad 0a 37 c3 42"\n',
    },
  },
  'vmx-nonstandard-boolean': {
    defaultSeverity: 'warning',
    description: 'A boolean written as yes/no/1/0/on/off instead of TRUE/FALSE, which libvirt and other tools refuse.',
    scope: 'file',
    examples: { bad: 'floppy0.present = "no"\n', good: 'floppy0.present = "FALSE"\n' },
  },
  'vmx-unknown-value': {
    defaultSeverity: 'warning',
    description:
      'A value not in the known list for an open-ended key (guestOS, adapter models, disk types, encodings), or an empty value where a boolean or number belongs.',
    scope: 'file',
    examples: { bad: 'guestOS = "rhel9_64"\n', good: 'guestOS = "rhel9-64"\n' },
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
    examples: { bad: 'memsize = "4097"\n', good: 'memsize = "4096"\n' },
  },
  'vmx-index-out-of-range': {
    defaultSeverity: 'warning',
    description:
      'A device index or unit VMware does not have (ethernet10, serial4, scsi0:7 which is the adapter itself).',
    scope: 'file',
    examples: {
      bad: 'scsi0.present = "TRUE"\nscsi0:7.fileName = "web01.vmdk"\n',
      good: 'scsi0.present = "TRUE"\nscsi0:1.fileName = "web01.vmdk"\n',
    },
  },
  'vmx-mac-range': {
    defaultSeverity: 'warning',
    description:
      "A static MAC outside VMware's static range 00:50:56:00:00:00–00:50:56:3f:ff:ff (without checkMACAddress = FALSE), or a generated MAC that VMware did not generate.",
    scope: 'file',
    examples: {
      bad: 'ethernet0.present = "TRUE"\nethernet0.addressType = "static"\nethernet0.address = "00:50:56:80:00:01"\n',
      good: 'ethernet0.present = "TRUE"\nethernet0.addressType = "static"\nethernet0.address = "00:50:56:00:00:01"\n',
    },
  },
  'vmx-duplicate-mac': {
    defaultSeverity: 'warning',
    description: 'Two network adapters with the same MAC address.',
    scope: 'file',
    examples: {
      bad:
        'ethernet0.present = "TRUE"\nethernet0.addressType = "static"\nethernet0.address = "00:50:56:00:00:01"\n' +
        'ethernet1.present = "TRUE"\nethernet1.addressType = "static"\nethernet1.address = "00:50:56:00:00:01"\n',
      good:
        'ethernet0.present = "TRUE"\nethernet0.addressType = "static"\nethernet0.address = "00:50:56:00:00:01"\n' +
        'ethernet1.present = "TRUE"\nethernet1.addressType = "static"\nethernet1.address = "00:50:56:00:00:02"\n',
    },
  },
  'vmx-serial-incomplete': {
    defaultSeverity: 'warning',
    description:
      'A serial port over a pipe or the network that lacks fileName or its endPoint, or whose network fileName is not a tcp/telnet URI with a port.',
    scope: 'file',
    examples: {
      bad: 'serial0.present = "TRUE"\nserial0.fileType = "pipe"\nserial0.fileName = "/vmfs/volumes/ds1/web01/com1"\n',
      good:
        'serial0.present = "TRUE"\nserial0.fileType = "pipe"\nserial0.fileName = "/vmfs/volumes/ds1/web01/com1"\n' +
        'serial0.pipe.endPoint = "server"\n',
    },
  },
  'vmx-missing-controller': {
    defaultSeverity: 'warning',
    description: 'A disk or CD-ROM on an adapter (scsiN, sataN, nvmeN) that is not present.',
    scope: 'file',
    examples: {
      bad: 'scsi0:0.present = "TRUE"\nscsi0:0.fileName = "web01.vmdk"\n',
      good: 'scsi0.present = "TRUE"\nscsi0.virtualDev = "pvscsi"\nscsi0:0.present = "TRUE"\nscsi0:0.fileName = "web01.vmdk"\n',
    },
  },
  'vmx-cores-per-socket': {
    defaultSeverity: 'error',
    description: 'numvcpus that is not a multiple of cpuid.coresPerSocket; VMware refuses to power on such a VM.',
    scope: 'file',
    examples: {
      bad: 'numvcpus = "6"\ncpuid.coresPerSocket = "4"\n',
      good: 'numvcpus = "8"\ncpuid.coresPerSocket = "4"\n',
    },
  },
  'vmx-hardware-version': {
    defaultSeverity: 'warning',
    description: 'A device or value that needs a newer virtualHW.version than the file has.',
    scope: 'file',
    examples: {
      bad: 'virtualHW.version = "11"\nnvme0.present = "TRUE"\n',
      good: 'virtualHW.version = "13"\nnvme0.present = "TRUE"\n',
    },
  },
  'vmx-secure-boot-needs-efi': {
    defaultSeverity: 'warning',
    description: 'UEFI Secure Boot turned on while the firmware is not EFI.',
    scope: 'file',
    examples: {
      bad: 'uefi.secureBoot.enabled = "TRUE"\n',
      good: 'firmware = "efi"\nuefi.secureBoot.enabled = "TRUE"\n',
    },
  },
});

export type VmxRuleId = RuleIdOf<typeof RULES>;
