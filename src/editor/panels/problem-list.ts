/**
 * The problems of the open tour, errors and warnings, each naming where it is; a click
 * selects the place and focuses the field to fix.
 */
import type { Problem } from '../../core/manifest/problems.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { problemPlace } from '../labels.ts';

export function renderProblemList(
  { store }: EditorContext,
  list: HTMLElement,
  goTo: (problem: Problem) => void,
): void {
  const t = store.t;
  if (!store.open) return replaceChildren(list);
  const problems = store.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const items = problems.map((problem) => {
    const button = h(
      'button',
      { type: 'button', class: `ed-problem ${problem.severity}` },
      h('span', { class: 'ed-severity' }, problem.severity === 'error' ? '⛔' : '⚠'),
      h('span', { class: 'ed-where' }, problemPlace(store.tour, problem, t('tourSettings'))),
      problem.message[store.lang],
    );
    button.addEventListener('click', () => goTo(problem));
    return h('li', {}, button);
  });
  replaceChildren(
    list,
    h(
      'h2',
      {},
      t('problems'),
      ': ',
      problems.length === 0
        ? t('noProblems')
        : `${t('errors', { count: errors })}, ${t('warnings', { count: warnings })}`,
    ),
    h('ul', { 'data-testid': 'problems' }, ...items),
  );
}

/**
 * Focuses the field a problem is about in the (just redrawn) side panel: the language when the
 * path goes down to it (…title.en), else the first one missing, else the field, else anything.
 */
export function focusProblemField(panel: HTMLElement, problem: Problem, field?: string): void {
  const fieldAt = problem.path.findIndex((key) => key === field);
  const lang = fieldAt >= 0 ? problem.path[fieldAt + 1] : undefined;
  const f = field === undefined ? '' : `[data-field="${CSS.escape(field)}"]`;
  const candidates = field
    ? [
        typeof lang === 'string' ? `${f}[data-lang="${CSS.escape(lang)}"]` : '',
        `.ed-lang.missing ${f}`,
        f,
      ]
    : [];
  const input = candidates
    .filter(Boolean)
    .map((selector) => panel.querySelector<HTMLElement>(selector))
    .find((found) => found !== null);
  (input ?? panel.querySelector<HTMLElement>('input, textarea, select'))?.focus();
}
