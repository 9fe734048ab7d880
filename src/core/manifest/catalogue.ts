/**
 * The published catalogue, `tours/index.json`: one entry per tour. Written by the build
 * (src/core/publish/publish.ts), read by the app's tour list; one definition for both.
 */
import type { LangMap } from './schema.ts';

export const INDEX_VERSION = 1;

export interface CatalogueEntry {
  id: string;
  title: LangMap;
  description?: LangMap;
  languages: string[];
  defaultLanguage: string;
  sceneCount: number;
  /** Relative to the site root, e.g. `tours/demo/thumbs/louvre.jpg`. */
  thumbnail?: string;
  /** Short hash of the tour's manifest and files: changes whenever the tour does. */
  contentVersion: string;
}

export interface CatalogueIndex {
  version: typeof INDEX_VERSION;
  tours: CatalogueEntry[];
}
