/**
 * Turns zod issues into Problems an author can act on: every issue is reported (one per unknown
 * key), each with the path, a stable code and a message that says what is expected here.
 */
import { z } from 'zod';
import { ID_PATTERN, isLanguageCode, LANG_PATTERN } from './ids.ts';
import { closestMatch, messages, orList, suggestId, type ValueKind } from './messages.ts';
import type { JsonPath, LocalizedMessage, Problem } from './problems.ts';
import { LangMap, Tour } from './schema.ts';
import {
  allowedValues,
  isRecord,
  knownKeys,
  numberRange,
  schemaAt,
  unwrap,
} from './schema-walk.ts';

type Issue = z.core.$ZodIssue;
type Finding = Pick<Problem, 'code' | 'path' | 'message'>;

/** Zod issues of `Tour.safeParse(data)` → problems (errors), in the order zod found them. */
export function schemaProblems(issues: readonly Issue[], data: unknown, file: string): Problem[] {
  return issues.flatMap((issue) =>
    describeIssue(issue, data).map((f) => ({ severity: 'error' as const, file, ...f })),
  );
}

function describeIssue(issue: Issue, data: unknown): Finding[] {
  const path = issue.path.filter((key) => typeof key !== 'symbol') as JsonPath;
  const value = valueAt(data, path);
  const one = (code: string, message: LocalizedMessage): Finding[] => [{ code, path, message }];
  if (value === undefined && isMissingProperty(data, path)) {
    return one('missing-property', messages.missingField(String(path.at(-1)), example(data, path)));
  }
  switch (issue.code) {
    case 'invalid_type':
      return one('wrong-type', wrongType(issue.expected, value, data, path));
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(data, path, key));
    case 'too_small':
    case 'too_big':
      return sizeProblem(issue, data, path);
    case 'invalid_format':
      return formatProblem(issue, value, path);
    case 'invalid_value':
      return path.length === 1 && path[0] === 'version'
        ? one('unsupported-version', messages.unsupportedVersion(value))
        : one('invalid-value', messages.notAllowed(value, issue.values));
    case 'invalid_union':
      return issue.discriminator === 'type'
        ? one('unknown-hotspot-type', messages.unknownHotspotType(value))
        : one('invalid-value', messages.invalidValue(issue.message));
    case 'invalid_key':
      return keyProblem(issue, path);
    case 'custom':
      return issue.message === 'empty language map'
        ? one('empty-language-map', messages.emptyLanguageMap(path.at(-1) === 'audio'))
        : one('invalid-value', messages.invalidValue(issue.message));
    default:
      return one('invalid-value', messages.invalidValue(issue.message));
  }
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A value that is absent (not `null`) from an object that exists. */
function isMissingProperty(data: unknown, path: JsonPath): boolean {
  const key = path.at(-1);
  const parent = valueAt(data, path.slice(0, -1));
  return typeof key === 'string' && isRecord(parent) && !(key in parent);
}

function kindOf(value: unknown): ValueKind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return isRecord(value) ? 'object' : 'other';
}

const EXPECTED_KINDS: Record<string, ValueKind> = {
  string: 'text',
  number: 'number',
  int: 'number',
  array: 'list',
  object: 'object',
  record: 'object',
  boolean: 'boolean',
};

function wrongType(expected: string, value: unknown, data: unknown, path: JsonPath) {
  if (expected === 'number' && typeof value === 'string' && value.trim() !== '') {
    if (Number.isFinite(Number(value))) return messages.numberInQuotes(value);
  }
  const schema = schemaAt(Tour, data, path);
  const kind = schema && isLangMap(schema) ? 'language-map' : (EXPECTED_KINDS[expected] ?? 'other');
  const sample =
    kind === 'language-map' && typeof value === 'string'
      ? languageMapExample(data, value)
      : example(data, path);
  return messages.wrongType(kind, kindOf(value), sample);
}

const isLangMap = (schema: z.ZodType): boolean => unwrap(schema) === LangMap;

/** The tour's languages, as far as they can be read, for examples such as {"vi": "…"}. */
function tourLanguages(data: unknown): string[] {
  const languages = isRecord(data) && Array.isArray(data.languages) ? data.languages : [];
  const valid = languages.filter((l): l is string => typeof l === 'string' && isLanguageCode(l));
  return valid.length > 0 ? [...new Set(valid)] : ['vi', 'en'];
}

/** A sample value for the field at `path`, written as the author would type it. */
function example(data: unknown, path: JsonPath): string | LocalizedMessage {
  const schema = schemaAt(Tour, data, path);
  if (!schema) {
    // The variant is unknown without its `type`; the union one level up lists them all.
    const types = path.at(-1) === 'type' ? typesAt(data, path) : [];
    return types.length > 0 ? orList(types) : '…';
  }
  const inner = unwrap(schema);
  if (isLangMap(inner)) return languageMapExample(data);
  if (inner instanceof z.ZodDiscriminatedUnion || inner instanceof z.ZodLiteral) {
    return orList(allowedValues(inner));
  }
  if (inner instanceof z.ZodString) return '"…"';
  if (inner instanceof z.ZodNumber) return '0';
  if (inner instanceof z.ZodArray) return '[ … ]';
  if (inner instanceof z.ZodObject) return objectExample(inner);
  return '…';
}

/** `{"vi": "…", "en": "…"}`, keeping text the author already wrote in the first language. */
function languageMapExample(data: unknown, firstText?: string): string {
  const entries = tourLanguages(data).map(
    (lang, i) =>
      `${JSON.stringify(lang)}: ${i === 0 && firstText ? JSON.stringify(firstText) : '"…"'}`,
  );
  return `{${entries.join(', ')}}`;
}

/** Hotspot types: the discriminator belongs to the union one level up. */
function typesAt(data: unknown, path: JsonPath): unknown[] {
  const union = schemaAt(Tour, data, path.slice(0, -1));
  return union ? allowedValues(union) : [];
}

function objectExample(schema: z.ZodObject): string {
  const required = Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => !(field instanceof z.ZodOptional || field instanceof z.ZodDefault))
    .map(([key]) => `"${key}": …`);
  return `{${required.join(', ')}}`;
}

function unknownKey(data: unknown, path: JsonPath, key: string): Finding {
  const schema = schemaAt(Tour, data, path);
  const known = schema ? knownKeys(schema, valueAt(data, path)) : [];
  return {
    code: 'unknown-property',
    path: [...path, key],
    message: messages.unknownField(key, closestMatch(key, known), known),
  };
}

type SizeIssue = z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig;

const ASSET_KEYS = new Set(['source', 'preview', 'thumbnail', 'image', 'audio', 'captions']);

function sizeProblem(issue: SizeIssue, data: unknown, path: JsonPath): Finding[] {
  const value = valueAt(data, path);
  const key = String(path.at(-1));
  const finding = (code: string, message: LocalizedMessage): Finding[] => [{ code, path, message }];
  if (issue.origin === 'number') {
    return finding('out-of-range', rangeMessage(key, value, schemaAt(Tour, data, path)));
  }
  if (issue.code === 'too_big') return finding('too-long', messages.tooLong(Number(issue.maximum)));
  if (issue.origin === 'array') {
    return finding('empty-list', messages.emptyList(key, Number(issue.minimum)));
  }
  const isPath = ASSET_KEYS.has(key) || path.at(-2) === 'audio';
  return finding('empty-text', messages.emptyText(isPath));
}

/** The bounds come from the schema, so the message cannot drift from the rule. */
function rangeMessage(
  key: string,
  value: unknown,
  schema: z.ZodType | undefined,
): LocalizedMessage {
  const { min, max } = schema ? numberRange(schema) : {};
  if (min === undefined || max === undefined) return messages.numberOutOfRange(value, min, max);
  if (key === 'zoom') return messages.zoomOutOfRange(value, min, max);
  if (key === 'yaw' || key === 'pitch') return messages.angleOutOfRange(key, value, min, max);
  return messages.numberOutOfRange(value, min, max);
}

function formatProblem(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown, path: JsonPath) {
  const text = String(value);
  const finding = (code: string, message: LocalizedMessage): Finding[] => [{ code, path, message }];
  if (issue.format === 'url') return finding('invalid-url', messages.invalidUrl(text));
  if (issue.format === 'regex' && issue.pattern === String(ID_PATTERN)) {
    return finding('invalid-id', messages.invalidId(text, suggestId(text)));
  }
  if (issue.format === 'regex' && issue.pattern === String(LANG_PATTERN)) {
    return finding('invalid-language-code', languageMessage(text));
  }
  return finding('invalid-format', messages.invalidValue(issue.message));
}

function languageMessage(text: string): LocalizedMessage {
  const lower = text.trim().toLowerCase().replace(/_/g, '-');
  return messages.invalidLanguageCode(text, isLanguageCode(lower) ? lower : undefined);
}

function keyProblem(issue: z.core.$ZodIssueInvalidKey, path: JsonPath): Finding[] {
  const key = String(path.at(-1));
  const isLanguage = issue.issues.some(
    (inner) => inner.code === 'invalid_format' && inner.pattern === String(LANG_PATTERN),
  );
  return isLanguage
    ? [{ code: 'invalid-language-code', path, message: languageMessage(key) }]
    : [{ code: 'invalid-key', path, message: messages.invalidValue(issue.message) }];
}
