/**
 * Recorded narration (and captions) per language, copied into audio/<lang>/, or generated from
 * the narration text by the local server.
 */
import type { Scene } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import * as api from '../api.ts';
import type { EditorContext } from '../context.ts';
import { sceneOf, updateScene } from '../model.ts';
import { attachFile } from '../tour-files.ts';
import { reasonOf } from '../util.ts';

type TrackFile = 'audio' | 'captions';

export function narrationAudioField(ctx: EditorContext, scene: Scene): Node {
  const { store } = ctx;
  const t = store.t;
  const setFile = (lang: string, key: TrackFile, path: string | undefined) =>
    store.commit(
      updateScene(store.tour, scene.id, (s) => {
        const narration = { ...(s.narration ?? {}) };
        const track = { ...(narration[lang] ?? {}) };
        if (path) track[key] = path;
        else delete track[key];
        narration[lang] = track;
        return { ...s, narration };
      }),
    );
  const rows = store.tour.languages.map((lang) => {
    const track = scene.narration?.[lang];
    const picker = (key: TrackFile, accept: string) => {
      const input = h('input', {
        type: 'file',
        accept,
        'data-testid': `narration-${key}-${lang}`,
        'aria-label': `${t(`narration_${key}`)} (${lang})`,
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (!file) return;
        void attachFile(store, file, `audio/${lang}`).then((relative) => {
          if (relative) setFile(lang, key, relative);
        });
      });
      const path = track?.[key];
      const remove = h(
        'button',
        { type: 'button', 'aria-label': `${t('imageRemove')}: ${path ?? ''}` },
        '×',
      );
      remove.addEventListener('click', () => setFile(lang, key, undefined));
      return h(
        'div',
        { class: 'ed-row' },
        h('span', {}, `${t(`narration_${key}`)}: `),
        h('code', {}, path ?? '—'),
        path ? remove : false,
        input,
      );
    };
    return h(
      'div',
      { class: 'ed-lang' },
      h('span', { class: 'ed-lang-code' }, lang),
      picker('audio', 'audio/*'),
      picker('captions', '.vtt,text/vtt'),
      generateButton(ctx, scene.id, lang),
    );
  });
  return h(
    'fieldset',
    { 'data-field': 'narrationAudio' },
    h('legend', {}, t('field_narrationAudio')),
    ...rows,
  );
}

/** "Generate from the text": the local server reads the narration text with espeak-ng. */
function generateButton({ store }: EditorContext, sceneId: string, lang: string): Node {
  const t = store.t;
  const text = sceneOf(store.tour, sceneId)?.narration?.[lang]?.text?.trim() ?? '';
  const button = h(
    'button',
    { type: 'button', disabled: !text, 'data-action': `narrate-${lang}` },
    t('narrationGenerate'),
  );
  button.addEventListener('click', () => {
    const open = store.open;
    if (!open) return;
    button.disabled = true;
    store.say(t('narrationWorking', { lang }));
    void api
      .generateNarration(open.id, { scene: sceneId, lang, text })
      .then((made) => {
        open.files.add(made.audio);
        open.files.add(made.captions);
        store.commit(
          updateScene(store.tour, sceneId, (s) => {
            const narration = { ...(s.narration ?? {}) };
            const track = {
              ...(narration[lang] ?? {}),
              audio: made.audio,
              captions: made.captions,
            };
            narration[lang] = track;
            return { ...s, narration };
          }),
        );
        store.say(t('narrationDone', { lang, seconds: Math.round(made.seconds) }));
      })
      .catch((error: unknown) => {
        store.status = t('narrationFailed', { reason: reasonOf(error) });
        button.disabled = false;
        store.refresh('header');
      });
  });
  return button;
}
