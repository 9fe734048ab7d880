/** The picture of an info hotspot: chosen from disk, copied to images/, previewed. */
import type { InfoHotspot } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { attachFile } from '../tour-files.ts';

export function imageField(
  { store }: EditorContext,
  hotspot: InfoHotspot,
  change: (image: string | undefined) => void,
): Node {
  const t = store.t;
  const input = h('input', {
    type: 'file',
    accept: 'image/jpeg,image/png,image/webp',
    'data-testid': 'info-image-input',
    'aria-label': t('imageChoose'),
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void attachFile(store, file, 'images').then((relative) => {
      if (relative) change(relative);
      else store.refresh('panel');
    });
  });
  const remove = h('button', { type: 'button', 'data-action': 'image-remove' }, t('imageRemove'));
  remove.addEventListener('click', () => change(undefined));
  const image = hotspot.image;
  const open = store.open;
  return h(
    'fieldset',
    { 'data-field': 'image' },
    h('legend', {}, t('field_image')),
    image && open
      ? h(
          'figure',
          { class: 'ed-image' },
          h('img', {
            src: store.fileUrl(image),
            alt: t('imagePreview'),
            'data-testid': 'info-image-preview',
          }),
          h('figcaption', {}, h('code', {}, image)),
        )
      : h('p', { class: 'ed-hint' }, t('imageNone')),
    h('label', { class: 'ed-field' }, t('imageChoose'), input),
    image ? remove : false,
  );
}
