import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bothEOL, brief, validate, withEOL } from '../../helpers';

const run = (name: string, fn: (eol: '\n' | '\r\n') => void) => {
  for (const [n, f] of bothEOL(name, fn)) test(n, f);
};
const codes = (text: string) => validate('vmx', text).map(brief);
const msgs = (text: string) => validate('vmx', text).map((d) => `${brief(d)}: ${d.message}`);

const GOOD = `.encoding = "UTF-8"
config.version = "8"
virtualHW.version = "19"
displayName = "web01"
guestOS = "rhel9-64"
memsize = "4096"
numvcpus = "4"
cpuid.coresPerSocket = "2"
scsi0.present = "TRUE"
scsi0.virtualDev = "pvscsi"
scsi0:0.present = "TRUE"
scsi0:0.fileName = "web01.vmdk"
scsi0:0.deviceType = "scsi-hardDisk"
ethernet0.present = "TRUE"
ethernet0.virtualDev = "vmxnet3"
ethernet0.addressType = "static"
ethernet0.address = "00:50:56:01:02:03"
serial0.present = "TRUE"
serial0.fileType = "pipe"
serial0.fileName = "/vmfs/volumes/ds1/web01/com1"
serial0.pipe.endPoint = "server"
serial1.present = "TRUE"
serial1.fileType = "network"
serial1.fileName = "telnet://:23001"
serial1.network.endPoint = "server"
uuid.bios = "42 20 fc a7 11 dd d6 7e-19 cc fc ad 0a 37 c3 42"
sched.cpu.affinity = "0,1,2,3"
sched.cpu.shares = "high"
guestinfo.anything.at.all = "free text"
isolation.tools.somethingNew.disable = "TRUE"
`;

run('a clean file has no diagnostics', (eol) => {
  assert.deepEqual(msgs(withEOL(GOOD, eol)), []);
});

run('curly quotes are one Error per line (pasted serial-pipe example)', (eol) => {
  const text = withEOL('serial0.present = “true”\nserial0.fileType = “pipe”\n', eol);
  assert.deepEqual(codes(text), ['1:19 error vmx-curly-quotes', '2:20 error vmx-curly-quotes']);
  assert.equal(
    validate('vmx', text)[1]!.message,
    'Curly quotes around the value of serial0.fileType: VMware reads them as part of the value, not as quotes. Replace them with straight double quotes (").',
  );
});

run('quoting messages name the fix without repeating (and cutting) a long value', (eol) => {
  const long = `/vmfs/volumes/${'datastore-with-a-long-name/'.repeat(4)}com1.pipe`;
  const text = withEOL(
    `serial0.fileName = “${long}”
serial1.fileName = "${long}”
annotation = '${long}'
nvram = ${long}
`,
    eol,
  );
  const ds = validate('vmx', text);
  assert.deepEqual(ds.map(brief), [
    '1:20 error vmx-curly-quotes',
    '2:20 error vmx-curly-quotes',
    '3:14 warning vmx-unquoted-value',
    '4:9 warning vmx-unquoted-value',
  ]);
  for (const d of ds) {
    assert.ok(!d.message.includes('…'), d.message);
    assert.ok(!d.message.includes(long.slice(0, 20)), `the value is not repeated: ${d.message}`);
    // the Problems panel shows plain text
    assert.ok(!d.message.includes('`'), d.message);
    assert.match(d.message, /double quote/, d.message);
  }
  assert.match(ds[0]!.message, /^Curly quotes around the value of serial0\.fileName: /);
  assert.match(ds[1]!.message, /^The value of serial1\.fileName is closed by a curly quote ”: /);
  assert.match(ds[2]!.message, /^Value of annotation in single quotes: /);
  assert.match(ds[3]!.message, /^Value of nvram is not quoted: /);
});

run('syntax errors: not a setting, unterminated, trailing text; bare value is a warning', (eol) => {
  const text = withEOL('hello world\nmemsize = "4096\nnumvcpus = "2" 4\nguestOS = rhel9-64\n', eol);
  assert.deepEqual(codes(text), [
    '1:1 error vmx-syntax',
    '2:11 error vmx-unterminated-string',
    '3:16 error vmx-syntax',
    '4:11 warning vmx-unquoted-value',
  ]);
});

run('a key being typed (no = yet) is an Information that says it is incomplete, not an Error', (eol) => {
  const ds = validate('vmx', withEOL('serial0.present = "TRUE"\nserial1.\nmemsize  \nscsi0:\n', eol));
  assert.deepEqual(ds.map(brief), [
    '2:1 info vmx-incomplete-setting',
    '3:1 info vmx-incomplete-setting',
    '4:1 info vmx-incomplete-setting',
  ]);
  assert.equal(
    ds[0]!.message,
    'Incomplete setting: the key serial1. is not finished. Complete it, then add = "value". VMware refuses the file while a line has no =.',
  );
  assert.equal(
    ds[1]!.message,
    'Incomplete setting: memsize has no value yet. Add = "value" after it. VMware refuses the file while a line has no =.',
  );
  assert.deepEqual(
    ds.map((d) => d.range),
    [
      { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } },
      { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } },
      { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } },
    ],
  );
  for (const d of ds) assert.ok(!/serial1\. = |`/.test(d.message), d.message);
  // the setting makes it an Error, for those who want every line VMware refuses in red
  const strict = {
    rules: { 'vmx-incomplete-setting': 'error' as const },
    inlayHints: true,
    bindVersion: '9.20' as const,
  };
  assert.deepEqual(validate('vmx', withEOL('serial1.\n', eol), { settings: strict }).map(brief), [
    '1:1 error vmx-incomplete-setting',
  ]);
});

run('once the line has more than a key it is an Error again, without suggesting an unfinished key', (eol) => {
  // a value without =, junk in the key, a key and a comment: vmx-syntax as before
  assert.deepEqual(codes(withEOL('memsize "4096"\nseri/al\nmemsize # four\n', eol)), [
    '1:1 error vmx-syntax',
    '2:1 error vmx-syntax',
    '3:1 error vmx-syntax',
  ]);
  const ds = validate('vmx', withEOL('serial1. =\n', eol));
  assert.deepEqual(ds.map(brief), ['1:1 warning vmx-unknown-key', '1:10 error vmx-syntax']);
  assert.equal(ds[1]!.message, 'Missing value, and the key serial1. is not finished: a .vmx line is key = "value".');
  assert.match(validate('vmx', withEOL('memsize =\n', eol))[0]!.message, /write 'memsize = "value"'/);
});

run('unknown key is a Warning with a did-you-mean', (eol) => {
  const ds = validate(
    'vmx',
    withEOL('serial0.fileTpye = "pipe"\nethernet0.virtualDevv = "e1000"\nfoo.bar = "1"\n', eol),
  );
  assert.deepEqual(ds.map(brief), [
    '1:1 warning vmx-unknown-key',
    '2:1 warning vmx-unknown-key',
    '3:1 warning vmx-unknown-key',
  ]);
  assert.match(ds[0]!.message, /did you mean 'serial0\.fileType'/i);
  assert.deepEqual((ds[0]!.data as { replace: string[] }).replace[0], 'serial0.fileType');
  assert.match(ds[1]!.message, /ethernet0\.virtualDev/);
});

run('keys are case-insensitive', (eol) => {
  assert.deepEqual(
    codes(withEOL('MEMSIZE = "4096"\nEthernet0.VirtualDev = "VMXNET3"\nSERIAL0.FILETYPE = "PIPE"\n', eol)).filter(
      (c) => !c.includes('serial-incomplete'),
    ),
    [],
  );
});

run('duplicate key is a Warning naming the earlier line', (eol) => {
  const ds = validate('vmx', withEOL('memsize = "1024"\nnumvcpus = "1"\nMemSize = "2048"\n', eol));
  assert.deepEqual(ds.map(brief), ['3:1 warning vmx-duplicate-key']);
  assert.match(ds[0]!.message, /line 1 already set it to "1024"/);
  assert.equal(ds[0]!.relatedInformation![0]!.location.range.start.line, 0);
});

run('value checks: boolean, enum, integer, memsize, MAC, UUID, guestOS, cpu list', (eol) => {
  const text = withEOL(
    [
      'tools.syncTime = "maybe"', // 1 invalid boolean
      'tools.remindInstall = "yes"', // 2 loose boolean
      'serial0.fileType = "socket"', // 3 strict enum
      'ethernet0.virtualDev = "rtl8139"', // 4 open enum
      'numvcpus = "two"', // 5 not an integer
      'memsize = "1023"', // 6 not a multiple of 4
      'RemoteDisplay.vnc.port = "70000"', // 7 out of range
      'ethernet1.address = "00:50:56:zz:00:01"', // 8 malformed MAC
      'uuid.bios = "42 20 fc"', // 9 malformed UUID
      'guestOS = "windows2019srv64"', // 10 unknown guestOS
      'sched.cpu.affinity = "0-3"', // 11 bad cpu list
      'config.version = "7"', // 12 out of range
    ].join('\n') + '\n',
    eol,
  );
  assert.deepEqual(codes(text), [
    '1:19 error vmx-invalid-value',
    '2:24 warning vmx-nonstandard-boolean',
    '3:21 error vmx-invalid-value',
    '4:25 warning vmx-unknown-value',
    '5:13 error vmx-invalid-value',
    '6:12 error vmx-memsize-multiple',
    '7:27 warning vmx-value-out-of-range',
    '8:22 error vmx-invalid-value',
    '9:14 error vmx-invalid-value',
    '10:12 warning vmx-unknown-value',
    '11:23 error vmx-invalid-value',
    '12:19 warning vmx-value-out-of-range',
  ]);
  const ds = validate('vmx', text);
  assert.match(ds[5]!.message, /use 1020 or 1024/);
  assert.match(ds[9]!.message, /windows2019srv-64/);
  assert.match(ds[2]!.message, /'device', 'file', 'pipe', 'network'/);
});

run('guestOS ids from open-vm-tools, with arm- prefix and any case', (eol) => {
  assert.deepEqual(codes(withEOL('guestOS = "arm-ubuntu-64"\n', eol)), []);
  assert.deepEqual(codes(withEOL('guestOS = "Windows9-64"\n', eol)), []);
  assert.deepEqual(codes(withEOL('guestOS = "vmkernel8"\n', eol)), []);
});

run('device index out of range: ethernet10, serial4, scsi0:7 (once per device)', (eol) => {
  const text = withEOL(
    'ethernet10.present = "TRUE"\nethernet10.virtualDev = "e1000"\nserial4.present = "TRUE"\nscsi0.present = "TRUE"\nscsi0:7.present = "TRUE"\nsata0:30.present = "TRUE"\nsata0.present = "TRUE"\n',
    eol,
  );
  const ds = validate('vmx', text);
  assert.deepEqual(ds.map(brief), [
    '1:1 warning vmx-index-out-of-range',
    '3:1 warning vmx-index-out-of-range',
    '5:1 warning vmx-index-out-of-range',
    '6:1 warning vmx-index-out-of-range',
  ]);
  assert.match(ds[0]!.message, /ethernet0 to ethernet9/);
  assert.match(ds[2]!.message, /unit 7 of a SCSI adapter is the adapter itself/);
  assert.deepEqual(codes(withEOL('scsi0.present = "TRUE"\nscsi0:16.present = "TRUE"\n', eol)), []);
});

run('serial pipe needs fileName and pipe.endPoint; network needs a URI and network.endPoint', (eol) => {
  const ds = validate(
    'vmx',
    withEOL(
      'serial0.present = "TRUE"\nserial0.fileType = "pipe"\nserial1.present = "TRUE"\nserial1.fileType = "network"\nserial1.fileName = "host:23001"\nserial2.fileType = "network"\nserial2.fileName = "ftp://x:21"\nserial2.network.endPoint = "client"\n',
      eol,
    ),
  );
  assert.deepEqual(ds.map(brief), [
    '2:21 warning vmx-serial-incomplete',
    '4:21 warning vmx-serial-incomplete',
    '5:21 warning vmx-serial-incomplete',
    '7:21 warning vmx-serial-incomplete',
  ]);
  assert.match(ds[0]!.message, /lacks 'serial0\.fileName' or 'serial0\.pipe\.endPoint'/);
  assert.match(ds[2]!.message, /is not a URI/);
  assert.match(ds[3]!.message, /scheme "ftp"/);
});

run('a vSPC port may name its port freely', (eol) => {
  assert.deepEqual(
    codes(
      withEOL(
        'serial0.present = "TRUE"\nserial0.fileType = "network"\nserial0.fileName = "vSPC.py"\nserial0.vspc = "telnet://vspc:13370"\nserial0.network.endPoint = "client"\n',
        eol,
      ),
    ),
    [],
  );
});

run('a port that is not present is not checked', (eol) => {
  assert.deepEqual(codes(withEOL('serial0.present = "FALSE"\nserial0.fileType = "pipe"\n', eol)), []);
});

run('a disk needs its adapter present', (eol) => {
  const ds = validate(
    'vmx',
    withEOL(
      'scsi1:0.present = "TRUE"\nscsi1:0.fileName = "d.vmdk"\nsata0.present = "FALSE"\nsata0:1.present = "TRUE"\nide1:0.present = "TRUE"\n',
      eol,
    ),
  );
  assert.deepEqual(ds.map(brief), ['1:1 warning vmx-missing-controller', '4:1 warning vmx-missing-controller']);
  assert.match(ds[0]!.message, /add scsi1\.present = "TRUE"/);
});

run('two NICs with one MAC; a static MAC outside the VMware range', (eol) => {
  const ds = validate(
    'vmx',
    withEOL(
      'ethernet0.present = "TRUE"\nethernet0.addressType = "static"\nethernet0.address = "00:50:56:00:00:01"\nethernet1.present = "TRUE"\nethernet1.addressType = "static"\nethernet1.address = "00:50:56:00:00:01"\nethernet2.present = "TRUE"\nethernet2.addressType = "static"\nethernet2.address = "00:1a:4a:16:01:55"\n',
      eol,
    ),
  );
  assert.deepEqual(ds.map(brief), ['6:22 warning vmx-duplicate-mac', '9:22 warning vmx-mac-range']);
  assert.match(ds[0]!.message, /same MAC 00:50:56:00:00:01 as ethernet0 \(line 3\)/);
  assert.deepEqual(
    codes(
      withEOL(
        'ethernet0.present = "TRUE"\nethernet0.addressType = "static"\nethernet0.address = "00:1a:4a:16:01:55"\nethernet0.checkMACAddress = "FALSE"\n',
        eol,
      ),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      withEOL(
        'ethernet0.present = "TRUE"\nethernet0.generatedAddress = "00:11:22:33:44:55"\nethernet1.present = "TRUE"\nethernet1.addressType = "vpx"\nethernet1.generatedAddress = "00:1a:4a:16:01:55"\n',
        eol,
      ),
    ),
    ['2:31 warning vmx-mac-range'],
  );
});

run('numvcpus must be a multiple of cpuid.coresPerSocket; Secure Boot needs EFI', (eol) => {
  assert.deepEqual(
    codes(withEOL('numvcpus = "6"\ncpuid.coresPerSocket = "4"\nuefi.secureBoot.enabled = "TRUE"\n', eol)),
    ['2:25 error vmx-cores-per-socket', '3:28 warning vmx-secure-boot-needs-efi'],
  );
  assert.deepEqual(
    codes(
      withEOL('numvcpus = "8"\ncpuid.coresPerSocket = "4"\nfirmware = "efi"\nuefi.secureBoot.enabled = "TRUE"\n', eol),
    ),
    [],
  );
});

run('severity settings change or silence a rule', (eol) => {
  const text = withEOL('foo.bar = "1"\n', eol);
  assert.deepEqual(
    validate('vmx', text, {
      settings: { rules: { 'vmx-unknown-key': 'ignore' }, inlayHints: true, bindVersion: '9.20' },
    }),
    [],
  );
  assert.equal(
    validate('vmx', text, {
      settings: { rules: { 'vmx-unknown-key': 'error' }, inlayHints: true, bindVersion: '9.20' },
    })[0]!.severity,
    1,
  );
});

test('the samples show real diagnostics', () => {
  const dir = path.resolve('samples', 'vmx');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.vmx'));
  assert.ok(files.length >= 2);
  const all = new Set<string>();
  for (const f of files)
    for (const d of validate('vmx', fs.readFileSync(path.join(dir, f), 'utf8'))) all.add(String(d.code));
  for (const rule of [
    'vmx-curly-quotes',
    'vmx-memsize-multiple',
    'vmx-unknown-key',
    'vmx-duplicate-key',
    'vmx-serial-incomplete',
    'vmx-duplicate-mac',
    'vmx-cores-per-socket',
  ]) {
    assert.ok(all.has(rule), `no sample shows ${rule}`);
  }
});

run('devices and values newer than virtualHW.version', (eol) => {
  const text = withEOL(
    'virtualHW.version = "4"\nethernet0.present = "TRUE"\nethernet0.virtualDev = "vmxnet3"\nsata0.present = "TRUE"\nnvme0.present = "FALSE"\n',
    eol,
  );
  const ds = validate('vmx', text);
  assert.deepEqual(ds.map(brief), ['3:25 warning vmx-hardware-version', '4:1 warning vmx-hardware-version']);
  assert.match(
    ds[0]!.message,
    /"vmxnet3" needs virtual hardware version 7 or later, but virtualHW.version is 4 \(line 1\)/,
  );
  assert.deepEqual(
    codes(withEOL('virtualHW.version = "10"\nethernet0.virtualDev = "vmxnet3"\nsata0.present = "TRUE"\n', eol)),
    [],
  );
});

run('a typical Workstation file has no diagnostics', (eol) => {
  const text = `.encoding = "windows-1252"
config.version = "8"
virtualHW.version = "21"
pciBridge0.present = "TRUE"
pciBridge4.present = "TRUE"
pciBridge4.virtualDev = "pcieRootPort"
pciBridge4.functions = "8"
vmci0.present = "TRUE"
hpet0.present = "TRUE"
nvram = "Windows 11 x64.nvram"
virtualHW.productCompatibility = "hosted"
powerType.powerOff = "soft"
powerType.powerOn = "soft"
powerType.suspend = "soft"
powerType.reset = "soft"
displayName = "Windows 11 x64"
usb.vbluetooth.startConnected = "TRUE"
firmware = "efi"
guestOS = "windows11-64"
tools.syncTime = "FALSE"
sound.autoDetect = "TRUE"
sound.virtualDev = "hdaudio"
sound.fileName = "-1"
sound.present = "TRUE"
numvcpus = "4"
cpuid.coresPerSocket = "2"
vcpu.hotadd = "TRUE"
memsize = "8192"
mem.hotadd = "TRUE"
nvme0.present = "TRUE"
nvme0:0.fileName = "Windows 11 x64.vmdk"
nvme0:0.present = "TRUE"
sata0.present = "TRUE"
sata0:1.deviceType = "cdrom-image"
sata0:1.fileName = "C:\\ISO\\Win11.iso"
sata0:1.present = "TRUE"
usb.present = "TRUE"
ehci.present = "TRUE"
usb_xhci.present = "TRUE"
svga.graphicsMemoryKB = "8388608"
ethernet0.connectionType = "nat"
ethernet0.addressType = "generated"
ethernet0.virtualDev = "e1000e"
ethernet0.present = "TRUE"
extendedConfigFile = "Windows 11 x64.vmxf"
floppy0.present = "FALSE"
vmxstats.filename = "Windows 11 x64.scoreboard"
uuid.bios = "56 4d 5e 0a 1c 3b 2f 8e-9a 11 22 33 44 55 66 77"
uuid.location = "56 4d 5e 0a 1c 3b 2f 8e-9a 11 22 33 44 55 66 77"
vm.genid = "-1234567890123456789"
vm.genidX = "1234567890123456789"
ethernet0.generatedAddress = "00:0C:29:55:66:77"
ethernet0.generatedAddressOffset = "0"
mainMem.useNamedFile = "FALSE"
usb:1.speed = "2"
usb:1.present = "TRUE"
usb:1.deviceType = "hub"
usb:1.port = "1"
usb:1.parent = "-1"
usb:0.present = "TRUE"
usb:0.deviceType = "hid"
usb:0.port = "0"
usb:0.parent = "-1"
tools.remindInstall = "FALSE"
toolsInstallManager.updateCounter = "1"
managedVM.autoAddVTPM = "software"
vtpm.present = "TRUE"
vmxstats.filename = "x.scoreboard"
`;
  const ds = validate('vmx', withEOL(text, eol)).map((d) => `${brief(d)}: ${d.message}`);
  assert.deepEqual(ds, [
    '68:1 warning vmx-duplicate-key: \'vmxstats.filename\' is set again: line 47 already set it to "Windows 11 x64.scoreboard". The later value wins, so line 47 has no effect; remove one of them.',
  ]);
});

run('an empty boolean or number is a warning, not an error', (eol) => {
  assert.deepEqual(codes(withEOL('tools.syncTime = ""\nnumvcpus = ""\nannotation = ""\n', eol)), [
    '1:18 warning vmx-unknown-value',
    '2:12 warning vmx-unknown-value',
  ]);
});
