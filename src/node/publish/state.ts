/**
 * What a target holds: `.publish-state.json` at the root of the published site, written by
 * the publisher after everything else. It lists each file with its size, SHA-256 and
 * Cache-Control, so the next publish sends only what changed.
 *
 * Why a file on the server rather than a listing: FTP and SFTP listings give sizes and dates
 * but no hashes (a changed title of the same length would go unnoticed, and dates are those
 * of the upload), S3's ETag is an MD5 only for single-part uploads, and a state kept on the
 * author's laptop would be wrong as soon as a second volunteer publishes from theirs. The
 * server's own copy travels with the site. When it is missing or unreadable, everything is
 * sent (`--full` forces that too, e.g. after files were changed on the server by hand).
 */
export const STATE_FILE = '.publish-state.json';
export const STATE_VERSION = 1;

export interface HeldFile {
  size: number;
  sha256: string;
  cacheControl: string;
}

export interface PublishState {
  version: typeof STATE_VERSION;
  /** ISO time of the publish that wrote it. */
  published: string;
  files: Record<string, HeldFile>;
}

/** A state read from a target; anything unexpected counts as no state (all is re-sent). */
export function parseState(text: string | undefined): PublishState | undefined {
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as PublishState;
    if (json.version !== STATE_VERSION || typeof json.files !== 'object' || !json.files)
      return undefined;
    const files: Record<string, HeldFile> = {};
    for (const [path, held] of Object.entries(json.files)) {
      if (typeof held?.sha256 === 'string' && typeof held.size === 'number') {
        files[path] = {
          size: held.size,
          sha256: held.sha256,
          cacheControl: String(held.cacheControl),
        };
      }
    }
    return { version: STATE_VERSION, published: String(json.published), files };
  } catch {
    return undefined;
  }
}

export function stateText(state: PublishState): string {
  const files = Object.fromEntries(
    Object.entries(state.files).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return `${JSON.stringify({ ...state, files }, null, 1)}\n`;
}

/** The old state with the files just sent recorded over it. */
export function recordSent(
  old: PublishState | undefined,
  sent: readonly ({ path: string } & HeldFile)[],
  now = new Date(),
): PublishState {
  const files = { ...(old?.files ?? {}) };
  for (const file of sent) {
    files[file.path] = { size: file.size, sha256: file.sha256, cacheControl: file.cacheControl };
  }
  return { version: STATE_VERSION, published: now.toISOString(), files };
}
