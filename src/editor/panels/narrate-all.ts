/**
 * "Generate every missing or outdated narration" for the whole tour, in the tour panel: how
 * many readings are missing or older than their text, then one button that makes them one
 * after another (the server's espeak-ng takes a few seconds each) with a progress bar "n / m".
 * A failure does not stop the others; each is listed with its reason at the end.
 *
 * The run belongs to the store, not to the panel: the author may look at a scene meanwhile,
 * and the panel drawn again shows where the run is.
 */
import { needsGenerating } from '../../core/narration/staleness.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { sceneName } from '../labels.ts';
import { sceneOf } from '../model.ts';
import { freshnessOf, generateNarration } from '../narration.ts';
import type { EditorStore } from '../store.ts';
import '../narration.css';

interface Job {
  sceneId: string;
  lang: string;
}

interface Run {
  tourId: string;
  jobs: Job[];
  done: number;
  made: number;
  current: Job | undefined;
  failures: { job: Job; reason: string }[];
  finished: boolean;
}

const runs = new WeakMap<EditorStore, Run>();
/** Each run is its own undo step. */
let runCount = 0;
/** The section on screen now, redrawn as the run goes on. */
const views = new WeakMap<EditorStore, () => void>();

/** Every scene × tour language whose reading is missing or stale, in gallery order. */
async function jobsToDo(store: EditorStore): Promise<{ jobs: Job[]; missing: number }> {
  const jobs: Job[] = [];
  let missing = 0;
  for (const scene of store.tour.scenes) {
    for (const lang of store.tour.languages) {
      const freshness = await freshnessOf(store, scene.id, lang);
      if (!needsGenerating(freshness)) continue;
      jobs.push({ sceneId: scene.id, lang });
      if (freshness === 'missing') missing++;
    }
  }
  return { jobs, missing };
}

export function narrateAllField({ store }: EditorContext): Node {
  const t = store.t;
  const summary = h('p', { 'data-testid': 'narrate-all-summary' }, t('narrationAllChecking'));
  const button = h(
    'button',
    { type: 'button', 'data-action': 'narrate-all', disabled: true },
    t('narrationAllButton'),
  );
  const progress = h('progress', {
    'data-testid': 'narrate-all-progress',
    'aria-label': t('narrationAllProgressLabel'),
    hidden: true,
  });
  const line = h('p', { 'data-testid': 'narrate-all-line', 'aria-live': 'polite' });
  const failures = h('ul', { 'data-testid': 'narrate-all-failures' });
  const section = h(
    'fieldset',
    { class: 'ed-narrate-all', 'data-field': 'narrateAll' },
    h('legend', {}, t('narrationAllTitle')),
    summary,
    button,
    progress,
    line,
    failures,
  );
  const name = (job: Job) => {
    const scene = sceneOf(store.tour, job.sceneId);
    return scene ? sceneName(store.tour, scene, store.lang) : job.sceneId;
  };
  const draw = () => {
    const run = runs.get(store);
    const mine = run && run.tourId === store.open?.id ? run : undefined;
    progress.hidden = !mine;
    if (!mine) return;
    progress.max = Math.max(1, mine.jobs.length);
    progress.value = mine.done;
    button.disabled = !mine.finished;
    if (mine.current && !mine.finished) {
      line.textContent = t('narrationAllProgress', {
        done: mine.done,
        total: mine.jobs.length,
        scene: name(mine.current),
        lang: mine.current.lang,
      });
    } else if (mine.finished) {
      const failed = mine.failures.length;
      const counts = { made: mine.made, total: mine.jobs.length, failed };
      line.textContent = failed
        ? t('narrationAllDoneFailed', counts)
        : t('narrationAllDone', counts);
    }
    replaceChildren(
      failures,
      ...mine.failures.map(({ job, reason }) =>
        h('li', {}, t('narrationAllFailure', { scene: name(job), lang: job.lang, reason })),
      ),
    );
  };
  views.set(store, draw);
  draw();
  const running = () => {
    const run = runs.get(store);
    return run !== undefined && !run.finished;
  };
  void jobsToDo(store).then(({ jobs, missing }) => {
    if (views.get(store) !== draw) return; // drawn again meanwhile
    summary.textContent =
      jobs.length === 0
        ? t('narrationAllNothing')
        : t('narrationAllTodo', { count: jobs.length, missing, stale: jobs.length - missing });
    button.disabled = jobs.length === 0 || running();
  });
  button.addEventListener('click', () => void generateAll(store));
  return section;
}

async function generateAll(store: EditorStore): Promise<void> {
  const open = store.open;
  if (!open) return;
  const { jobs } = await jobsToDo(store);
  const run: Run = {
    tourId: open.id,
    jobs,
    done: 0,
    made: 0,
    current: undefined,
    failures: [],
    finished: false,
  };
  runs.set(store, run);
  runCount++;
  const redraw = () => views.get(store)?.();
  for (const job of jobs) {
    if (store.open !== open) {
      run.failures.push({ job, reason: store.t('narrationAllStopped') });
      break;
    }
    run.current = job;
    redraw();
    // One undo step for the whole run; the panel is not redrawn under the progress bar.
    const made = await generateNarration(store, job.sceneId, job.lang, {
      mergeKey: `narrate-all-${runCount}`,
      keepPanel: true,
    });
    run.done++;
    if (made.ok) run.made++;
    else run.failures.push({ job, reason: made.reason });
  }
  run.finished = true;
  run.current = undefined;
  // Drawn again: what is left to make is counted anew.
  if (store.open === open && store.selection.kind === 'tour') store.refresh('panel');
  else redraw();
  const failed = run.failures.length;
  const counts = { made: run.made, total: jobs.length, failed };
  store.say(
    failed ? store.t('narrationAllDoneFailed', counts) : store.t('narrationAllDone', counts),
  );
}
