/** The registry: every language mode and cross-language feature the server serves. */
import { LanguageService, type ServiceOptions } from './service/languageService';
import { vmxMode } from './vmx';
import { dhcpdMode } from './dhcpd';
import { namedMode } from './named';
import { vmkLogMode } from './vmklog';
import { iscsiInitiatorMode, iscsiTextFeature } from './iscsi';

export const MODES = [vmxMode, dhcpdMode, namedMode, vmkLogMode, iscsiInitiatorMode] as const;

/** VS Code's built-in `log` language is served by the ESX log mode. */
export const ALIASES: Readonly<Record<string, string>> = { log: 'vmkernel-log' };

export function createLanguageService(options: Omit<ServiceOptions, 'aliases'> = {}): LanguageService {
  return new LanguageService(MODES, [iscsiTextFeature], { ...options, aliases: ALIASES });
}
