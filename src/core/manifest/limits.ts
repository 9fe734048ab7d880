/**
 * Size limits of what authors write, in one place so the schema, the validator, the CLI, the
 * build and the messages cannot disagree. They are far above any real tour and far below what
 * makes a tool or a phone slow: a hostile file is refused at once, before it is parsed.
 */

/** The largest tour.json read (bytes). A large real tour (200 scenes) is about 300 KB. */
export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

/** The longest info body, per language (characters): a few screens of text on a phone. */
export const MAX_INFO_BODY_CHARS = 5000;

/** UTF-8 size of `text`, counted without allocating a copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++; // the low half of the pair
    } else bytes += 3;
  }
  return bytes;
}

/** True when `text` as UTF-8 is over `MAX_MANIFEST_BYTES`, decided in one pass at most. */
export const manifestTextTooLarge = (text: string): boolean =>
  // Each UTF-16 unit is 1 to 3 bytes: most texts are decided by their length alone.
  text.length > MAX_MANIFEST_BYTES ||
  (text.length * 3 > MAX_MANIFEST_BYTES && utf8Length(text) > MAX_MANIFEST_BYTES);
