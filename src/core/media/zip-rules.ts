/**
 * The rules of unpacking a zip into a tour, pure so that every unpacker shares them — the
 * Node one (src/node/zip, for `tour import` and the editor server) and the editor's in-browser
 * one (fflate): the caps, the names an entry may have, and when two names are one file.
 *
 * The caps: a tour is pictures, sound and captions — already compressed — so its zip barely
 * shrinks: a real tour is far inside every default, and a zip bomb (a few MB that expand to
 * GBs) is far outside the ratio and size caps.
 *
 * The names: relative, with "/" between parts, and nothing that leads out of the folder the
 * zip is unpacked into or means something else on another system (DESIGN.md: "nothing may
 * point outside" the tour folder).
 */
import type { ZipNameTrouble } from './problems.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export interface ZipLimits {
  /** Sum of the unpacked sizes of all entries. Default 2 GiB. */
  maxTotalBytes: number;
  /** Unpacked size of one entry. Default 500 MiB (far above any panorama or narration file). */
  maxEntryBytes: number;
  /** Entries (files and folders). Default 20,000 (tiled panoramas make thousands of files). */
  maxEntries: number;
  /** Unpacked size ÷ compressed size, for entries of more than `ratioFromBytes`. Default 100. */
  maxRatio: number;
  /** Smaller entries may have any ratio (a small tour.json may shrink 50×). Default 1 MiB. */
  ratioFromBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxTotalBytes: 2 * GiB,
  maxEntryBytes: 500 * MiB,
  maxEntries: 20_000,
  maxRatio: 100,
  ratioFromBytes: 1 * MiB,
});

export const withDefaults = (limits: Partial<ZipLimits> = {}): ZipLimits => ({
  ...DEFAULT_ZIP_LIMITS,
  ...limits,
});

/** Longest name and part (bytes of UTF-8): beyond these, file systems refuse them anyway. */
const MAX_NAME = 1024;
const MAX_PART = 255;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u001f\u007f]/;

/** Why `name` (as the zip holds it, "/" ending a folder) is refused, or undefined if it is not. */
export function nameTrouble(name: string): ZipNameTrouble | undefined {
  if (name.includes('\0')) return 'nul';
  if (CONTROL.test(name)) return 'control';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (name.includes(':')) return 'drive'; // C:evil, and NTFS streams (a.jpg:evil)
  if (name.includes('\ufffd')) return 'encoding'; // bytes that were not UTF-8
  const parts = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (parts.includes('..')) return 'dot-dot';
  if (parts.some((part) => part === '' || part === '.')) return 'empty-segment';
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  if (bytes(name) > MAX_NAME || parts.some((part) => bytes(part) > MAX_PART)) return 'too-long';
  return undefined;
}

/** The key two names share when they would be one file on some system (case, NFC/NFD). */
export const foldName = (name: string): string =>
  name.replace(/\/$/, '').normalize('NFC').toLowerCase();

/**
 * Finds the names that clash: the same after folding, or a file where another entry needs a
 * folder. Add names in zip order; `add` answers the earlier name a new one clashes with.
 */
export class NameSet {
  readonly #files = new Map<string, string>();
  /** Folders, explicit ("a/") and implied ("a/b.jpg" implies "a"), by folded name. */
  readonly #folders = new Map<string, string>();

  add(name: string, isFolder: boolean): string | undefined {
    const parts = name.replace(/\/$/, '').split('/');
    for (let i = 1; i <= parts.length; i++) {
      const own = i === parts.length;
      const path = parts.slice(0, i).join('/');
      const key = foldName(path);
      const file = this.#files.get(key);
      if (file !== undefined) return file;
      const folder = this.#folders.get(key);
      if (own && !isFolder) {
        if (folder !== undefined) return `${folder}/`;
        this.#files.set(key, name);
      } else if (folder === undefined) {
        this.#folders.set(key, path);
      } else if (folder !== path) {
        return `${folder}/`; // "Images/" beside "images/": one folder on Windows and macOS
      }
    }
    return undefined;
  }
}
