/** dist/cli.js: runs the CLI bundle, dist/lib/cli.js, through the code cache. */
import { runBundle } from './bundleLoader';
import { setCliV8Flags } from './v8Flags';

// before the bundle is compiled, as dist/server.js does (see there)
setCliV8Flags();
runBundle('cli.js');
