/** Changing a scene id: links follow, and the old id stays valid as an alias. */
import { isId } from '../../core/manifest/ids.ts';
import type { Scene } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { renameScene } from '../model.ts';

export function renameField({ store }: EditorContext, scene: Scene): Node {
  const t = store.t;
  const input = h('input', {
    type: 'text',
    value: scene.id,
    'data-testid': 'scene-id-input',
    pattern: '[a-z0-9][a-z0-9_-]{0,19}',
  });
  const error = h('p', { class: 'ed-error', role: 'alert' });
  const apply = h('button', { type: 'button', 'data-action': 'rename-scene' }, t('rename'));
  apply.addEventListener('click', () => {
    const wanted = input.value.trim();
    if (wanted === scene.id) return;
    const tour = store.tour;
    // renameScene returns the same tour when the id is taken.
    const next = isId(wanted) ? renameScene(tour, scene.id, wanted) : tour;
    if (next === tour) {
      error.textContent = isId(wanted) ? t('renameTaken', { id: wanted }) : t('renameInvalid');
      return;
    }
    store.commit(next, { select: { kind: 'scene', sceneId: wanted } });
  });
  const aliases = scene.aliases ?? [];
  return h(
    'fieldset',
    { 'data-field': 'id' },
    h('legend', {}, t('field_id')),
    h('div', { class: 'ed-row' }, h('label', { class: 'ed-field' }, t('sceneId'), input), apply),
    error,
    h('p', { class: 'ed-hint' }, t('renameHint')),
    aliases.length > 0 &&
      h('p', { 'data-testid': 'scene-aliases' }, `${t('field_aliases')}: ${aliases.join(', ')}`),
  );
}
