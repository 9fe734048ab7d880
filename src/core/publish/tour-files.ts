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

/**
 * Caches are per origin, but one origin may host several copies of the app
 * (`user.github.io/siteA/`, `/siteB/`, each with a tour `demo`): every name carries a short
 * hash of the app's scope (its base URL), so they never delete each other's saved tours.
 */
export function scopeTag(scope: string): string {
  // FNV-1a, 32 bits: short, synchronous (the worker needs it before any await), and two
  // scopes on one origin colliding is one in four billion.
  let hash = 0x811c9dc5;
  for (let i = 0; i < scope.length; i++) {
    hash ^= scope.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export const pointerCacheName = (scope: string): string => `tour-pointers:${scopeTag(scope)}`;
export const indexCacheName = (scope: string): string => `tour-index:${scopeTag(scope)}`;
export const tourCacheName = (scope: string, tourId: string, version: string): string =>
  `tour:${scopeTag(scope)}:${tourId}:${version}`;
export const isTourCache = (scope: string, name: string, tourId: string): boolean =>
  name.startsWith(`tour:${scopeTag(scope)}:${tourId}:`);

/** Names used before caches were scoped (one app per origin): migrated, then deleted. */
export const LEGACY_POINTER_CACHE = 'tour-pointers';
export const LEGACY_INDEX_CACHE = 'tour-index';
export const legacyTourCacheName = (tourId: string, version: string): string =>
  `tour:${tourId}:${version}`;

export const pointerKey = (tourId: string): string => `https://pointer.invalid/${tourId}`;
/** The file list of the version in use, kept so an update can copy unchanged files. */
const listKey = (tourId: string): string => `https://pointer.invalid/${tourId}/files`;

export async function readPointer(scope: string, tourId: string): Promise<TourPointer | undefined> {
  const cache = await caches.open(pointerCacheName(scope));
  const response = await cache.match(pointerKey(tourId));
  return response ? ((await response.json()) as TourPointer) : undefined;
}

export async function readSavedList(
  scope: string,
  tourId: string,
): Promise<TourFileList | undefined> {
  const cache = await caches.open(pointerCacheName(scope));
  const response = await cache.match(listKey(tourId));
  return response ? ((await response.json()) as TourFileList) : undefined;
}

const json = (value: unknown): Response =>
  new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });

export async function writePointer(
  scope: string,
  tourId: string,
  pointer: TourPointer,
  list?: TourFileList,
): Promise<void> {
  const cache = await caches.open(pointerCacheName(scope));
  // The list first: a pointer never names a version whose list is another's.
  if (list) await cache.put(listKey(tourId), json(list));
  else await cache.delete(listKey(tourId));
  await cache.put(pointerKey(tourId), json(pointer));
}

export async function deletePointer(scope: string, tourId: string): Promise<void> {
  const cache = await caches.open(pointerCacheName(scope));
  await cache.delete(pointerKey(tourId));
  await cache.delete(listKey(tourId));
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
