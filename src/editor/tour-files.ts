/**
 * Files going into and out of the open tour: panoramas that become scenes, pictures and sounds
 * copied into its folder, the tour as one zip. Each uploads through the endpoint, records the
 * file as present (validation checks that referenced files exist) and reports on the status line.
 */
import { problem, type Problem } from '../core/manifest/problems.ts';
import { sceneNameFromFile, type TakenNames } from '../core/manifest/scene-names.ts';
import { filesToCopy } from '../core/publish/unused-files.ts';
import type { LangMap, Tour } from '../core/manifest/schema.ts';
import * as api from './api.ts';
import { checkPanorama } from './image-check.ts';
import { addScene, uniqueId } from './model.ts';
import type { EditorStore } from './store.ts';
import { showUploadReport } from './panels/upload-dialog.ts';
import { blobPart, normalize, reasonOf } from './util.ts';
import { h } from '../web/ui/dom.ts';

/** Copies a chosen file into `folder/` of the tour; its path relative to tour.json, or undefined. */
export async function attachFile(
  store: EditorStore,
  file: File,
  folder: string,
): Promise<string | undefined> {
  const open = store.open;
  if (!open) return undefined;
  const dot = file.name.lastIndexOf('.');
  const ext =
    dot > 0
      ? file.name
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
      : '';
  // A name no other file of the folder has, by stem whatever the extension: uploads are often
  // all called "anh.jpg" or "ghi-am.mp3", and one must never replace another's file (a
  // recording and its captions keep distinct names too).
  const taken = [...open.files, ...store.stagedFiles.keys()]
    .filter((relative) => relative.startsWith(`${folder}/`))
    .map((relative) => relative.slice(folder.length + 1).replace(/\.[^.]*$/, ''));
  const stem = uniqueId(dot > 0 ? file.name.slice(0, dot) : file.name, taken);
  const relative = `${folder}/${stem}${ext ? `.${ext}` : ''}`;
  store.say(store.t('uploading', { name: file.name }));
  try {
    await api.uploadFile(open.id, relative, file);
  } catch (error) {
    store.say('');
    // Refused (not a picture or sound, too large…): said in the dialog the panoramas use.
    const reason = { vi: reasonOf(error, 'vi'), en: reasonOf(error, 'en') };
    const refused = problem('upload-failed', { name: file.name, reason }, file.name);
    await showUploadReport(store, { added: 0, problems: [refused], files: 'other' });
    return undefined;
  }
  open.files.add(relative);
  // Cleared without redrawing: the caller's change redraws the header.
  store.status = '';
  return relative;
}

/** What the tour already calls its scenes: codes (ids and former ids) and titles. */
function takenNames(tour: Tour): TakenNames {
  return {
    codes: tour.scenes.flatMap((scene) => [scene.id, ...(scene.aliases ?? [])]),
    titles: tour.scenes.flatMap((scene) => Object.values(scene.title)),
  };
}

/**
 * Each panorama checked, uploaded to panoramas/ and made a new scene (titled from its file
 * name, or "Cảnh 1"… for a camera's), the last one selected. The refused ones and the advice
 * on the others are shown together in one dialog once all are done.
 */
export async function addPanoramas(store: EditorStore, files: readonly File[]): Promise<void> {
  const open = store.open;
  if (!open) return;
  const problems: Problem[] = [];
  let added = 0;
  for (const file of files) {
    const check = await checkPanorama(file);
    problems.push(...check.problems);
    if (!check.ok) continue;
    const dot = file.name.lastIndexOf('.');
    const ext = (dot > 0 ? file.name.slice(dot + 1) : 'jpg')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    const tour = store.tour;
    const name = sceneNameFromFile(file.name, takenNames(tour), tour.defaultLanguage);
    const fileBase = uniqueId(
      name.code,
      [...open.files]
        .filter((f) => f.startsWith('panoramas/'))
        .map((f) => f.slice('panoramas/'.length).replace(/\.[^.]+$/, '')),
    );
    const relative = `panoramas/${fileBase}.${ext || 'jpg'}`;
    store.say(store.t('uploading', { name: file.name }));
    try {
      await api.uploadFile(open.id, relative, file);
    } catch (error) {
      const reason = { vi: reasonOf(error, 'vi'), en: reasonOf(error, 'en') };
      problems.push(problem('upload-failed', { name: file.name, reason }, file.name));
      continue;
    }
    if (store.open !== open) return; // another tour was opened meanwhile
    open.files.add(relative);
    const title: LangMap = { [tour.defaultLanguage]: name.title };
    store.commit(addScene(store.tour, { id: name.code, title, source: relative }), {
      select: { kind: 'scene', sceneId: name.code },
    });
    added++;
  }
  store.say('');
  await showUploadReport(store, { added, problems });
}

/** Downloads tour.json and every file of the tour folder it uses as one zip. */
export async function exportZip(store: EditorStore): Promise<void> {
  if (!store.open) return;
  const { id, files } = store.open;
  const { buildTourZip } = await import('./zip.ts');
  const contents = new Map<string, Uint8Array>();
  // Files the tour no longer uses stay out (a tester's zip was 68 MB, 60 MB of it unused).
  for (const relative of filesToCopy(store.tour, files)) {
    if (store.stagedFiles.has(relative)) continue;
    const response = await fetch(`/tours/${id}/${api.encodePath(relative)}`);
    if (response.ok) contents.set(relative, new Uint8Array(await response.arrayBuffer()));
  }
  // What the author sees is what the zip holds: files staged from an opened zip too.
  for (const [relative, bytes] of store.stagedFiles) contents.set(relative, bytes);
  const zip = await buildTourZip(store.tour, contents);
  const url = URL.createObjectURL(new Blob([blobPart(zip)], { type: 'application/zip' }));
  const link = h('a', { href: url, download: `${id}.zip` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  store.say(store.t('exported', { name: `${id}.zip`, count: contents.size }));
}

/**
 * Opens a tour zip as an unsaved change of the open tour: checked whole first (names, sizes,
 * every file's kind, the manifest: one refused entry refuses it), then the manifest and the
 * files are held in memory as one undoable change. Nothing is written before Save.
 */
export async function importZip(store: EditorStore, file: File): Promise<void> {
  const open = store.open;
  if (!open) return;
  const { openTourZip } = await import('./zip.ts');
  const opened = await openTourZip(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!opened.ok) {
    return store.say(opened.problems.map((problem) => problem.message[store.lang]).join(' '));
  }
  if (store.open !== open) return; // another tour was opened meanwhile
  // The zip may come from another tour: it becomes this one.
  const tour = normalize(Object.assign({}, opened.value.manifest, { id: open.id }));
  const first = tour.scenes[0]?.id;
  store.commitWithFiles(tour, opened.value.files, {
    select: first ? { kind: 'scene', sceneId: first } : { kind: 'tour' },
  });
  store.say(store.t('imported', { count: opened.value.files.size }));
}
