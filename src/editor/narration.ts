/**
 * The editor's narration: whether a scene's recording in a language still reads its text
 * (judged from its captions, core/narration/staleness.ts), and generating it through the local
 * server. Shared by the scene's narration field and the tour's "generate every missing or
 * outdated narration".
 */
import type { NarrateResponse } from '../core/editor-protocol.ts';
import { type NarrationFreshness, narrationFreshness } from '../core/narration/staleness.ts';
import * as api from './api.ts';
import { sceneOf, updateScene } from './model.ts';
import type { EditorStore } from './store.ts';
import { attachFile } from './tour-files.ts';

/**
 * How many times the server rewrote a file at the same path (by its URL): the page then asks
 * for `?v=<n>`, so neither the browser's cache nor an `<audio>` element keeps the old reading.
 */
const versions = new Map<string, number>();

/** Where the page plays or reads a tour file from, past any older copy of it. */
export function mediaUrl(store: EditorStore, relative: string): string {
  const url = store.fileUrl(relative);
  const version = versions.get(url);
  return version && !url.startsWith('blob:') ? `${url}?v=${version}` : url;
}

function rewritten(store: EditorStore, relative: string): void {
  const url = store.fileUrl(relative);
  versions.set(url, (versions.get(url) ?? 0) + 1);
}

/** The captions' text, or undefined when there are none or they cannot be read. */
async function readCaptions(store: EditorStore, relative: string | undefined) {
  if (!relative || !store.hasFile(relative)) return undefined;
  try {
    const response = await fetch(mediaUrl(store, relative), { cache: 'no-store' });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** The text and recording of a scene in a language, as the current snapshot has them. */
export function trackOf(store: EditorStore, sceneId: string, lang: string) {
  return sceneOf(store.tour, sceneId)?.narration?.[lang];
}

export async function freshnessOf(
  store: EditorStore,
  sceneId: string,
  lang: string,
): Promise<NarrationFreshness> {
  const track = trackOf(store, sceneId, lang);
  const audio = track?.audio && store.hasFile(track.audio) ? track.audio : undefined;
  const quick = narrationFreshness({ text: track?.text, audio, captionsText: undefined });
  // No text or no recording: no need to read the captions.
  if (quick === 'no-text' || quick === 'missing') return quick;
  const captionsText = await readCaptions(store, track?.captions);
  return narrationFreshness({ text: track?.text, audio, captionsText });
}

export type Generated = { ok: true; seconds: number } | { ok: false; reason: string };

/**
 * Reads the current text of `sceneId` in `lang` aloud on the server, then records the files in
 * the manifest (an undoable change, merged with others of the same `mergeKey`). The same paths
 * as before change nothing in the manifest: no change is committed then.
 */
export async function generateNarration(
  store: EditorStore,
  sceneId: string,
  lang: string,
  commit: { mergeKey?: string; keepPanel?: boolean } = {},
): Promise<Generated> {
  const open = store.open;
  const text = trackOf(store, sceneId, lang)?.text?.trim() ?? '';
  if (!open || text === '') return { ok: false, reason: store.t('narrationNoText') };
  let made: NarrateResponse;
  try {
    made = await api.generateNarration(open.id, { scene: sceneId, lang, text });
  } catch (error) {
    return { ok: false, reason: narrationReason(store, error) };
  }
  open.files.add(made.audio);
  open.files.add(made.captions);
  if (store.open !== open) return { ok: true, seconds: made.seconds };
  rewritten(store, made.audio);
  rewritten(store, made.captions);
  const track = trackOf(store, sceneId, lang);
  if (track?.audio !== made.audio || track.captions !== made.captions) {
    store.commit(
      updateScene(store.tour, sceneId, (s) => {
        const narration = { ...(s.narration ?? {}) };
        narration[lang] = {
          ...(narration[lang] ?? {}),
          audio: made.audio,
          captions: made.captions,
        };
        return { ...s, narration };
      }),
      commit,
    );
  }
  return { ok: true, seconds: made.seconds };
}

/**
 * Why the server did not make it, in the author's language: its own explanation when it gave
 * one (a missing program and how to install it), else a plain sentence for the kind of failure
 * — never the browser's or the server's technical words.
 */
export function narrationReason(store: EditorStore, error: unknown): string {
  const t = store.t;
  if (error instanceof api.EditorApiError) {
    if (error.localized) return error.localized[store.lang];
    if (error.status === 404 || error.status === 405) return t('noWriteEndpoint');
    return error.status === 400 ? t('narrationErrorRequest') : t('narrationErrorServer');
  }
  // fetch rejects with a TypeError when the server is not there.
  return t('narrationErrorOffline');
}

/**
 * Copies a chosen sound or captions file into `folder` (audio/<lang>) under a name no other file
 * of the folder has (tour-files.ts): recordings of different scenes are often all called
 * "ghi-am.mp3", and one must never replace another scene's narration.
 */
export const uploadInto = attachFile;
