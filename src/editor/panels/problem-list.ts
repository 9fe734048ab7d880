/**
 * The problems of the open tour, errors and warnings, each naming where it is in the author's
 * words (plain-problems.ts, not the command line's JSON wording); a click selects the place
 * and focuses the field to fix.
 */
import type { Problem } from '../../core/manifest/problems.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import { icon } from '../../web/ui/icons.ts';
import type { EditorContext } from '../context.ts';
import { problemPlace } from '../labels.ts';
import { plainProblem } from '../plain-problems.ts';

/**
 * An error's or a warning's mark, drawn (the ⛔ emoji it replaces was an empty box where no
 * emoji font is installed) and named for screen readers.
 */
function severityMark(t: (key: string) => string, severity: Problem['severity']): HTMLElement {
  const error = severity === 'error';
  const label = t(error ? 'up_errorIcon' : 'up_warningIcon');
  return h(
    'span',
    { class: `ed-severity ${error ? 'error' : 'warning'}`, role: 'img', 'aria-label': label },
    icon(error ? 'error' : 'warning'),
  );
}

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
    const plain = plainProblem(problem, store.tour, store.lang, t);
    const button = h(
      'button',
      { type: 'button', class: `ed-problem ${problem.severity}`, 'data-code': problem.code },
      severityMark(t, problem.severity),
      h(
        'span',
        { class: 'ed-where' },
        problemPlace(
          store.tour,
          problem,
          { tour: t('tourSettings'), untitled: t('untitledPoint') },
          store.lang,
        ),
      ),
      plain.text,
    );
    button.addEventListener('click', () => goTo(problem));
    // Words the editor has none of its own for: the technical text, folded, for whoever helps.
    const technical =
      plain.generic &&
      h(
        'details',
        { class: 'ed-advanced' },
        h('summary', {}, t('problemTech')),
        h('p', { class: 'ed-hint' }, problem.message[store.lang]),
      );
    return h('li', {}, button, technical);
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
