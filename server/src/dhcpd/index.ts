/** SCAFFOLD — replaced by the language's own implementation. */
import type { LanguageMode } from '../service/types';

export const dhcpdMode: LanguageMode<null> = {
  id: 'dhcpd',
  rules: [],
  parse: () => null,
  doValidation: () => [],
};
