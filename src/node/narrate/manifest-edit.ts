/**
 * Writing narration files into the author's tour.json without rewriting it: jsonc-parser edits
 * only the values it must, so key order, spacing and one-line objects elsewhere stay as the
 * author left them. Existing keys keep their place; new ones go after the last key (`text`).
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { applyEdits, type FormattingOptions, modify } from 'jsonc-parser';

export interface NarrationFiles {
  sceneIndex: number;
  lang: string;
  audio: string;
  captions: string;
}

/** The indentation and line ends the file already uses (2 spaces and "\n" by default). */
export function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** Sets `scenes[i].narration[lang].audio` and `.captions` for each entry. */
export function setNarrationFiles(text: string, entries: readonly NarrationFiles[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let json = bom ? text.slice(1) : text;
  const formattingOptions = detectFormatting(json);
  for (const entry of entries) {
    for (const key of ['audio', 'captions'] as const) {
      const path = ['scenes', entry.sceneIndex, 'narration', entry.lang, key];
      json = applyEdits(json, modify(json, path, entry[key], { formattingOptions }));
    }
  }
  return bom + json;
}

/**
 * Replaces a file in one step: the new content is written beside it, then renamed over it, so
 * a reader (the dev server, an editor, a crash) never sees half a manifest.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
