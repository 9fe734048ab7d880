/**
 * One kind of panorama per tour (our viewer has one adapter per tour), which Pannellum tours
 * do not keep to. Pure: the pictures are made by node/import (cube-to-sphere.ts).
 */
import { type ImportPlan, type Json, type SphereTask, warn } from './common.ts';

/** Pannellum's face letters in its `cubeMap` order, and ours for them. */
export const CUBEMAP_ORDER = ['f', 'r', 'b', 'l', 'u', 'd'] as const;

/** Side of the faces a 2:1 picture is sampled from: 4 × 1024 px is its largest width. */
const SPHERE_FACE = 1024;

/**
 * A tour keeps to one kind of panorama (our viewer has one adapter per tour), Pannellum's do
 * not (its example-tour.json: a cubemap and an equirectangular picture; Aykelith's: a
 * multires scene and 2:1 pictures). Cube scenes among equirectangular ones are sampled into
 * 2:1 pictures (SphereTask, done with sharp): a cubemap from its six faces, a multires scene
 * from the smallest level whose faces fill the picture (else its top), stitched face by face.
 */
export function oneKind(scenes: Json[], plan: ImportPlan): void {
  const isSphere = (scene: Json) => typeof (scene.panorama as Json).source === 'string';
  if (!scenes.some(isSphere) || scenes.every(isSphere)) return;
  for (const scene of scenes) {
    if (isSphere(scene)) continue;
    const id = String(scene.id);
    const to = `panoramas/${id}.jpg`;
    const pyramid = plan.pyramids?.[id];
    let task: SphereTask;
    let what: { vi: string; en: string };
    if (pyramid?.length) {
      const level = pyramid.find((l) => l.faceSize >= SPHERE_FACE) ?? pyramid.at(-1)!;
      task = {
        faces: CUBEMAP_ORDER.map((face) => level.from.replaceAll('{face}', face)),
        tiled: { tileSize: level.tileSize, faceSize: level.faceSize },
        to,
      };
      what = {
        vi: `khối nhiều mức, từ mức ${pyramid.indexOf(level) + 1} (mặt ${level.faceSize} px)`,
        en: `multires cube, from level ${pyramid.indexOf(level) + 1} (${level.faceSize}-px faces)`,
      };
      plan.recuts = plan.recuts.filter((recut) => !recut.to.startsWith(`tiles/${id}/`));
      // No re-cut happens now: its notice (pannellum-multires.ts) would be wrong.
      plan.warnings = plan.warnings.filter(
        (w) => !w.message.en.startsWith(`Scene "${id}"'s tiles are uneven`),
      );
    } else {
      const faces = CUBEMAP_ORDER.map(
        (face) => plan.copies.find((copy) => copy.to.startsWith(`tiles/${id}/0/${face}0_0.`))?.from,
      );
      if (faces.some((face) => !face)) {
        plan.warnings.push(
          warn(
            id,
            `Cảnh "${id}" là khối lập phương thiếu mặt giữa các ảnh 2:1: một tour chỉ dùng một kiểu; hãy nhập riêng cảnh này.`,
            `Scene "${id}" is a cube with faces missing among 2:1 pictures: a tour keeps to one kind; import it as a tour of its own.`,
          ),
        );
        continue;
      }
      task = { faces: faces as string[], to };
      what = { vi: '6 mặt khối', en: 'six cube faces' };
    }
    plan.copies = plan.copies.filter((copy) => !copy.to.startsWith(`tiles/${id}/`));
    (plan.spheres ??= []).push(task);
    scene.panorama = { ...(scene.panorama as Json), source: to };
    delete (scene.panorama as Json).cubeTiles;
    plan.warnings.push(
      warn(
        id,
        `Cảnh "${id}" (${what.vi}) đã được chuyển thành ảnh 2:1 ${to}: một tour chỉ dùng một kiểu ảnh.`,
        `Scene "${id}" (${what.en}) was turned into the 2:1 picture ${to}: a tour keeps to one kind.`,
      ),
    );
  }
}
