/** The sound of an audio hotspot, one file per language, uploaded to audio/<lang>/. */
import type { AudioHotspot } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import * as api from '../api.ts';
import type { EditorContext } from '../context.ts';
import { uniqueId } from '../model.ts';

export function audioField(
  { store }: EditorContext,
  hotspot: AudioHotspot,
  change: (audio: Record<string, string>) => void,
): Node {
  const t = store.t;
  const rows = store.tour.languages.map((lang) => {
    const path = hotspot.audio[lang] ?? '';
    const upload = h('input', {
      type: 'file',
      accept: 'audio/*',
      'aria-label': `${t('upload')} (${lang})`,
    });
    upload.addEventListener('change', () => {
      const file = upload.files?.[0];
      const open = store.open;
      if (!file || !open) return;
      const stem = uniqueId(file.name.replace(/\.[^.]+$/, ''), []);
      const ext = file.name.split('.').pop()?.toLowerCase() ?? 'mp3';
      const relative = `audio/${lang}/${stem}.${ext}`;
      void api.uploadFile(open.id, relative, file).then(() => {
        open.files.add(relative);
        change({ ...hotspot.audio, [lang]: relative });
      });
    });
    return h(
      'div',
      { class: `ed-lang${path ? '' : ' missing'}` },
      h('span', { class: 'ed-lang-code' }, lang),
      h('code', {}, path || t('missing')),
      upload,
    );
  });
  return h('fieldset', { 'data-field': 'audio' }, h('legend', {}, t('field_audio')), ...rows);
}
