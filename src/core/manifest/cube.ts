/**
 * Cube faces, without zod: the viewer needs these names in the tourist's first chunk, the
 * schema (lazy) uses them too.
 */

/** The six faces of a cube, in the order PSV's cubemap adapter uses for stripes. */
export const CUBE_FACES = ['left', 'front', 'right', 'back', 'top', 'bottom'] as const;
export type CubeFace = (typeof CUBE_FACES)[number];
/** Letters for `{face}` in tile paths: the convention Pannellum and Marzipano share. */
export const CUBE_FACE_LETTERS: Readonly<Record<CubeFace, string>> = {
  left: 'l',
  front: 'f',
  right: 'r',
  back: 'b',
  top: 'u',
  bottom: 'd',
};
