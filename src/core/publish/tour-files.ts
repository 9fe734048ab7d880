/**
 * Names shared by the page and the service worker: caches per tour version, the pointer to
 * the version in use, the file list the build publishes (`tours/<id>/files.json`).
 */
export interface TourFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Set for narration files (`audio/<lang>/…`): a device may keep only its languages. */
  lang?: string;
}

export interface TourFileList {
  tour: string;
  version: string;
  files: TourFile[];
}

export interface TourPointer {
  version: string;
  bytes: number;
  files: number;
  languages: string[];
  savedAt: string;
}

export const FILE_LIST = 'files.json';
export const POINTER_CACHE = 'tour-pointers';
export const INDEX_CACHE = 'tour-index';
export const tourCacheName = (tourId: string, version: string): string =>
  `tour:${tourId}:${version}`;
export const isTourCache = (name: string, tourId: string): boolean =>
  name.startsWith(`tour:${tourId}:`);
const pointerKey = (tourId: string): string => `https://pointer.invalid/${tourId}`;

export async function readPointer(tourId: string): Promise<TourPointer | undefined> {
  const cache = await caches.open(POINTER_CACHE);
  const response = await cache.match(pointerKey(tourId));
  return response ? ((await response.json()) as TourPointer) : undefined;
}

export async function writePointer(tourId: string, pointer: TourPointer): Promise<void> {
  const cache = await caches.open(POINTER_CACHE);
  await cache.put(
    pointerKey(tourId),
    new Response(JSON.stringify(pointer), { headers: { 'Content-Type': 'application/json' } }),
  );
}

export async function deletePointer(tourId: string): Promise<void> {
  const cache = await caches.open(POINTER_CACHE);
  await cache.delete(pointerKey(tourId));
}

/** `tours/index.json` or a file of `tours/<id>/`, relative to the app's scope. */
export function tourOfUrl(
  url: URL,
  scope: string,
): { kind: 'index' } | { kind: 'file'; tourId: string } | undefined {
  const root = new URL('tours/', scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return undefined;
  const rest = url.pathname.slice(root.pathname.length);
  if (rest === 'index.json') return { kind: 'index' };
  const [tourId, ...path] = rest.split('/');
  return tourId && path.length > 0 ? { kind: 'file', tourId } : undefined;
}

/** The files a device keeps: all but the narration of languages it does not want. */
export function filesToKeep(list: TourFileList, languages?: readonly string[]): TourFile[] {
  if (!languages || languages.length === 0) return list.files;
  return list.files.filter((file) => !file.lang || languages.includes(file.lang));
}
