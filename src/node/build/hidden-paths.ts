/** Which requests the dev server refuses before Vite sees them (hidden files and folders). */
import { requestPath } from '../../core/paths.ts';

/** Vite's own folders of pre-bundled dependencies, which its client loads by these names. */
const TOOL_FOLDERS = new Set(['.vite', '.pnpm']);

/**
 * A request naming a hidden file or folder (`/.env`, `/.git/config`, `/%2egit/…`) anywhere
 * in the project: the dev server answers 404, as the static server does, before Vite's own
 * (partial) deny list is asked.
 */
export function hasHiddenSegment(rawUrl: string): boolean {
  const path = requestPath(rawUrl);
  return path.split('/').some((part) => {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return true;
    }
    return segment.startsWith('.') && !TOOL_FOLDERS.has(segment);
  });
}
