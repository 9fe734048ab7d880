/**
 * The banner offering a draft newer than the saved file (after a crash or a closed tab).
 * "Not now" only hides it: the draft stays in the drafts list, and later changes are added
 * after it, never over it (drafts.ts).
 */
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { showDraftList } from './draft-list.ts';

export function renderDraftBanner({ store }: EditorContext, banner: HTMLElement): void {
  const offer = store.draftOffer;
  banner.hidden = !offer;
  if (!offer) return replaceChildren(banner);
  const t = store.t;
  const restore = h(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'restore-draft' },
    t('restore'),
  );
  const list = h('button', { type: 'button', 'data-action': 'show-drafts' }, t('drafts_open'));
  const discard = h('button', { type: 'button', 'data-action': 'discard-draft' }, t('discard'));
  restore.addEventListener('click', () => store.restoreDraft());
  list.addEventListener('click', () => showDraftList(store));
  discard.addEventListener('click', () => store.discardDraft());
  const time = new Date(offer.time).toLocaleString(store.lang);
  replaceChildren(banner, h('span', {}, t('draftFound', { time })), restore, list, discard);
}
