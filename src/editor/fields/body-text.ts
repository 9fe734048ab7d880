/**
 * An info hotspot's body in every language of the tour: for each, a small toolbar (bold,
 * italic, list, link), the text, its length, and a live preview drawn by the viewer's own
 * renderer and styled like the viewer's info panel, so the author sees what visitors will see.
 * Languages stack (the side panel is narrow: a preview needs the width).
 */
import { contentText } from '../../core/language/content-fallback.ts';
import { languageNameIn } from '../../core/language/names.ts';
import { MAX_INFO_BODY_CHARS } from '../../core/manifest/limits.ts';
import type { LangMap, Tour } from '../../core/manifest/schema.ts';
import {
  insertLink,
  linkAddress,
  toggleList,
  toggleWrap,
  type Edit,
} from '../../core/markdown/format.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import { renderMarkdown } from '../../web/ui/markdown.ts';
import type { EditorContext } from '../context.ts';
import { missingLanguages, setText } from '../model.ts';
import { languageColumnName, MAX_TEXT, missingTextHint } from './language-text.ts';
import './body-text.css';

export interface BodyTextOptions {
  map: LangMap | undefined;
  /** The live value: another language of the map may have changed since it was drawn. */
  read: (tour: Tour) => LangMap | undefined;
  /** The tour with the map changed. */
  change: (tour: Tour, map: LangMap) => Tour;
  mergeKey: string;
}

let fieldCount = 0;

export function bodyTextField(ctx: EditorContext, options: BodyTextOptions): Node {
  const { store } = ctx;
  const t = store.t;
  const { map } = options;
  const tour = store.tour;
  // An empty language previews what its visitors see instead: every column redraws on input.
  const refreshers: Array<() => void> = [];
  const languages = tour.languages.map((lang) => {
    const id = `ed-body-${++fieldCount}`;
    const input = h('textarea', {
      id,
      'data-field': 'body',
      'data-lang': lang,
      lang,
      rows: '4',
      placeholder: t('textMissingOnly', { lang: languageNameIn(lang, store.lang) }),
      'aria-describedby': `${id}-count`,
    });
    input.value = map?.[lang] ?? '';
    const counter = h('small', { class: 'ed-count', id: `${id}-count` });
    const preview = h('div', { class: 'ed-body-preview__content', lang });
    const column = h(
      'div',
      { class: 'ed-lang ed-body' },
      h('label', { class: 'ed-lang-name', for: id }, languageColumnName(store, lang)),
    );
    const refresh = () => {
      const length = input.value.length;
      const current = options.read(store.tour) ?? map;
      // Empty: say what visitors of this language see instead (as the other text fields do).
      const instead = length === 0 ? missingTextHint(store, tour, current, lang) : undefined;
      counter.textContent =
        instead ??
        (length > MAX_INFO_BODY_CHARS
          ? t('bodyTooLongHard', { max: MAX_INFO_BODY_CHARS })
          : length > MAX_TEXT
            ? t('tooLong', { max: MAX_TEXT })
            : t('length', { count: length, max: MAX_TEXT }));
      // A body nobody wrote yet is not "missing"; one written in some language is.
      const started = Object.values(current ?? {}).some((text) => text.trim() !== '');
      column.classList.toggle('missing', started && missingLanguages(tour, current).includes(lang));
      column.classList.toggle('too-long', length > MAX_TEXT);
      column.classList.toggle('over-limit', length > MAX_INFO_BODY_CHARS);
      const shown = contentText(current, lang, tour);
      preview.classList.toggle('ed-body-preview__content--fallback', shown?.fallback === true);
      preview.lang = shown?.lang ?? lang;
      if (!shown) {
        replaceChildren(
          preview,
          h('p', { class: 'ed-body-preview__empty' }, t('bodyPreviewEmpty')),
        );
      } else replaceChildren(preview, renderMarkdown(shown.text));
    };
    refresh();
    refreshers.push(refresh);
    input.addEventListener('input', () => {
      const current = options.read(store.tour) ?? map;
      store.commit(options.change(store.tour, setText(current, lang, input.value)), {
        mergeKey: `${options.mergeKey}.${lang}`,
        keepPanel: true,
      });
      for (const redraw of refreshers) redraw();
    });
    column.append(
      formatToolbar(ctx, input, lang),
      input,
      counter,
      h(
        'div',
        { class: 'ed-body-preview', 'data-testid': 'body-preview', 'data-lang': lang },
        h('p', { class: 'ed-body-preview__caption' }, t('bodyPreview')),
        preview,
      ),
    );
    return column;
  });
  return h(
    'fieldset',
    { class: 'ed-langs ed-bodies', 'data-field-group': 'body' },
    h('legend', {}, t('field_body')),
    h('p', { class: 'ed-body-help' }, t('bodyHelp')),
    ...languages,
  );
}

/** The buttons above one textarea, and the inline field that asks for a link's address. */
function formatToolbar(ctx: EditorContext, input: HTMLTextAreaElement, lang: string): Node {
  const t = ctx.store.t;
  const apply = (change: (edit: Edit) => Edit) => {
    const result = change({
      text: input.value,
      start: input.selectionStart,
      end: input.selectionEnd,
    });
    input.value = result.text;
    input.focus();
    input.setSelectionRange(result.start, result.end);
    // The textarea's own handler commits the change and redraws the preview.
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const button = (action: string, label: string, hint: string, run: () => void) => {
    const b = h('button', { type: 'button', 'data-format': action, title: hint }, label);
    b.addEventListener('click', run);
    return b;
  };
  const bold = () => apply((edit) => toggleWrap(edit, '**', t('bodyBoldPlaceholder')));
  const italic = () => apply((edit) => toggleWrap(edit, '*', t('bodyItalicPlaceholder')));

  // The link's address, asked in place (no prompt: it would hide the text being linked).
  let saved: Edit | undefined;
  const address = h('input', {
    type: 'text',
    inputmode: 'url',
    autocomplete: 'url',
    'data-testid': 'body-link-address',
    placeholder: 'https://',
  });
  const error = h('p', { class: 'ed-body-link__error', role: 'alert' });
  const linkRow = h(
    'div',
    { class: 'ed-body-link', role: 'group', 'aria-label': t('bodyLink'), hidden: true },
    h('label', {}, t('bodyLinkAddress'), address),
  );
  const closeLink = () => {
    linkRow.hidden = true;
    error.textContent = '';
    address.removeAttribute('aria-invalid');
    input.focus();
    if (saved) input.setSelectionRange(saved.start, saved.end);
  };
  const insert = () => {
    const result = linkAddress(address.value);
    if (!result.ok) {
      error.textContent = t(`bodyLink_${result.reason}`);
      address.setAttribute('aria-invalid', 'true');
      address.focus();
      return;
    }
    const at = saved ?? { text: input.value, start: input.value.length, end: input.value.length };
    linkRow.hidden = true;
    error.textContent = '';
    address.removeAttribute('aria-invalid');
    input.setSelectionRange(at.start, at.end);
    apply((edit) => insertLink(edit, result.url));
  };
  const openLink = () => {
    saved = { text: input.value, start: input.selectionStart, end: input.selectionEnd };
    address.value = '';
    linkRow.hidden = false;
    address.focus();
  };
  address.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      insert();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeLink();
    }
  });
  linkRow.append(
    h(
      'span',
      { class: 'ed-body-link__actions' },
      button('link-insert', t('bodyLinkInsert'), t('bodyLinkInsert'), insert),
      button('link-cancel', t('bodyLinkCancel'), t('bodyLinkCancel'), closeLink),
    ),
    error,
  );

  input.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key === 'b') bold();
    else if (key === 'i') italic();
    else if (key === 'k') openLink();
    else return;
    event.preventDefault();
  });

  const toolbar = h(
    'div',
    {
      class: 'ed-body-toolbar',
      role: 'toolbar',
      'aria-label': `${t('bodyToolbar')} (${lang})`,
      'aria-controls': input.id,
    },
    button('bold', t('bodyBold'), t('bodyBoldHint'), bold),
    button('italic', t('bodyItalic'), t('bodyItalicHint'), italic),
    button('list', t('bodyList'), t('bodyListHint'), () =>
      apply((edit) => toggleList(edit, t('bodyListPlaceholder'))),
    ),
    button('link', t('bodyLink'), t('bodyLinkHint'), openLink),
  );
  // Arrow keys move along a toolbar (WAI-ARIA); Tab still reaches every button.
  toolbar.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const buttons = [...toolbar.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const step = event.key === 'ArrowRight' ? 1 : buttons.length - 1;
    buttons[(at + step) % buttons.length]!.focus();
    event.preventDefault();
  });
  return h('div', { class: 'ed-body-tools' }, toolbar, linkRow);
}
