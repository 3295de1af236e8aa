/** SCAFFOLD — replaced by the language's own implementation. */
import type { LanguageMode } from '../service/types';

export const vmxMode: LanguageMode<null> = {
  id: 'vmx',
  rules: [],
  parse: () => null,
  doValidation: () => [],
};
