/**
 * The sizes and dates an iSCSI name is held to.
 *
 * Source: RFC 3720 §3.2.6.1 (a name is at most 223 bytes of UTF-8) and §3.2.6.3.1 (the iqn. date
 * is a yyyy-mm when the naming authority held its domain), as consolidated in RFC 7143 §4.2.7;
 * an alias (InitiatorAlias, TargetAlias) is a text value, at most 255 bytes (RFC 3720 §5.1).
 * The first .com domains were registered in 1985, so no naming authority's date is older; and
 * no authority can have held its domain in a month still to come, so a later date is not either.
 */
export const MAX_NAME_BYTES = 223;
export const MAX_ALIAS_BYTES = 255;
export const FIRST_DOMAIN_YEAR = 1985;
