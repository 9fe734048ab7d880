/**
 * Deleting a scene. One that was in the last saved tour.json may have QR codes printed for it,
 * which would then open the tour's start: the dialog says so and offers to keep its code as an
 * alias of another scene (as a rename keeps the old id), so those posters keep leading
 * somewhere that makes sense. A scene never saved has no poster: the plain confirmation.
 */
import type { Tour } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import { icon } from '../../web/ui/icons.ts';
import { sceneName } from '../labels.ts';
import { deleteSceneKeepingCode, sceneOf } from '../model.ts';
import { answer, ask } from './question-dialog.ts';
import type { EditorStore } from '../store.ts';

/** The scene codes (ids and aliases) of the last saved manifest. */
export function savedSceneCodes(savedJson: string): Set<string> {
  try {
    const saved = JSON.parse(savedJson) as Partial<Tour>;
    const scenes = Array.isArray(saved.scenes) ? saved.scenes : [];
    return new Set(scenes.flatMap((scene) => [scene.id, ...(scene.aliases ?? [])]));
  } catch {
    return new Set();
  }
}

export function confirmDeleteScene(store: EditorStore, sceneId: string): void {
  const open = store.open;
  const scene = open && sceneOf(store.tour, sceneId);
  if (!open || !scene) return;
  const t = store.t;
  const name = sceneName(store.tour, scene, store.lang);
  const codes = savedSceneCodes(open.savedJson);
  const printed = [scene.id, ...(scene.aliases ?? [])].some((code) => codes.has(code));
  if (!printed) {
    if (confirm(t('confirmDeleteScene', { name })))
      store.commit(deleteSceneKeepingCode(store.tour, sceneId));
    return;
  }
  const others = store.tour.scenes.filter((other) => other.id !== sceneId);
  const heir = h(
    'select',
    { name: 'heir', 'data-testid': 'delete-heir' },
    h('option', { value: '' }, t('up_deleteKeepNone')),
    ...others.map((other) =>
      h('option', { value: other.id }, sceneName(store.tour, other, store.lang)),
    ),
  );
  const remove = answer('delete', t('up_deleteConfirm'), 'delete-confirm', 'danger');
  const cancel = answer('cancel', t('up_cancel'), 'delete-cancel');
  void ask({
    name: 'delete-scene-dialog',
    title: t('up_deleteTitle', { name }),
    description: t('up_deleteText'),
    content: [
      h(
        'p',
        { class: 'ed-delete-qr', 'data-testid': 'delete-qr-warning' },
        icon('warning'),
        h('span', {}, t('up_deleteQr')),
      ),
      others.length > 0 && h('label', { class: 'ed-field' }, t('up_deleteKeepCode'), heir),
    ],
    buttons: [remove, cancel],
    // Cancel first: deleting is the choice that must be made on purpose.
    focus: cancel,
  }).then((choice) => {
    if (choice === 'delete' && store.open === open && sceneOf(store.tour, sceneId))
      store.commit(deleteSceneKeepingCode(store.tour, sceneId, heir.value || undefined));
  });
}
