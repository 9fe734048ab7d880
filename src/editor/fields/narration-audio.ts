/**
 * The recording of a scene's narration, per language: hear it, see whether it still reads the
 * text ("the recording is older than the text"), generate it from the text on the local server
 * or upload a human recording. File names and captions sit in an "advanced" fold: the default
 * view speaks of readings, not of files.
 */
import type { Scene } from '../../core/manifest/schema.ts';
import type { NarrationFreshness } from '../../core/narration/staleness.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { updateScene } from '../model.ts';
import { freshnessOf, generateNarration, trackOf, uploadInto } from '../narration.ts';
import type { EditorStore } from '../store.ts';
import { languageColumnName } from './language-text.ts';
import { playButton } from './play-button.ts';
import '../narration.css';

type TrackFile = 'audio' | 'captions';

export function narrationAudioField(ctx: EditorContext, scene: Scene): Node {
  const { store } = ctx;
  const rows = store.tour.languages.map((lang) => languageRow(store, scene.id, lang));
  const fieldset = h(
    'fieldset',
    { 'data-field': 'narrationAudio', class: 'ed-narration' },
    h('legend', {}, store.t('field_narrationAudio')),
    ...rows.map((row) => row.element),
  );
  // Typing the text does not redraw the panel (it would lose the caret): each keystroke in
  // the narration text of this panel re-checks the row of its language instead.
  const onInput = (event: Event) => {
    if (!fieldset.isConnected) return document.removeEventListener('input', onInput);
    const target = event.target as HTMLElement | null;
    if (target?.getAttribute('data-field') !== 'narration') return;
    rows.find((row) => row.lang === target.getAttribute('data-lang'))?.update();
  };
  document.addEventListener('input', onInput);
  return fieldset;
}

interface Row {
  lang: string;
  element: HTMLElement;
  update: () => void;
}

function languageRow(store: EditorStore, sceneId: string, lang: string): Row {
  const t = store.t;
  const track = trackOf(store, sceneId, lang);
  const audio = track?.audio && store.hasFile(track.audio) ? track.audio : undefined;
  const state = h('p', {
    class: 'ed-narration-state',
    'data-testid': `narration-state-${lang}`,
    'aria-live': 'polite',
  });
  const generate = h('button', { type: 'button', 'data-action': `narrate-${lang}` });
  let run = 0;
  let failure: string | undefined;
  const show = (freshness: NarrationFreshness | 'checking') => {
    const text: Record<NarrationFreshness, string> = {
      'no-text': audio ? '' : t('narrationNoText'),
      missing: t('narrationNone'),
      fresh: t('narrationFresh'),
      stale: t('narrationStale'),
      unknown: t('narrationUnknown'),
    };
    state.textContent = failure ?? (freshness === 'checking' ? '' : text[freshness]);
    state.setAttribute('data-state', failure ? 'failed' : freshness);
    generate.textContent =
      freshness === 'missing' || freshness === 'no-text'
        ? t('narrationGenerate')
        : t('narrationRegenerate');
    generate.disabled = freshness === 'no-text' || generate.hasAttribute('aria-busy');
    generate.classList.toggle('primary', freshness === 'stale' || freshness === 'missing');
  };
  const update = () => {
    const mine = ++run;
    void freshnessOf(store, sceneId, lang).then((freshness) => {
      if (mine === run) show(freshness);
    });
  };
  show('checking');
  update();
  generate.addEventListener('click', () => {
    failure = undefined;
    generate.setAttribute('aria-busy', 'true');
    generate.disabled = true;
    store.say(t('narrationWorking', { lang: languageColumnName(store, lang) }));
    void generateNarration(store, sceneId, lang).then((made) => {
      generate.removeAttribute('aria-busy');
      if (made.ok) {
        // A new file at a new path was committed (the panel is redrawn); the same path: here.
        store.say(
          t('narrationDone', {
            lang: languageColumnName(store, lang),
            seconds: Math.round(made.seconds),
          }),
        );
        store.refresh('panel');
        return;
      }
      failure = t('narrationFailed', { reason: made.reason });
      // The whole reason (install help) is long: it stays in the row, under the button.
      store.say(t('narrationFailedBelow', { lang: languageColumnName(store, lang) }));
      update();
    });
  });
  const element = h(
    'div',
    {
      class: 'ed-narration-lang',
      role: 'group',
      'aria-label': `${t('field_narrationAudio')} (${languageColumnName(store, lang)})`,
      'data-narration-lang': lang,
    },
    h('span', { class: 'ed-lang-name' }, languageColumnName(store, lang)),
    // Hear it, read what it is worth, then act on it.
    audio && h('div', { class: 'ed-row' }, playButton(store, audio, `narration-play-${lang}`)),
    state,
    h('div', { class: 'ed-row' }, generate, uploadButton(store, sceneId, lang, 'audio')),
    advanced(store, sceneId, lang),
  );
  // A new text is a new question: the last failure no longer answers it.
  const recheck = () => {
    failure = undefined;
    update();
  };
  return { lang, element, update: recheck };
}

function setFile(store: EditorStore, sceneId: string, lang: string, key: TrackFile, path: string) {
  store.commit(
    updateScene(store.tour, sceneId, (s) => {
      const narration = { ...(s.narration ?? {}) };
      const track = { ...(narration[lang] ?? {}), [key]: path };
      // The captions were timed on the recording being replaced: kept, they would be wrong (and
      // would vouch for a recording they never heard). The author may upload new ones.
      if (key === 'audio') delete track.captions;
      narration[lang] = track;
      return { ...s, narration };
    }),
  );
}

/** A file picker shown as a button: a recording (default view) or captions (advanced). */
function uploadButton(store: EditorStore, sceneId: string, lang: string, key: TrackFile): Node {
  const label = key === 'audio' ? store.t('narrationUpload') : store.t('narrationUploadCaptions');
  const input = h('input', {
    type: 'file',
    class: 'ed-visually-hidden',
    accept: key === 'audio' ? 'audio/*' : '.vtt,text/vtt',
    'data-testid': `narration-${key}-${lang}`,
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void uploadInto(store, file, `audio/${lang}`).then((relative) => {
      if (relative) setFile(store, sceneId, lang, key, relative);
    });
  });
  return h('label', { class: 'ed-upload' }, label, input);
}

/** The file names, for the author who wants to know them, and captions of one's own. */
function advanced(store: EditorStore, sceneId: string, lang: string): Node {
  const t = store.t;
  const track = trackOf(store, sceneId, lang);
  const line = (key: TrackFile, name: string) =>
    h('div', { class: 'ed-row' }, h('span', {}, `${name}: `), h('code', {}, track?.[key] ?? '—'));
  const remove = h('button', { type: 'button', 'data-action': `narration-remove-${lang}` });
  remove.textContent = t('narrationRemoveAudio');
  remove.addEventListener('click', () =>
    store.commit(
      updateScene(store.tour, sceneId, (s) => {
        const narration = { ...(s.narration ?? {}) };
        const rest = { ...(narration[lang] ?? {}) };
        delete rest.audio;
        delete rest.captions;
        narration[lang] = rest;
        return { ...s, narration };
      }),
    ),
  );
  return h(
    'details',
    { class: 'ed-advanced' },
    h('summary', {}, t('narrationAdvanced')),
    line('audio', t('narrationFileAudio')),
    line('captions', t('narrationFileCaptions')),
    h(
      'div',
      { class: 'ed-row' },
      uploadButton(store, sceneId, lang, 'captions'),
      track?.audio ? remove : false,
    ),
  );
}
