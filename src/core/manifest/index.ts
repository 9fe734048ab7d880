/** Public API of the manifest module: schema and types, validation, problems. */

export { ID_PATTERN, isId, isLanguageCode, LANG_PATTERN } from './ids.ts';
export { JSON_SCHEMA_FILE, tourJsonSchema, tourJsonSchemaText } from './json-schema.ts';
export { messages } from './messages.ts';
export {
  createJsonLocator,
  type JsonLocator,
  locateJsonPath,
  type ParsedManifest,
  parseManifestText,
  type TextPosition,
} from './parse.ts';
export {
  type Finding,
  finding,
  describeProblem,
  formatJsonPath,
  hasErrors,
  type JsonPath,
  type LocalizedMessage,
  type Problem,
  problem,
  type ProblemCode,
  type ProblemDetails,
  type Severity,
} from './problems.ts';
export { PROBLEMS } from './problem-codes.ts';
export * from './schema.ts';
export { type AssetPathCheck, checkAssetPath } from './semantics.ts';
export { type LocalizedText, localize, textOf } from './text.ts';
export {
  sortProblems,
  type ValidateOptions,
  type ValidationResult,
  validateTourData,
  validateTourText,
} from './validate.ts';
