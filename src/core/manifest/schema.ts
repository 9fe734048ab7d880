/**
 * Tour manifest v1: the single source of truth.
 *
 * The TypeScript types (`z.infer`), runtime validation and the committed JSON Schema
 * (`public/schema/tour.v1.json`, for editor autocompletion) are all derived from this file.
 * Meaning-level rules that a JSON Schema cannot express (unknown scene targets, duplicate ids,
 * files that must exist…) live in `semantics.ts`.
 */
import { z } from 'zod';
import { CUBE_FACES, type CubeFace } from './cube.ts';
import { ID_PATTERN, LANG_PATTERN } from './ids.ts';
import { MAX_INFO_BODY_CHARS } from './limits.ts';

export { CUBE_FACE_LETTERS, CUBE_FACES, type CubeFace } from './cube.ts';

export const MANIFEST_VERSION = 1;

export const Id = z
  .string()
  .regex(ID_PATTERN)
  .describe('Short identifier: lowercase letters, digits, "-" or "_", at most 20 characters.')
  .meta({ id: 'Id' });

export const LanguageCode = z
  .string()
  .regex(LANG_PATTERN)
  .describe('Language code (BCP 47), e.g. "vi", "en", "fr", "zh".')
  .meta({ id: 'LanguageCode' });

/** Every text a visitor reads: one entry per language, e.g. {"vi": "Đền", "en": "Temple"}. */
export const LangMap = z
  .record(LanguageCode, z.string())
  .refine((map) => Object.keys(map).length > 0, { message: 'empty language map' })
  .describe('Text in several languages: {"vi": "…", "en": "…"}.')
  .meta({ id: 'LangMap', minProperties: 1 });

/** A file inside the tour folder, relative to `tour.json` (checked for escapes in semantics). */
export const AssetPath = z
  .string()
  .min(1)
  .describe(
    'Path of a file inside the tour folder, relative to tour.json, e.g. "panoramas/hall.jpg".',
  );

export const Yaw = z
  .number()
  .min(-360)
  .max(360)
  .describe('Horizontal angle in degrees (0 = centre of the panorama).');
export const Pitch = z
  .number()
  .min(-90)
  .max(90)
  .describe('Vertical angle in degrees (-90 = down, 90 = up).');
export const Zoom = z
  .number()
  .min(0)
  .max(100)
  .describe('Zoom level from 0 (widest) to 100 (closest).');

export const Position = z
  .object({ yaw: Yaw, pitch: Pitch })
  .strict()
  .describe('A point in the panorama.')
  .meta({ id: 'Position' });

export const View = z
  .object({ yaw: Yaw, pitch: Pitch, zoom: Zoom.optional() })
  .strict()
  .describe('Where the camera looks.')
  .meta({ id: 'View' });

export const Credit = z
  .object({
    author: z.string().min(1).describe('Who made it (a name is not translated).'),
    license: z.string().min(1).describe('Licence, e.g. "CC BY-SA 2.0".'),
    // https only: a credit link is opened from the viewer's page, and `javascript:`, `data:` or
    // `file:` would run or read something there; plain http is refused as a credit never needs it.
    url: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe('Where the original or the licence can be found (an https:// address).'),
  })
  .strict()
  .meta({ id: 'Credit' });

const powerOfTwo = (max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .refine((n) => (n & (n - 1)) === 0, { message: 'not a power of two' })
    .meta({ maximum: max });

/** A tile path template: a tour-relative path with placeholders, checked in semantics. */
const TilePath = (placeholders: string) =>
  z.string().min(1).describe(`Path template of one tile, with ${placeholders}.`);

export const EquirectTiles = z
  .object({
    path: TilePath('{level}, {col} and {row}'),
    levels: z
      .array(
        z
          .object({
            width: z.number().int().min(64).describe('Width of the whole panorama at this level.'),
            cols: powerOfTwo(64).describe('Tiles across (a power of two).'),
            rows: powerOfTwo(32).describe('Tiles down (a power of two).'),
          })
          .strict(),
      )
      .min(1)
      .describe('From the smallest to the largest; {level} is the position in this list.'),
  })
  .strict()
  .describe('Equirectangular tiles by zoom level (made by `npm run tour -- tile`).')
  .meta({ id: 'EquirectTiles' });

export const CubeFaces = z
  .object(
    Object.fromEntries(CUBE_FACES.map((face) => [face, AssetPath])) as Record<
      CubeFace,
      typeof AssetPath
    >,
  )
  .strict()
  .describe('Six square images, one per face of the cube.')
  .meta({ id: 'CubeFaces' });

export const CubeTiles = z
  .object({
    path: TilePath('{face} (l, f, r, b, u, d), {level}, {col} and {row}'),
    levels: z
      .array(
        z
          .object({
            faceSize: z.number().int().min(16).describe('Width of one face at this level.'),
            nbTiles: powerOfTwo(16).describe('Tiles along one side of a face (a power of two).'),
          })
          .strict(),
      )
      .min(1)
      .describe('From the smallest to the largest; {level} is the position in this list.'),
    flipTopBottom: z
      .boolean()
      .optional()
      .describe('Turn the top and bottom faces by 180° (some tools store them that way).'),
  })
  .strict()
  .describe('Cube faces cut in tiles by zoom level (imported from Marzipano or Pannellum).')
  .meta({ id: 'CubeTiles' });

/**
 * One panorama, of exactly one kind: an equirectangular image (`source`, with `tiles` once
 * tiled), six cube faces (`cube`) or cube tiles (`cubeTiles`). `semantics.ts` enforces
 * "exactly one" and "one kind per tour" with messages a volunteer can act on.
 */
export const Panorama = z
  .object({
    source: AssetPath.optional().describe('Equirectangular image (2:1), JPEG, PNG or WebP.'),
    tiles: EquirectTiles.optional(),
    cube: CubeFaces.optional(),
    cubeTiles: CubeTiles.optional(),
    preview: AssetPath.optional().describe(
      'Small image shown while the panorama loads: equirectangular (2:1), or for cubes one row of the six faces (left, front, right, back, top, bottom).',
    ),
    thumbnail: AssetPath.optional().describe('Small image for the scene list and the gallery.'),
    credit: Credit.optional(),
  })
  .strict();

export const NarrationTrack = z
  .object({
    audio: AssetPath.optional().describe('Recorded narration (MP3, Opus, M4A…).'),
    captions: AssetPath.optional().describe('WebVTT captions of the recording.'),
    text: z.string().optional().describe('What the narration says (transcript).'),
  })
  .strict();

const hotspotBase = {
  id: Id,
  position: Position,
};

export const SceneHotspot = z
  .object({
    ...hotspotBase,
    type: z.literal('scene'),
    target: Id.describe('Id of the scene this hotspot leads to.'),
    title: LangMap.optional().describe('Label; by default the target scene title.'),
    arrival: View.optional().describe('View on arrival; by default the target scene start view.'),
  })
  .strict();

/** A language map of info texts, capped so that no body can make a phone slow to show it. */
export const InfoBody = z
  .record(LanguageCode, z.string().max(MAX_INFO_BODY_CHARS))
  .refine((map) => Object.keys(map).length > 0, { message: 'empty language map' })
  .describe(
    `Text in a small Markdown subset: paragraphs, **bold**, *italic*, lists, [links](https://…); at most ${MAX_INFO_BODY_CHARS} characters per language.`,
  )
  .meta({ id: 'InfoBody', minProperties: 1 });

export const InfoHotspot = z
  .object({
    ...hotspotBase,
    type: z.literal('info'),
    title: LangMap,
    body: InfoBody.optional(),
    image: AssetPath.optional(),
  })
  .strict();

export const AudioHotspot = z
  .object({
    ...hotspotBase,
    type: z.literal('audio'),
    title: LangMap,
    audio: z
      .record(LanguageCode, AssetPath)
      .refine((map) => Object.keys(map).length > 0, { message: 'empty language map' })
      .meta({ minProperties: 1 })
      .describe('Audio file per language: {"vi": "audio/vi/bell.mp3"}.'),
    transcript: LangMap.optional(),
  })
  .strict();

export const LinkHotspot = z
  .object({
    ...hotspotBase,
    type: z.literal('link'),
    title: LangMap,
    url: z
      .url({ protocol: /^https?$/ })
      .describe('External address (http or https). Hidden on kiosks.'),
  })
  .strict();

export const Hotspot = z.discriminatedUnion('type', [
  SceneHotspot,
  InfoHotspot,
  AudioHotspot,
  LinkHotspot,
]);

export const Scene = z
  .object({
    id: Id,
    aliases: z
      .array(Id)
      .optional()
      .describe('Former ids of this scene, so old links and QR codes keep working.'),
    title: LangMap,
    description: LangMap.optional(),
    panorama: Panorama,
    startView: View.optional(),
    narration: z
      .record(LanguageCode, NarrationTrack)
      .optional()
      .describe('Narration per language.'),
    hotspots: z.array(Hotspot).default([]),
  })
  .strict();

export const Tour = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(MANIFEST_VERSION),
    id: Id,
    title: LangMap,
    description: LangMap.optional(),
    languages: z
      .array(LanguageCode)
      .min(1)
      .describe('Languages of this tour; the first is usually the default.'),
    defaultLanguage: LanguageCode,
    startScene: Id.optional().describe('Scene shown first; by default the first scene.'),
    credits: z.array(Credit).optional(),
    scenes: z.array(Scene).min(1).describe('Scenes in gallery order.'),
  })
  .strict();

export type LangMap = z.infer<typeof LangMap>;
export type Position = z.infer<typeof Position>;
export type View = z.infer<typeof View>;
export type Credit = z.infer<typeof Credit>;
export type Panorama = z.infer<typeof Panorama>;
export type EquirectTiles = z.infer<typeof EquirectTiles>;
export type CubeFaces = z.infer<typeof CubeFaces>;
export type CubeTiles = z.infer<typeof CubeTiles>;
export type NarrationTrack = z.infer<typeof NarrationTrack>;
export type SceneHotspot = z.infer<typeof SceneHotspot>;
export type InfoHotspot = z.infer<typeof InfoHotspot>;
export type AudioHotspot = z.infer<typeof AudioHotspot>;
export type LinkHotspot = z.infer<typeof LinkHotspot>;
export type Hotspot = z.infer<typeof Hotspot>;
export type Scene = z.infer<typeof Scene>;
export type Tour = z.infer<typeof Tour>;
/** The manifest as authors write it (defaults not yet applied). */
export type TourInput = z.input<typeof Tour>;
