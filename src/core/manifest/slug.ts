/**
 * Ids made from text a person typed or a file was named: "Đền Thử Nghiệm" → `den-thu-nghiem`.
 * One folding for the editor (tour codes, scene and hotspot ids) and the importers, so that
 * the same name always gives the same id. Pure: no DOM, no Node.
 */

/** The longest id `ID_PATTERN` (ids.ts) accepts: ids are printed in QR deep links. */
export const MAX_ID_LENGTH = 20;

/**
 * `ID_PATTERN` as an HTML `pattern` attribute. Browsers compile it with the `v` flag, where a
 * bare `-` inside a class is a syntax error (the whole attribute is then ignored, with its
 * hint): it is escaped here. `slug.test.ts` checks it accepts exactly what `isId` accepts.
 */
export const ID_INPUT_PATTERN = `[a-z0-9][a-z0-9_\\-]{0,${MAX_ID_LENGTH - 1}}`;

/**
 * Lower-case ASCII letters and digits only: Vietnamese tones and marks dropped (NFD, then the
 * combining marks removed; đ/Đ has no decomposition and becomes d), every run of other
 * characters one `-`, a lone `_` kept, no separator at either end, at most `max` characters (cut,
 * then trailing separators dropped again). May be empty: the caller picks a fallback.
 */
export function slugify(text: string, max = MAX_ID_LENGTH): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/[-_]{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, max)
    .replace(/[-_]+$/, '');
}
