/**
 * Tour manifest v1: the single source of truth.
 *
 * The TypeScript types (`z.infer`), runtime validation and the committed JSON Schema
 * (`public/schema/tour.v1.json`, for editor autocompletion) are all derived from this file.
 * Meaning-level rules that a JSON Schema cannot express (unknown scene targets, duplicate ids,
 * files that must exist…) live in `semantics.ts`.
 */
import { z } from 'zod';
import { ID_PATTERN, LANG_PATTERN } from './ids.ts';

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
    url: z.url().optional().describe('Where the original or the licence can be found.'),
  })
  .strict()
  .meta({ id: 'Credit' });

export const Panorama = z
  .object({
    source: AssetPath.describe('Equirectangular image (2:1), JPEG, PNG or WebP.'),
    preview: AssetPath.optional().describe('Small image shown while the full panorama loads.'),
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

export const InfoHotspot = z
  .object({
    ...hotspotBase,
    type: z.literal('info'),
    title: LangMap,
    body: LangMap.optional().describe(
      'Text in a small Markdown subset: paragraphs, **bold**, *italic*, lists, [links](https://…).',
    ),
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
