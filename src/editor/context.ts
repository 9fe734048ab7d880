/**
 * What every panel and field is given: the store (state, changes, translations) and the
 * viewer (where the author looks now). Passed explicitly, so a panel can be built in a test
 * with a store of its own — no module-level singleton.
 */
import type { PanoramaView } from './panorama-view.ts';
import type { EditorStore } from './store.ts';

export interface EditorContext {
  readonly store: EditorStore;
  readonly view: PanoramaView;
}
