/** Who made the panorama, under which licence: shown to visitors in the credits. */
import type { Credit, Scene } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { updateScene } from '../model.ts';

const KEYS = ['author', 'license', 'url'] as const;

export function creditField({ store }: EditorContext, scene: Scene): Node {
  const t = store.t;
  const credit = scene.panorama.credit;
  const inputs = KEYS.map((key) => {
    const input = h('input', {
      type: key === 'url' ? 'url' : 'text',
      value: credit?.[key] ?? '',
      'data-field': `credit.${key}`,
    });
    input.addEventListener('input', () => {
      const values: Partial<Credit> = {};
      for (const [k, field] of inputs) {
        const value = field.value.trim();
        if (value !== '') values[k] = value;
      }
      store.commit(
        updateScene(store.tour, scene.id, (s) => {
          const panorama = { ...s.panorama };
          // An empty credit is left out; a half-filled one is kept so validation names the gap.
          if (Object.keys(values).length === 0) delete panorama.credit;
          else panorama.credit = { author: '', license: '', ...values };
          return { ...s, panorama };
        }),
        { mergeKey: `${scene.id}.credit.${key}`, keepPanel: true },
      );
    });
    return [key, input] as const;
  });
  return h(
    'fieldset',
    { 'data-field': 'credit' },
    h('legend', {}, t('field_credit')),
    ...inputs.map(([key, input]) => h('label', { class: 'ed-field' }, t(`credit_${key}`), input)),
  );
}
