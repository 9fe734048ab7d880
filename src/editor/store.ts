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
import { DraftStore } from './drafts.ts';
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
import { keepSession, takeSession } from './session.ts';
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
  placeType: HotspotType | 'none' = 'scene';
  problems: Problem[] = [];
  status = '';
  draftOffer: { time: number; tour: Tour } | undefined;
  arrivalPick: ArrivalPick | undefined;
  /** A tour being created or opened: a reload meanwhile must come back to it. */
  pendingTourId: string | undefined;
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
    this.afterChange(options.keepPanel === true);
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

  private afterChange(keepPanel: boolean): void {
    if (!this.open) return;
    if (this.sceneId && !sceneOf(this.tour, this.sceneId)) this.sceneId = this.tour.scenes[0]?.id;
    if (!this.sceneId) this.sceneId = this.tour.scenes[0]?.id;
    if (!this.selectionExists()) {
      this.selection = this.sceneId ? { kind: 'scene', sceneId: this.sceneId } : { kind: 'tour' };
    }
    this.status = '';
    void this.drafts
      .put({ tourId: this.open.id, tour: this.tour, savedAt: Date.now() })
      .catch(() => undefined);
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

  /** A click in the panorama: a new hotspot of the chosen kind, selected. */
  placeHotspot(position: Position): void {
    if (!this.open || !this.sceneId || this.placeType === 'none' || this.arrivalPick) return;
    const sceneId = this.sceneId;
    // A new scene link leads to some other scene at first: the author then picks the right one.
    const target =
      this.placeType === 'scene' ? this.tour.scenes.find((s) => s.id !== sceneId)?.id : undefined;
    const added = addHotspot(this.tour, sceneId, this.placeType, position, target);
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
    const loaded = await api.loadManifest(id);
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
      const draft = await this.drafts.get(id).catch(() => undefined);
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
  }

  /** Just before the dev server reloads the page. */
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
    const tour = normalize(this.draftOffer.tour);
    this.draftOffer = undefined;
    this.commit(tour);
    this.render(['banner']);
  }

  discardDraft(): void {
    if (!this.open) return;
    this.draftOffer = undefined;
    void this.drafts.delete(this.open.id).catch(() => undefined);
    this.render(['banner']);
  }

  async save(): Promise<void> {
    if (!this.open) return;
    const t = this.t;
    await this.validate();
    const errors = this.problems.filter((p) => p.severity === 'error');
    if (hasErrors(this.problems)) {
      const message = errors[0]?.message[this.lang] ?? '';
      return this.say(t('saveBlocked', { count: errors.length, message }));
    }
    try {
      await this.writeStaged();
      await api.saveManifest(this.open.id, this.tour);
      this.open.savedJson = canonicalJson(this.tour);
      await this.drafts.delete(this.open.id).catch(() => undefined);
      const warnings = this.problems.length;
      this.status = warnings > 0 ? t('savedWithWarnings', { count: warnings }) : t('saved');
    } catch (error) {
      const reason = reasonOf(error);
      // A static deployment has no write endpoint: point to the zip instead of a bare error.
      this.status = /HTTP 40[45]/.test(reason) ? t('noWriteEndpoint') : t('saveFailed', { reason });
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
