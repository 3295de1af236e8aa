/**
 * The TLS 1.3 cipher suites, by the names OpenSSL's ciphersuites list takes (RFC 8446 Appendix
 * B.4 defines the five; OpenSSL 3 spells them so, case and all). BIND 9.20 hands a tls block's
 * `cipher-suites` to OpenSSL, which ignores names it does not know and refuses a list with none.
 */
export const TLS13_CIPHER_SUITES: readonly string[] = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLS_AES_128_CCM_8_SHA256',
];
