/** The iSCSI rules (RFC 3720 §3.2.6): names anywhere (a text feature) and the initiatorname.iscsi file (a mode). */
import { defineRules, type RuleIdOf } from '../service/rules';

export const NAME_RULES = defineRules({
  'iscsi-name-too-long': {
    defaultSeverity: 'error',
    description: 'An iSCSI name is longer than the 223 bytes RFC 3720 allows.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "iqn.2001-04.com.example:' + 'disk'.repeat(50) + '"\n',
      good: 'annotation = "iqn.2001-04.com.example:' + 'disk'.repeat(20) + '"\n',
      language: 'vmx',
    },
  },
  'iscsi-name-character': {
    defaultSeverity: 'error',
    description: 'An iqn. name holds a character outside letters, digits, `-`, `.` and `:`.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk_1"\n',
      good: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk-1"\n',
      language: 'vmx',
    },
  },
  'iscsi-name-case': {
    defaultSeverity: 'warning',
    description: 'An iSCSI name has upper-case letters that stringprep folds to lower case; write it lower-case.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on iqn.2001-04.com.example:Disk1"\n',
      good: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk1"\n',
      language: 'vmx',
    },
  },
  'iscsi-iqn-date': {
    defaultSeverity: 'error',
    description: 'The date after iqn. is not a real year-month in yyyy-mm form.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on iqn.2001-4.com.example:disk1"\n',
      good: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk1"\n',
      language: 'vmx',
    },
  },
  'iscsi-iqn-future-date': {
    defaultSeverity: 'warning',
    description:
      'The date after iqn. is later than the current month: the naming authority cannot have owned its domain then.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on iqn.9999-01.com.example:disk1"\n',
      good: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk1"\n',
      language: 'vmx',
    },
  },
  'iscsi-iqn-authority': {
    defaultSeverity: 'error',
    description: 'The naming authority of an iqn. name is missing or is not a well-formed reversed domain name.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on iqn.2001-04.com..example:disk1"\n',
      good: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk1"\n',
      language: 'vmx',
    },
  },
  'iscsi-iqn-tld': {
    defaultSeverity: 'warning',
    description:
      'The naming authority does not start with a top-level domain: written forward, or a private name like `local`.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on iqn.2001-04.example.com:disk1"\n',
      good: 'annotation = "LUN 0 on iqn.2001-04.com.example:disk1"\n',
      language: 'vmx',
    },
  },
  'iscsi-iqn-empty-unique': {
    defaultSeverity: 'warning',
    description: 'An iqn. name ends in `:` with no unique string after it.',
    scope: 'statement',
    examples: {
      bad: 'InitiatorName=iqn.2005-03.org.open-iscsi:\n',
      good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\n',
      language: 'iscsi-initiatorname',
    },
  },
  'iscsi-eui-format': {
    defaultSeverity: 'error',
    description: 'An eui. name is not followed by exactly 16 hex digits.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on eui.02004567A425678"\n',
      good: 'annotation = "LUN 0 on eui.02004567A425678D"\n',
      language: 'vmx',
    },
  },
  'iscsi-naa-format': {
    defaultSeverity: 'error',
    description: 'A naa. name is not followed by 16 or 32 hex digits.',
    scope: 'statement',
    examples: {
      bad: 'annotation = "LUN 0 on naa.52004567BA64678"\n',
      good: 'annotation = "LUN 0 on naa.52004567BA64678D"\n',
      language: 'vmx',
    },
  },
});

export const INITIATOR_RULES = defineRules({
  'iscsi-initiatorname-syntax': {
    defaultSeverity: 'error',
    description: 'A line of initiatorname.iscsi is neither a comment nor `Key=value`.',
    scope: 'file',
    examples: {
      bad: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\nInitiatorAlias web01\n',
      good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\nInitiatorAlias=web01\n',
    },
  },
  'iscsi-initiatorname-unknown-key': {
    defaultSeverity: 'warning',
    description: 'A key open-iscsi does not read (it knows `InitiatorName` and `InitiatorAlias`, case-sensitive).',
    scope: 'file',
    examples: {
      bad: 'initiatorname=iqn.2005-03.org.open-iscsi:web01\n',
      good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\n',
    },
  },
  'iscsi-initiatorname-not-a-name': {
    defaultSeverity: 'error',
    description: 'The InitiatorName value is empty or does not start with iqn., eui. or naa.',
    scope: 'file',
    examples: { bad: 'InitiatorName=web01.example.com\n', good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\n' },
  },
  'iscsi-initiatorname-duplicate': {
    defaultSeverity: 'warning',
    description: 'A key is given more than once; only one of the values is used.',
    scope: 'file',
    examples: {
      bad: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\nInitiatorName=iqn.2005-03.org.open-iscsi:web02\n',
      good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\n',
    },
  },
  'iscsi-initiatorname-missing': {
    defaultSeverity: 'warning',
    description: 'The file has no InitiatorName line.',
    scope: 'file',
    examples: {
      bad: 'InitiatorAlias=web01\n',
      good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\nInitiatorAlias=web01\n',
    },
  },
  'iscsi-alias-too-long': {
    defaultSeverity: 'error',
    description: 'An InitiatorAlias is longer than the 255 bytes iSCSI allows.',
    scope: 'file',
    examples: {
      bad: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\n' + 'InitiatorAlias=' + 'web01-'.repeat(43) + '\n',
      good: 'InitiatorName=iqn.2005-03.org.open-iscsi:web01\n' + 'InitiatorAlias=' + 'web01-'.repeat(42) + '\n',
    },
  },
});

export type NameRuleId = RuleIdOf<typeof NAME_RULES>;
export type InitiatorRuleId = RuleIdOf<typeof INITIATOR_RULES>;
export type IscsiRuleId = NameRuleId | InitiatorRuleId;
