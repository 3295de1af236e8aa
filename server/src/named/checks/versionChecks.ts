/**
 * Checks one BIND version's named-checkconf makes and another's does not, each confirmed with
 * named-checkconf 9.20.23 and 9.18.49 (9.16: from branch bind-9.16's lib/bind9/check.c and
 * 9.16's own checkconf suite, no binary being at hand).
 * - 9.20 (lib/isccfg/check.c on branch bind-9.20): control sockets defined twice, `unix`
 *   control channels, fetch-quota-params fractions, `query-source none` for both families,
 *   `dnssec-validation yes` with no trust anchor.
 * - 9.16: `geoip-use-ecs yes`, and `max-zone-ttl` with `masterfile-format map`.
 */
import { args, body, clauseName, subs, type Clause } from '../tree';
import { firstArg } from '../values';
import { TLS13_CIPHER_SUITES } from '../data/tls';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';

export function checkByVersion(f: FileFacts, rep: Reporter): void {
  if (rep.version === '9.16') checkBind916(f, rep);
  if (rep.version < '9.20') return;
  checkControls(f, rep);
  const blocks = [...(f.options ? [f.options] : []), ...f.views];
  for (const b of blocks) {
    checkFetchQuota(b, rep);
    checkQuerySourceNone(b, rep);
  }
  checkValidationAnchors(f, rep);
  for (const t of f.tls) checkCipherSuites(t, rep);
}

/** The port of a control channel when it names none. */
const RNDC_PORT = '953';

/** `inet` sockets named twice (`*` is 0.0.0.0), and `unix` channels, which 9.20 no longer supports. */
function checkControls(f: FileFacts, rep: Reporter): void {
  const seen = new Map<string, number>();
  for (const c of f.top) {
    if (clauseName(c) !== 'controls') continue;
    for (const ch of body(c)) {
      const kind = clauseName(ch);
      const a = firstArg(ch);
      if (!a) continue;
      if (kind === 'unix') {
        rep.add(
          'named-invalid-value',
          ch.start,
          a.end,
          `BIND 9.20 no longer supports \`unix\` control channels (this file is checked as BIND 9.20): use \`inet 127.0.0.1 allow { localhost; };\` for rndc.`,
        );
        continue;
      }
      if (kind !== 'inet') continue;
      const words = args(ch);
      const p = words.findIndex((w) => w.text.toLowerCase() === 'port');
      const port = p >= 0 ? (words[p + 1]?.text ?? RNDC_PORT) : RNDC_PORT;
      const addr = a.text === '*' ? '0.0.0.0' : a.text.toLowerCase();
      const key = `${addr}#${port}`;
      const prev = seen.get(key);
      if (prev === undefined) seen.set(key, ch.start);
      else
        rep.add(
          'named-duplicate-statement',
          a.start,
          a.end,
          `The control socket \`${key}\` is already defined on line ${rep.line(prev)}: named cannot listen on it twice. Remove one, or give this one another address or port.`,
        );
    }
  }
}

/** `fetch-quota-params <frequency> <low> <high> <discount>`: the three fractions lie in [0, 1]. */
function checkFetchQuota(block: Clause, rep: Reporter): void {
  for (const c of subs(block, 'fetch-quota-params')) {
    const words = args(c);
    (['low', 'high', 'discount'] as const).forEach((name, i) => {
      const w = words[i + 1];
      if (!w || !/^\d+(\.\d+)?$/.test(w.text)) return;
      if (Number(w.text) > 1)
        rep.add(
          'named-invalid-value',
          w.start,
          w.end,
          `The ${name} value of \`fetch-quota-params\` is ${w.text}; it is a fraction from 0 to 1.0, such as 0.1 (BIND 9.20 refuses more).`,
        );
    });
  }
}

/** `query-source none` and `query-source-v6 none` in one block leave named no way to query. */
function checkQuerySourceNone(block: Clause, rep: Reporter): void {
  const none = (name: string) =>
    subs(block, name).find((c) => {
      const w = args(c).map((x) => x.text.toLowerCase());
      return w[0] === 'none' || (w[0] === 'address' && w[1] === 'none');
    });
  const v4 = none('query-source');
  const v6 = none('query-source-v6');
  if (v4 && v6) {
    const later = v4.start > v6.start ? v4 : v6;
    rep.add(
      'named-conflicting-options',
      later.start,
      later.end,
      `\`query-source none\` and \`query-source-v6 none\` together leave named no address family to send queries from: keep one of them.`,
    );
  }
}

/**
 * `dnssec-validation yes` (not `auto`) needs trust anchors: in each view that takes it (its own,
 * else the options'), those of the view or of the top level.
 */
function checkValidationAnchors(f: FileFacts, rep: Reporter): void {
  const anchorNames = ['trust-anchors', 'managed-keys', 'trusted-keys'];
  const hasAnchors = (clauses: readonly Clause[]) => clauses.some((c) => anchorNames.includes(clauseName(c)));
  const global = hasAnchors(f.top) || hasAnchors(f.includedTop);
  const yes = (c: Clause | undefined) => {
    const v = firstArg(c)?.text.toLowerCase();
    return v === 'yes' || v === 'true' || v === '1';
  };
  const fromOptions = f.options ? subs(f.options, 'dnssec-validation')[0] : undefined;
  const reported = new Set<number>();
  const report = (c: Clause) => {
    if (reported.has(c.start)) return;
    reported.add(c.start);
    rep.add(
      'named-invalid-value',
      c.start,
      c.end,
      '`dnssec-validation yes` needs trust anchors, and none are configured: write `dnssec-validation auto;` (the built-in root key) or add a `trust-anchors` block.',
    );
  };
  if (global) return;
  if (!f.views.length) {
    if (fromOptions && yes(fromOptions)) report(fromOptions);
    return;
  }
  for (const v of f.views) {
    const own = subs(v, 'dnssec-validation')[0];
    const set = own ?? fromOptions;
    if (set && yes(set) && !hasAnchors(body(v))) report(set);
  }
}

/** BIND 9.16: ECS in geoip ACLs is gone, and a map-format zone cannot have a max-zone-ttl. */
function checkBind916(f: FileFacts, rep: Reporter): void {
  const ecs = f.options ? subs(f.options, 'geoip-use-ecs')[0] : undefined;
  const on = firstArg(ecs)?.text.toLowerCase();
  if (ecs && (on === 'yes' || on === 'true' || on === '1'))
    rep.add(
      'named-invalid-value',
      ecs.start,
      ecs.end,
      '`geoip-use-ecs yes` is refused by BIND 9.16: geoip ACLs no longer match the client subnet of EDNS; remove the statement.',
    );
  const zones = [...f.top, ...f.views.flatMap((v) => body(v))].filter((c) => clauseName(c) === 'zone');
  for (const z of zones) {
    const format = firstArg(subs(z, 'masterfile-format')[0])?.text.toLowerCase();
    const ttl = subs(z, 'max-zone-ttl')[0];
    if (format === 'map' && ttl)
      rep.add(
        'named-conflicting-options',
        ttl.start,
        ttl.end,
        '`max-zone-ttl` cannot be used with `masterfile-format map` (BIND 9.16 refuses it): use the text or raw format, or drop the limit.',
      );
  }
}

/** A tls block's `cipher-suites` (9.20): OpenSSL keeps the TLS 1.3 suites it knows and refuses a list with none. */
function checkCipherSuites(tls: Clause, rep: Reporter): void {
  for (const c of subs(tls, 'cipher-suites')) {
    const v = firstArg(c);
    if (!v) continue;
    const names = v.text.split(':').filter((n) => n);
    const known = names.filter((n) => TLS13_CIPHER_SUITES.includes(n));
    if (known.length) {
      const unknown = names.filter((n) => !TLS13_CIPHER_SUITES.includes(n));
      if (unknown.length)
        rep.add(
          'named-ignored-value',
          v.start,
          v.end,
          `\`cipher-suites\` names ${unknown.map((n) => `\`${n}\``).join(', ')}, which ${unknown.length > 1 ? 'are not TLS 1.3 cipher suites' : 'is not a TLS 1.3 cipher suite'}: OpenSSL ignores ${unknown.length > 1 ? 'them' : 'it'}. Known: ${TLS13_CIPHER_SUITES.join(', ')}.`,
        );
      continue;
    }
    rep.add(
      'named-invalid-value',
      v.start,
      v.end,
      `\`cipher-suites\` names no TLS 1.3 cipher suite, so BIND 9.20 refuses it (\`ciphers\` takes the TLS 1.2 cipher list): write names such as TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256, in upper case.`,
    );
  }
}
