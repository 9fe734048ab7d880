/**
 * Bounded, streamed unpacking of zips, for `tour import` and the editor server: caps on sizes,
 * entries and compression ratio checked as the bytes come out; unsafe or clashing names,
 * links and encrypted entries refused before anything is written; nothing left on failure.
 */
export { openZip, type OpenedZip, type OpenZipOptions, type ZipEntryInfo } from './open.ts';
export {
  extractZip,
  type ExtractedZip,
  type ExtractOptions,
  type InspectEntry,
} from './extract.ts';
export { ZipRefusal } from './guard.ts';
export {
  DEFAULT_ZIP_LIMITS,
  foldName,
  nameTrouble,
  type ZipLimits,
} from '../../core/media/zip-rules.ts';
