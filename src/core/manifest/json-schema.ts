import { z } from 'zod';
import { MANIFEST_VERSION, Tour } from './schema.ts';

export const JSON_SCHEMA_FILE = `public/schema/tour.v${MANIFEST_VERSION}.json`;

/** JSON Schema of the manifest, generated from the zod schema so the two never disagree. */
export function tourJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Tour, { io: 'input', unrepresentable: 'any', reused: 'ref' });
  return {
    ...schema,
    $id: `tour.v${MANIFEST_VERSION}.json`,
    title: `Heritage tour manifest v${MANIFEST_VERSION}`,
  };
}

/** The exact text committed to {@link JSON_SCHEMA_FILE} (stable, diff-friendly). */
export function tourJsonSchemaText(): string {
  return `${JSON.stringify(tourJsonSchema(), null, 2)}\n`;
}
