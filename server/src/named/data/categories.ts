/**
 * The logging categories each BIND version's named-checkconf accepts in
 * `logging { category NAME { ... }; }`. Names from the category tables of each branch (bind-9.16,
 * bind-9.18, bind-9.20 of isc-projects/bind9: lib/isc/log.c, lib/dns/log.c, lib/ns/log.c,
 * lib/isccfg/log.c, bin/named/log.c); for 9.18 and 9.20, what named-checkconf 9.18.49 and 9.20.23
 * accept (it registers the libraries' categories, not named's own `main`, `server` and `control`
 * nor the socket and timer ones, and refuses those as undefined). For 9.16, with no binary at
 * hand, every name its sources list counts (a name too many is a miss, never a false Error).
 */
export type CategoryRow = readonly [name: string, in916: boolean, in918: boolean, in920: boolean];

export const LOG_CATEGORIES: readonly CategoryRow[] = [
  ['client', true, true, true],
  ['cname', true, true, true],
  ['config', true, true, true],
  ['control', true, false, false],
  ['database', true, true, true],
  ['default', true, true, true],
  ['delegation-only', true, true, false],
  ['dispatch', true, true, true],
  ['dnssec', true, true, true],
  ['dnstap', true, true, true],
  ['edns-disabled', true, true, true],
  ['file', true, false, false],
  ['general', true, true, true],
  ['interface', true, false, false],
  ['lame-servers', true, true, true],
  ['main', true, false, false],
  ['netmgr', true, false, false],
  ['network', true, true, true],
  ['notify', true, true, true],
  ['nsid', true, true, true],
  ['other', true, false, false],
  ['queries', true, true, true],
  ['query-errors', true, true, true],
  ['rate-limit', true, true, true],
  ['resolver', true, true, true],
  ['responses', false, false, true],
  ['rpz', true, true, true],
  ['rpz-passthru', false, true, true],
  ['security', true, true, true],
  ['serve-stale', true, true, true],
  ['server', true, false, false],
  ['socket', true, false, false],
  ['spill', true, true, true],
  ['sslkeylog', false, true, true],
  ['time', true, false, false],
  ['timer', true, false, false],
  ['trust-anchor-telemetry', true, true, true],
  ['unmatched', true, true, true],
  ['update', true, true, true],
  ['update-security', true, true, true],
  ['xfer-in', true, true, true],
  ['xfer-out', true, true, true],
  ['zoneload', true, true, true],
];
