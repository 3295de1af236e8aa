/** Logging: each channel has exactly one destination. */
import { body, clauseName, type WordItem } from '../tree';
import { firstArg } from '../values';
import { LOG_DESTINATIONS } from '../data/keywords';
import type { FileFacts } from './facts';
import type { Reporter } from './reporter';

export function checkChannels(f: FileFacts, rep: Reporter): void {
  for (const lg of f.logging) {
    for (const c of body(lg)) {
      if (clauseName(c) !== 'channel') continue;
      const dests = body(c).filter((x) => LOG_DESTINATIONS.includes(clauseName(x)));
      const nameTok = firstArg(c) ?? (c.items[0] as WordItem);
      if (dests.length !== 1 && c.items.some((i) => i.kind === 'block')) {
        rep.add(
          'named-channel-destination',
          nameTok.start,
          nameTok.end,
          dests.length === 0
            ? `Channel \`${nameTok.text}\` has no destination: add one of \`file "path";\`, \`syslog;\`, \`stderr;\` or \`null;\`.`
            : `Channel \`${nameTok.text}\` has ${dests.length} destinations (${dests.map(clauseName).join(', ')}): a channel takes exactly one.`,
        );
      }
    }
  }
}
