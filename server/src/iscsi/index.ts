/**
 * iSCSI names (RFC 3720 §3.2.6, RFC 3721, RFC 3980, RFC 7143): the `iscsi-initiatorname`
 * language (open-iscsi's initiatorname.iscsi) and a text feature that checks every iqn./eui./
 * naa. name in every other language we serve.
 */
import type { LanguageMode } from '../service/types';
import { INITIATOR_RULES, type IscsiRuleId } from './rules';
import { INITIATOR_LANGUAGE, parse, type InitiatorTree } from './parser';
import { doValidation } from './validation';
import { doHover } from './hover';
import { getCodeActions } from './codeActions';
import { findDocumentSymbols } from './symbols';

export { iscsiTextFeature } from './textFeature';

export const iscsiInitiatorMode: LanguageMode<InitiatorTree, IscsiRuleId> = {
  id: INITIATOR_LANGUAGE,
  rules: INITIATOR_RULES,
  parse,
  doValidation,
  doHover,
  getCodeActions,
  findDocumentSymbols,
};
