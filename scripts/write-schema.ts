// Writes resources/sidecar.schema.json from the zod sidecar schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { sidecarJsonSchema } from '../shared/model/sidecar-json-schema';

writeFileSync(new URL('../resources/sidecar.schema.json', import.meta.url), JSON.stringify(sidecarJsonSchema(), null, 2) + '\n');
console.log('wrote resources/sidecar.schema.json');
