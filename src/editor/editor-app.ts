/**
 * The tour editor: one tour open at a time, every change an immutable snapshot in the undo
 * history, validated at once and kept as a draft in IndexedDB until it is saved. Author text
 * only ever goes through `textContent` and input values (see `h` in ui/dom.ts).
 */
import type { i18n as I18n } from 'i18next';
import { isId, isLanguageCode } from '../core/manifest/ids.ts';
import { hasErrors, type Problem } from '../core/manifest/problems.ts';
import type { Credit, Hotspot, LangMap, Scene, Tour, View } from '../core/manifest/schema.ts';
import { textOf } from '../core/manifest/text.ts';
import { validateTourData } from '../core/manifest/validate.ts';
import { h, replaceChildren } from '../web/ui/dom.ts';
import * as api from './api.ts';
import { DraftStore } from './drafts.ts';
import { History } from './history.ts';
import { createEditorTranslator, EDITOR_LANGUAGES, type EditorLanguage } from './i18n.ts';
import { checkPanorama } from './image-check.ts';
import {
  addHotspot,
  addScene,
  canonicalJson,
  deleteHotspot,
  deleteScene,
  type HotspotType,
  linkBothWays,
  missingLanguages,
  moveHotspot,
  moveScene,
  renameScene,
  sceneOf,
  type Selection,
  selectionForPath,
  setStartView,
  setText,
  uniqueId,
  updateHotspot,
  updateScene,
} from './model.ts';
import { PanoramaView } from './panorama-view.ts';

const LANG_KEY = 'heritage-editor-language';
const SESSION_KEY = 'heritage-editor-session';
const SESSION_MAX_AGE_MS = 30_000;

/** What survives a reload of the page by the dev server. */
interface Session {
  tourId: string;
  at: number;
  history: { past: Tour[]; current: Tour; future: Tour[] };
  savedJson: string;
  sceneId: string | undefined;
  selection: Selection;
  status: string;
}
const HOTSPOT_TYPES: HotspotType[] = ['scene', 'info', 'audio', 'link'];
/** Kiosk-friendly lengths (characters). */
const MAX_TITLE = 60;
const MAX_TEXT = 500;

interface OpenTour {
  id: string;
  history: History<Tour>;
  files: Set<string>;
  /** JSON of the last saved (or loaded) version, to know whether there are unsaved changes. */
  savedJson: string;
}

export class EditorApp {
  private open: OpenTour | undefined;
  private sceneId: string | undefined;
  private selection: Selection = { kind: 'tour' };
  private placeType: HotspotType | 'none' = 'scene';
  private problems: Problem[] = [];
  private validationRun = 0;
  private status = '';
  /** A tour being created or opened: a reload meanwhile must come back to it. */
  private pendingTourId: string | undefined;
  private draftOffer: { time: number; tour: Tour } | undefined;
  /** While set, the viewer shows a link's target so the author can turn to its arrival view. */
  private arrivalPick: { sceneId: string; hotspotId: string; target: string } | undefined;
  private readonly drafts = new DraftStore();
  private readonly view: PanoramaView;

  private readonly header = h('header', { class: 'ed-header' });
  private readonly banner = h('div', { class: 'ed-banner', role: 'status' });
  private readonly sidebar = h('nav', { class: 'ed-scenes' });
  private readonly toolbar = h('div', { class: 'ed-toolbar' });
  private readonly viewerBox = h('div', { class: 'ed-viewer', 'data-testid': 'viewer' });
  private readonly panel = h('aside', { class: 'ed-panel' });
  private readonly problemList = h('section', { class: 'ed-problems' });

  private constructor(
    private readonly root: HTMLElement,
    private t: I18n,
  ) {
    this.view = new PanoramaView(this.viewerBox, {
      onClick: (position) => this.placeHotspot(position),
      onSelect: (hotspotId) => this.selectHotspot(hotspotId),
      onMove: (hotspotId, position) => {
        if (!this.open || !this.sceneId) return;
        this.commit(moveHotspot(this.tour, this.sceneId, hotspotId, position));
      },
    });
  }

  static async start(root: HTMLElement): Promise<EditorApp> {
    const stored = localStorage.getItem(LANG_KEY);
    const lang: EditorLanguage = stored === 'en' ? 'en' : 'vi';
    const app = new EditorApp(root, await createEditorTranslator(lang));
    app.layout();
    const wanted = new URLSearchParams(location.search).get('tour');
    if (wanted) await app.openTour(wanted);
    else app.renderAll();
    // Saving tour.json makes the dev server reload every page: keep the undo history across.
    import.meta.hot?.on('vite:beforeFullReload', () => app.keepSession());
    document.addEventListener('keydown', (event) => app.onKey(event));
    window.addEventListener('beforeunload', (event) => {
      if (app.dirty) event.preventDefault();
    });
    return app;
  }

  private get tour(): Tour {
    if (!this.open) throw new Error('no tour open');
    return this.open.history.value;
  }

  get dirty(): boolean {
    return this.open !== undefined && canonicalJson(this.tour) !== this.open.savedJson;
  }

  private get lang(): EditorLanguage {
    return this.t.language === 'en' ? 'en' : 'vi';
  }

  private layout(): void {
    document.documentElement.lang = this.lang;
    replaceChildren(
      this.root,
      this.header,
      this.banner,
      h(
        'div',
        { class: 'ed-main' },
        this.sidebar,
        h('div', { class: 'ed-centre' }, this.toolbar, this.viewerBox, this.problemList),
        this.panel,
      ),
    );
  }

  private renderAll(): void {
    document.title = this.t.t('title');
    this.renderHeader();
    this.renderBanner();
    this.renderSidebar();
    this.renderToolbar();
    this.renderPanel();
    this.renderProblems();
    this.renderViewer();
  }

  // ---- changes ------------------------------------------------------------------------------

  /** Every change goes through here: history, draft, validation, display. */
  private commit(next: Tour, options: { mergeKey?: string; keepPanel?: boolean } = {}): void {
    if (!this.open) return;
    this.open.history.push(next, options.mergeKey);
    this.afterChange(options.keepPanel === true);
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
    this.renderHeader();
    this.renderSidebar();
    this.renderToolbar();
    if (!keepPanel) this.renderPanel();
    this.renderViewer();
  }

  private selectionExists(): boolean {
    if (!this.open) return true;
    const s = this.selection;
    if (s.kind === 'tour') return true;
    const scene = sceneOf(this.tour, s.sceneId);
    if (!scene) return false;
    return s.kind === 'scene' || (scene.hotspots ?? []).some((hs) => hs.id === s.hotspotId);
  }

  private async validate(): Promise<void> {
    if (!this.open) return;
    const run = ++this.validationRun;
    const files = this.open.files;
    const { problems } = await validateTourData(this.tour, {
      file: `tours/${this.open.id}/tour.json`,
      fileExists: (relative) => files.has(relative),
    });
    if (run !== this.validationRun) return;
    this.problems = problems;
    this.renderProblems();
  }

  private undo(): void {
    if (!this.open?.history.canUndo) return;
    this.open.history.undo();
    this.afterChange(false);
  }

  private redo(): void {
    if (!this.open?.history.canRedo) return;
    this.open.history.redo();
    this.afterChange(false);
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select')) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      if (event.shiftKey) this.redo();
      else this.undo();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'y') {
      event.preventDefault();
      this.redo();
    }
  }

  // ---- opening, creating, saving ------------------------------------------------------------

  private async openTour(id: string): Promise<void> {
    this.pendingTourId = id;
    setTourInUrl(id);
    const loaded = await api.loadManifest(id);
    let tour: Tour;
    try {
      tour = normalize(JSON.parse(loaded.text) as Tour);
    } catch (error) {
      this.status = this.t.t('saveFailed', { reason: String(error) });
      this.renderHeader();
      return;
    }
    this.open = {
      id,
      history: new History(tour),
      files: new Set(loaded.files),
      savedJson: canonicalJson(tour),
    };
    this.sceneId = tour.scenes[0]?.id;
    this.selection = this.sceneId ? { kind: 'scene', sceneId: this.sceneId } : { kind: 'tour' };
    this.status = '';
    this.draftOffer = undefined;
    const session = this.takeSession(id);
    // The reload may come before the answer to the save: the kept state then equals the file.
    const inSync =
      session !== undefined &&
      (session.savedJson === this.open.savedJson ||
        canonicalJson(normalize(session.history.current)) === this.open.savedJson);
    if (session && inSync) {
      this.open.history = History.fromJSON(session.history);
      this.sceneId = session.sceneId;
      this.selection = session.selection;
      // Reloaded before the save's answer arrived: the file on disk is the kept state.
      this.status = session.savedJson === this.open.savedJson ? session.status : this.t.t('saved');
    } else {
      const draft = await this.drafts.get(id).catch(() => undefined);
      if (
        draft &&
        draft.savedAt > loaded.mtime &&
        canonicalJson(normalize(draft.tour)) !== this.open.savedJson
      ) {
        this.draftOffer = { time: draft.savedAt, tour: draft.tour };
      }
    }
    this.pendingTourId = undefined;
    void this.validate();
    this.renderAll();
  }

  keepSession(): void {
    if (this.pendingTourId) setTourInUrl(this.pendingTourId);
    if (!this.open) return;
    const session: Session = {
      tourId: this.open.id,
      at: Date.now(),
      history: this.open.history.toJSON(),
      savedJson: this.open.savedJson,
      sceneId: this.sceneId,
      selection: this.selection,
      status: this.status,
    };
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch {
      // too large for sessionStorage: the draft in IndexedDB still has the last state
    }
  }

  /** The session kept by `keepSession` just before a reload, if it is about this tour. */
  private takeSession(id: string): Session | undefined {
    const text = sessionStorage.getItem(SESSION_KEY);
    sessionStorage.removeItem(SESSION_KEY);
    if (!text) return undefined;
    try {
      const session = JSON.parse(text) as Session;
      return session.tourId === id && Date.now() - session.at < SESSION_MAX_AGE_MS
        ? session
        : undefined;
    } catch {
      return undefined;
    }
  }

  private restoreDraft(): void {
    if (!this.open || !this.draftOffer) return;
    const tour = normalize(this.draftOffer.tour);
    this.draftOffer = undefined;
    this.commit(tour);
    this.renderBanner();
  }

  private discardDraft(): void {
    if (!this.open) return;
    this.draftOffer = undefined;
    void this.drafts.delete(this.open.id).catch(() => undefined);
    this.renderBanner();
  }

  private async save(): Promise<void> {
    if (!this.open) return;
    await this.validate();
    const errors = this.problems.filter((p) => p.severity === 'error');
    if (hasErrors(this.problems)) {
      this.status = this.t.t('saveBlocked', {
        count: errors.length,
        message: errors[0]?.message[this.lang] ?? '',
      });
      this.renderHeader();
      return;
    }
    try {
      await api.saveManifest(this.open.id, this.tour);
      this.open.savedJson = canonicalJson(this.tour);
      await this.drafts.delete(this.open.id).catch(() => undefined);
      const warnings = this.problems.length;
      this.status =
        warnings > 0 ? this.t.t('savedWithWarnings', { count: warnings }) : this.t.t('saved');
    } catch (error) {
      const reason = (error as Error).message;
      // A static deployment has no write endpoint: point to the zip instead of a bare error.
      this.status = /HTTP 40[45]/.test(reason)
        ? this.t.t('noWriteEndpoint')
        : this.t.t('saveFailed', { reason });
    }
    this.renderHeader();
  }

  /** Downloads tour.json and every file of the tour folder as one zip. */
  private async exportZip(): Promise<void> {
    if (!this.open) return;
    const { id, files } = this.open;
    const { buildTourZip } = await import('./zip.ts');
    const contents = new Map<string, Uint8Array>();
    for (const relative of files) {
      const response = await fetch(`/tours/${id}/${api.encodePath(relative)}`);
      if (response.ok) contents.set(relative, new Uint8Array(await response.arrayBuffer()));
    }
    const zip = await buildTourZip(this.tour, contents);
    const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
    const link = h('a', { href: url, download: `${id}.zip` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.status = this.t.t('exported', { name: `${id}.zip`, count: contents.size });
    this.renderHeader();
  }

  private importButton(): Node {
    const t = this.t.t.bind(this.t);
    const input = h('input', {
      type: 'file',
      accept: '.zip,application/zip',
      'data-testid': 'import-input',
      'aria-label': t('import'),
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.importZip(file);
    });
    return h('label', { class: 'ed-import', 'data-action': 'import' }, t('import'), input);
  }

  /** Opens a tour zip as an unsaved change of the open tour: assets copied, manifest in the draft. */
  private async importZip(file: File): Promise<void> {
    if (!this.open) return;
    const t = this.t.t.bind(this.t);
    const { openTourZip } = await import('./zip.ts');
    const opened = await openTourZip(new Uint8Array(await file.arrayBuffer()));
    if (!opened.ok) {
      this.status =
        opened.reason === 'badPath'
          ? t('importBadPath', { name: opened.name })
          : t(`import_${opened.reason}`);
      this.renderHeader();
      return;
    }
    const open = this.open;
    try {
      for (const [relative, bytes] of opened.files) {
        await api.uploadFile(open.id, relative, new Blob([bytes as BlobPart]));
        open.files.add(relative);
      }
    } catch (error) {
      this.status = t('saveFailed', { reason: (error as Error).message });
      this.renderHeader();
      return;
    }
    const tour = normalize({ ...(opened.manifest as Tour), id: open.id });
    this.sceneId = tour.scenes[0]?.id;
    this.selection = this.sceneId ? { kind: 'scene', sceneId: this.sceneId } : { kind: 'tour' };
    this.commit(tour);
    this.status = t('imported', { count: opened.files.size });
    this.renderHeader();
  }

  private showNewTourForm(): void {
    const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9][a-z0-9_-]{0,19}' });
    const titleVi = h('input', { name: 'title-vi' });
    const titleEn = h('input', { name: 'title-en' });
    const languages = h('input', { name: 'languages', value: 'vi, en' });
    const error = h('p', { class: 'ed-error', role: 'alert' });
    const form = h(
      'form',
      { class: 'ed-new-tour' },
      h('h2', {}, this.t.t('newTour')),
      h('label', {}, this.t.t('tourId'), id),
      h('label', {}, `${this.t.t('field_title')} (vi)`, titleVi),
      h('label', {}, `${this.t.t('field_title')} (en)`, titleEn),
      h('label', {}, this.t.t('languages'), languages),
      error,
      h(
        'div',
        { class: 'ed-row' },
        h('button', { type: 'submit', class: 'primary' }, this.t.t('create')),
        h('button', { type: 'button', 'data-action': 'cancel' }, this.t.t('cancel')),
      ),
    );
    const dialog = h('dialog', { class: 'ed-dialog' }, form);
    form.querySelector('[data-action=cancel]')?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const langs = languages.value
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const title: LangMap = {};
      if (titleVi.value.trim()) title.vi = titleVi.value.trim();
      if (titleEn.value.trim()) title.en = titleEn.value.trim();
      if (Object.keys(title).length === 0) title[langs[0] ?? 'vi'] = id.value;
      this.pendingTourId = id.value.trim();
      api
        .createTour({ id: id.value.trim(), title, languages: langs })
        .then(async () => {
          dialog.close();
          await this.openTour(id.value.trim());
        })
        .catch((e: Error) => {
          this.pendingTourId = undefined;
          error.textContent = this.t.t('createFailed', { reason: e.message });
        });
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  // ---- scenes and hotspots ------------------------------------------------------------------

  private async addPanoramas(files: readonly File[]): Promise<void> {
    if (!this.open) return;
    const messages: string[] = [];
    for (const file of files) {
      const check = await checkPanorama(file);
      const values = { name: file.name, width: check.width, height: check.height };
      if (!check.ok) {
        messages.push(this.t.t(check.reason, values));
        continue;
      }
      if (check.warning) messages.push(this.t.t(check.warning, values));
      const dot = file.name.lastIndexOf('.');
      const base = dot > 0 ? file.name.slice(0, dot) : file.name;
      const ext = (dot > 0 ? file.name.slice(dot + 1) : 'jpg').toLowerCase();
      const fileBase = uniqueId(
        base,
        [...this.open.files]
          .filter((f) => f.startsWith('panoramas/'))
          .map((f) => f.slice('panoramas/'.length).replace(/\.[^.]+$/, '')),
      );
      const relative = `panoramas/${fileBase}.${ext}`;
      this.status = this.t.t('uploading', { name: file.name });
      this.renderHeader();
      try {
        await api.uploadFile(this.open.id, relative, file);
      } catch (error) {
        messages.push(this.t.t('saveFailed', { reason: (error as Error).message }));
        continue;
      }
      this.open.files.add(relative);
      const sceneId = uniqueId(
        base,
        this.tour.scenes.map((s) => s.id),
      );
      const title: LangMap = { [this.tour.defaultLanguage]: base };
      this.sceneId = sceneId;
      this.selection = { kind: 'scene', sceneId };
      this.commit(addScene(this.tour, { id: sceneId, title, source: relative }));
    }
    this.status = messages.join(' ');
    this.renderHeader();
  }

  private placeHotspot(position: { yaw: number; pitch: number }): void {
    if (!this.open || !this.sceneId || this.placeType === 'none' || this.arrivalPick) return;
    const target =
      this.placeType === 'scene'
        ? this.tour.scenes.find((s) => s.id !== this.sceneId)?.id
        : undefined;
    const result = addHotspot(this.tour, this.sceneId, this.placeType, position, target);
    this.selection = { kind: 'hotspot', sceneId: this.sceneId, hotspotId: result.hotspotId };
    this.commit(result.tour);
  }

  private selectHotspot(hotspotId: string): void {
    if (!this.sceneId) return;
    this.selection = { kind: 'hotspot', sceneId: this.sceneId, hotspotId };
    this.renderPanel();
    this.renderViewer();
  }

  private selectScene(sceneId: string): void {
    this.sceneId = sceneId;
    this.selection = { kind: 'scene', sceneId };
    this.renderSidebar();
    this.renderPanel();
    this.renderViewer();
  }

  private goToProblem(problem: Problem): void {
    if (!this.open) return;
    const selection = selectionForPath(this.tour, problem.path);
    this.selection = selection;
    if (selection.kind !== 'tour') this.sceneId = selection.sceneId;
    this.renderSidebar();
    this.renderPanel();
    this.renderViewer();
    const field = selection.field;
    // The language, when the path goes down to it (…title.en), else the first one missing.
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
      .map((selector) => this.panel.querySelector<HTMLElement>(selector))
      .find((found) => found !== null);
    (input ?? this.panel.querySelector<HTMLElement>('input, textarea, select'))?.focus();
  }

  // ---- rendering ----------------------------------------------------------------------------

  private renderHeader(): void {
    const t = this.t.t.bind(this.t);
    const tourSelect = h(
      'select',
      { 'aria-label': t('tour'), 'data-testid': 'tour-select' },
      h('option', { value: '' }, t('chooseTour')),
    );
    void api.listTours().then((tours) => {
      for (const tour of tours) {
        const label = tour.title ? `${textOf(tour.title, this.lang, 'vi')} (${tour.id})` : tour.id;
        tourSelect.append(
          h('option', { value: tour.id, selected: tour.id === this.open?.id }, label),
        );
      }
    });
    tourSelect.addEventListener('change', () => {
      if (tourSelect.value) void this.openTour(tourSelect.value);
    });
    const button = (
      label: string,
      action: () => void,
      attrs: Record<string, string | boolean> = {},
    ) => {
      const b = h('button', { type: 'button', ...attrs }, label);
      b.addEventListener('click', action);
      return b;
    };
    const langSelect = h('select', { 'aria-label': t('uiLanguage'), 'data-testid': 'ui-language' });
    for (const lang of EDITOR_LANGUAGES) {
      langSelect.append(
        h(
          'option',
          { value: lang, selected: lang === this.lang },
          lang === 'vi' ? 'Tiếng Việt' : 'English',
        ),
      );
    }
    langSelect.addEventListener('change', () => {
      localStorage.setItem(LANG_KEY, langSelect.value);
      void this.t.changeLanguage(langSelect.value).then(() => {
        document.documentElement.lang = this.lang;
        this.renderAll();
      });
    });
    const history = this.open?.history;
    const previewScene = this.sceneId ? `/${this.sceneId}` : '';
    replaceChildren(
      this.header,
      h('h1', {}, t('title')),
      tourSelect,
      button(t('newTour'), () => this.showNewTourForm(), { 'data-action': 'new-tour' }),
      h('span', { class: 'ed-spacer' }),
      this.open &&
        button(t('undo'), () => this.undo(), {
          'data-action': 'undo',
          disabled: !history?.canUndo,
          title: 'Ctrl+Z',
        }),
      this.open &&
        button(t('redo'), () => this.redo(), {
          'data-action': 'redo',
          disabled: !history?.canRedo,
          title: 'Ctrl+Y',
        }),
      this.open &&
        button(t('save'), () => void this.save(), { 'data-action': 'save', class: 'primary' }),
      this.open && button(t('export'), () => void this.exportZip(), { 'data-action': 'export' }),
      this.open && this.importButton(),
      this.open &&
        button(
          t('preview'),
          () => window.open(`/#/${this.open?.id}${previewScene}`, '_blank', 'noopener'),
          {
            'data-action': 'preview',
          },
        ),
      langSelect,
      h(
        'p',
        { class: 'ed-status', role: 'status', 'data-testid': 'status' },
        this.status || (this.dirty ? t('unsaved') : ''),
      ),
    );
  }

  private renderBanner(): void {
    const offer = this.draftOffer;
    this.banner.hidden = !offer;
    if (!offer) return replaceChildren(this.banner);
    const restore = h(
      'button',
      { type: 'button', class: 'primary', 'data-action': 'restore-draft' },
      this.t.t('restore'),
    );
    const discard = h(
      'button',
      { type: 'button', 'data-action': 'discard-draft' },
      this.t.t('discard'),
    );
    restore.addEventListener('click', () => this.restoreDraft());
    discard.addEventListener('click', () => this.discardDraft());
    replaceChildren(
      this.banner,
      h(
        'span',
        {},
        this.t.t('draftFound', { time: new Date(offer.time).toLocaleString(this.lang) }),
      ),
      restore,
      discard,
    );
  }

  private renderSidebar(): void {
    const t = this.t.t.bind(this.t);
    if (!this.open) return replaceChildren(this.sidebar, h('p', { class: 'ed-hint' }, t('noTour')));
    const tour = this.tour;
    const items = tour.scenes.map((scene, index) => {
      const item = h(
        'button',
        {
          type: 'button',
          class: 'ed-scene',
          'aria-current': scene.id === this.sceneId ? 'true' : undefined,
          'data-scene': scene.id,
        },
        h(
          'span',
          { class: 'ed-scene-title' },
          textOf(scene.title, this.lang, tour.defaultLanguage) || scene.id,
        ),
        h(
          'small',
          {},
          scene.id,
          tour.startScene === scene.id || (!tour.startScene && scene === tour.scenes[0])
            ? ' ★'
            : '',
        ),
      );
      item.addEventListener('click', () => this.selectScene(scene.id));
      return h('li', { class: 'ed-scene-row' }, item, ...this.moveButtons(scene, index));
    });
    const input = h('input', {
      type: 'file',
      accept: 'image/jpeg,image/png,image/webp',
      multiple: true,
      'data-testid': 'panorama-input',
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      void this.addPanoramas(files);
    });
    const drop = h('label', { class: 'ed-drop' }, t('addScene'), input);
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      void this.addPanoramas([...(event.dataTransfer?.files ?? [])]);
    });
    const settings = h(
      'button',
      {
        type: 'button',
        class: 'ed-scene',
        'aria-current': this.selection.kind === 'tour' ? 'true' : undefined,
        'data-action': 'tour-settings',
      },
      t('tourSettings'),
    );
    settings.addEventListener('click', () => {
      this.selection = { kind: 'tour' };
      this.renderSidebar();
      this.renderPanel();
    });
    replaceChildren(this.sidebar, settings, h('h2', {}, t('scenes')), h('ol', {}, ...items), drop);
  }

  private renderToolbar(): void {
    const t = this.t.t.bind(this.t);
    if (!this.open || !this.sceneId) return replaceChildren(this.toolbar);
    if (this.arrivalPick) return this.renderArrivalBar(this.arrivalPick);
    const select = h('select', { 'data-testid': 'place-type', 'aria-label': t('clickPlaces') });
    for (const type of ['none', ...HOTSPOT_TYPES] as const) {
      select.append(
        h(
          'option',
          { value: type, selected: type === this.placeType },
          type === 'none' ? t('placeNothing') : t(`type_${type}`),
        ),
      );
    }
    select.addEventListener('change', () => {
      this.placeType = select.value as HotspotType | 'none';
    });
    const useView = h('button', { type: 'button', 'data-action': 'use-view' }, t('useView'));
    useView.addEventListener('click', () => {
      const sceneId = this.sceneId;
      if (!sceneId) return;
      this.commit(setStartView(this.tour, sceneId, this.view.currentView()));
    });
    replaceChildren(this.toolbar, h('label', {}, t('clickPlaces'), ' ', select), useView);
  }

  /** Up/down buttons of a scene in the list: the order is the gallery's and the attract loop's. */
  private moveButtons(scene: Scene, index: number): Node[] {
    const t = this.t.t.bind(this.t);
    const count = this.tour.scenes.length;
    const name = textOf(scene.title, this.lang, this.tour.defaultLanguage) || scene.id;
    const button = (step: -1 | 1, symbol: string, label: string) => {
      const disabled = step === -1 ? index === 0 : index === count - 1;
      const b = h(
        'button',
        {
          type: 'button',
          class: 'ed-move',
          disabled,
          'aria-label': `${label}: ${name}`,
          title: label,
          'data-action': step === -1 ? 'scene-up' : 'scene-down',
        },
        symbol,
      );
      b.addEventListener('click', () => this.commit(moveScene(this.tour, scene.id, step)));
      return b;
    };
    return [button(-1, '↑', t('moveUp')), button(1, '↓', t('moveDown'))];
  }

  /** Toolbar while choosing a link's arrival view inside its target scene. */
  private renderArrivalBar(pick: { sceneId: string; hotspotId: string; target: string }): void {
    const t = this.t.t.bind(this.t);
    const back = () => {
      this.arrivalPick = undefined;
      this.sceneId = pick.sceneId;
      this.selection = { kind: 'hotspot', sceneId: pick.sceneId, hotspotId: pick.hotspotId };
    };
    const use = h(
      'button',
      { type: 'button', class: 'primary', 'data-action': 'arrival-use' },
      t('arrivalUse'),
    );
    use.addEventListener('click', () => {
      const view = this.view.currentView();
      const arrival: View = {
        yaw: Math.round(view.yaw * 10) / 10,
        pitch: Math.round(view.pitch * 10) / 10,
      };
      if (view.zoom !== undefined) arrival.zoom = Math.round(view.zoom);
      back();
      this.commit(
        updateHotspot(
          this.tour,
          pick.sceneId,
          pick.hotspotId,
          (hs) => ({ ...hs, arrival }) as Hotspot,
        ),
      );
      this.renderSidebar();
    });
    const cancel = h('button', { type: 'button', 'data-action': 'arrival-cancel' }, t('cancel'));
    cancel.addEventListener('click', () => {
      back();
      this.renderAll();
    });
    replaceChildren(
      this.toolbar,
      h('p', { class: 'ed-pick', role: 'status' }, t('arrivalPickHint')),
      use,
      cancel,
    );
  }

  /** Copies a chosen file into `folder/` of the tour; its path relative to tour.json, or undefined. */
  private async attachFile(file: File, folder: string): Promise<string | undefined> {
    if (!this.open) return undefined;
    const open = this.open;
    const dot = file.name.lastIndexOf('.');
    const ext =
      dot > 0
        ? file.name
            .slice(dot + 1)
            .toLowerCase()
            .replace(/[^a-z0-9]/g, '')
        : '';
    const stem = uniqueId(dot > 0 ? file.name.slice(0, dot) : file.name, []);
    const relative = `${folder}/${stem}${ext ? `.${ext}` : ''}`;
    this.status = this.t.t('uploading', { name: file.name });
    this.renderHeader();
    try {
      await api.uploadFile(open.id, relative, file);
    } catch (error) {
      this.status = this.t.t('saveFailed', { reason: (error as Error).message });
      this.renderHeader();
      return undefined;
    }
    open.files.add(relative);
    this.status = '';
    return relative;
  }

  private renderViewer(): void {
    const scene = this.open && this.sceneId ? sceneOf(this.tour, this.sceneId) : undefined;
    this.viewerBox.classList.toggle('empty', !scene);
    if (!this.open || !scene) {
      this.view.hide(this.open ? this.t.t('noScene') : this.t.t('noTour'));
      return;
    }
    const tour = this.tour;
    const selected = this.selection.kind === 'hotspot' ? this.selection.hotspotId : undefined;
    const pick = this.arrivalPick;
    const pickLink = pick
      ? sceneOf(tour, pick.sceneId)?.hotspots?.find((hs) => hs.id === pick.hotspotId)
      : undefined;
    const arrival = pickLink?.type === 'scene' ? pickLink.arrival : undefined;
    this.view.show({
      key: `${this.open.id}/${scene.id}`,
      url: `/tours/${this.open.id}/${api.encodePath(scene.panorama.source ?? scene.panorama.preview ?? '')}`,
      startView: arrival ?? scene.startView,
      markers: (scene.hotspots ?? []).map((hotspot) => ({
        id: hotspot.id,
        type: hotspot.type,
        position: hotspot.position,
        label: hotspotLabel(tour, hotspot, this.lang),
        selected: hotspot.id === selected,
      })),
    });
  }

  private renderProblems(): void {
    const t = this.t.t.bind(this.t);
    if (!this.open) return replaceChildren(this.problemList);
    const errors = this.problems.filter((p) => p.severity === 'error').length;
    const warnings = this.problems.length - errors;
    const items = this.problems.map((problem) => {
      const button = h(
        'button',
        { type: 'button', class: `ed-problem ${problem.severity}` },
        h('span', { class: 'ed-severity' }, problem.severity === 'error' ? '⛔' : '⚠'),
        h('span', { class: 'ed-where' }, problemPlace(this.tour, problem, t('tourSettings'))),
        problem.message[this.lang],
      );
      button.addEventListener('click', () => this.goToProblem(problem));
      return h('li', {}, button);
    });
    replaceChildren(
      this.problemList,
      h(
        'h2',
        {},
        t('problems'),
        ': ',
        this.problems.length === 0
          ? t('noProblems')
          : `${t('errors', { count: errors })}, ${t('warnings', { count: warnings })}`,
      ),
      h('ul', { 'data-testid': 'problems' }, ...items),
    );
  }

  private renderPanel(): void {
    if (!this.open) return replaceChildren(this.panel);
    const s = this.selection;
    if (s.kind === 'tour') return this.renderTourPanel();
    const scene = sceneOf(this.tour, s.sceneId);
    if (!scene) return replaceChildren(this.panel);
    if (s.kind === 'scene') return this.renderScenePanel(scene);
    const hotspot = (scene.hotspots ?? []).find((hs) => hs.id === s.hotspotId);
    if (!hotspot) return this.renderScenePanel(scene);
    this.renderHotspotPanel(scene, hotspot);
  }

  private renderTourPanel(): void {
    const t = this.t.t.bind(this.t);
    const tour = this.tour;
    replaceChildren(
      this.panel,
      h('h2', {}, t('tourSettings'), ' — ', tour.id),
      this.langFields(
        'title',
        tour.title,
        MAX_TITLE,
        (map) => ({ ...this.tour, title: map }),
        'tour.title',
      ),
      this.langFields(
        'description',
        tour.description,
        MAX_TEXT,
        (map) => ({ ...this.tour, description: map }),
        'tour.description',
        true,
      ),
      this.languagesField(),
    );
  }

  /** The tour's languages, the first being the default; invalid codes are refused. */
  private languagesField(): Node {
    const t = this.t.t.bind(this.t);
    const input = h('input', {
      type: 'text',
      value: this.tour.languages.join(', '),
      'data-field': 'languages',
    });
    const apply = h('button', { type: 'button', 'data-action': 'set-languages' }, t('apply'));
    apply.addEventListener('click', () => {
      const languages = [
        ...new Set(
          input.value
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean),
        ),
      ];
      if (languages.length === 0 || !languages.every(isLanguageCode)) {
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      this.commit({ ...this.tour, languages, defaultLanguage: languages[0] ?? 'vi' });
    });
    return h(
      'label',
      { class: 'ed-field' },
      t('languages'),
      h('div', { class: 'ed-row' }, input, apply),
    );
  }

  private renderScenePanel(scene: Scene): void {
    const t = this.t.t.bind(this.t);
    const tour = this.tour;
    const sceneId = scene.id;
    const edit = (change: (s: Scene) => Scene) => updateScene(this.tour, sceneId, change);
    const isStart =
      tour.startScene === sceneId || (!tour.startScene && tour.scenes[0]?.id === sceneId);
    const startButton = h(
      'button',
      { type: 'button', disabled: isStart, 'data-action': 'start-scene' },
      isStart ? t('isStartScene') : t('startScene'),
    );
    startButton.addEventListener('click', () => this.commit({ ...this.tour, startScene: sceneId }));
    const others = tour.scenes.filter((other) => other.id !== sceneId);
    const linkSelect = h(
      'select',
      { 'data-testid': 'link-both-target' },
      ...others.map((o) =>
        h('option', { value: o.id }, textOf(o.title, this.lang, tour.defaultLanguage) || o.id),
      ),
    );
    const linkButton = h(
      'button',
      { type: 'button', 'data-action': 'link-both' },
      t('linkBothButton'),
    );
    linkButton.addEventListener('click', () => {
      if (!linkSelect.value) return;
      const start = this.view.currentView();
      this.commit(
        linkBothWays(this.tour, sceneId, linkSelect.value, { yaw: start.yaw, pitch: -10 }),
      );
    });
    const remove = h(
      'button',
      { type: 'button', class: 'danger', 'data-action': 'delete-scene' },
      t('delete'),
    );
    remove.addEventListener('click', () => {
      const name = textOf(scene.title, this.lang, tour.defaultLanguage) || sceneId;
      if (!confirm(t('confirmDeleteScene', { name }))) return;
      this.commit(deleteScene(this.tour, sceneId));
    });
    const view = scene.startView;
    replaceChildren(
      this.panel,
      h('h2', {}, `${t('scene')}: ${sceneId}`),
      this.renameField(scene),
      this.langFields(
        'title',
        scene.title,
        MAX_TITLE,
        (map) => edit((s) => ({ ...s, title: map })),
        `${sceneId}.title`,
      ),
      this.langFields(
        'description',
        scene.description,
        MAX_TEXT,
        (map) => edit((s) => ({ ...s, description: map })),
        `${sceneId}.description`,
        true,
      ),
      this.langFields(
        'narration',
        Object.fromEntries(
          Object.entries(scene.narration ?? {}).map(([lang, track]) => [lang, track.text ?? '']),
        ),
        MAX_TEXT * 2,
        (map) =>
          edit((s) => {
            const narration = { ...(s.narration ?? {}) };
            for (const [lang, text] of Object.entries(map))
              narration[lang] = { ...(narration[lang] ?? {}), text };
            return { ...s, narration };
          }),
        `${sceneId}.narration`,
        true,
      ),
      h(
        'p',
        { 'data-field': 'startView', 'data-testid': 'start-view' },
        `${t('field_startView')}: `,
        view
          ? `yaw ${view.yaw}°, pitch ${view.pitch}°${view.zoom === undefined ? '' : `, zoom ${view.zoom}`}`
          : t('notSet'),
      ),
      this.narrationAudioField(scene),
      this.creditField(scene),
      startButton,
      others.length > 0 &&
        h('div', { class: 'ed-row' }, h('label', {}, t('linkBoth'), ' ', linkSelect), linkButton),
      h('p', { class: 'ed-hint' }, t('selectHint')),
      remove,
    );
  }

  private renderHotspotPanel(scene: Scene, hotspot: Hotspot): void {
    const t = this.t.t.bind(this.t);
    const tour = this.tour;
    const sceneId = scene.id;
    const hotspotId = hotspot.id;
    const edit = (change: (hs: Hotspot) => Hotspot) =>
      updateHotspot(this.tour, sceneId, hotspotId, change);
    const parts: Array<Node | false> = [
      h('h2', {}, `${t(`type_${hotspot.type}`)}: ${hotspot.id}`),
      h(
        'p',
        { 'data-field': 'position' },
        `${t('field_position')}: yaw ${hotspot.position.yaw}°, pitch ${hotspot.position.pitch}°`,
      ),
    ];
    if (hotspot.type === 'scene') {
      const target = h(
        'select',
        { 'data-field': 'target', 'data-testid': 'hotspot-target' },
        h('option', { value: '' }, '—'),
        ...tour.scenes
          .filter((s) => s.id !== sceneId)
          .map((s) =>
            h(
              'option',
              { value: s.id, selected: s.id === hotspot.target },
              textOf(s.title, this.lang, tour.defaultLanguage) || s.id,
            ),
          ),
      );
      target.addEventListener('change', () =>
        this.commit(edit((hs) => ({ ...hs, target: target.value }) as Hotspot)),
      );
      parts.push(h('label', { class: 'ed-field' }, t('field_target'), target));
      parts.push(this.arrivalField(sceneId, hotspot));
    }
    // A scene link's title is optional: by default it shows the target scene's title.
    parts.push(
      this.langFields(
        'title',
        hotspot.title,
        MAX_TITLE,
        (map) => edit((hs) => ({ ...hs, title: map }) as Hotspot),
        `${hotspotId}.title`,
        hotspot.type === 'scene',
      ),
    );
    if (hotspot.type === 'info') {
      parts.push(
        this.langFields(
          'body',
          hotspot.body,
          MAX_TEXT,
          (map) => edit((hs) => ({ ...hs, body: map }) as Hotspot),
          `${hotspotId}.body`,
          true,
        ),
        this.imageField(hotspot, (image) =>
          this.commit(
            edit((hs) => {
              const next = { ...hs } as Extract<Hotspot, { type: 'info' }>;
              if (image) next.image = image;
              else delete next.image;
              return next;
            }),
          ),
        ),
      );
    }
    if (hotspot.type === 'audio') {
      parts.push(
        this.audioFields(hotspot, (audio) =>
          this.commit(edit((hs) => ({ ...hs, audio }) as Hotspot)),
        ),
      );
    }
    if (hotspot.type === 'link') {
      const url = h('input', { type: 'url', value: hotspot.url, 'data-field': 'url' });
      url.addEventListener('input', () =>
        this.commit(
          edit((hs) => ({ ...hs, url: url.value }) as Hotspot),
          { mergeKey: `${hotspotId}.url`, keepPanel: true },
        ),
      );
      parts.push(h('label', { class: 'ed-field' }, t('field_url'), url));
    }
    const remove = h(
      'button',
      { type: 'button', class: 'danger', 'data-action': 'delete-hotspot' },
      t('delete'),
    );
    remove.addEventListener('click', () => {
      if (!confirm(t('confirmDeleteHotspot', { name: hotspotLabel(tour, hotspot, this.lang) })))
        return;
      this.selection = { kind: 'scene', sceneId };
      this.commit(deleteHotspot(this.tour, sceneId, hotspotId));
    });
    parts.push(remove);
    replaceChildren(this.panel, ...parts);
  }

  /** Changing a scene id: links follow, and the old id stays valid as an alias. */
  private renameField(scene: Scene): Node {
    const t = this.t.t.bind(this.t);
    const input = h('input', {
      type: 'text',
      value: scene.id,
      'data-testid': 'scene-id-input',
      pattern: '[a-z0-9][a-z0-9_-]{0,19}',
    });
    const error = h('p', { class: 'ed-error', role: 'alert' });
    const apply = h('button', { type: 'button', 'data-action': 'rename-scene' }, t('rename'));
    apply.addEventListener('click', () => {
      const wanted = input.value.trim();
      if (wanted === scene.id) return;
      const next = isId(wanted) ? renameScene(this.tour, scene.id, wanted) : this.tour;
      if (next === this.tour) {
        error.textContent = isId(wanted) ? t('renameTaken', { id: wanted }) : t('renameInvalid');
        return;
      }
      this.sceneId = wanted;
      this.selection = { kind: 'scene', sceneId: wanted };
      this.commit(next);
    });
    const aliases = scene.aliases ?? [];
    return h(
      'fieldset',
      { 'data-field': 'id' },
      h('legend', {}, t('field_id')),
      h('div', { class: 'ed-row' }, h('label', { class: 'ed-field' }, t('sceneId'), input), apply),
      error,
      h('p', { class: 'ed-hint' }, t('renameHint')),
      aliases.length > 0 &&
        h('p', { 'data-testid': 'scene-aliases' }, `${t('field_aliases')}: ${aliases.join(', ')}`),
    );
  }

  /** Who made the panorama, under which licence: shown to visitors in the credits. */
  private creditField(scene: Scene): Node {
    const t = this.t.t.bind(this.t);
    const credit = scene.panorama.credit;
    const keys = ['author', 'license', 'url'] as const;
    const inputs = keys.map((key) => {
      const input = h('input', {
        type: key === 'url' ? 'url' : 'text',
        value: credit?.[key] ?? '',
        'data-field': `credit.${key}`,
      });
      input.addEventListener('input', () => {
        const values = Object.fromEntries(
          inputs.map(([k, i]) => [k, i.value.trim()] as const).filter(([, v]) => v !== ''),
        ) as Partial<Credit>;
        this.commit(
          updateScene(this.tour, scene.id, (s) => {
            const panorama = { ...s.panorama };
            // An empty credit is left out; a half-filled one is kept so validation names the gap.
            if (Object.keys(values).length === 0) delete panorama.credit;
            else panorama.credit = { author: '', license: '', ...values };
            return { ...s, panorama };
          }),
          { mergeKey: `${scene.id}.credit.${key}`, keepPanel: true },
        );
      });
      return [key, input] as const;
    });
    return h(
      'fieldset',
      { 'data-field': 'credit' },
      h('legend', {}, t('field_credit')),
      ...inputs.map(([key, input]) => h('label', { class: 'ed-field' }, t(`credit_${key}`), input)),
    );
  }

  /** Recorded narration (and captions) per language, copied into audio/<lang>/. */
  private narrationAudioField(scene: Scene): Node {
    const t = this.t.t.bind(this.t);
    const setFile = (lang: string, key: 'audio' | 'captions', path: string | undefined) =>
      this.commit(
        updateScene(this.tour, scene.id, (s) => {
          const narration = { ...(s.narration ?? {}) };
          const track = { ...(narration[lang] ?? {}) };
          if (path) track[key] = path;
          else delete track[key];
          narration[lang] = track;
          return { ...s, narration };
        }),
      );
    const rows = this.tour.languages.map((lang) => {
      const track = scene.narration?.[lang];
      const picker = (key: 'audio' | 'captions', accept: string) => {
        const input = h('input', {
          type: 'file',
          accept,
          'data-testid': `narration-${key}-${lang}`,
          'aria-label': `${t(`narration_${key}`)} (${lang})`,
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.value = '';
          if (!file) return;
          void this.attachFile(file, `audio/${lang}`).then((relative) => {
            if (relative) setFile(lang, key, relative);
          });
        });
        const path = track?.[key];
        const remove = h(
          'button',
          { type: 'button', 'aria-label': `${t('imageRemove')}: ${path ?? ''}` },
          '×',
        );
        remove.addEventListener('click', () => setFile(lang, key, undefined));
        return h(
          'div',
          { class: 'ed-row' },
          h('span', {}, `${t(`narration_${key}`)}: `),
          h('code', {}, path ?? '—'),
          path ? remove : false,
          input,
        );
      };
      return h(
        'div',
        { class: 'ed-lang' },
        h('span', { class: 'ed-lang-code' }, lang),
        picker('audio', 'audio/*'),
        picker('captions', '.vtt,text/vtt'),
        this.generateButton(scene.id, lang),
      );
    });
    return h(
      'fieldset',
      { 'data-field': 'narrationAudio' },
      h('legend', {}, t('field_narrationAudio')),
      ...rows,
    );
  }

  /** "Generate from the text": the local server reads the narration text with espeak-ng. */
  private generateButton(sceneId: string, lang: string): Node {
    const t = this.t.t.bind(this.t);
    const text = sceneOf(this.tour, sceneId)?.narration?.[lang]?.text?.trim() ?? '';
    const button = h(
      'button',
      { type: 'button', disabled: !text, 'data-action': `narrate-${lang}` },
      t('narrationGenerate'),
    );
    button.addEventListener('click', () => {
      if (!this.open) return;
      const open = this.open;
      button.disabled = true;
      this.status = t('narrationWorking', { lang });
      this.renderHeader();
      void api
        .generateNarration(open.id, { scene: sceneId, lang, text })
        .then((made) => {
          open.files.add(made.audio);
          open.files.add(made.captions);
          this.commit(
            updateScene(this.tour, sceneId, (s) => {
              const narration = { ...(s.narration ?? {}) };
              narration[lang] = {
                ...(narration[lang] ?? {}),
                audio: made.audio,
                captions: made.captions,
              };
              return { ...s, narration };
            }),
          );
          this.status = t('narrationDone', { lang, seconds: Math.round(made.seconds) });
          this.renderHeader();
        })
        .catch((error: unknown) => {
          this.status = t('narrationFailed', { reason: (error as Error).message });
          button.disabled = false;
          this.renderHeader();
        });
    });
    return button;
  }

  /** Where a visitor looks on arriving through a scene link: chosen by looking in the target. */
  private arrivalField(sceneId: string, hotspot: Extract<Hotspot, { type: 'scene' }>): Node {
    const t = this.t.t.bind(this.t);
    const arrival = hotspot.arrival;
    const choose = h(
      'button',
      { type: 'button', disabled: !hotspot.target, 'data-action': 'arrival-pick' },
      t('arrivalPick'),
    );
    choose.addEventListener('click', () => {
      if (!hotspot.target || !sceneOf(this.tour, hotspot.target)) return;
      this.arrivalPick = { sceneId, hotspotId: hotspot.id, target: hotspot.target };
      this.sceneId = hotspot.target;
      this.renderAll();
    });
    const clear = h(
      'button',
      { type: 'button', 'data-action': 'arrival-clear' },
      t('arrivalClear'),
    );
    clear.addEventListener('click', () =>
      this.commit(
        updateHotspot(this.tour, sceneId, hotspot.id, (hs) => {
          const next = { ...hs } as Extract<Hotspot, { type: 'scene' }>;
          delete next.arrival;
          return next;
        }),
      ),
    );
    return h(
      'fieldset',
      { 'data-field': 'arrival' },
      h('legend', {}, t('field_arrival')),
      h(
        'p',
        { 'data-testid': 'arrival-view' },
        arrival
          ? `yaw ${arrival.yaw}°, pitch ${arrival.pitch}°${arrival.zoom === undefined ? '' : `, zoom ${arrival.zoom}`}`
          : t('arrivalDefault'),
      ),
      h('div', { class: 'ed-row' }, choose, arrival ? clear : false),
    );
  }

  /** The picture of an info hotspot: chosen from disk, copied to images/, previewed. */
  private imageField(
    hotspot: Extract<Hotspot, { type: 'info' }>,
    change: (image: string | undefined) => void,
  ): Node {
    const t = this.t.t.bind(this.t);
    const input = h('input', {
      type: 'file',
      accept: 'image/jpeg,image/png,image/webp',
      'data-testid': 'info-image-input',
      'aria-label': t('imageChoose'),
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      void this.attachFile(file, 'images').then((relative) => {
        if (relative) change(relative);
        else this.renderPanel();
      });
    });
    const remove = h('button', { type: 'button', 'data-action': 'image-remove' }, t('imageRemove'));
    remove.addEventListener('click', () => change(undefined));
    const image = hotspot.image;
    return h(
      'fieldset',
      { 'data-field': 'image' },
      h('legend', {}, t('field_image')),
      image && this.open
        ? h(
            'figure',
            { class: 'ed-image' },
            h('img', {
              src: `/tours/${this.open.id}/${api.encodePath(image)}`,
              alt: t('imagePreview'),
              'data-testid': 'info-image-preview',
            }),
            h('figcaption', {}, h('code', {}, image)),
          )
        : h('p', { class: 'ed-hint' }, t('imageNone')),
      h('label', { class: 'ed-field' }, t('imageChoose'), input),
      image ? remove : false,
    );
  }

  private audioFields(
    hotspot: Extract<Hotspot, { type: 'audio' }>,
    change: (audio: Record<string, string>) => void,
  ): Node {
    const t = this.t.t.bind(this.t);
    const rows = this.tour.languages.map((lang) => {
      const path = hotspot.audio[lang] ?? '';
      const upload = h('input', {
        type: 'file',
        accept: 'audio/*',
        'aria-label': `${t('upload')} (${lang})`,
      });
      upload.addEventListener('change', () => {
        const file = upload.files?.[0];
        if (!file || !this.open) return;
        const relative = `audio/${lang}/${uniqueId(file.name.replace(/\.[^.]+$/, ''), [])}.${file.name.split('.').pop()?.toLowerCase() ?? 'mp3'}`;
        const open = this.open;
        void api.uploadFile(open.id, relative, file).then(() => {
          open.files.add(relative);
          change({ ...hotspot.audio, [lang]: relative });
        });
      });
      return h(
        'div',
        { class: `ed-lang${path ? '' : ' missing'}` },
        h('span', { class: 'ed-lang-code' }, lang),
        h('code', {}, path || t('missing')),
        upload,
      );
    });
    return h('fieldset', { 'data-field': 'audio' }, h('legend', {}, t('field_audio')), ...rows);
  }

  /** One text field in every language of the tour, side by side. */
  private langFields(
    field: string,
    map: LangMap | undefined,
    max: number,
    change: (map: LangMap) => Tour,
    mergeKey: string,
    optional = false,
  ): Node {
    const t = this.t.t.bind(this.t);
    const tour = this.tour;
    // An optional text nobody wrote yet is not "missing"; one written in some language is.
    const started = Object.values(map ?? {}).some((text) => text.trim() !== '');
    const missing = new Set(optional && !started ? [] : missingLanguages(tour, map));
    const multiline = field !== 'title';
    const columns = tour.languages.map((lang) => {
      const value = map?.[lang] ?? '';
      const attrs = { 'data-field': field, 'data-lang': lang, lang, placeholder: t('missing') };
      const input = multiline
        ? h('textarea', { ...attrs, rows: '3' })
        : h('input', { ...attrs, type: 'text' });
      input.value = value;
      const counter = h('small', { class: 'ed-count' });
      const column = h(
        'label',
        { class: 'ed-lang' },
        h('span', { class: 'ed-lang-code' }, lang),
        input,
        counter,
      );
      const refresh = () => {
        const length = input.value.length;
        counter.textContent =
          length > max ? t('tooLong', { max }) : t('length', { count: length, max });
        column.classList.toggle('missing', missing.has(lang) && !input.value.trim());
        column.classList.toggle('too-long', length > max);
      };
      refresh();
      input.addEventListener('input', () => {
        refresh();
        const current = this.currentMap(field) ?? map;
        this.commit(change(setText(current, lang, input.value)), {
          mergeKey: `${mergeKey}.${lang}`,
          keepPanel: true,
        });
      });
      return column;
    });
    return h(
      'fieldset',
      { class: 'ed-langs', 'data-field-group': field },
      h('legend', {}, t(`field_${field}`)),
      ...columns,
    );
  }

  /** The live value of a text field of the selection (other languages may have changed). */
  private currentMap(field: string): LangMap | undefined {
    const s = this.selection;
    const tour = this.tour;
    if (s.kind === 'tour') return field === 'title' ? tour.title : tour.description;
    const scene = sceneOf(tour, s.sceneId);
    if (!scene) return undefined;
    if (s.kind === 'scene') {
      if (field === 'narration') {
        return Object.fromEntries(
          Object.entries(scene.narration ?? {}).map(([l, tr]) => [l, tr.text ?? '']),
        );
      }
      return field === 'title' ? scene.title : scene.description;
    }
    const hotspot = (scene.hotspots ?? []).find((hs) => hs.id === s.hotspotId) as
      Record<string, unknown> | undefined;
    return hotspot?.[field] as LangMap | undefined;
  }
}

/** `louvre › to-b` or the tour: where a problem is, before its message. */
function problemPlace(tour: Tour, problem: Problem, tourLabel: string): string {
  const place = selectionForPath(tour, problem.path);
  if (place.kind === 'tour') return tourLabel;
  return place.kind === 'scene' ? place.sceneId : `${place.sceneId} › ${place.hotspotId}`;
}

function hotspotLabel(tour: Tour, hotspot: Hotspot, lang: string): string {
  const own = textOf(hotspot.title, lang, tour.defaultLanguage);
  if (own) return own;
  if (hotspot.type === 'scene') {
    const target = sceneOf(tour, hotspot.target);
    return target
      ? textOf(target.title, lang, tour.defaultLanguage) || target.id
      : hotspot.target || hotspot.id;
  }
  return hotspot.id;
}

function setTourInUrl(id: string): void {
  const url = new URL(location.href);
  url.searchParams.set('tour', id);
  history.replaceState(null, '', url);
}

/** Tolerates a hand-written manifest missing the arrays the editor walks. */
function normalize(tour: Tour): Tour {
  return {
    ...tour,
    languages: Array.isArray(tour.languages) ? tour.languages : [],
    scenes: (Array.isArray(tour.scenes) ? tour.scenes : []).map((scene) => ({
      ...scene,
      hotspots: Array.isArray(scene.hotspots) ? scene.hotspots : [],
    })),
  };
}
