/**
 * Changing a scene id: links follow, and the old id stays valid as an alias — only if it was
 * ever saved: a QR code can only have been printed from a saved tour, and an alias nobody needs
 * is one more thing on the author's screen.
 */
import { isId } from '../../core/manifest/ids.ts';
import type { Scene } from '../../core/manifest/schema.ts';
import { ID_INPUT_PATTERN } from '../../core/manifest/slug.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { renameScene } from '../model.ts';
import type { EditorStore } from '../store.ts';

/** Scene ids and former ids in the tour.json last saved (or loaded): the ones that may be printed. */
export function savedSceneIds(store: EditorStore): Set<string> {
  const ids = new Set<string>();
  let saved: unknown;
  try {
    saved = JSON.parse(store.open?.savedJson ?? '{}');
  } catch {
    return ids;
  }
  const scenes: unknown = typeof saved === 'object' && saved ? Reflect.get(saved, 'scenes') : [];
  for (const scene of Array.isArray(scenes) ? (scenes as unknown[]) : []) {
    if (typeof scene !== 'object' || !scene) continue;
    const id: unknown = Reflect.get(scene, 'id');
    const aliases: unknown = Reflect.get(scene, 'aliases');
    if (typeof id === 'string') ids.add(id);
    if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') ids.add(a);
  }
  return ids;
}

export function renameField({ store }: EditorContext, scene: Scene): Node {
  const t = store.t;
  const input = h('input', {
    type: 'text',
    value: scene.id,
    'data-testid': 'scene-id-input',
    pattern: ID_INPUT_PATTERN,
  });
  const error = h('p', { class: 'ed-error', role: 'alert' });
  const apply = h('button', { type: 'button', 'data-action': 'rename-scene' }, t('rename'));
  const saved = savedSceneIds(store).has(scene.id);
  apply.addEventListener('click', () => {
    const wanted = input.value.trim();
    if (wanted === scene.id) return;
    const tour = store.tour;
    // renameScene returns the same tour when the id is taken.
    const next = isId(wanted) ? renameScene(tour, scene.id, wanted, saved) : tour;
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
    h('p', { class: 'ed-hint' }, saved ? t('renameHint') : t('rename_unsavedHint')),
    aliases.length > 0 &&
      h('p', { 'data-testid': 'scene-aliases' }, `${t('field_aliases')}: ${aliases.join(', ')}`),
  );
}
