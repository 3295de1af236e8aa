/** Lists what breaks the code's shape limits (see shape.ts). Exit 1 if anything does. */
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, measure } from './shape';

const shape = measure(process.cwd());
const sections: [string, string[]][] = [
  [`files over ${MAX_FILE_LINES} lines (data/ excepted)`, shape.longFiles],
  [`functions over ${MAX_FUNCTION_LINES} lines`, shape.longFunctions],
  ['import cycles', shape.cycles],
];
for (const [title, rows] of sections) {
  console.log(`${title}: ${rows.length}`);
  for (const r of rows) console.log(`  ${r}`);
}
process.exitCode = sections.some(([, rows]) => rows.length) ? 1 : 0;
