/**
 * What BIND 9.16, 9.18 and 9.20 make of each named.conf statement: one row per statement and block,
 * with its status in each release series.
 *
 * Sources (facts only): isc-projects/bind9, branches bind-9.16 (d4f121b699f1), bind-9.18
 * (100f7d198c44) and bind-9.20 (c81b111496f8): lib/isccfg/namedconf.c (every clause set
 * of the named.conf grammar and its CFG_CLAUSEFLAG_* flags), lib/isccfg/include/isccfg/grammar.h and
 * lib/isccfg/parser.c (what each flag makes the parser do), doc/misc/options and doc/misc/*.zoneopt (the
 * documented value syntax, for the `syntax` column). Rows were generated from those files by a script kept
 * out of this repository, then checked against named-checkconf 9.18.49 and 9.20.23 (test/unit/named/
 * versions.test.ts); where the tool and the branch disagreed, the tool won: `tcp-reuse-timeout` came to the
 * bind-9.20 branch after 9.20.23 (the release checked), so it has no row here.
 *
 * Statuses, from the clause flags:
 * - absent (no entry for that version): the name is not in that release's grammar ("unknown option").
 * - `ancient` (CFG_CLAUSEFLAG_ANCIENT): known only to be rejected ("option '...' no longer exists").
 * - `obsolete` (OBSOLETE; in 9.16 also NOTIMP and NYI): accepted with a warning, does nothing.
 * - `deprecated` (DEPRECATED): accepted with a warning, still works.
 * - `not-configured`: accepted only when BIND was built with an optional feature (dnstap, geoip, lmdb, dnsrps,
 *   nghttp2, libxml2 or json-c, TLS 1.3 cipher suites); otherwise rejected ("was not enabled at compile
 *   time"; 9.16's lmdb-mapsize is then only a warning). Debian's packages have all of them but dnsrps.
 * - `experimental` (EXPERIMENTAL): accepted, with a warning in 9.18 and later.
 * - `test-only` (TESTONLY): accepted, meant for BIND's own tests.
 * - `ok`: none of these.
 * A status is the branch tip's: a statement added or flagged during a series (9.16's primaries and
 * parental-agents, 9.18's late deprecations) has that status in the series' latest releases.
 *
 * Contexts: BIND's `options` block takes options_clauses + view_clauses + zone_clauses, a `view` takes
 * view_only_clauses + namedconf_or_view_clauses + view_clauses + zone_clauses, a `zone` zone_only_clauses +
 * zone_clauses; rows are per context, so a statement shared by several blocks has one row in each. The
 * `key-store` block of 9.20 (directory, pkcs11-uri) has no context of ours: only the top-level statement is
 * listed. Options inside a statement's value (catalog-zones, response-policy, rrset-order, trust-anchors,
 * listen-on's tls/http/proxy, primaries lists) are not clauses; where they changed, `syntax` shows it.
 */
import type { ContextId } from './types';
import { BIND_VERSIONS, type BindVersion } from '../../service/types';

export { BIND_VERSIONS, type BindVersion };
export type VersionStatus =
  'ok' | 'deprecated' | 'obsolete' | 'ancient' | 'not-configured' | 'experimental' | 'test-only';

/** One clause in one context, with its status in each version; a version it lacks is absent (unknown to that named). */
export interface ClauseVersions {
  readonly context: ContextId;
  readonly name: string;
  readonly in: Partial<Readonly<Record<BindVersion, VersionStatus>>>;
  /** What replaces it where BIND names a successor (e.g. auto-dnssec -> dnssec-policy, masters -> primaries). */
  readonly successor?: string;
  /** Value syntax per version where it differs (BIND's doc notation), e.g. query-source in 9.20. */
  readonly syntax?: Partial<Readonly<Record<BindVersion, string>>>;
}

/** `-`: absent from that version's grammar. */
type Cell = VersionStatus | '-';
/** A statement: its name and its status in 9.16, 9.18 and 9.20. */
type Row = readonly [name: string, v916: Cell, v918: Cell, v920: Cell];

/**
 * The statements, grouped as namedconf.c groups them (one clause set each, named in a comment), with
 * the blocks that take that clause set.
 */
const GROUPS: ReadonlyArray<readonly [contexts: readonly ContextId[], rows: readonly Row[]]> = [
  // namedconf_clauses
  [
    ['top'],
    [
      ['acl', 'ok', 'ok', 'ok'],
      ['controls', 'ok', 'ok', 'ok'],
      ['dnssec-policy', 'ok', 'ok', 'ok'],
      ['http', '-', 'not-configured', 'not-configured'], // nghttp2
      ['key-store', '-', '-', 'ok'],
      ['logging', 'ok', 'ok', 'ok'],
      ['lwres', 'obsolete', 'ancient', 'ancient'],
      ['masters', 'ok', 'ok', 'ok'],
      ['options', 'ok', 'ok', 'ok'],
      ['parental-agents', 'ok', 'ok', 'ok'],
      ['primaries', 'ok', 'ok', 'ok'],
      ['remote-servers', '-', '-', 'ok'],
      ['statistics-channels', 'ok', 'not-configured', 'not-configured'], // libxml2 or json-c
      ['tls', '-', 'ok', 'ok'],
      ['view', 'ok', 'ok', 'ok'],
    ],
  ],
  // namedconf_or_view_clauses
  [
    ['top', 'view'],
    [
      ['dlz', 'ok', 'ok', 'ok'],
      ['dyndb', 'ok', 'ok', 'ok'],
      ['key', 'ok', 'ok', 'ok'],
      ['managed-keys', 'deprecated', 'deprecated', 'deprecated'],
      ['plugin', 'ok', 'ok', 'ok'],
      ['server', 'ok', 'ok', 'ok'],
      ['trust-anchors', 'ok', 'ok', 'ok'],
      ['trusted-keys', 'deprecated', 'deprecated', 'deprecated'],
      ['zone', 'ok', 'ok', 'ok'],
    ],
  ],
  // options_clauses
  [
    ['options'],
    [
      ['answer-cookie', 'ok', 'ok', 'ok'],
      ['automatic-interface-scan', 'ok', 'ok', 'ok'],
      ['avoid-v4-udp-ports', 'ok', 'deprecated', 'deprecated'],
      ['avoid-v6-udp-ports', 'ok', 'deprecated', 'deprecated'],
      ['bindkeys-file', 'ok', 'ok', 'test-only'],
      ['blackhole', 'ok', 'ok', 'ok'],
      ['cookie-algorithm', 'ok', 'ok', 'ok'],
      ['cookie-secret', 'ok', 'ok', 'ok'],
      ['coresize', 'ok', 'deprecated', 'ancient'],
      ['datasize', 'ok', 'deprecated', 'ancient'],
      ['deallocate-on-exit', 'ancient', 'ancient', 'ancient'],
      ['directory', 'ok', 'ok', 'ok'],
      ['dnsrps-library', '-', '-', 'not-configured'], // dnsrps
      ['dnstap-identity', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['dnstap-output', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['dnstap-version', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['dscp', 'deprecated', 'obsolete', 'ancient'],
      ['dump-file', 'ok', 'ok', 'ok'],
      ['fake-iquery', 'ancient', 'ancient', 'ancient'],
      ['files', 'ok', 'deprecated', 'ancient'],
      ['flush-zones-on-shutdown', 'ok', 'ok', 'ok'],
      ['fstrm-set-buffer-hint', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['fstrm-set-flush-timeout', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['fstrm-set-input-queue-size', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['fstrm-set-output-notify-threshold', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['fstrm-set-output-queue-model', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['fstrm-set-output-queue-size', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['fstrm-set-reopen-interval', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['geoip-directory', 'not-configured', 'not-configured', 'not-configured'], // geoip
      ['geoip-use-ecs', 'obsolete', 'ancient', 'ancient'],
      ['has-old-clients', 'ancient', 'ancient', 'ancient'],
      ['heartbeat-interval', 'ok', 'deprecated', 'deprecated'],
      ['host-statistics', 'ancient', 'ancient', 'ancient'],
      ['host-statistics-max', 'ancient', 'ancient', 'ancient'],
      ['hostname', 'ok', 'ok', 'ok'],
      ['http-listener-clients', '-', 'not-configured', 'not-configured'], // nghttp2
      ['http-port', '-', 'not-configured', 'not-configured'], // nghttp2
      ['http-streams-per-connection', '-', 'not-configured', 'not-configured'], // nghttp2
      ['https-port', '-', 'not-configured', 'not-configured'], // nghttp2
      ['interface-interval', 'ok', 'ok', 'ok'],
      ['keep-response-order', 'ok', 'ok', 'obsolete'],
      ['listen-on', 'ok', 'ok', 'ok'],
      ['listen-on-v6', 'ok', 'ok', 'ok'],
      ['lock-file', 'ok', 'ok', 'ancient'],
      ['managed-keys-directory', 'ok', 'ok', 'ok'],
      ['match-mapped-addresses', 'ok', 'ok', 'ok'],
      ['max-rsa-exponent-size', 'ok', 'ok', 'ok'],
      ['memstatistics', 'ok', 'ok', 'ok'],
      ['memstatistics-file', 'ok', 'ok', 'ok'],
      ['multiple-cnames', 'ancient', 'ancient', 'ancient'],
      ['named-xfer', 'ancient', 'ancient', 'ancient'],
      ['notify-rate', 'ok', 'ok', 'ok'],
      ['pid-file', 'ok', 'ok', 'ok'],
      ['port', 'ok', 'ok', 'ok'],
      ['querylog', 'ok', 'ok', 'ok'],
      ['random-device', 'ok', 'obsolete', 'ancient'],
      ['recursing-file', 'ok', 'ok', 'ok'],
      ['recursive-clients', 'ok', 'ok', 'ok'],
      ['reserved-sockets', 'ok', 'deprecated', 'ancient'],
      ['responselog', '-', '-', 'ok'],
      ['reuseport', 'ok', 'ok', 'ok'],
      ['secroots-file', 'ok', 'ok', 'ok'],
      ['serial-queries', 'ancient', 'ancient', 'ancient'],
      ['serial-query-rate', 'ok', 'ok', 'ok'],
      ['server-id', 'ok', 'ok', 'ok'],
      ['session-keyalg', 'ok', 'ok', 'ok'],
      ['session-keyfile', 'ok', 'ok', 'ok'],
      ['session-keyname', 'ok', 'ok', 'ok'],
      ['sig0checks-quota', '-', '-', 'experimental'],
      ['sig0checks-quota-exempt', '-', '-', 'experimental'],
      ['sit-secret', 'obsolete', 'ancient', 'ancient'],
      ['stacksize', 'ok', 'deprecated', 'ancient'],
      ['startup-notify-rate', 'ok', 'ok', 'ok'],
      ['statistics-file', 'ok', 'ok', 'ok'],
      ['statistics-interval', 'ancient', 'ancient', 'ancient'],
      ['tcp-advertised-timeout', 'ok', 'ok', 'ok'],
      ['tcp-clients', 'ok', 'ok', 'ok'],
      ['tcp-idle-timeout', 'ok', 'ok', 'ok'],
      ['tcp-initial-timeout', 'ok', 'ok', 'ok'],
      ['tcp-keepalive-timeout', 'ok', 'ok', 'ok'],
      ['tcp-listen-queue', 'ok', 'ok', 'ok'],
      ['tcp-receive-buffer', '-', 'ok', 'ok'],
      ['tcp-send-buffer', '-', 'ok', 'ok'],
      ['tkey-dhkey', 'ok', 'deprecated', 'ancient'],
      ['tkey-domain', 'ok', 'deprecated', 'obsolete'],
      ['tkey-gssapi-credential', 'ok', 'deprecated', 'deprecated'],
      ['tkey-gssapi-keytab', 'ok', 'ok', 'ok'],
      ['tls-port', '-', 'ok', 'ok'],
      ['transfer-message-size', 'ok', 'ok', 'ok'],
      ['transfers-in', 'ok', 'ok', 'ok'],
      ['transfers-out', 'ok', 'ok', 'ok'],
      ['transfers-per-ns', 'ok', 'ok', 'ok'],
      ['treat-cr-as-space', 'ancient', 'ancient', 'ancient'],
      ['udp-receive-buffer', '-', 'ok', 'ok'],
      ['udp-send-buffer', '-', 'ok', 'ok'],
      ['update-quota', 'ok', 'ok', 'ok'],
      ['use-id-pool', 'ancient', 'ancient', 'ancient'],
      ['use-ixfr', 'obsolete', 'ancient', 'ancient'],
      ['use-v4-udp-ports', 'ok', 'deprecated', 'deprecated'],
      ['use-v6-udp-ports', 'ok', 'deprecated', 'deprecated'],
      ['version', 'ok', 'ok', 'ok'],
    ],
  ],
  // view_clauses
  [
    ['options', 'view'],
    [
      ['acache-cleaning-interval', 'obsolete', 'ancient', 'ancient'],
      ['acache-enable', 'obsolete', 'ancient', 'ancient'],
      ['additional-from-auth', 'obsolete', 'ancient', 'ancient'],
      ['additional-from-cache', 'obsolete', 'ancient', 'ancient'],
      ['allow-new-zones', 'ok', 'ok', 'ok'],
      ['allow-proxy', '-', '-', 'experimental'],
      ['allow-proxy-on', '-', '-', 'experimental'],
      ['allow-query-cache', 'ok', 'ok', 'ok'],
      ['allow-query-cache-on', 'ok', 'ok', 'ok'],
      ['allow-recursion', 'ok', 'ok', 'ok'],
      ['allow-recursion-on', 'ok', 'ok', 'ok'],
      ['allow-v6-synthesis', 'obsolete', 'ancient', 'ancient'],
      ['attach-cache', 'ok', 'ok', 'ok'],
      ['auth-nxdomain', 'ok', 'ok', 'ok'],
      ['cache-file', 'deprecated', 'ancient', 'ancient'],
      ['catalog-zones', 'ok', 'ok', 'ok'],
      ['check-names', 'ok', 'ok', 'ok'],
      ['cleaning-interval', 'obsolete', 'ancient', 'ancient'],
      ['clients-per-query', 'ok', 'ok', 'ok'],
      ['deny-answer-addresses', 'ok', 'ok', 'ok'],
      ['deny-answer-aliases', 'ok', 'ok', 'ok'],
      ['disable-algorithms', 'ok', 'ok', 'ok'],
      ['disable-ds-digests', 'ok', 'ok', 'ok'],
      ['disable-empty-zone', 'ok', 'ok', 'ok'],
      ['dns64', 'ok', 'ok', 'ok'],
      ['dns64-contact', 'ok', 'ok', 'ok'],
      ['dns64-server', 'ok', 'ok', 'ok'],
      ['dnsrps-enable', 'not-configured', 'not-configured', 'not-configured'], // dnsrps
      ['dnsrps-options', 'not-configured', 'not-configured', 'not-configured'], // dnsrps
      ['dnssec-accept-expired', 'ok', 'ok', 'ok'],
      ['dnssec-enable', 'obsolete', 'ancient', 'ancient'],
      ['dnssec-lookaside', 'obsolete', 'ancient', 'ancient'],
      ['dnssec-must-be-secure', 'ok', 'deprecated', 'deprecated'],
      ['dnssec-validation', 'ok', 'ok', 'ok'],
      ['dnstap', 'not-configured', 'not-configured', 'not-configured'], // dnstap
      ['dual-stack-servers', 'ok', 'ok', 'ok'],
      ['edns-udp-size', 'ok', 'ok', 'ok'],
      ['empty-contact', 'ok', 'ok', 'ok'],
      ['empty-server', 'ok', 'ok', 'ok'],
      ['empty-zones-enable', 'ok', 'ok', 'ok'],
      ['fetch-glue', 'ancient', 'ancient', 'ancient'],
      ['fetch-quota-params', 'ok', 'ok', 'ok'],
      ['fetches-per-server', 'ok', 'ok', 'ok'],
      ['fetches-per-zone', 'ok', 'ok', 'ok'],
      ['filter-aaaa', 'obsolete', 'ancient', 'ancient'],
      ['filter-aaaa-on-v4', 'obsolete', 'ancient', 'ancient'],
      ['filter-aaaa-on-v6', 'obsolete', 'ancient', 'ancient'],
      ['glue-cache', 'ok', 'deprecated', 'ancient'],
      ['ipv4only-contact', '-', 'ok', 'ok'],
      ['ipv4only-enable', '-', 'ok', 'ok'],
      ['ipv4only-server', '-', 'ok', 'ok'],
      ['ixfr-from-differences', 'ok', 'ok', 'ok'],
      ['lame-ttl', 'ok', 'ok', 'ok'],
      ['lmdb-mapsize', 'not-configured', 'not-configured', 'not-configured'], // lmdb
      ['max-acache-size', 'obsolete', 'ancient', 'ancient'],
      ['max-cache-size', 'ok', 'ok', 'ok'],
      ['max-cache-ttl', 'ok', 'ok', 'ok'],
      ['max-clients-per-query', 'ok', 'ok', 'ok'],
      ['max-ncache-ttl', 'ok', 'ok', 'ok'],
      ['max-query-count', '-', 'ok', 'ok'],
      ['max-query-restarts', 'ok', 'ok', 'ok'],
      ['max-recursion-depth', 'ok', 'ok', 'ok'],
      ['max-recursion-queries', 'ok', 'ok', 'ok'],
      ['max-stale-ttl', 'ok', 'ok', 'ok'],
      ['max-udp-size', 'ok', 'ok', 'ok'],
      ['max-validation-failures-per-fetch', '-', '-', 'experimental'],
      ['max-validations-per-fetch', '-', '-', 'experimental'],
      ['message-compression', 'ok', 'ok', 'ok'],
      ['min-cache-ttl', 'ok', 'ok', 'ok'],
      ['min-ncache-ttl', 'ok', 'ok', 'ok'],
      ['min-roots', 'ancient', 'ancient', 'ancient'],
      ['minimal-any', 'ok', 'ok', 'ok'],
      ['minimal-responses', 'ok', 'ok', 'ok'],
      ['new-zones-directory', 'ok', 'ok', 'ok'],
      ['no-case-compress', 'ok', 'ok', 'ok'],
      ['nocookie-udp-size', 'ok', 'ok', 'ok'],
      ['nosit-udp-size', 'obsolete', 'ancient', 'ancient'],
      ['nta-lifetime', 'ok', 'ok', 'ok'],
      ['nta-recheck', 'ok', 'ok', 'ok'],
      ['nxdomain-redirect', 'ok', 'ok', 'ok'],
      ['preferred-glue', 'ok', 'ok', 'ok'],
      ['prefetch', 'ok', 'ok', 'ok'],
      ['provide-ixfr', 'ok', 'ok', 'ok'],
      ['qname-minimization', 'ok', 'ok', 'ok'],
      ['query-source', 'ok', 'ok', 'ok'],
      ['query-source-v6', 'ok', 'ok', 'ok'],
      ['queryport-pool-ports', 'obsolete', 'ancient', 'ancient'],
      ['queryport-pool-updateinterval', 'obsolete', 'ancient', 'ancient'],
      ['rate-limit', 'ok', 'ok', 'ok'],
      ['recursion', 'ok', 'ok', 'ok'],
      ['request-nsid', 'ok', 'ok', 'ok'],
      ['request-sit', 'obsolete', 'ancient', 'ancient'],
      ['require-server-cookie', 'ok', 'ok', 'ok'],
      ['resolver-nonbackoff-tries', 'ok', 'deprecated', 'ancient'],
      ['resolver-query-timeout', 'ok', 'ok', 'ok'],
      ['resolver-retry-interval', 'ok', 'deprecated', 'ancient'],
      ['resolver-use-dns64', '-', '-', 'ok'],
      ['response-padding', 'ok', 'ok', 'ok'],
      ['response-policy', 'ok', 'ok', 'ok'],
      ['rfc2308-type1', 'ancient', 'ancient', 'ancient'],
      ['root-delegation-only', 'ok', 'deprecated', 'ancient'],
      ['root-key-sentinel', 'ok', 'ok', 'ok'],
      ['rrset-order', 'ok', 'ok', 'ok'],
      ['send-cookie', 'ok', 'ok', 'ok'],
      ['servfail-ttl', 'ok', 'ok', 'ok'],
      ['sig0key-checks-limit', '-', '-', 'ok'],
      ['sig0message-checks-limit', '-', '-', 'ok'],
      ['sortlist', 'ok', 'ok', 'deprecated'],
      ['stale-answer-client-timeout', 'ok', 'ok', 'ok'],
      ['stale-answer-enable', 'ok', 'ok', 'ok'],
      ['stale-answer-ttl', 'ok', 'ok', 'ok'],
      ['stale-cache-enable', 'ok', 'ok', 'ok'],
      ['stale-refresh-time', 'ok', 'ok', 'ok'],
      ['suppress-initial-notify', 'obsolete', 'obsolete', 'ancient'],
      ['synth-from-dnssec', 'ok', 'ok', 'ok'],
      ['topology', 'ancient', 'ancient', 'ancient'],
      ['transfer-format', 'ok', 'ok', 'ok'],
      ['trust-anchor-telemetry', 'experimental', 'ok', 'ok'],
      ['use-queryport-pool', 'obsolete', 'ancient', 'ancient'],
      ['v6-bias', 'ok', 'ok', 'ok'],
      ['validate-except', 'ok', 'ok', 'ok'],
      ['zero-no-soa-ttl-cache', 'ok', 'ok', 'ok'],
    ],
  ],
  // view_only_clauses
  [
    ['view'],
    [
      ['match-clients', 'ok', 'ok', 'ok'],
      ['match-destinations', 'ok', 'ok', 'ok'],
      ['match-recursive-only', 'ok', 'ok', 'ok'],
    ],
  ],
  // zone_clauses
  [
    ['options', 'view', 'zone'],
    [
      ['allow-notify', 'ok', 'ok', 'ok'],
      ['allow-query', 'ok', 'ok', 'ok'],
      ['allow-query-on', 'ok', 'ok', 'ok'],
      ['allow-transfer', 'ok', 'ok', 'ok'],
      ['allow-update', 'ok', 'ok', 'ok'],
      ['allow-update-forwarding', 'ok', 'ok', 'ok'],
      ['also-notify', 'ok', 'ok', 'ok'],
      ['alt-transfer-source', 'ok', 'deprecated', 'ancient'],
      ['alt-transfer-source-v6', 'ok', 'deprecated', 'ancient'],
      ['auto-dnssec', 'deprecated', 'deprecated', 'ancient'],
      ['check-dup-records', 'ok', 'ok', 'ok'],
      ['check-integrity', 'ok', 'ok', 'ok'],
      ['check-mx', 'ok', 'ok', 'ok'],
      ['check-mx-cname', 'ok', 'ok', 'ok'],
      ['check-sibling', 'ok', 'ok', 'ok'],
      ['check-spf', 'ok', 'ok', 'ok'],
      ['check-srv-cname', 'ok', 'ok', 'ok'],
      ['check-svcb', '-', '-', 'ok'],
      ['check-wildcard', 'ok', 'ok', 'ok'],
      ['dialup', 'ok', 'deprecated', 'deprecated'],
      ['dnskey-sig-validity', 'ok', 'ok', 'obsolete'],
      ['dnssec-dnskey-kskonly', 'ok', 'ok', 'obsolete'],
      ['dnssec-loadkeys-interval', 'ok', 'ok', 'ok'],
      ['dnssec-policy', 'ok', 'ok', 'ok'],
      ['dnssec-secure-to-insecure', 'ok', 'ok', 'obsolete'],
      ['dnssec-update-mode', 'ok', 'ok', 'obsolete'],
      ['forward', 'ok', 'ok', 'ok'],
      ['forwarders', 'ok', 'ok', 'ok'],
      ['key-directory', 'ok', 'ok', 'ok'],
      ['maintain-ixfr-base', 'ancient', 'ancient', 'ancient'],
      ['masterfile-format', 'ok', 'ok', 'ok'],
      ['masterfile-style', 'ok', 'ok', 'ok'],
      ['max-ixfr-log-size', 'ancient', 'ancient', 'ancient'],
      ['max-ixfr-ratio', 'ok', 'ok', 'ok'],
      ['max-journal-size', 'ok', 'ok', 'ok'],
      ['max-records', 'ok', 'ok', 'ok'],
      ['max-records-per-type', 'ok', 'ok', 'ok'],
      ['max-refresh-time', 'ok', 'ok', 'ok'],
      ['max-retry-time', 'ok', 'ok', 'ok'],
      ['max-transfer-idle-in', 'ok', 'ok', 'ok'],
      ['max-transfer-idle-out', 'ok', 'ok', 'ok'],
      ['max-transfer-time-in', 'ok', 'ok', 'ok'],
      ['max-transfer-time-out', 'ok', 'ok', 'ok'],
      ['max-types-per-name', 'ok', 'ok', 'ok'],
      ['max-zone-ttl', 'ok', 'ok', 'deprecated'],
      ['min-refresh-time', 'ok', 'ok', 'ok'],
      ['min-retry-time', 'ok', 'ok', 'ok'],
      ['min-transfer-rate-in', '-', '-', 'ok'],
      ['multi-master', 'ok', 'ok', 'ok'],
      ['notify', 'ok', 'ok', 'ok'],
      ['notify-defer', '-', '-', 'ok'],
      ['notify-delay', 'ok', 'ok', 'ok'],
      ['notify-source', 'ok', 'ok', 'ok'],
      ['notify-source-v6', 'ok', 'ok', 'ok'],
      ['notify-to-soa', 'ok', 'ok', 'ok'],
      ['nsec3-test-zone', 'test-only', 'test-only', 'test-only'],
      ['parental-source', 'ok', 'ok', 'ok'],
      ['parental-source-v6', 'ok', 'ok', 'ok'],
      ['request-expire', 'ok', 'ok', 'ok'],
      ['request-ixfr', 'ok', 'ok', 'ok'],
      ['serial-update-method', 'ok', 'ok', 'ok'],
      ['sig-signing-nodes', 'ok', 'ok', 'ok'],
      ['sig-signing-signatures', 'ok', 'ok', 'ok'],
      ['sig-signing-type', 'ok', 'ok', 'ok'],
      ['sig-validity-interval', 'ok', 'ok', 'obsolete'],
      ['transfer-source', 'ok', 'ok', 'ok'],
      ['transfer-source-v6', 'ok', 'ok', 'ok'],
      ['try-tcp-refresh', 'ok', 'ok', 'ok'],
      ['update-check-ksk', 'ok', 'ok', 'obsolete'],
      ['use-alt-transfer-source', 'ok', 'deprecated', 'ancient'],
      ['zero-no-soa-ttl', 'ok', 'ok', 'ok'],
      ['zone-statistics', 'ok', 'ok', 'ok'],
    ],
  ],
  // zone_only_clauses
  [
    ['zone'],
    [
      ['check-names', 'ok', 'ok', 'ok'],
      ['checkds', '-', '-', 'ok'],
      ['database', 'ok', 'ok', 'ok'],
      ['delegation-only', 'ok', 'deprecated', 'ancient'],
      ['dlz', 'ok', 'ok', 'ok'],
      ['file', 'ok', 'ok', 'ok'],
      ['in-view', 'ok', 'ok', 'ok'],
      ['inline-signing', 'ok', 'ok', 'ok'],
      ['ixfr-base', 'ancient', 'ancient', 'ancient'],
      ['ixfr-from-differences', 'ok', 'ok', 'ok'],
      ['ixfr-tmp-file', 'ancient', 'ancient', 'ancient'],
      ['journal', 'ok', 'ok', 'ok'],
      ['masters', 'ok', 'ok', 'ok'],
      ['parental-agents', 'ok', 'ok', 'ok'],
      ['primaries', 'ok', 'ok', 'ok'],
      ['pubkey', 'ancient', 'ancient', 'ancient'],
      ['server-addresses', 'ok', 'ok', 'ok'],
      ['server-names', 'ok', 'ok', 'ok'],
      ['type', 'ok', 'ok', 'ok'],
      ['update-policy', 'ok', 'ok', 'ok'],
    ],
  ],
  // logging_clauses
  [
    ['logging'],
    [
      ['category', 'ok', 'ok', 'ok'],
      ['channel', 'ok', 'ok', 'ok'],
    ],
  ],
  // channel_clauses
  [
    ['channel'],
    [
      ['buffered', 'ok', 'ok', 'ok'],
      ['file', 'ok', 'ok', 'ok'],
      ['null', 'ok', 'ok', 'ok'],
      ['print-category', 'ok', 'ok', 'ok'],
      ['print-severity', 'ok', 'ok', 'ok'],
      ['print-time', 'ok', 'ok', 'ok'],
      ['severity', 'ok', 'ok', 'ok'],
      ['stderr', 'ok', 'ok', 'ok'],
      ['syslog', 'ok', 'ok', 'ok'],
    ],
  ],
  // key_clauses
  [
    ['key'],
    [
      ['algorithm', 'ok', 'ok', 'ok'],
      ['secret', 'ok', 'ok', 'ok'],
    ],
  ],
  // server_clauses
  [
    ['server'],
    [
      ['bogus', 'ok', 'ok', 'ok'],
      ['edns', 'ok', 'ok', 'ok'],
      ['edns-udp-size', 'ok', 'ok', 'ok'],
      ['edns-version', 'ok', 'ok', 'ok'],
      ['keys', 'ok', 'ok', 'ok'],
      ['max-udp-size', 'ok', 'ok', 'ok'],
      ['notify-source', 'ok', 'ok', 'ok'],
      ['notify-source-v6', 'ok', 'ok', 'ok'],
      ['padding', 'ok', 'ok', 'ok'],
      ['provide-ixfr', 'ok', 'ok', 'ok'],
      ['query-source', 'ok', 'ok', 'ok'],
      ['query-source-v6', 'ok', 'ok', 'ok'],
      ['request-expire', 'ok', 'ok', 'ok'],
      ['request-ixfr', 'ok', 'ok', 'ok'],
      ['request-nsid', 'ok', 'ok', 'ok'],
      ['request-sit', 'obsolete', 'ancient', 'ancient'],
      ['require-cookie', '-', '-', 'ok'],
      ['send-cookie', 'ok', 'ok', 'ok'],
      ['support-ixfr', 'obsolete', 'ancient', 'ancient'],
      ['tcp-keepalive', 'ok', 'ok', 'ok'],
      ['tcp-only', 'ok', 'ok', 'ok'],
      ['transfer-format', 'ok', 'ok', 'ok'],
      ['transfer-source', 'ok', 'ok', 'ok'],
      ['transfer-source-v6', 'ok', 'ok', 'ok'],
      ['transfers', 'ok', 'ok', 'ok'],
    ],
  ],
  // tls_clauses
  [
    ['tls'],
    [
      ['ca-file', '-', 'ok', 'ok'],
      ['cert-file', '-', 'ok', 'ok'],
      ['cipher-suites', '-', '-', 'not-configured'], // TLS 1.3 cipher suites
      ['ciphers', '-', 'ok', 'ok'],
      ['dhparam-file', '-', 'ok', 'ok'],
      ['key-file', '-', 'ok', 'ok'],
      ['prefer-server-ciphers', '-', 'ok', 'ok'],
      ['protocols', '-', 'ok', 'ok'],
      ['remote-hostname', '-', 'ok', 'ok'],
      ['session-tickets', '-', 'ok', 'ok'],
    ],
  ],
  // cfg_http_description_clauses
  [
    ['http'],
    [
      ['endpoints', '-', 'ok', 'ok'],
      ['listener-clients', '-', 'ok', 'ok'],
      ['streams-per-connection', '-', 'ok', 'ok'],
    ],
  ],
  // dnssecpolicy_clauses
  [
    ['dnssec-policy'],
    [
      ['cdnskey', '-', '-', 'ok'],
      ['cds-digest-types', '-', '-', 'ok'],
      ['dnskey-ttl', 'ok', 'ok', 'ok'],
      ['inline-signing', '-', '-', 'ok'],
      ['keys', 'ok', 'ok', 'ok'],
      ['manual-mode', '-', '-', 'ok'],
      ['max-zone-ttl', 'ok', 'ok', 'ok'],
      ['nsec3param', 'ok', 'ok', 'ok'],
      ['offline-ksk', '-', '-', 'ok'],
      ['parent-ds-ttl', 'ok', 'ok', 'ok'],
      ['parent-propagation-delay', 'ok', 'ok', 'ok'],
      ['parent-registration-delay', 'obsolete', 'obsolete', 'ancient'],
      ['publish-safety', 'ok', 'ok', 'ok'],
      ['purge-keys', 'ok', 'ok', 'ok'],
      ['retire-safety', 'ok', 'ok', 'ok'],
      ['signatures-jitter', '-', 'ok', 'ok'],
      ['signatures-refresh', 'ok', 'ok', 'ok'],
      ['signatures-validity', 'ok', 'ok', 'ok'],
      ['signatures-validity-dnskey', 'ok', 'ok', 'ok'],
      ['zone-propagation-delay', 'ok', 'ok', 'ok'],
    ],
  ],
  // rrl_clauses
  [
    ['rate-limit'],
    [
      ['all-per-second', 'ok', 'ok', 'ok'],
      ['errors-per-second', 'ok', 'ok', 'ok'],
      ['exempt-clients', 'ok', 'ok', 'ok'],
      ['ipv4-prefix-length', 'ok', 'ok', 'ok'],
      ['ipv6-prefix-length', 'ok', 'ok', 'ok'],
      ['log-only', 'ok', 'ok', 'ok'],
      ['max-table-size', 'ok', 'ok', 'ok'],
      ['min-table-size', 'ok', 'ok', 'ok'],
      ['nodata-per-second', 'ok', 'ok', 'ok'],
      ['nxdomains-per-second', 'ok', 'ok', 'ok'],
      ['qps-scale', 'ok', 'ok', 'ok'],
      ['referrals-per-second', 'ok', 'ok', 'ok'],
      ['responses-per-second', 'ok', 'ok', 'ok'],
      ['slip', 'ok', 'ok', 'ok'],
      ['window', 'ok', 'ok', 'ok'],
    ],
  ],
  // dns64_clauses
  [
    ['dns64'],
    [
      ['break-dnssec', 'ok', 'ok', 'ok'],
      ['clients', 'ok', 'ok', 'ok'],
      ['exclude', 'ok', 'ok', 'ok'],
      ['mapped', 'ok', 'ok', 'ok'],
      ['recursive-only', 'ok', 'ok', 'ok'],
      ['suffix', 'ok', 'ok', 'ok'],
    ],
  ],
  // dlz_clauses
  [
    ['dlz'],
    [
      ['database', 'ok', 'ok', 'ok'],
      ['search', 'ok', 'ok', 'ok'],
    ],
  ],
  // controls_clauses
  [
    ['controls'],
    [
      ['inet', 'ok', 'ok', 'ok'],
      ['unix', 'ok', 'ok', 'ok'],
    ],
  ],
  // statservers_clauses
  [['statistics-channels'], [['inet', 'ok', 'ok', 'ok']]],
];

/** Successors BIND names (in its documentation, release notes or warnings), per context. */
const SUCCESSORS: ReadonlyArray<readonly [contexts: readonly ContextId[], name: string, successor: string]> = [
  [['options', 'view', 'zone'], 'auto-dnssec', 'dnssec-policy'],
  [['top'], 'masters', 'primaries'],
  [['zone'], 'masters', 'primaries'],
  [['top', 'view'], 'trusted-keys', 'trust-anchors'],
  [['top', 'view'], 'managed-keys', 'trust-anchors'],
  [['options', 'view', 'zone'], 'max-zone-ttl', 'dnssec-policy max-zone-ttl'],
  [['options', 'view', 'zone'], 'sig-validity-interval', 'dnssec-policy signatures-validity'],
  [['options', 'view', 'zone'], 'dnskey-sig-validity', 'dnssec-policy signatures-validity-dnskey'],
  [['options', 'view', 'zone'], 'dnssec-dnskey-kskonly', 'dnssec-policy'],
  [['options', 'view', 'zone'], 'update-check-ksk', 'dnssec-policy'],
  [['options', 'view', 'zone'], 'dnssec-update-mode', 'dnssec-policy'],
  [['options', 'view', 'zone'], 'dnssec-secure-to-insecure', 'dnssec-policy'],
  [['options', 'view'], 'filter-aaaa', 'plugin query "filter-aaaa.so"'],
  [['options', 'view'], 'filter-aaaa-on-v4', 'plugin query "filter-aaaa.so"'],
  [['options', 'view'], 'filter-aaaa-on-v6', 'plugin query "filter-aaaa.so"'],
  [['options', 'view', 'server'], 'request-sit', 'send-cookie'],
  [['options', 'view'], 'nosit-udp-size', 'nocookie-udp-size'],
  [['options'], 'sit-secret', 'cookie-secret'],
];

/**
 * Documented value syntax where it differs between the versions that have the statement (from each branch's
 * doc/misc/options and *.zoneopt, whose printer leaves out what a release hides: 9.18's and 9.20's documents
 * no longer show the deprecated `port` and `dscp` of the *-source statements, though 9.18 still parses them).
 */
const SYNTAX: ReadonlyArray<
  readonly [contexts: readonly ContextId[], name: string, syntax: Partial<Readonly<Record<BindVersion, string>>>]
> = [
  // statements new in 9.20 (from bind-9.20's doc/misc/options and primary.zoneopt)
  [['top'], 'key-store', { '9.20': 'key-store <string> { ( directory <string> | pkcs11-uri <quoted_string> ); ... }' }],
  [
    ['top'],
    'remote-servers',
    {
      '9.20':
        'remote-servers <string> [ port <integer> ] [ source ( <ipv4_address> | * ) ] [ source-v6 ( <ipv6_address> | * ) ] { ( <server-list> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
    },
  ],
  [['options'], 'dnsrps-library', { '9.20': 'dnsrps-library <quoted_string>' }],
  [['options'], 'responselog', { '9.20': 'responselog <boolean>' }],
  [['options'], 'sig0checks-quota', { '9.20': 'sig0checks-quota <integer>' }],
  [['options'], 'sig0checks-quota-exempt', { '9.20': 'sig0checks-quota-exempt { <address_match_element>; ... }' }],
  [['options', 'view'], 'allow-proxy', { '9.20': 'allow-proxy { <address_match_element>; ... }' }],
  [['options', 'view'], 'allow-proxy-on', { '9.20': 'allow-proxy-on { <address_match_element>; ... }' }],
  [['options', 'view'], 'max-validation-failures-per-fetch', { '9.20': 'max-validation-failures-per-fetch <integer>' }],
  [['options', 'view'], 'max-validations-per-fetch', { '9.20': 'max-validations-per-fetch <integer>' }],
  [['options', 'view'], 'resolver-use-dns64', { '9.20': 'resolver-use-dns64 <boolean>' }],
  [['options', 'view'], 'sig0key-checks-limit', { '9.20': 'sig0key-checks-limit <integer>' }],
  [['options', 'view'], 'sig0message-checks-limit', { '9.20': 'sig0message-checks-limit <integer>' }],
  [['options', 'view', 'zone'], 'check-svcb', { '9.20': 'check-svcb <boolean>' }],
  [['options', 'view', 'zone'], 'min-transfer-rate-in', { '9.20': 'min-transfer-rate-in <integer> <integer>' }],
  [['options', 'view', 'zone'], 'notify-defer', { '9.20': 'notify-defer <integer>' }],
  [['zone'], 'checkds', { '9.20': 'checkds ( explicit | <boolean> )' }],
  [['server'], 'require-cookie', { '9.20': 'require-cookie <boolean>' }],
  [['tls'], 'cipher-suites', { '9.20': 'cipher-suites <string>' }],
  [['dnssec-policy'], 'cdnskey', { '9.20': 'cdnskey <boolean>' }],
  [['dnssec-policy'], 'cds-digest-types', { '9.20': 'cds-digest-types { <string>; ... }' }],
  [['dnssec-policy'], 'inline-signing', { '9.20': 'inline-signing <boolean>' }],
  [['dnssec-policy'], 'manual-mode', { '9.20': 'manual-mode <boolean>' }],
  [['dnssec-policy'], 'offline-ksk', { '9.20': 'offline-ksk <boolean>' }],
  [
    ['options', 'view', 'zone'],
    'allow-transfer',
    {
      '9.16': 'allow-transfer { <address_match_element>; ... }',
      '9.18': 'allow-transfer [ port <integer> ] [ transport <string> ] { <address_match_element>; ... }',
      '9.20': 'allow-transfer [ port <integer> ] [ transport <string> ] { <address_match_element>; ... }',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'also-notify',
    {
      '9.16':
        'also-notify [ port <integer> ] [ dscp <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ]; ... }',
      '9.18':
        'also-notify [ port <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
      '9.20':
        'also-notify [ port <integer> ] [ source ( <ipv4_address> | * ) ] [ source-v6 ( <ipv6_address> | * ) ] { ( <server-list> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'alt-transfer-source',
    {
      '9.16': 'alt-transfer-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'alt-transfer-source ( <ipv4_address> | * )',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'alt-transfer-source-v6',
    {
      '9.16': 'alt-transfer-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'alt-transfer-source-v6 ( <ipv6_address> | * )',
    },
  ],
  [
    ['options', 'view'],
    'catalog-zones',
    {
      '9.16':
        'catalog-zones { zone <string> [ default-masters [ port <integer> ] [ dscp <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ]; ... } ] [ zone-directory <quoted_string> ] [ in-memory <boolean> ] [ min-update-interval <duration> ]; ... }',
      '9.18':
        'catalog-zones { zone <string> [ default-primaries [ port <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... } ] [ zone-directory <quoted_string> ] [ in-memory <boolean> ] [ min-update-interval <duration> ]; ... }',
      '9.20':
        'catalog-zones { zone <string> [ default-primaries [ port <integer> ] [ source ( <ipv4_address> | * ) ] [ source-v6 ( <ipv6_address> | * ) ] { ( <server-list> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... } ] [ zone-directory <quoted_string> ] [ in-memory <boolean> ] [ min-update-interval <duration> ]; ... }',
    },
  ],
  [
    ['options'],
    'cookie-algorithm',
    {
      '9.16': 'cookie-algorithm ( aes | siphash24 )',
      '9.18': 'cookie-algorithm ( aes | siphash24 )',
      '9.20': 'cookie-algorithm ( siphash24 )',
    },
  ],
  [
    ['options', 'view'],
    'dual-stack-servers',
    {
      '9.16':
        'dual-stack-servers [ port <integer> ] { ( <quoted_string> [ port <integer> ] [ dscp <integer> ] | <ipv4_address> [ port <integer> ] [ dscp <integer> ] | <ipv6_address> [ port <integer> ] [ dscp <integer> ] ); ... }',
      '9.18':
        'dual-stack-servers [ port <integer> ] { ( <quoted_string> [ port <integer> ] | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ); ... }',
      '9.20':
        'dual-stack-servers [ port <integer> ] { ( <quoted_string> [ port <integer> ] | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ); ... }',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'forwarders',
    {
      '9.16':
        'forwarders [ port <integer> ] [ dscp <integer> ] { ( <ipv4_address> | <ipv6_address> ) [ port <integer> ] [ dscp <integer> ]; ... }',
      '9.18': 'forwarders [ port <integer> ] { ( <ipv4_address> | <ipv6_address> ) [ port <integer> ]; ... }',
      '9.20':
        'forwarders [ port <integer> ] [ tls <string> ] { ( <ipv4_address> | <ipv6_address> ) [ port <integer> ] [ tls <string> ]; ... }',
    },
  ],
  [
    ['dnssec-policy'],
    'keys',
    {
      '9.16':
        'keys { ( csk | ksk | zsk ) [ ( key-directory ) ] lifetime <duration_or_unlimited> algorithm <string> [ <integer> ]; ... }',
      '9.18':
        'keys { ( csk | ksk | zsk ) [ ( key-directory ) ] lifetime <duration_or_unlimited> algorithm <string> [ <integer> ]; ... }',
      '9.20':
        'keys { ( csk | ksk | zsk ) [ ( key-directory | key-store <string> ) ] lifetime <duration_or_unlimited> algorithm <string> [ tag-range <integer> <integer> ] [ <integer> ]; ... }',
    },
  ],
  [
    ['options'],
    'listen-on',
    {
      '9.16': 'listen-on [ port <integer> ] [ dscp <integer> ] { <address_match_element>; ... }',
      '9.18': 'listen-on [ port <integer> ] [ tls <string> ] [ http <string> ] { <address_match_element>; ... }',
      '9.20':
        'listen-on [ port <integer> ] [ proxy <string> ] [ tls <string> ] [ http <string> ] { <address_match_element>; ... }',
    },
  ],
  [
    ['options'],
    'listen-on-v6',
    {
      '9.16': 'listen-on-v6 [ port <integer> ] [ dscp <integer> ] { <address_match_element>; ... }',
      '9.18': 'listen-on-v6 [ port <integer> ] [ tls <string> ] [ http <string> ] { <address_match_element>; ... }',
      '9.20':
        'listen-on-v6 [ port <integer> ] [ proxy <string> ] [ tls <string> ] [ http <string> ] { <address_match_element>; ... }',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'masterfile-format',
    {
      '9.16': 'masterfile-format ( map | raw | text )',
      '9.18': 'masterfile-format ( raw | text )',
      '9.20': 'masterfile-format ( raw | text )',
    },
  ],
  [
    ['options', 'view', 'zone', 'server'],
    'notify-source',
    {
      '9.16': 'notify-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'notify-source ( <ipv4_address> | * )',
      '9.20': 'notify-source ( <ipv4_address> | * )',
    },
  ],
  [
    ['options', 'view', 'zone', 'server'],
    'notify-source-v6',
    {
      '9.16': 'notify-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'notify-source-v6 ( <ipv6_address> | * )',
      '9.20': 'notify-source-v6 ( <ipv6_address> | * )',
    },
  ],
  [
    ['top'],
    'parental-agents',
    {
      '9.16':
        'parental-agents <string> [ port <integer> ] [ dscp <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ]; ... }',
      '9.18':
        'parental-agents <string> [ port <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
    },
  ],
  [
    ['zone'],
    'parental-agents',
    {
      '9.16':
        'parental-agents [ port <integer> ] [ dscp <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ]; ... }',
      '9.18':
        'parental-agents [ port <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
      '9.20':
        'parental-agents [ port <integer> ] [ source ( <ipv4_address> | * ) ] [ source-v6 ( <ipv6_address> | * ) ] { ( <server-list> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'parental-source',
    {
      '9.16': 'parental-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'parental-source ( <ipv4_address> | * )',
      '9.20': 'parental-source ( <ipv4_address> | * )',
    },
  ],
  [
    ['options', 'view', 'zone'],
    'parental-source-v6',
    {
      '9.16': 'parental-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'parental-source-v6 ( <ipv6_address> | * )',
      '9.20': 'parental-source-v6 ( <ipv6_address> | * )',
    },
  ],
  [
    ['top'],
    'primaries',
    {
      '9.16':
        'primaries <string> [ port <integer> ] [ dscp <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ]; ... }',
      '9.18':
        'primaries <string> [ port <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
    },
  ],
  [
    ['zone'],
    'primaries',
    {
      '9.16':
        'primaries [ port <integer> ] [ dscp <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ]; ... }',
      '9.18':
        'primaries [ port <integer> ] { ( <remote-servers> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
      '9.20':
        'primaries [ port <integer> ] [ source ( <ipv4_address> | * ) ] [ source-v6 ( <ipv6_address> | * ) ] { ( <server-list> | <ipv4_address> [ port <integer> ] | <ipv6_address> [ port <integer> ] ) [ key <string> ] [ tls <string> ]; ... }',
    },
  ],
  [
    ['options', 'view'],
    'query-source',
    {
      '9.16':
        'query-source ( ( [ address ] ( <ipv4_address> | * ) [ port ( <integer> | * ) ] ) | ( [ [ address ] ( <ipv4_address> | * ) ] port ( <integer> | * ) ) ) [ dscp <integer> ]',
      '9.18': 'query-source [ address ] ( <ipv4_address> | * )',
      '9.20': 'query-source [ address ] ( <ipv4_address> | * | none )',
    },
  ],
  [
    ['server'],
    'query-source',
    {
      '9.16':
        'query-source ( ( [ address ] ( <ipv4_address> | * ) [ port ( <integer> | * ) ] ) | ( [ [ address ] ( <ipv4_address> | * ) ] port ( <integer> | * ) ) ) [ dscp <integer> ]',
      '9.18': 'query-source [ address ] ( <ipv4_address> | * )',
      '9.20': 'query-source [ address ] ( <ipv4_address> | * )',
    },
  ],
  [
    ['options', 'view'],
    'query-source-v6',
    {
      '9.16':
        'query-source-v6 ( ( [ address ] ( <ipv6_address> | * ) [ port ( <integer> | * ) ] ) | ( [ [ address ] ( <ipv6_address> | * ) ] port ( <integer> | * ) ) ) [ dscp <integer> ]',
      '9.18': 'query-source-v6 [ address ] ( <ipv6_address> | * )',
      '9.20': 'query-source-v6 [ address ] ( <ipv6_address> | * | none )',
    },
  ],
  [
    ['server'],
    'query-source-v6',
    {
      '9.16':
        'query-source-v6 ( ( [ address ] ( <ipv6_address> | * ) [ port ( <integer> | * ) ] ) | ( [ [ address ] ( <ipv6_address> | * ) ] port ( <integer> | * ) ) ) [ dscp <integer> ]',
      '9.18': 'query-source-v6 [ address ] ( <ipv6_address> | * )',
      '9.20': 'query-source-v6 [ address ] ( <ipv6_address> | * )',
    },
  ],
  [
    ['options', 'view'],
    'response-policy',
    {
      '9.16':
        'response-policy { zone <string> [ add-soa <boolean> ] [ log <boolean> ] [ max-policy-ttl <duration> ] [ min-update-interval <duration> ] [ policy ( cname | disabled | drop | given | no-op | nodata | nxdomain | passthru | tcp-only <quoted_string> ) ] [ recursive-only <boolean> ] [ nsip-enable <boolean> ] [ nsdname-enable <boolean> ]; ... } [ add-soa <boolean> ] [ break-dnssec <boolean> ] [ max-policy-ttl <duration> ] [ min-update-interval <duration> ] [ min-ns-dots <integer> ] [ nsip-wait-recurse <boolean> ] [ qname-wait-recurse <boolean> ] [ recursive-only <boolean> ] [ nsip-enable <boolean> ] [ nsdname-enable <boolean> ] [ dnsrps-enable <boolean> ] [ dnsrps-options { <unspecified-text> } ]',
      '9.18':
        'response-policy { zone <string> [ add-soa <boolean> ] [ log <boolean> ] [ max-policy-ttl <duration> ] [ min-update-interval <duration> ] [ policy ( cname | disabled | drop | given | no-op | nodata | nxdomain | passthru | tcp-only <quoted_string> ) ] [ recursive-only <boolean> ] [ nsip-enable <boolean> ] [ nsdname-enable <boolean> ]; ... } [ add-soa <boolean> ] [ break-dnssec <boolean> ] [ max-policy-ttl <duration> ] [ min-update-interval <duration> ] [ min-ns-dots <integer> ] [ nsip-wait-recurse <boolean> ] [ nsdname-wait-recurse <boolean> ] [ qname-wait-recurse <boolean> ] [ recursive-only <boolean> ] [ nsip-enable <boolean> ] [ nsdname-enable <boolean> ] [ dnsrps-enable <boolean> ] [ dnsrps-options { <unspecified-text> } ]',
      '9.20':
        'response-policy { zone <string> [ add-soa <boolean> ] [ log <boolean> ] [ max-policy-ttl <duration> ] [ min-update-interval <duration> ] [ policy ( cname | disabled | drop | given | no-op | nodata | nxdomain | passthru | tcp-only <quoted_string> ) ] [ recursive-only <boolean> ] [ nsip-enable <boolean> ] [ nsdname-enable <boolean> ] [ ede <string> ]; ... } [ add-soa <boolean> ] [ break-dnssec <boolean> ] [ max-policy-ttl <duration> ] [ min-update-interval <duration> ] [ min-ns-dots <integer> ] [ nsip-wait-recurse <boolean> ] [ nsdname-wait-recurse <boolean> ] [ qname-wait-recurse <boolean> ] [ recursive-only <boolean> ] [ servfail-until-ready <boolean> ] [ nsip-enable <boolean> ] [ nsdname-enable <boolean> ] [ dnsrps-enable <boolean> ] [ dnsrps-options { <unspecified-text> } ]',
    },
  ],
  [
    ['options', 'view', 'zone', 'server'],
    'transfer-source',
    {
      '9.16': 'transfer-source ( <ipv4_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'transfer-source ( <ipv4_address> | * )',
      '9.20': 'transfer-source ( <ipv4_address> | * )',
    },
  ],
  [
    ['options', 'view', 'zone', 'server'],
    'transfer-source-v6',
    {
      '9.16': 'transfer-source-v6 ( <ipv6_address> | * ) [ port ( <integer> | * ) ] [ dscp <integer> ]',
      '9.18': 'transfer-source-v6 ( <ipv6_address> | * )',
      '9.20': 'transfer-source-v6 ( <ipv6_address> | * )',
    },
  ],
  [
    ['zone'],
    'type',
    {
      '9.16':
        'type ( primary | master | secondary | slave | mirror | delegation-only | forward | hint | redirect | static-stub | stub )',
      '9.18':
        'type ( primary | master | secondary | slave | mirror | delegation-only | forward | hint | redirect | static-stub | stub )',
      '9.20': 'type ( primary | master | secondary | slave | mirror | forward | hint | redirect | static-stub | stub )',
    },
  ],
  [
    ['zone'],
    'update-policy',
    {
      '9.16':
        'update-policy ( local | { ( deny | grant ) <string> ( 6to4-self | external | krb5-self | krb5-selfsub | krb5-subdomain | ms-self | ms-selfsub | ms-subdomain | name | self | selfsub | selfwild | subdomain | tcp-self | wildcard | zonesub ) [ <string> ] <rrtypelist>; ... } )',
      '9.18':
        'update-policy ( local | { ( deny | grant ) <string> ( 6to4-self | external | krb5-self | krb5-selfsub | krb5-subdomain | krb5-subdomain-self-rhs | ms-self | ms-selfsub | ms-subdomain | ms-subdomain-self-rhs | name | self | selfsub | selfwild | subdomain | tcp-self | wildcard | zonesub ) [ <string> ] <rrtypelist>; ... } )',
      '9.20':
        'update-policy ( local | { ( deny | grant ) <string> ( 6to4-self | external | krb5-self | krb5-selfsub | krb5-subdomain | krb5-subdomain-self-rhs | ms-self | ms-selfsub | ms-subdomain | ms-subdomain-self-rhs | name | self | selfsub | selfwild | subdomain | tcp-self | wildcard | zonesub ) [ <string> ] <rrtypelist>; ... } )',
    },
  ],
];

function build(): ClauseVersions[] {
  const key = (context: string, name: string) => `${context} ${name}`;
  const successors = new Map<string, string>();
  for (const [contexts, name, successor] of SUCCESSORS)
    for (const c of contexts) successors.set(key(c, name), successor);
  const syntaxes = new Map<string, Partial<Readonly<Record<BindVersion, string>>>>();
  for (const [contexts, name, syntax] of SYNTAX) for (const c of contexts) syntaxes.set(key(c, name), syntax);
  const all: ClauseVersions[] = [];
  for (const [contexts, rows] of GROUPS)
    for (const context of contexts)
      for (const [name, ...cells] of rows) {
        const statuses: Partial<Record<BindVersion, VersionStatus>> = {};
        BIND_VERSIONS.forEach((v, i) => {
          const cell = cells[i]!;
          if (cell !== '-') statuses[v] = cell;
        });
        const successor = successors.get(key(context, name));
        const syntax = syntaxes.get(key(context, name));
        all.push({
          context,
          name,
          in: statuses,
          ...(successor !== undefined ? { successor } : {}),
          ...(syntax !== undefined ? { syntax } : {}),
        });
      }
  return all;
}

/** Every statement of every named.conf block BIND 9.16, 9.18 or 9.20 knows, one row per context. */
export const CLAUSE_VERSIONS: readonly ClauseVersions[] = build();
