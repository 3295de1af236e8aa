/** Logging: each channel has exactly one destination, and each category is one the version knows. */
import { body, clauseName, type WordItem } from '../tree';
import { firstArg } from '../values';
import { LOG_DESTINATIONS } from '../data/keywords';
import { LOG_CATEGORIES } from '../data/categories';
import { BIND_VERSIONS, type BindVersion } from '../../service/types';
import { suggestionsFor } from '../../common/text';
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

/** The categories a version's named-checkconf knows. */
function categoriesOf(version: BindVersion): string[] {
  const col = 1 + BIND_VERSIONS.indexOf(version);
  return LOG_CATEGORIES.filter((r) => r[col]).map((r) => r[0]);
}

/** `category NAME { ... }` with a name named-checkconf does not know ("undefined category"). */
export function checkCategories(f: FileFacts, rep: Reporter): void {
  let known: string[] | undefined;
  for (const lg of f.logging)
    for (const c of body(lg)) {
      if (clauseName(c) !== 'category') continue;
      const name = firstArg(c);
      if (!name) continue;
      known ??= categoriesOf(rep.version);
      if (known.includes(name.text)) continue;
      const other = BIND_VERSIONS.filter((v) => v !== rep.version && categoriesOf(v).includes(name.text));
      const sugg = suggestionsFor(name.text, known, 1);
      rep.add(
        'named-invalid-value',
        name.start,
        name.end,
        `\`${name.text}\` is not a logging category of BIND ${rep.version}${other.length ? ` (BIND ${other.join(' and ')} has it)` : ''}: named-checkconf refuses it as undefined.${sugg.length ? ` Did you mean \`${sugg[0]}\`?` : ''}`,
        sugg.length ? { replace: sugg } : undefined,
      );
    }
}
