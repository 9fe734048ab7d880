/**
 * One kind of panorama per tour (our viewer has one adapter per tour), which Pannellum tours
 * do not keep to. Pure: the pictures are made by node/import (cube-to-sphere.ts).
 */
import { type ImportPlan, type Json, warn } from './common.ts';

/** Pannellum's face letters in its `cubeMap` order, and ours for them. */
export const CUBEMAP_ORDER = ['f', 'r', 'b', 'l', 'u', 'd'] as const;

/**
 * A tour keeps to one kind of panorama (our viewer has one adapter per tour), Pannellum's do
 * not (its example-tour.json: a cubemap and an equirectangular picture). Cubemap scenes among
 * equirectangular ones are sampled into 2:1 pictures (SphereTask, done with sharp).
 */
export function oneKind(scenes: Json[], plan: ImportPlan): void {
  const isSphere = (scene: Json) => typeof (scene.panorama as Json).source === 'string';
  if (!scenes.some(isSphere) || scenes.every(isSphere)) return;
  for (const scene of scenes) {
    if (isSphere(scene)) continue;
    const id = String(scene.id);
    const faces = CUBEMAP_ORDER.map(
      (face) => plan.copies.find((copy) => copy.to.startsWith(`tiles/${id}/0/${face}0_0.`))?.from,
    );
    const single = (scene.panorama as { cubeTiles?: { levels: unknown[] } }).cubeTiles?.levels
      .length;
    if (faces.some((face) => !face) || single !== 1) {
      plan.warnings.push(
        warn(
          id,
          `Cảnh "${id}" là khối lập phương nhiều mức giữa các ảnh 2:1: một tour chỉ dùng một kiểu; hãy nhập riêng cảnh này.`,
          `Scene "${id}" is a multires cube among 2:1 pictures: a tour keeps to one kind; import it as a tour of its own.`,
        ),
      );
      continue;
    }
    plan.copies = plan.copies.filter((copy) => !copy.to.startsWith(`tiles/${id}/`));
    const to = `panoramas/${id}.jpg`;
    (plan.spheres ??= []).push({ faces: faces as string[], to });
    scene.panorama = { ...(scene.panorama as Json), source: to };
    delete (scene.panorama as Json).cubeTiles;
    plan.warnings.push(
      warn(
        id,
        `Cảnh "${id}" (6 mặt khối) đã được chuyển thành ảnh 2:1 ${to}: một tour chỉ dùng một kiểu ảnh.`,
        `Scene "${id}" (six cube faces) was turned into the 2:1 picture ${to}: a tour keeps to one kind.`,
      ),
    );
  }
}
