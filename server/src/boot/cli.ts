/** dist/cli.js: runs the CLI bundle, dist/lib/cli.js, through the code cache. */
import { runBundle } from './bundleLoader';

runBundle('cli.js');
