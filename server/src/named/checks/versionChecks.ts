/**
 * Checks one BIND version's named-checkconf makes and another's does not, each confirmed with
 * named-checkconf 9.20.23 and 9.18.49 (9.16: from branch bind-9.16's lib/bind9/check.c and
 * 9.16's own checkconf suite, no binary being at hand).
 * - 9.20 (lib/isccfg/check.c on branch bind-9.20): control sockets defined twice, `unix`
 *   control channels, fetch-quota-params fractions, `query-source none` for both families,
 *   `dnssec-validation yes` with no trust anchor, `proxy` on a listen-on (plain, or encrypted with
 *   `tls`), the EDE type of a response-policy zone.
 * - 9.16: `geoip-use-ecs yes`, and `max-zone-ttl` with `masterfile-format map`.
 */
import { args, blocksOf, body, clauseName, subs, type Clause } from '../tree';
import { boolValue, firstArg } from '../values';
import { TLS13_CIPHER_SUITES } from '../data/tls';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';

export function checkByVersion(f: FileFacts, rep: Reporter): void {
  // the blocks that hold options: options and every view
  const blocks = [...(f.options ? [f.options] : []), ...f.views];
  if (rep.version === '9.16') checkBind916(f, rep);
  if (rep.version < '9.20') return checkBefore920(blocks, rep);
  checkControls(f, rep);
  for (const b of blocks) {
    checkFetchQuota(b, rep);
    checkQuerySourceNone(b, rep);
    for (const c of [...subs(b, 'listen-on'), ...subs(b, 'listen-on-v6')]) checkProxy(c, rep);
    for (const c of subs(b, 'response-policy')) checkRpzEde(c, rep);
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
  const yes = (c: Clause | undefined) => boolValue(c) === true;
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
  if (ecs && boolValue(ecs) === true)
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

/** A listen-on's `proxy`: `plain` or `encrypted`, and `encrypted` only where `tls` names a tls (or `ephemeral`). */
function checkProxy(c: Clause, rep: Reporter): void {
  const words = args(c);
  const after = (kw: string) => {
    const i = words.findIndex((w) => w.text.toLowerCase() === kw);
    return i >= 0 ? words[i + 1] : undefined;
  };
  const proxy = after('proxy');
  if (!proxy) return;
  const v = proxy.text.toLowerCase();
  if (v !== 'plain' && v !== 'encrypted') {
    rep.add('named-invalid-value', proxy.start, proxy.end, '`proxy` takes `plain` or `encrypted`.');
    return;
  }
  const tls = after('tls')?.text.toLowerCase();
  if (v === 'encrypted' && (tls === undefined || tls === 'none'))
    rep.add(
      'named-invalid-value',
      proxy.start,
      proxy.end,
      '`proxy encrypted` needs an encrypted listener: add `tls NAME` (a defined tls block) or `tls ephemeral`, or write `proxy plain`.',
    );
}

/** The EDE types a response-policy zone may give its answers (lib/dns/rpz.c on branch bind-9.20). */
const RPZ_EDE = ['none', 'forged', 'blocked', 'censored', 'filtered', 'prohibited'];

/** `response-policy { zone NAME ede TYPE; }`: a type BIND knows. */
function checkRpzEde(c: Clause, rep: Reporter): void {
  for (const b of blocksOf(c))
    for (const e of b.clauses) {
      const items = e.items;
      for (let k = 0; k + 1 < items.length; k++) {
        const w = items[k]!;
        const v = items[k + 1]!;
        if (w.kind !== 'word' || w.text.toLowerCase() !== 'ede' || v.kind !== 'word') continue;
        if (!RPZ_EDE.includes(v.text.toLowerCase()))
          rep.add(
            'named-invalid-value',
            v.start,
            v.end,
            `\`${v.text}\` is not an EDE type BIND 9.20 can give: use ${RPZ_EDE.map((x) => `\`${x}\``).join(', ')}.`,
          );
      }
    }
}

/** Before 9.20: a listen-on's `proxy` and a response-policy zone's `ede` are words named-checkconf does not expect. */
function checkBefore920(blocks: readonly Clause[], rep: Reporter): void {
  const unexpected = (w: { start: number; end: number; text: string }, what: string) =>
    rep.add(
      'named-invalid-value',
      w.start,
      w.end,
      `${what} is new in BIND 9.20 (this file is checked as BIND ${rep.version}): named-checkconf ${rep.version} says "unexpected '${w.text}'". Remove it, or check the file as 9.20.`,
    );
  for (const b of blocks) {
    for (const c of [...subs(b, 'listen-on'), ...subs(b, 'listen-on-v6')]) {
      const w = args(c).find((x) => x.text.toLowerCase() === 'proxy');
      if (w) unexpected(w, '`proxy` on a listen-on');
    }
    for (const c of subs(b, 'response-policy'))
      for (const bl of blocksOf(c))
        for (const e of bl.clauses)
          for (const it of e.items)
            if (it.kind === 'word' && !it.quoted && it.text.toLowerCase() === 'ede')
              unexpected(it, '`ede` in a response-policy zone');
  }
}
