/**
 * The header bar: which tour is open, new tour, undo/redo, save, zip export and import,
 * preview, the editor's language and the status line.
 */
import { formatDeepLink } from '../../core/links/deep-link.ts';
import { textOf } from '../../core/manifest/text.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as api from '../api.ts';
import type { EditorContext } from '../context.ts';
import { EDITOR_LANGUAGES } from '../i18n.ts';
import { sceneOf } from '../model.ts';
import type { EditorStore } from '../store.ts';
import { exportZip, importZip } from '../tour-files.ts';
import { showDraftList } from './draft-list.ts';
import { showNewTourDialog } from './new-tour-dialog.ts';
import { siteButtons } from './site-buttons.ts';

export const LANG_KEY = 'heritage-editor-language';

type Attributes = Record<string, string | boolean>;

function button(label: string, action: () => void, attrs: Attributes = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', action);
  return b;
}

export function renderHeader({ store }: EditorContext, header: HTMLElement): void {
  const t = store.t;
  const open = store.open;
  const history = open?.history;
  replaceChildren(
    header,
    h('h1', {}, t('title')),
    tourSelect(store),
    button(t('newTour'), () => showNewTourDialog(store), { 'data-action': 'new-tour' }),
    h('span', { class: 'ed-spacer' }),
    open &&
      button(t('undo'), () => store.undo(), {
        'data-action': 'undo',
        disabled: !history?.canUndo,
        title: 'Ctrl+Z',
      }),
    open &&
      button(t('redo'), () => store.redo(), {
        'data-action': 'redo',
        disabled: !history?.canRedo,
        title: 'Ctrl+Y',
      }),
    open && button(t('save'), () => void store.save(), { 'data-action': 'save', class: 'primary' }),
    open && button(t('drafts_open'), () => showDraftList(store), { 'data-action': 'drafts' }),
    open && button(t('export'), () => void exportZip(store), { 'data-action': 'export' }),
    open && importButton(store),
    open &&
      button(t('preview'), () => window.open(previewUrl(store), '_blank', 'noopener'), {
        'data-action': 'preview',
      }),
    siteButtons(store),
    languageSelect(store),
    h(
      'p',
      { class: 'ed-status', role: 'status', 'data-testid': 'status' },
      store.status || (store.dirty ? t('unsaved') : ''),
    ),
  );
}

/**
 * The viewer's link to the scene selected now (read at the click: selecting a scene does not
 * redraw the header, so a link made at drawing time opened the scene selected before).
 */
function previewUrl(store: EditorStore): string {
  const scene = store.sceneId && store.open ? sceneOf(store.tour, store.sceneId) : undefined;
  return `/${formatDeepLink({ tour: store.open?.id, scene: scene?.id })}`;
}

/** The tours on disk (listed anew at each redraw: another window may have made one). */
function tourSelect(store: EditorStore): HTMLSelectElement {
  const t = store.t;
  const select = h(
    'select',
    { 'aria-label': t('tour'), 'data-testid': 'tour-select' },
    h('option', { value: '' }, t('chooseTour')),
  );
  void api.listTours().then((tours) => {
    for (const tour of tours) {
      const label = tour.title ? `${textOf(tour.title, store.lang, 'vi')} (${tour.id})` : tour.id;
      select.append(h('option', { value: tour.id, selected: tour.id === store.open?.id }, label));
    }
  });
  select.addEventListener('change', () => {
    if (select.value) void store.openTour(select.value);
  });
  return select;
}

function languageSelect(store: EditorStore): HTMLSelectElement {
  const select = h('select', { 'aria-label': store.t('uiLanguage'), 'data-testid': 'ui-language' });
  for (const lang of EDITOR_LANGUAGES) {
    const name = lang === 'vi' ? 'Tiếng Việt' : 'English';
    select.append(h('option', { value: lang, selected: lang === store.lang }, name));
  }
  select.addEventListener('change', () => {
    localStorage.setItem(LANG_KEY, select.value);
    void store.i18n.changeLanguage(select.value).then(() => {
      document.documentElement.lang = store.lang;
      store.refresh();
    });
  });
  return select;
}

function importButton(store: EditorStore): Node {
  const t = store.t;
  const input = h('input', {
    type: 'file',
    accept: '.zip,application/zip',
    'data-testid': 'import-input',
    'aria-label': t('import'),
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void importZip(store, file);
  });
  return h('label', { class: 'ed-import', 'data-action': 'import' }, t('import'), input);
}
