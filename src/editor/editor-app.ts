/**
 * The tour editor: one tour open at a time, every change an immutable snapshot in the undo
 * history, validated at once and kept as a draft in IndexedDB until it is saved (see
 * store.ts). This file only lays out the screen and redraws the parts the store names; the
 * panels (panels/) and their fields (fields/) build the DOM. Author text only ever goes
 * through `textContent` and input values (see `h` in web/ui/dom.ts).
 */
import type { i18n as I18n } from 'i18next';
import type { Problem } from '../core/manifest/problems.ts';
import { h, replaceChildren } from '../web/ui/dom.ts';
import type { EditorContext } from './context.ts';
import { createEditorTranslator, type EditorLanguage } from './i18n.ts';
import { moveHotspot, sceneOf } from './model.ts';
import { PanoramaView } from './panorama-view.ts';
import { renderDraftBanner } from './panels/draft-banner.ts';
import { LANG_KEY, renderHeader } from './panels/header.ts';
import { renderHotspotPanel } from './panels/hotspot-panel.ts';
import { focusProblemField, renderProblemList } from './panels/problem-list.ts';
import { renderSceneList } from './panels/scene-list.ts';
import { renderScenePanel } from './panels/scene-panel.ts';
import { renderToolbar } from './panels/toolbar.ts';
import { renderTourPanel } from './panels/tour-panel.ts';
import { renderViewer } from './panels/viewer.ts';
import { EditorStore, type Part } from './store.ts';
import { saveCleanup } from './unused-files.ts';

export class EditorApp {
  readonly store: EditorStore;
  private readonly ctx: EditorContext;

  private readonly header = h('header', { class: 'ed-header' });
  private readonly banner = h('div', { class: 'ed-banner', role: 'status' });
  private readonly sidebar = h('nav', { class: 'ed-scenes' });
  private readonly toolbar = h('div', { class: 'ed-toolbar' });
  private readonly viewerBox = h('div', { class: 'ed-viewer', 'data-testid': 'viewer' });
  private readonly panel = h('aside', { class: 'ed-panel' });
  private readonly problemList = h('section', { class: 'ed-problems' });

  private constructor(
    private readonly root: HTMLElement,
    i18n: I18n,
  ) {
    const store = new EditorStore(i18n, (parts) => this.render(parts));
    store.cleanup = saveCleanup(store);
    this.store = store;
    const view = new PanoramaView(this.viewerBox, {
      onClick: (position) => store.placeHotspot(position),
      onSelect: (hotspotId) => store.selectHotspot(hotspotId),
      onMove: (hotspotId, position) => {
        if (!store.open || !store.sceneId) return;
        store.commit(moveHotspot(store.tour, store.sceneId, hotspotId, position));
      },
    });
    this.ctx = { store, view };
  }

  static async start(root: HTMLElement): Promise<EditorApp> {
    const stored = localStorage.getItem(LANG_KEY);
    const lang: EditorLanguage = stored === 'en' ? 'en' : 'vi';
    const app = new EditorApp(root, await createEditorTranslator(lang));
    const store = app.store;
    app.layout();
    const wanted = new URLSearchParams(location.search).get('tour');
    if (wanted) await store.openTour(wanted);
    else store.refresh();
    // A reload (the author's, or Vite's after a change of its own files) keeps the undo
    // history; saving a tour no longer reloads this page (vite-plugin-tours.ts).
    import.meta.hot?.on('vite:beforeFullReload', () => store.keepSession());
    window.addEventListener('pagehide', () => store.keepSession());
    document.addEventListener('keydown', (event) => app.onKey(event));
    window.addEventListener('beforeunload', (event) => {
      if (store.dirty) event.preventDefault();
    });
    return app;
  }

  private layout(): void {
    document.documentElement.lang = this.store.lang;
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

  private render(parts: readonly Part[]): void {
    const ctx = this.ctx;
    for (const part of parts) {
      if (part === 'title') document.title = this.store.t('title');
      else if (part === 'header') renderHeader(ctx, this.header);
      else if (part === 'banner') renderDraftBanner(ctx, this.banner);
      else if (part === 'sidebar') renderSceneList(ctx, this.sidebar);
      else if (part === 'toolbar') renderToolbar(ctx, this.toolbar);
      else if (part === 'panel') this.renderPanel();
      else if (part === 'problems') {
        renderProblemList(ctx, this.problemList, (problem) => this.goToProblem(problem));
      } else renderViewer(ctx, this.viewerBox);
    }
  }

  /** The side panel shows the selection: the tour, a scene or one of its hotspots. */
  private renderPanel(): void {
    const { store } = this;
    if (!store.open) return replaceChildren(this.panel);
    const s = store.selection;
    if (s.kind === 'tour') return renderTourPanel(this.ctx, this.panel);
    const scene = sceneOf(store.tour, s.sceneId);
    if (!scene) return replaceChildren(this.panel);
    const hotspot =
      s.kind === 'hotspot' ? (scene.hotspots ?? []).find((hs) => hs.id === s.hotspotId) : undefined;
    if (hotspot) renderHotspotPanel(this.ctx, this.panel, scene, hotspot);
    else renderScenePanel(this.ctx, this.panel, scene);
  }

  private goToProblem(problem: Problem): void {
    if (!this.store.open) return;
    const selection = this.store.selectProblem(problem);
    focusProblemField(this.panel, problem, selection.field);
  }

  private onKey(event: KeyboardEvent): void {
    // Esc leaves placing (wherever the focus is): the next click only looks and selects.
    if (event.key === 'Escape' && this.store.placeType !== 'none') {
      this.store.setPlaceType('none');
      return;
    }
    // Undo in a text field is the field's own (the browser's), not the tour's.
    if (event.target instanceof Element && event.target.closest('input, textarea, select')) return;
    const key = event.key.toLowerCase();
    if (!(event.ctrlKey || event.metaKey) || (key !== 'z' && key !== 'y')) return;
    event.preventDefault();
    if (key === 'z' && !event.shiftKey) this.store.undo();
    else this.store.redo();
  }
}
