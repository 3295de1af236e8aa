/**
 * The keys of /etc/iscsi/initiatorname.iscsi.
 *
 * Source: open-iscsi 2.1 (github.com/open-iscsi/open-iscsi), usr/idbm.c: get_iscsi_initiatorname
 * and get_iscsi_initiatoralias read `InitiatorName=` and `InitiatorAlias=`, matched literally.
 * Descriptions in our own words.
 */
export const INITIATOR_KEYS: Readonly<Record<string, string>> = {
  InitiatorName: 'The iSCSI name of this host, sent at login; targets grant access by it. One per host, unique.',
  InitiatorAlias:
    'A friendly name for this host that targets may show; free text up to 255 bytes, not used for access control.',
};
