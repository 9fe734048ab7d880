/**
 * Turns zod issues into Problems an author can act on: every issue is reported (one per unknown
 * key), each with the path, a stable code and a message that says what is expected here.
 */
import { z } from 'zod';
import { ID_PATTERN, isLanguageCode, LANG_PATTERN } from './ids.ts';
import { closestMatch, orList, suggestId, type ValueKind } from './messages.ts';
import {
  type Finding,
  finding,
  type JsonPath,
  type LocalizedMessage,
  type Problem,
} from './problems.ts';
import { InfoBody, LangMap, Tour } from './schema.ts';
import {
  allowedValues,
  isRecord,
  knownKeys,
  numberRange,
  schemaAt,
  unwrap,
} from './schema-walk.ts';

type Issue = z.core.$ZodIssue;

/** Zod issues of `Tour.safeParse(data)` → problems (errors), in the order zod found them. */
export function schemaProblems(issues: readonly Issue[], data: unknown, file: string): Problem[] {
  // Key order is what `tour validate --json` prints for shape problems.
  return issues.flatMap((issue) =>
    describeIssue(issue, data).map(({ severity, code, path, message }) => ({
      severity,
      file,
      code,
      path,
      message,
    })),
  );
}

function describeIssue(issue: Issue, data: unknown): Finding[] {
  const path = issue.path.filter((key) => typeof key !== 'symbol') as JsonPath;
  const value = valueAt(data, path);
  if (value === undefined && isMissingProperty(data, path)) {
    const key = String(path.at(-1));
    return [finding('missing-property', { key, example: example(data, path) }, path)];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [finding('wrong-type', wrongType(issue.expected, value, data, path), path)];
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(data, path, key));
    case 'too_small':
    case 'too_big':
      return [sizeProblem(issue, data, path)];
    case 'invalid_format':
      return [formatProblem(issue, value, path)];
    case 'invalid_value':
      return path.length === 1 && path[0] === 'version'
        ? [finding('unsupported-version', { value }, path)]
        : [finding('invalid-value', { value, allowed: issue.values }, path)];
    case 'invalid_union':
      return issue.discriminator === 'type'
        ? [finding('unknown-hotspot-type', { value }, path)]
        : [finding('invalid-value', { detail: issue.message }, path)];
    case 'invalid_key':
      return [keyProblem(issue, path)];
    case 'custom':
      return issue.message === 'empty language map'
        ? [finding('empty-language-map', { isAudio: path.at(-1) === 'audio' }, path)]
        : [finding('invalid-value', { detail: issue.message }, path)];
    default:
      return [finding('invalid-value', { detail: issue.message }, path)];
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
    if (Number.isFinite(Number(value))) return { numberInQuotes: value };
  }
  const schema = schemaAt(Tour, data, path);
  const kind = schema && isLangMap(schema) ? 'language-map' : (EXPECTED_KINDS[expected] ?? 'other');
  const sample =
    kind === 'language-map' && typeof value === 'string'
      ? languageMapExample(data, value)
      : example(data, path);
  return { expected: kind, received: kindOf(value), example: sample };
}

/** Language maps, including the capped one of info bodies. */
const isLangMap = (schema: z.ZodType): boolean => {
  const inner = unwrap(schema);
  return inner === LangMap || inner === InfoBody;
};

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
  const suggestion = closestMatch(key, known);
  return finding('unknown-property', { key, suggestion, known }, [...path, key]);
}

type SizeIssue = z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig;

const ASSET_KEYS = new Set(['source', 'preview', 'thumbnail', 'image', 'audio', 'captions']);

function sizeProblem(issue: SizeIssue, data: unknown, path: JsonPath): Finding {
  const value = valueAt(data, path);
  const key = String(path.at(-1));
  if (issue.origin === 'number') {
    // The bounds come from the schema, so the message cannot drift from the rule.
    const schema = schemaAt(Tour, data, path);
    return finding('out-of-range', { key, value, ...(schema ? numberRange(schema) : {}) }, path);
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string' && path.at(-2) === 'body' && typeof value === 'string') {
      return finding(
        'info-body-too-long',
        { length: value.length, max: Number(issue.maximum) },
        path,
      );
    }
    return finding('too-long', { max: Number(issue.maximum) }, path);
  }
  if (issue.origin === 'array') {
    return finding('empty-list', { key, min: Number(issue.minimum) }, path);
  }
  const isPath = ASSET_KEYS.has(key) || path.at(-2) === 'audio';
  return finding('empty-text', { isPath }, path);
}

function formatProblem(
  issue: z.core.$ZodIssueInvalidStringFormat,
  value: unknown,
  path: JsonPath,
): Finding {
  const text = String(value);
  if (issue.format === 'url') return urlProblem(text, path);
  if (issue.format === 'regex' && issue.pattern === String(ID_PATTERN)) {
    return finding('invalid-id', { value: text, suggestion: suggestId(text) }, path);
  }
  if (issue.format === 'regex' && issue.pattern === String(LANG_PATTERN)) {
    return languageProblem(text, path);
  }
  return finding('invalid-format', { detail: issue.message }, path);
}

/**
 * A value with a scheme (`javascript:`, `data:`, `file:`, `http:` in a credit) is refused as
 * unsafe, with its own message; anything else is an incomplete address.
 */
function urlProblem(text: string, path: JsonPath): Finding {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  // Link hotspots accept http (some heritage sites have no https); credits do not.
  const httpAllowed = !(path.at(-2) === 'credit' || path.at(-3) === 'credits');
  const allowed = scheme === 'https' || (httpAllowed && scheme === 'http');
  if (scheme === undefined || allowed) return finding('invalid-url', { value: text }, path);
  return finding('url-not-https', { value: text, httpAllowed }, path);
}

function languageProblem(text: string, path: JsonPath): Finding {
  const lower = text.trim().toLowerCase().replace(/_/g, '-');
  const suggestion = isLanguageCode(lower) ? lower : undefined;
  return finding('invalid-language-code', { value: text, suggestion }, path);
}

function keyProblem(issue: z.core.$ZodIssueInvalidKey, path: JsonPath): Finding {
  const key = String(path.at(-1));
  const isLanguage = issue.issues.some(
    (inner) => inner.code === 'invalid_format' && inner.pattern === String(LANG_PATTERN),
  );
  return isLanguage
    ? languageProblem(key, path)
    : finding('invalid-key', { detail: issue.message }, path);
}
