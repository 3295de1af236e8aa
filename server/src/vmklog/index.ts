/** SCAFFOLD — replaced by the language's own implementation. */
import type { LanguageMode } from '../service/types';

export const vmkLogMode: LanguageMode<null> = {
  id: 'vmkernel-log',
  rules: [],
  parse: () => null,
  doValidation: () => [],
};
