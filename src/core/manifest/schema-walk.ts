/**
 * Walking the zod schema alongside the data, so that messages can say what belongs at a path
 * (known keys, allowed ranges, "this is a language map") without repeating the schema by hand.
 */
import { z } from 'zod';

type Schema = z.ZodType;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Optional and default wrappers say nothing about the shape. */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as Schema;
  }
  return current;
}

/** The variant of a discriminated union that `value` claims to be, if any. */
function unionVariant(schema: Schema, value: unknown): Schema | undefined {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;
  const discriminator = schema._zod.def.discriminator;
  const tag = isRecord(value) ? value[discriminator] : undefined;
  return (schema.options as Schema[]).find((option) => {
    const shape = option instanceof z.ZodObject ? option.shape : {};
    const literal = shape[discriminator];
    return literal instanceof z.ZodLiteral && literal.values.has(tag as never);
  });
}

/** Schema of `value[key]` given the schema of `value`. */
export function childSchema(
  schema: Schema,
  value: unknown,
  key: string | number,
): Schema | undefined {
  const inner = unionVariant(unwrap(schema), value);
  if (inner instanceof z.ZodObject) return (inner.shape as Record<string, Schema>)[String(key)];
  if (inner instanceof z.ZodArray)
    return typeof key === 'number' ? (inner.element as Schema) : undefined;
  if (inner instanceof z.ZodRecord) return inner.valueType as Schema;
  return undefined;
}

/** Schema at `path` inside `data` (which may be invalid: it only guides union choices). */
export function schemaAt(
  root: Schema,
  data: unknown,
  path: ReadonlyArray<string | number>,
): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = data;
  for (const key of path) {
    if (!schema) return undefined;
    schema = childSchema(schema, value, key);
    value =
      isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return schema;
}

/** Keys an object schema accepts; for an unknown union variant, the keys of every variant. */
export function knownKeys(schema: Schema, value: unknown): string[] {
  const inner = unwrap(schema);
  const variant = unionVariant(inner, value);
  const objects =
    variant !== undefined
      ? [variant]
      : inner instanceof z.ZodDiscriminatedUnion
        ? (inner.options as Schema[])
        : [];
  const keys = objects.flatMap((o) => (o instanceof z.ZodObject ? Object.keys(o.shape) : []));
  return [...new Set(keys)];
}

/** Values a literal or discriminated union accepts (e.g. the hotspot types). */
export function allowedValues(schema: Schema): unknown[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodLiteral) return [...inner.values];
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const discriminator = inner._zod.def.discriminator;
    return (inner.options as Schema[]).flatMap((o) =>
      o instanceof z.ZodObject ? allowedValues(o.shape[discriminator] as Schema) : [],
    );
  }
  return [];
}

/** Bounds of a number schema. */
export function numberRange(schema: Schema): { min?: number; max?: number } {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodNumber)) return {};
  return { min: inner.minValue ?? undefined, max: inner.maxValue ?? undefined };
}

/** Calls `visit` for every value in `data` together with its schema. */
export function walkWithSchema(
  root: Schema,
  data: unknown,
  visit: (schema: Schema, value: unknown, path: Array<string | number>) => void,
  path: Array<string | number> = [],
): void {
  visit(root, data, path);
  const entries: Array<[string | number, unknown]> = Array.isArray(data)
    ? data.map((item, index) => [index, item])
    : isRecord(data)
      ? Object.entries(data)
      : [];
  for (const [key, value] of entries) {
    const child = childSchema(root, data, key);
    if (child) walkWithSchema(child, value, visit, [...path, key]);
  }
}
