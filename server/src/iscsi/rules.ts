/** The iSCSI rules: names anywhere (text feature) and the initiatorname.iscsi file (mode). */
import type { RuleDef } from '../service/types';

export const NAME_RULES = [
  {
    id: 'iscsi-name-too-long',
    defaultSeverity: 'error',
    description: 'An iSCSI name is longer than the 223 bytes RFC 3720 allows.',
  },
  {
    id: 'iscsi-name-character',
    defaultSeverity: 'error',
    description: 'An iqn. name holds a character outside letters, digits, `-`, `.` and `:`.',
  },
  {
    id: 'iscsi-name-case',
    defaultSeverity: 'warning',
    description: 'An iSCSI name has upper-case letters that stringprep folds to lower case; write it lower-case.',
  },
  {
    id: 'iscsi-iqn-date',
    defaultSeverity: 'error',
    description: 'The date after iqn. is not a real year-month in yyyy-mm form.',
  },
  {
    id: 'iscsi-iqn-authority',
    defaultSeverity: 'error',
    description: 'The naming authority of an iqn. name is missing or is not a well-formed reversed domain name.',
  },
  {
    id: 'iscsi-iqn-tld',
    defaultSeverity: 'warning',
    description:
      'The naming authority does not start with a top-level domain: written forward, or a private name like `local`.',
  },
  {
    id: 'iscsi-iqn-empty-unique',
    defaultSeverity: 'warning',
    description: 'An iqn. name ends in `:` with no unique string after it.',
  },
  {
    id: 'iscsi-eui-format',
    defaultSeverity: 'error',
    description: 'An eui. name is not followed by exactly 16 hex digits.',
  },
  {
    id: 'iscsi-naa-format',
    defaultSeverity: 'error',
    description: 'A naa. name is not followed by 16 or 32 hex digits.',
  },
] as const satisfies readonly RuleDef[];

export const INITIATOR_RULES = [
  {
    id: 'iscsi-initiatorname-syntax',
    defaultSeverity: 'error',
    description: 'A line of initiatorname.iscsi is neither a comment nor `Key=value`.',
  },
  {
    id: 'iscsi-initiatorname-unknown-key',
    defaultSeverity: 'warning',
    description: 'A key open-iscsi does not read (it knows `InitiatorName` and `InitiatorAlias`, case-sensitive).',
  },
  {
    id: 'iscsi-initiatorname-not-a-name',
    defaultSeverity: 'error',
    description: 'The InitiatorName value is empty or does not start with iqn., eui. or naa.',
  },
  {
    id: 'iscsi-initiatorname-duplicate',
    defaultSeverity: 'warning',
    description: 'A key is given more than once; only one of the values is used.',
  },
  { id: 'iscsi-initiatorname-missing', defaultSeverity: 'warning', description: 'The file has no InitiatorName line.' },
  {
    id: 'iscsi-alias-too-long',
    defaultSeverity: 'error',
    description: 'An InitiatorAlias is longer than the 255 bytes iSCSI allows.',
  },
] as const satisfies readonly RuleDef[];

export type NameRuleId = (typeof NAME_RULES)[number]['id'];
export type InitiatorRuleId = (typeof INITIATOR_RULES)[number]['id'];
