/**
 * The NAA types a `naa.` iSCSI name may carry in its first hex digit.
 *
 * Source: RFC 3980 §2 and §4.1 (the `naa.` name: 16 or 32 hex digits of a Network Address
 * Authority identifier), which takes the NAA field from INCITS T11 FC-FS; types 5h and 6h as in
 * T10 SPC-4 §7.8.6.6 (the NAA designator). Names in our own words.
 */
export const NAA_TYPES: Readonly<Record<string, string>> = {
  '1': 'IEEE 803.2 standard 48-bit ID',
  '2': 'IEEE Extended (64-bit)',
  '3': 'Locally Assigned (64-bit)',
  '5': 'IEEE Registered (64-bit)',
  '6': 'IEEE Registered Extended (128-bit)',
};
