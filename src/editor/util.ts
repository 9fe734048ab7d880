/** Small helpers shared by the store and the panels. */
import type { Tour } from '../core/manifest/schema.ts';

/**
 * Tolerates a hand-written manifest missing the arrays the editor walks. This is the one place
 * where unchecked JSON (a file, a draft, a zip) becomes the editor's `Tour`, on purpose without
 * the schema: the editor must open a manifest that has problems, to show them. Anything but an
 * object throws here, as reading a property of it would.
 */
export function normalize(data: unknown): Tour {
  const tour = data as Tour;
  return {
    ...tour,
    languages: Array.isArray(tour.languages) ? tour.languages : [],
    scenes: (Array.isArray(tour.scenes) ? tour.scenes : []).map((scene) => ({
      ...scene,
      hotspots: Array.isArray(scene.hotspots) ? scene.hotspots : [],
    })),
  };
}

/**
 * What went wrong, for the status line: in `lang` when the error carries its problem in both
 * languages (a refusal of the editor's endpoint: `EditorApiError` in api.ts).
 */
export function reasonOf(error: unknown, lang?: 'vi' | 'en'): string {
  const localized: unknown = error instanceof Error ? Reflect.get(error, 'localized') : undefined;
  if (lang && typeof localized === 'object' && localized !== null) {
    const text: unknown = Reflect.get(localized, lang);
    if (typeof text === 'string') return text;
  }
  return error instanceof Error ? error.message : String(error);
}

export function setTourInUrl(id: string): void {
  const url = new URL(location.href);
  url.searchParams.set('tour', id);
  history.replaceState(null, '', url);
}

/** `yaw 10°, pitch -5°, zoom 40`: a view as the panels show it. */
export const viewText = (view: { yaw: number; pitch: number; zoom?: number | undefined }) =>
  `yaw ${view.yaw}°, pitch ${view.pitch}°${view.zoom === undefined ? '' : `, zoom ${view.zoom}`}`;

/**
 * A bytes view as a Blob part. fflate's arrays are typed over `ArrayBufferLike` (they could in
 * principle sit on a SharedArrayBuffer, which a Blob refuses); they never do, and copying a
 * whole tour zip only to satisfy the type would double its memory.
 */
export const blobPart = (bytes: Uint8Array): BlobPart => bytes as Uint8Array<ArrayBuffer>;
