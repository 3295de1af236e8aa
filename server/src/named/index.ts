/** SCAFFOLD — replaced by the language's own implementation. */
import type { LanguageMode } from '../service/types';

export const namedMode: LanguageMode<null> = {
  id: 'named',
  rules: [],
  parse: () => null,
  doValidation: () => [],
};
