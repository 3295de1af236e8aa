/**
 * Keys VMware products write into .vmx files themselves that the main table (keys.ts) did not
 * match, so the checker warned `vmx-unknown-key` on files Workstation saved. Each entry records
 * where it was seen; descriptions are in our own words and only where a public source gives
 * the meaning.
 *
 * Public sources searched (facts only, nothing copied):
 * - .vmx files saved by VMware Workstation and committed to public GitHub repositories, found by
 *   their default file names: AlexusLee90/VMs11 (`Windows 11 x64.vmx`, virtualHW 21),
 *   LanRenLan/config-backup, afoote1024/Win10VM, cochetyv/ProjectGGZ,
 *   TheFollenBest/GolovitskyDD_project, PoliceHon/Test (`Windows 10 x64.vmx`, virtualHW 19, 16,
 *   11, 18), minsungchu/vmware-ubuntu-22.04 and skatare100/terraform-ansible-vm-automation
 *   (`Ubuntu 64-bit.vmx`, virtualHW 21 and 20), gica434/arch-minimal
 *   (`Other Linux 5.x kernel 64-bit.vmx`, virtualHW 20), takahiro-itou/Windows7-Vmware17
 *   (`Windows 7 x64.vmx`, virtualHW 16), jahyung/ansible (`CentOS 7 64-bit.vmx`),
 *   thanhtrong-123/dowload (`macOS 13.vmx`, virtualHW 20).
 * - ESXi 7/8 files in libvirt's tests/vmx2xmldata (esx-in-the-wild-14, -16, -17): every key in them
 *   was already in keys.ts.
 * - Text search of the public code index for the key names (Vagrantfiles, packer templates,
 *   scripts and READMEs that mention them), where the holding repository was not named.
 * - Documentation searches (VMware/Broadcom docs, vagrant and packer docs, community .vmx key
 *   pages): none of them describes the keys below except encryptedVM.guid, which community
 *   write-ups about Workstation 17.5 explain.
 *
 * Products are inferred from `virtualHW.version` (11 = Workstation 12, 16 = Workstation 15.x,
 * 18 = Workstation 16.0, 19 = Workstation 16.2, 20 = Workstation 17.0, 21 = Workstation 17.5,
 * 22 = Workstation 17.6 or later) together with `virtualHW.productCompatibility = "hosted"` and
 * Windows host paths (`C:\...`). No Fusion-written file (a `/Users/...` path or a `.vmwarevm`
 * bundle) was found, so no entry claims Fusion.
 */
import type { KeyDef, VmxType } from './keys';

/** A key VMware products write that no public document explains: known by evidence alone. */
export interface WrittenKey {
  /** Pattern in the syntax of KEYS (`sata{n}:{u}.connectionStatus`). */
  readonly key: string;
  readonly type: VmxType;
  /** Values seen written, verbatim (e.g. ['TRUE'] or ['0', '1']). */
  readonly values: readonly string[];
  /** Products and versions seen writing it, e.g. ['Workstation 17', 'Fusion 13']. */
  readonly seenIn: readonly string[];
  /** Where it was seen: 'owner/repo:path/to/file.vmx' (one to three). */
  readonly evidence: readonly string[];
}

/** Keys VMware writes that public documentation describes, with where the description comes from. */
export const DOCUMENTED_WRITTEN_KEYS: readonly KeyDef[] = [
  {
    key: 'encryptedVM.guid',
    type: 'string',
    doc: 'Identifier Workstation gives an encrypted VM (a braced GUID). When the user lets Workstation remember the encryption password, the password is kept in the Windows Credential Manager under this identifier; files whose password was not remembered may lack the key or leave it empty.',
    example: '{0CF7ED36-2DAC-4762-8797-43A991DD9864}',
    source:
      'Community write-ups of Workstation 17.5 encrypted-VM password storage (a credential-manager proof of concept gist by andshrew, cited by READMEs in the public code index); Workstation 17.5 writes it: AlexusLee90/VMs11:Windows 11 x64.vmx',
  },
];

/** Keys VMware writes whose meaning is not documented anywhere public. */
export const UNDOCUMENTED_WRITTEN_KEYS: readonly WrittenKey[] = [
  // ---- host sensors passed to Windows guests ---------------------------------------------------
  {
    key: 'sensor.location',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation 17.5', 'Workstation 16.2', 'Workstation 16.0', 'Workstation 15'],
    evidence: [
      'AlexusLee90/VMs11:Windows 11 x64.vmx',
      'LanRenLan/config-backup:Windows 10 x64.vmx',
      'TheFollenBest/GolovitskyDD_project:Windows 10 x64.vmx',
    ],
  },
  {
    key: 'sensor.accelerometer',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation 15', 'Workstation (virtualHW 11 VM)'],
    evidence: ['afoote1024/Win10VM:Windows 10 x64.vmx', 'cochetyv/ProjectGGZ:Windows 10 x64.vmx'],
  },
  {
    key: 'sensor.ambientLight',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation (virtualHW 11 VM)'],
    evidence: ['cochetyv/ProjectGGZ:Windows 10 x64.vmx'],
  },
  {
    key: 'sensor.compass',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation (virtualHW 11 VM)'],
    evidence: ['cochetyv/ProjectGGZ:Windows 10 x64.vmx'],
  },
  {
    key: 'sensor.gyrometer',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation (virtualHW 11 VM)'],
    evidence: ['cochetyv/ProjectGGZ:Windows 10 x64.vmx'],
  },
  {
    key: 'sensor.inclinometer',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation (virtualHW 11 VM)'],
    evidence: ['cochetyv/ProjectGGZ:Windows 10 x64.vmx'],
  },
  {
    key: 'sensor.orientation',
    type: 'string',
    values: ['pass-through'],
    seenIn: ['Workstation (virtualHW 11 VM)'],
    evidence: ['cochetyv/ProjectGGZ:Windows 10 x64.vmx'],
  },
  // ---- input devices ----------------------------------------------------------------------------
  {
    key: 'touchscreen.vusb.present',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 15'],
    evidence: ['afoote1024/Win10VM:Windows 10 x64.vmx'],
  },
  // ---- chipset, power ----------------------------------------------------------------------------
  {
    key: 'chipset.useAcpiBattery',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 16.2'],
    evidence: ['LanRenLan/config-backup:Windows 10 x64.vmx'],
  },
  {
    key: 'chipset.useApmBattery',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 16.2'],
    evidence: ['LanRenLan/config-backup:Windows 10 x64.vmx'],
  },
  {
    key: 'vm.lastPowerRequestTimestamp',
    type: 'string',
    values: ['1784884439331603'],
    seenIn: ['Workstation (virtualHW 22)'],
    evidence: [
      'public code index, repository not named: a blog post ("Virtualizing OpenWRT Router") embedding a Workstation-saved openwrt.vmx with virtualHW.version = "22"',
    ],
  },
  // ---- macOS guests (written together with guestOS = darwin*) --------------------------------------
  {
    key: 'smc.present',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 17.0'],
    evidence: ['thanhtrong-123/dowload:macOS 13.vmx'],
  },
  {
    key: 'ich7m.present',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 17.0'],
    evidence: ['thanhtrong-123/dowload:macOS 13.vmx'],
  },
  {
    key: 'board-id.reflectHost',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 17.0'],
    evidence: ['thanhtrong-123/dowload:macOS 13.vmx'],
  },
  {
    key: 'smbios.restrictSerialCharset',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: ['Workstation 17.0'],
    evidence: ['thanhtrong-123/dowload:macOS 13.vmx'],
  },
  // ---- reported from real files, but seen here only in user-written configuration -------------------
  {
    key: 'sata{n}:{u}.connectionStatus',
    type: 'integer',
    values: ['4'],
    seenIn: [],
    evidence: [
      'public code index, repository not named: a Python provisioning script that appends sata0:1.connectionStatus = "4" to a Workstation .vmx before vmrun start',
    ],
  },
  {
    key: 'hard-disk.hostBuffer',
    type: 'string',
    values: ['enabled', 'disabled'],
    seenIn: [],
    evidence: [
      'public code index, repositories not named: Vagrantfiles for the vmware_fusion provider setting it through v.vmx, and a build script writing it into a .vmx',
    ],
  },
  {
    key: 'diskCleanup.automatic',
    type: 'boolean',
    values: ['TRUE'],
    seenIn: [],
    evidence: [
      'public code index, repository not named: a PowerShell script that writes a Workstation .vmx with diskCleanup.automatic = "TRUE"',
    ],
  },
];
