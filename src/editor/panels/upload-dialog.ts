/**
 * What happened to the pictures just chosen as new scenes, in one modal dialog: those refused
 * (not added: the reason and what to do) apart from those added with advice. A tester met a
 * small grey status line with no advice; this cannot be missed, is read out by screen readers
 * (a labelled modal `<dialog>`), and gives the focus back where it was when closed.
 */
import type { Problem } from '../../core/manifest/problems.ts';
import { h } from '../../web/ui/dom.ts';
import { icon } from '../../web/ui/icons.ts';
import type { EditorStore } from '../store.ts';
import { answer, ask } from './question-dialog.ts';

export interface UploadReport {
  /** Scenes made from the pictures. */
  added: number;
  /** One entry per problem; a picture may have several warnings, and one refusal. */
  problems: readonly Problem[];
  /** Pictures for new scenes (the default), or another file (a sound, an info picture). */
  files?: 'panoramas' | 'other';
}

/** The problems grouped by picture (the problem's file), in the order met. */
function byPicture(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const found of problems) groups.set(found.file, [...(groups.get(found.file) ?? []), found]);
  return groups;
}

function section(
  store: EditorStore,
  kind: 'refused' | 'warned',
  problems: readonly Problem[],
  scenes: boolean,
): HTMLElement | false {
  if (problems.length === 0) return false;
  const t = store.t;
  const items = [...byPicture(problems)].map(([name, found]) =>
    h(
      'li',
      { class: 'ed-upload-item', 'data-picture': name },
      h('p', { class: 'ed-upload-name' }, name),
      ...found.map((p) =>
        h('p', { class: 'ed-upload-reason', 'data-code': p.code }, p.message[store.lang]),
      ),
    ),
  );
  const mark = icon(kind === 'refused' ? 'error' : 'warning');
  return h(
    'section',
    { class: `ed-upload-group ${kind}`, 'data-group': kind },
    h(
      'h3',
      {},
      mark,
      h(
        'span',
        {},
        kind === 'warned'
          ? t('up_warnedHeading')
          : t(scenes ? 'up_refusedHeading' : 'up_refusedLabel'),
      ),
    ),
    h('ul', {}, ...items),
  );
}

/** Shows the report; resolves once the author has closed it. Nothing to say: no dialog. */
export async function showUploadReport(store: EditorStore, report: UploadReport): Promise<void> {
  const refused = report.problems.filter((p) => p.severity === 'error');
  const warned = report.problems.filter((p) => p.severity !== 'error');
  if (refused.length === 0 && warned.length === 0) return;
  const t = store.t;
  const refusedPictures = byPicture(refused).size;
  const ok = answer('ok', t('up_ok'), 'upload-ok', 'primary');
  await ask({
    name: 'upload-dialog',
    title:
      refusedPictures === 0
        ? t('up_title_warned')
        : report.files === 'other'
          ? t('up_title_refusedFile', { count: refusedPictures })
          : t('up_title_refused', { count: refusedPictures }),
    content: [
      section(store, 'refused', refused, report.files !== 'other'),
      section(store, 'warned', warned, report.files !== 'other'),
      report.files !== 'other' &&
        h(
          'p',
          { class: 'ed-upload-added' },
          report.added > 0 ? t('up_addedCount', { count: report.added }) : t('up_nothingAdded'),
        ),
    ],
    buttons: [ok],
    focus: ok,
    // Back where the author was (the drop zone), unless it was redrawn meanwhile.
    fallbackFocus: () => document.querySelector<HTMLElement>('[data-testid="panorama-input"]'),
  });
}
