// `make demo`: serves the repository root on 127.0.0.1 (the demo seller panel at /extension/demo/,
// the widget demo at /www/) until Ctrl-C. Port: DEMO_PORT, else a free one.
import { serve } from '../../www/serve.mjs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const { url } = await serve({ root, port: Number(process.env.DEMO_PORT ?? 0) });
console.log('');
console.log(`Demo seller panel: ${url}/extension/demo/?lang=en   (also es, de, fr, pt, ru, it, zh)`);
console.log(`Widget demo:       ${url}/www/index.html`);
console.log('Serving the repository root on 127.0.0.1 (Ctrl-C to stop).');
