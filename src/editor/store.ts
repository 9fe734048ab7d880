/**
 * The editor's state: the open tour as an undo history of immutable snapshots, what is
 * selected, the problems of the current snapshot, the status line. Every change goes through
 * `commit`: history, draft in IndexedDB, validation, then the parts of the screen that show it
 * are redrawn (through the `render` callback, so the store never touches the DOM itself).
 *
 * Files from an opened zip are staged, not written (issue 21, finding 3): they belong to the
 * snapshot that brought them, so undo takes them back with the manifest, and Save writes them
 * (before the manifest) only then.
 */
import type { i18n as I18n } from 'i18next';
import { hasErrors, type Problem } from '../core/manifest/problems.ts';
import type { Position, Tour } from '../core/manifest/schema.ts';
import { validateTourData } from '../core/manifest/validate.ts';
import * as api from './api.ts';
import { DraftStore, type DraftSnapshot } from './drafts.ts';
import { History } from './history.ts';
import type { EditorLanguage } from './i18n.ts';
import {
  addHotspot,
  canonicalJson,
  type HotspotType,
  sceneOf,
  type Selection,
  selectionForPath,
} from './model.ts';
import { plainProblem } from './plain-problems.ts';
import { keepSession, takeSession } from './session.ts';
import type { SaveCleanup } from './unused-files.ts';
import { normalize, reasonOf, setTourInUrl } from './util.ts';

/** Files waiting for Save: path relative to tour.json → bytes. */
export type StagedFiles = ReadonlyMap<string, Uint8Array>;
const NOTHING_STAGED: StagedFiles = new Map();

/** The parts of the screen, redrawn one by one: typing in a field must not redraw the field. */
export type Part =
  'title' | 'header' | 'banner' | 'sidebar' | 'toolbar' | 'panel' | 'problems' | 'viewer';
export const EVERY_PART: readonly Part[] = [
  'title',
  'header',
  'banner',
  'sidebar',
  'toolbar',
  'panel',
  'problems',
  'viewer',
];

export interface OpenTour {
  id: string;
  history: History<Tour>;
  files: Set<string>;
  /** JSON of the last saved (or loaded) version, to know whether there are unsaved changes. */
  savedJson: string;
}

/** A link whose arrival view is being chosen: the viewer shows its target meanwhile. */
export interface ArrivalPick {
  sceneId: string;
  hotspotId: string;
  target: string;
}

export interface CommitOptions {
  /** Changes with the same key in a row (typing in one field) are one undo step. */
  mergeKey?: string;
  /** The side panel holds the field being typed in: redrawing it would lose the caret. */
  keepPanel?: boolean;
  /** What to select with the change (a new scene, a new hotspot…). */
  select?: Selection;
}

export class EditorStore {
  open: OpenTour | undefined;
  sceneId: string | undefined;
  selection: Selection = { kind: 'tour' };
  /** What a click in the panorama places: nothing until the author picks a kind (look mode). */
  placeType: HotspotType | 'none' = 'none';
  /** A hotspot the editor placed for the author (a return link): its marker flashes. */
  flashHotspotId: string | undefined;
  problems: Problem[] = [];
  status = '';
  draftOffer: { time: number; tour: Tour } | undefined;
  arrivalPick: ArrivalPick | undefined;
  /** A tour being created or opened: a reload meanwhile must come back to it. */
  pendingTourId: string | undefined;
  /** Unused files offered for removal on Save (`unused-files.ts`; set by the app). */
  cleanup: SaveCleanup | undefined;
  private validationRun = 0;
  private readonly drafts = new DraftStore();
  /** The files staged with each snapshot of the history (shared, never copied, by later ones). */
  private staged = new WeakMap<Tour, StagedFiles>();
  private stagedUrls = new Map<Uint8Array, string>();

  constructor(
    readonly i18n: I18n,
    private readonly render: (parts: readonly Part[]) => void,
  ) {}

  get t(): I18n['t'] {
    return this.i18n.t.bind(this.i18n);
  }

  get lang(): EditorLanguage {
    return this.i18n.language === 'en' ? 'en' : 'vi';
  }

  get tour(): Tour {
    if (!this.open) throw new Error('no tour open');
    return this.open.history.value;
  }

  get dirty(): boolean {
    if (this.open === undefined) return false;
    return this.stagedFiles.size > 0 || canonicalJson(this.tour) !== this.open.savedJson;
  }

  /** The files of the current snapshot that Save will write. */
  get stagedFiles(): StagedFiles {
    return (this.open && this.staged.get(this.tour)) ?? NOTHING_STAGED;
  }

  /** Whether the tour has `relative`: on disk, or staged to be written. */
  hasFile(relative: string): boolean {
    return (
      this.open !== undefined && (this.open.files.has(relative) || this.stagedFiles.has(relative))
    );
  }

  /** Where the page loads a file of the tour from: a staged one from memory, not the disk. */
  fileUrl(relative: string): string {
    const bytes = this.stagedFiles.get(relative);
    if (bytes) {
      let url = this.stagedUrls.get(bytes);
      if (!url) {
        url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
        this.stagedUrls.set(bytes, url);
      }
      return url;
    }
    return `/tours/${this.open?.id ?? ''}/${api.encodePath(relative)}`;
  }

  refresh(...parts: Part[]): void {
    this.render(parts.length === 0 ? EVERY_PART : parts);
  }

  /** Sets the status line and shows it. */
  say(status: string): void {
    this.status = status;
    this.render(['header']);
  }

  // ---- changes ------------------------------------------------------------------------------

  /** Every change goes through here: history, draft, validation, display. */
  commit(next: Tour, options: CommitOptions = {}): void {
    if (!this.open) return;
    if (options.select) this.select(options.select);
    const carried = this.stagedFiles;
    this.open.history.push(next, options.mergeKey);
    // A later change keeps what was staged before it.
    if (!this.staged.has(this.tour)) this.staged.set(this.tour, carried);
    this.afterChange(options.keepPanel === true, options.mergeKey);
  }

  /**
   * A change that brings files (an opened zip): `next` with `files` added to the staged ones,
   * replacing staged or saved files of the same name. Nothing is written before Save.
   */
  commitWithFiles(next: Tour, files: StagedFiles, options: CommitOptions = {}): void {
    if (!this.open) return;
    const merged = new Map([...this.stagedFiles, ...files]);
    // A snapshot of its own, even when equal to the current one: undo must drop the files.
    const own = next === this.tour ? { ...next } : next;
    this.staged.set(own, merged);
    this.commit(own, options);
  }

  undo(): void {
    if (!this.open?.history.canUndo) return;
    this.open.history.undo();
    this.afterChange(false);
  }

  redo(): void {
    if (!this.open?.history.canRedo) return;
    this.open.history.redo();
    this.afterChange(false);
  }

  private afterChange(keepPanel: boolean, mergeKey?: string): void {
    if (!this.open) return;
    if (this.sceneId && !sceneOf(this.tour, this.sceneId)) this.sceneId = this.tour.scenes[0]?.id;
    if (!this.sceneId) this.sceneId = this.tour.scenes[0]?.id;
    if (!this.selectionExists()) {
      this.selection = this.sceneId ? { kind: 'scene', sceneId: this.sceneId } : { kind: 'tour' };
    }
    this.status = '';
    this.flashHotspotId = undefined;
    // Appended to the draft history, never in place of an earlier visit's (drafts.ts).
    void this.drafts.keep(this.open.id, this.tour, mergeKey).catch(() => undefined);
    void this.validate();
    this.render(
      keepPanel
        ? ['header', 'sidebar', 'toolbar', 'viewer']
        : ['header', 'sidebar', 'toolbar', 'panel', 'viewer'],
    );
  }

  private selectionExists(): boolean {
    if (!this.open) return true;
    const s = this.selection;
    if (s.kind === 'tour') return true;
    const scene = sceneOf(this.tour, s.sceneId);
    if (!scene) return false;
    return s.kind === 'scene' || (scene.hotspots ?? []).some((hs) => hs.id === s.hotspotId);
  }

  async validate(): Promise<void> {
    if (!this.open) return;
    const run = ++this.validationRun;
    const { problems } = await validateTourData(this.tour, {
      file: `tours/${this.open.id}/tour.json`,
      fileExists: (relative) => this.hasFile(relative),
    });
    if (run !== this.validationRun) return;
    this.problems = problems;
    this.render(['problems']);
  }

  // ---- selection ----------------------------------------------------------------------------

  /** Selects without redrawing; a scene or hotspot also becomes the scene in the viewer. */
  private select(selection: Selection): void {
    this.selection = selection;
    this.flashHotspotId = undefined;
    if (selection.kind !== 'tour') this.sceneId = selection.sceneId;
  }

  selectTour(): void {
    this.selection = { kind: 'tour' };
    this.render(['sidebar', 'panel']);
  }

  selectScene(sceneId: string): void {
    this.select({ kind: 'scene', sceneId });
    this.render(['sidebar', 'panel', 'viewer']);
  }

  selectHotspot(hotspotId: string): void {
    if (!this.sceneId) return;
    this.selection = { kind: 'hotspot', sceneId: this.sceneId, hotspotId };
    this.render(['panel', 'viewer']);
  }

  /** Selects what a validation problem is about; the caller then focuses its field. */
  selectProblem(problem: Problem): Selection {
    const selection = selectionForPath(this.tour, problem.path);
    this.select(selection);
    this.render(['sidebar', 'panel', 'viewer']);
    return selection;
  }

  /** The kind the next click in the panorama places; 'none' is look mode (Esc goes back to it). */
  setPlaceType(type: HotspotType | 'none'): void {
    if (type === this.placeType) return;
    this.placeType = type;
    this.render(['toolbar', 'viewer']);
  }

  /**
   * A click in the panorama: a new hotspot of the chosen kind, selected. One click places one:
   * the mode goes back to looking, so a click meant to look around never adds a second one.
   */
  placeHotspot(position: Position): void {
    if (!this.open || !this.sceneId || this.arrivalPick) return;
    // Looking: a click on the panorama itself (not on a marker) lets go of the hotspot.
    if (this.placeType === 'none') {
      if (this.selection.kind === 'hotspot') this.selectScene(this.sceneId);
      return;
    }
    const sceneId = this.sceneId;
    const type = this.placeType;
    this.placeType = 'none';
    // A new scene link leads to some other scene at first: the author then picks the right one.
    const target =
      type === 'scene' ? this.tour.scenes.find((s) => s.id !== sceneId)?.id : undefined;
    const added = addHotspot(this.tour, sceneId, type, position, target);
    this.commit(added.tour, { select: { kind: 'hotspot', sceneId, hotspotId: added.hotspotId } });
  }

  startArrivalPick(pick: ArrivalPick): void {
    this.arrivalPick = pick;
    this.sceneId = pick.target;
    this.refresh();
  }

  /** Back to the link whose arrival was being chosen (the caller redraws or commits). */
  endArrivalPick(pick: ArrivalPick): void {
    this.arrivalPick = undefined;
    this.select({ kind: 'hotspot', sceneId: pick.sceneId, hotspotId: pick.hotspotId });
  }

  // ---- opening, saving, drafts --------------------------------------------------------------

  async openTour(id: string): Promise<void> {
    this.pendingTourId = id;
    setTourInUrl(id);
    let loaded: api.LoadedManifest;
    try {
      loaded = await api.loadManifest(id);
    } catch (error) {
      // A tour deleted meanwhile, or the server stopped: said in words, not an uncaught error.
      this.pendingTourId = undefined;
      return this.say(this.t('openFailed', { reason: reasonOf(error, this.lang) }));
    }
    let tour: Tour;
    try {
      tour = normalize(JSON.parse(loaded.text));
    } catch (error) {
      return this.say(this.t('saveFailed', { reason: String(error) }));
    }
    const open: OpenTour = {
      id,
      history: new History(tour),
      files: new Set(loaded.files),
      savedJson: canonicalJson(tour),
    };
    this.open = open;
    this.forgetStaged();
    this.sceneId = tour.scenes[0]?.id;
    this.selection = this.sceneId ? { kind: 'scene', sceneId: this.sceneId } : { kind: 'tour' };
    this.status = '';
    this.draftOffer = undefined;
    const session = takeSession(id);
    // The reload may come before the answer to the save: the kept state then equals the file.
    const inSync =
      session !== undefined &&
      (session.savedJson === open.savedJson ||
        canonicalJson(normalize(session.history.current)) === open.savedJson);
    if (session && inSync) {
      open.history = History.fromJSON(session.history);
      this.sceneId = session.sceneId;
      this.selection = session.selection;
      // Reloaded before the save's answer arrived: the file on disk is the kept state.
      this.status = session.savedJson === open.savedJson ? session.status : this.t('saved');
    } else {
      // The newest snapshot; older ones stay in the drafts list whatever the answer.
      const draft = await this.drafts.latest(id).catch(() => undefined);
      if (
        draft &&
        draft.savedAt > loaded.mtime &&
        canonicalJson(normalize(draft.tour)) !== open.savedJson
      ) {
        this.draftOffer = { time: draft.savedAt, tour: draft.tour };
      }
    }
    this.pendingTourId = undefined;
    void this.validate();
    this.refresh();
    void this.cleanup?.resume(id);
  }

  /** Just before the page goes away (a reload: the author's, or the dev server's). */
  keepSession(): void {
    if (this.pendingTourId) setTourInUrl(this.pendingTourId);
    if (!this.open) return;
    keepSession({
      tourId: this.open.id,
      at: Date.now(),
      history: this.open.history.toJSON(),
      savedJson: this.open.savedJson,
      sceneId: this.sceneId,
      selection: this.selection,
      status: this.status,
    });
  }

  restoreDraft(): void {
    if (!this.open || !this.draftOffer) return;
    const time = new Date(this.draftOffer.time).toLocaleString(this.lang);
    this.bringBack(this.draftOffer.tour, this.t('drafts_restored', { time }));
  }

  /** Hides the offer; the draft itself stays in the drafts list (nothing is ever deleted). */
  discardDraft(): void {
    if (!this.open) return;
    this.draftOffer = undefined;
    this.render(['banner']);
  }

  /** This tour's draft snapshots, newest first (for the drafts list). */
  async draftSnapshots(): Promise<DraftSnapshot[]> {
    if (!this.open) return [];
    const id = this.open.id;
    await this.drafts.flushed();
    return this.drafts.list(id);
  }

  /** An earlier version (a draft or a backup) as one undoable change; Save then writes it. */
  bringBack(tour: Tour, status: string): void {
    if (!this.open) return;
    this.draftOffer = undefined;
    this.commit(normalize(tour));
    this.status = status;
    this.render(['banner', 'header']);
  }

  async save(): Promise<void> {
    if (!this.open) return;
    const t = this.t;
    await this.validate();
    const errors = this.problems.filter((p) => p.severity === 'error');
    if (hasErrors(this.problems)) {
      const first = errors[0];
      const message = first ? plainProblem(first, this.tour, this.lang, t).text : '';
      return this.say(t('saveBlocked', { count: errors.length, message }));
    }
    try {
      const open = this.open;
      const tour = this.tour;
      const unused = (await this.cleanup?.choose(open.id, tour)) ?? [];
      await this.writeStaged();
      await api.saveManifest(open.id, tour);
      open.savedJson = canonicalJson(tour);
      // The draft history is kept: it is how an earlier state comes back after a save too.
      const warnings = this.problems.length;
      this.status = warnings > 0 ? t('savedWithWarnings', { count: warnings }) : t('saved');
      const removed = unused.length > 0 ? await this.cleanup?.remove(open.id, unused) : 0;
      if (removed) this.status = t('up_unusedRemoved', { count: removed });
    } catch (error) {
      // A static deployment has no write endpoint: point to the zip instead of a bare error.
      const noEndpoint = /HTTP 40[45]/.test(reasonOf(error));
      const reason = reasonOf(error, this.lang);
      this.status = noEndpoint ? t('noWriteEndpoint') : t('saveFailed', { reason });
    }
    this.render(['header']);
  }

  /** The staged files onto disk, one by one, before the manifest that names them. */
  private async writeStaged(): Promise<void> {
    const open = this.open;
    if (!open) return;
    const tour = this.tour;
    const staged = this.stagedFiles;
    for (const [relative, bytes] of staged) {
      await api.uploadFile(open.id, relative, new Blob([bytes as Uint8Array<ArrayBuffer>]));
      open.files.add(relative);
    }
    if (staged.size > 0) this.staged.set(tour, NOTHING_STAGED);
  }

  private forgetStaged(): void {
    for (const url of this.stagedUrls.values()) URL.revokeObjectURL(url);
    this.stagedUrls.clear();
    this.staged = new WeakMap();
  }
}
