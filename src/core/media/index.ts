/**
 * What a tour may contain: the table of media formats, the check by name and content, and the
 * type each file is served with. Pure (no DOM, no Node).
 */
export {
  MEDIA_FORMATS,
  SNIFF_BYTES,
  classifyByName,
  extensionOf,
  mediaFormat,
  servedType,
  sniff,
  type MediaFormat,
  type MediaFormatId,
  type MediaKind,
  type SniffOptions,
} from './formats.ts';
export { checkMedia, describeContent } from './check.ts';
export type { FoundContent, ZipNameTrouble } from './problems.ts';
export {
  DEFAULT_ZIP_LIMITS,
  NameSet,
  foldName,
  nameTrouble,
  withDefaults as zipLimits,
  type ZipLimits,
} from './zip-rules.ts';
