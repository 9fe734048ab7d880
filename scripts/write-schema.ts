/** Regenerates the committed JSON Schema from src/manifest/schema.ts (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { JSON_SCHEMA_FILE, tourJsonSchemaText } from '../src/core/manifest/json-schema.ts';

writeFileSync(JSON_SCHEMA_FILE, tourJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
