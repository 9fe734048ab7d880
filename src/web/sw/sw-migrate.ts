/**
 * Saved tours from before cache names were scoped by the app's base URL (`tour:<id>:<v>`,
 * `tour-pointers`, `tour-index`) are moved under this app's scoped names once, when the new
 * worker activates — a kiosk keeps its tours through the update. Only entries whose URLs lie
 * under this scope are taken, so a second app on the origin gets its own back when it
 * updates; an old name is deleted once nothing is left in it.
 */
import {
  indexCacheName,
  LEGACY_INDEX_CACHE,
  LEGACY_POINTER_CACHE,
  legacyTourCacheName,
  pointerKey,
  type TourPointer,
  tourCacheName,
  writePointer,
} from '../../core/publish/tour-files.ts';

export async function migrateUnscopedCaches(scope: string): Promise<void> {
  const names = await caches.keys();
  if (names.includes(LEGACY_POINTER_CACHE)) await migratePointers(scope);
  if (names.includes(LEGACY_INDEX_CACHE)) {
    const moved = await moveEntries(LEGACY_INDEX_CACHE, indexCacheName(scope), scope);
    if (moved.left === 0) await caches.delete(LEGACY_INDEX_CACHE);
  }
}

async function migratePointers(scope: string): Promise<void> {
  const pointers = await caches.open(LEGACY_POINTER_CACHE);
  const toursRoot = new URL('tours/', scope).href;
  for (const request of await pointers.keys()) {
    const tourId = request.url.slice(pointerKey('').length);
    if (!tourId || tourId.includes('/')) continue;
    const pointer = (await (await pointers.match(request))?.json()) as TourPointer | undefined;
    if (!pointer) continue;
    const legacy = legacyTourCacheName(tourId, pointer.version);
    const sample = (await (await caches.open(legacy)).keys())[0];
    // Another app's tour of the same id: not ours to take.
    if (sample && !sample.url.startsWith(toursRoot)) continue;
    if (sample) {
      const moved = await moveEntries(legacy, tourCacheName(scope, tourId, pointer.version), scope);
      if (moved.left === 0) await caches.delete(legacy);
      // No file list kept: the first update downloads the tour whole, as before.
      await writePointer(scope, tourId, pointer);
    }
    await pointers.delete(request);
  }
  if ((await pointers.keys()).length === 0) await caches.delete(LEGACY_POINTER_CACHE);
}

async function moveEntries(from: string, to: string, scope: string): Promise<{ left: number }> {
  const source = await caches.open(from);
  const target = await caches.open(to);
  let left = 0;
  for (const request of await source.keys()) {
    if (!request.url.startsWith(scope)) {
      left++;
      continue;
    }
    const response = await source.match(request);
    if (response) await target.put(request, response);
    await source.delete(request);
  }
  return { left };
}
