/** dist/server.js: runs the language server bundle, dist/lib/server.js, through the code cache. */
import { runBundle } from './bundleLoader';

runBundle('server.js');
