/** The side panel for the tour itself: its title, description and languages. */
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { languageTextField, MAX_TEXT, MAX_TITLE } from '../fields/language-text.ts';
import { tourLanguagesField } from '../fields/tour-languages.ts';
import { narrateAllField } from './narrate-all.ts';

export function renderTourPanel(ctx: EditorContext, panel: HTMLElement): void {
  const t = ctx.store.t;
  const tour = ctx.store.tour;
  replaceChildren(
    panel,
    // The tour's folder name (its id) is in the tour menu; the heading stays plain words.
    h('h2', {}, t('tourSettings')),
    languageTextField(ctx, {
      field: 'title',
      map: tour.title,
      max: MAX_TITLE,
      read: (live) => live.title,
      change: (live, title) => ({ ...live, title }),
      mergeKey: 'tour.title',
    }),
    languageTextField(ctx, {
      field: 'description',
      map: tour.description,
      max: MAX_TEXT,
      read: (live) => live.description,
      change: (live, description) => ({ ...live, description }),
      mergeKey: 'tour.description',
      optional: true,
    }),
    tourLanguagesField(ctx),
    narrateAllField(ctx),
  );
}
