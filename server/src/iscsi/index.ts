/** SCAFFOLD — replaced by the iSCSI implementation. */
import type { LanguageMode } from '../service/types';
import type { TextFeature } from '../service/languageService';

export const iscsiInitiatorMode: LanguageMode<null> = { id: 'iscsi-initiatorname', rules: [], parse: () => null, doValidation: () => [] };
export const iscsiTextFeature: TextFeature = { rules: [], doValidation: () => [] };
