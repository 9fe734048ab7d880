/**
 * The sound of an audio hotspot, one file per language, uploaded to audio/<lang>/: hear it with
 * "Nghe" / "Play"; its file name sits in the "advanced" fold.
 */
import type { AudioHotspot } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { uploadInto } from '../narration.ts';
import { languageColumnName } from './language-text.ts';
import { playButton } from './play-button.ts';
import '../narration.css';

export function audioField(
  { store }: EditorContext,
  hotspot: AudioHotspot,
  change: (audio: Record<string, string>) => void,
): Node {
  const t = store.t;
  const rows = store.tour.languages.map((lang) => {
    const path = hotspot.audio[lang] ?? '';
    const present = path !== '' && store.hasFile(path);
    const upload = h('input', {
      type: 'file',
      class: 'ed-visually-hidden',
      accept: 'audio/*',
      'data-testid': `audio-upload-${lang}`,
    });
    upload.addEventListener('change', () => {
      const file = upload.files?.[0];
      upload.value = '';
      if (!file) return;
      void uploadInto(store, file, `audio/${lang}`).then((relative) => {
        if (relative) change({ ...hotspot.audio, [lang]: relative });
      });
    });
    return h(
      'div',
      {
        class: `ed-narration-lang${path ? '' : ' missing'}`,
        role: 'group',
        'aria-label': `${t('field_audio')} (${languageColumnName(store, lang)})`,
      },
      h('span', { class: 'ed-lang-name' }, languageColumnName(store, lang)),
      h(
        'div',
        { class: 'ed-row' },
        present && playButton(store, path, `audio-play-${lang}`),
        h('label', { class: 'ed-upload' }, t('upload'), upload),
      ),
      !path &&
        h('p', { class: 'ed-narration-state', 'data-state': 'missing' }, t('audioPointNone')),
      path &&
        h(
          'details',
          { class: 'ed-advanced' },
          h('summary', {}, t('narrationAdvanced')),
          h('div', { class: 'ed-row' }, `${t('narrationFileAudio')}: `, h('code', {}, path)),
        ),
    );
  });
  return h('fieldset', { 'data-field': 'audio' }, h('legend', {}, t('field_audio')), ...rows);
}
