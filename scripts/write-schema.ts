// Writes resources/sidecar.schema.json and resources/tagset.schema.json from the zod schemas (npm run schema).
import { writeFileSync } from 'node:fs';
import { tagsetJsonSchema } from '../shared/entities/tagset-json-schema';
import { sidecarJsonSchema } from '../shared/model/sidecar-json-schema';

writeFileSync(new URL('../resources/sidecar.schema.json', import.meta.url), JSON.stringify(sidecarJsonSchema(), null, 2) + '\n');
console.log('wrote resources/sidecar.schema.json');
writeFileSync(new URL('../resources/tagset.schema.json', import.meta.url), JSON.stringify(tagsetJsonSchema(), null, 2) + '\n');
console.log('wrote resources/tagset.schema.json');
