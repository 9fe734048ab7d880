/** The part of fontkit 2 (which ships no types) that the posters use. */
declare module 'fontkit' {
  /** A font, or a collection (TTC/DFont) of fonts, from its file's bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): object;
}
