/**
 * When the tiles the view needs are on screen. A tile's download ending is not yet the tile
 * drawn: PSV's tiles adapters decode it, make it a texture and draw it in a later frame —
 * hundreds of milliseconds on a slow phone. (Resource timing is no help either: Chromium
 * delivers its observer's entries in idle time, a second late while PSV is busy.) The tiles
 * adapters load through a queue of tasks and remember which tiles they asked for; PSV does
 * not document either, so both are read defensively, and a panorama without them (one
 * picture) counts as drawn at the next frame.
 */
import type { Viewer } from '@photo-sphere-viewer/core';

/** PSV's task states (the tiles adapters' Queue): waiting to run, and running. */
const WAITING = 1;
const RUNNING = 2;

interface TilesAdapter {
  queue?: { tasks?: Record<string, { status?: number } | undefined> };
  state?: { tiles?: Record<string, unknown> };
}

/** True while the view still waits for a tile (or has not asked for any yet). */
function waitingForTiles(psv: Viewer): boolean {
  // `viewer.adapter` is PSV's own (internal, not in its types).
  const adapter = (psv as unknown as { adapter?: TilesAdapter }).adapter;
  const tasks = adapter?.queue?.tasks;
  if (!tasks) return false;
  const asked = Object.keys(adapter.state?.tiles ?? {}).length;
  const pending = Object.values(tasks).some(
    (task) => task?.status === WAITING || task?.status === RUNNING,
  );
  return asked === 0 || pending;
}

/** Resolves after the first frame PSV renders with every tile of the view in. */
export function tilesDrawn(psv: Viewer): Promise<void> {
  return new Promise((resolve) => {
    const rendered = () => {
      if (waitingForTiles(psv)) return;
      psv.removeEventListener('render', rendered);
      resolve();
    };
    psv.addEventListener('render', rendered);
    psv.needsUpdate();
  });
}
