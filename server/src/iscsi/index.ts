/**
 * iSCSI names (RFC 3720 §3.2.6, RFC 3721, RFC 3980, RFC 7143): the `iscsi-initiatorname`
 * language (open-iscsi's initiatorname.iscsi) and a text feature that checks every iqn./eui./
 * naa. name in every other language we serve.
 */
export { iscsiInitiatorMode } from './initiator';
export { iscsiTextFeature } from './textFeature';
