/**
 * The problems of a picture chosen as a new scene's panorama, in the shape of the project's
 * problem catalogue (`manifest/problem-codes.ts` spreads them into `PROBLEMS`). Each says what
 * is wrong in words a volunteer knows (a ratio, not pixels; "two pictures stacked", not
 * "stereo") and what to do. The picture's name is not in the text: the editor's dialog shows it
 * as the heading of each message. Refusals are errors, pictures accepted with advice warnings.
 */
import type { LocalizedMessage, Severity } from '../manifest/problem-basics.ts';

type M = LocalizedMessage;

const error = <D>(message: (details: D) => M) => ({ severity: 'error' as Severity, message });
const warning = <D>(message: (details: D) => M) => ({ severity: 'warning' as Severity, message });

/** Ratios people know from cameras and screens, landscape first (portrait ones are these turned). */
const KNOWN_RATIOS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [2, 1],
  [3, 1],
  [4, 1],
  [3, 2],
  [4, 3],
  [5, 4],
  [16, 9],
  [16, 10],
  [21, 9],
];

/** "4:3", "9:16", or "2,35:1" / "2.35:1" when no known ratio is within 2 %. */
export function ratioText(width: number, height: number, lang: 'vi' | 'en'): string {
  const ratio = width / height;
  for (const [a, b] of KNOWN_RATIOS) {
    for (const [w, h] of [[a, b] as const, [b, a] as const]) {
      if (Math.abs(ratio / (w / h) - 1) <= 0.02) return `${w}:${h}`;
    }
  }
  const text = ratio >= 1 ? `${ratio.toFixed(2)}:1` : `1:${(1 / ratio).toFixed(2)}`;
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** 16384 → "16 384" (vi) / "16,384" (en). */
const count = (n: number, lang: 'vi' | 'en'): string =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');

const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

export type StereoLayout = 'top-bottom' | 'side-by-side';

export const PANORAMA_PROBLEMS = {
  'image-not-panorama': error((d: { name: string; width: number; height: number }) => ({
    vi: `Ảnh này tỉ lệ ${ratioText(d.width, d.height, 'vi')}; ảnh 360° phải có tỉ lệ 2:1 (rộng gấp đôi cao). Hãy xuất lại ảnh toàn cảnh từ ứng dụng của máy ảnh.`,
    en: `This picture is ${ratioText(d.width, d.height, 'en')}; a 360° picture must be 2:1 (twice as wide as high). Export the panorama again from the camera's app.`,
  })),
  /** Two views of the same place, one per eye, as 360° cameras export for VR headsets. */
  'image-stereo': error((d: { name: string; layout: StereoLayout }) =>
    d.layout === 'top-bottom'
      ? {
          vi: 'Ảnh này là hai ảnh 360° chồng lên nhau (trên và dưới), loại dành cho kính thực tế ảo. Tour cần một ảnh 360° đơn. Hãy xuất lại từ ứng dụng của máy ảnh ở chế độ ảnh thường (không phải 3D/VR), tỉ lệ 2:1.',
          en: 'This picture is two 360° pictures stacked (top and bottom), the kind made for VR headsets. A tour needs a single 360° picture. Export it again from the camera’s app as a normal picture (not 3D/VR), 2:1.',
        }
      : {
          vi: 'Ảnh này là hai ảnh 360° đặt cạnh nhau (trái và phải), loại dành cho kính thực tế ảo. Tour cần một ảnh 360° đơn. Hãy xuất lại từ ứng dụng của máy ảnh ở chế độ ảnh thường (không phải 3D/VR), tỉ lệ 2:1.',
          en: 'This picture is two 360° pictures side by side (left and right), the kind made for VR headsets. A tour needs a single 360° picture. Export it again from the camera’s app as a normal picture (not 3D/VR), 2:1.',
        },
  ),
  'image-file-too-big': error((d: { name: string; bytes?: number }) => {
    const size = d.bytes === undefined ? '' : ` (${megabytes(d.bytes)} MB)`;
    return {
      vi: `Tệp ảnh này quá nặng${size}: tối đa 50 MB. Hãy lưu lại ảnh dạng JPEG với chất lượng khoảng 85 trong ứng dụng chỉnh ảnh; ảnh thường nhẹ đi nhiều lần mà không thấy khác.`,
      en: `This picture file is too heavy${size}: at most 50 MB. Save it again as a JPEG at about quality 85 in a photo app; it usually gets several times lighter with no visible change.`,
    };
  }),
  /** Past this many pixels the build's image library refuses to open a picture at all. */
  'image-too-many-pixels': error((d: { name: string; width: number; height: number }) => ({
    vi: `Ảnh này quá lớn (${count(d.width, 'vi')} × ${count(d.height, 'vi')} điểm ảnh): khi xuất bản tour không cắt được ảnh lớn như vậy. Hãy thu nhỏ ảnh còn rộng 16.384 điểm ảnh (hoặc nhỏ hơn) trong ứng dụng chỉnh ảnh, giữ tỉ lệ 2:1.`,
    en: `This picture is too large (${count(d.width, 'en')} × ${count(d.height, 'en')} pixels): publishing cannot cut a picture that large. Shrink it to 16,384 pixels wide (or less) in a photo app, keeping 2:1.`,
  })),
  'image-too-large': warning((d: { name: string; width: number; published: number }) => ({
    vi: `Đã thêm ảnh. Ảnh này rất lớn (rộng ${count(d.width, 'vi')} điểm ảnh). Khi xuất bản, ảnh được cắt thành nhiều mảnh nhỏ và giữ độ nét đầy đủ (rộng ${count(d.published, 'vi')} điểm ảnh), nên điện thoại vẫn xem được nhưng phải tải nhiều hơn. Nếu không cần chi tiết như vậy, hãy dùng bản rộng 8.192 điểm ảnh.`,
    en: `Added. This picture is very large (${count(d.width, 'en')} pixels wide). When published it is cut into many small pieces at full detail (${count(d.published, 'en')} pixels wide), so phones can show it but download more. If that much detail is not needed, use a copy 8,192 pixels wide.`,
  })),
  'image-too-small': warning((d: { name: string; width: number }) => ({
    vi: `Đã thêm ảnh, nhưng ảnh chỉ rộng ${count(d.width, 'vi')} điểm ảnh: dưới 2.048 điểm ảnh, cảnh sẽ bị mờ khi phóng to. Nếu có bản gốc lớn hơn, hãy dùng bản đó.`,
    en: `Added, but it is only ${count(d.width, 'en')} pixels wide: below 2,048 the scene looks blurry when zoomed. If you have a larger original, use that.`,
  })),
  /** The endpoint refused or failed to write an upload; `reason` is its answer, in both languages. */
  'upload-failed': error((d: { name: string; reason: M }) => ({
    vi: `Không tải được tệp lên: ${d.reason.vi.replace(/[.。]$/, '')}. Hãy kiểm tra trình soạn thảo còn chạy rồi thử lại.`,
    en: `The file could not be uploaded: ${d.reason.en.replace(/\.$/, '')}. Check that the editor is still running, then try again.`,
  })),
  /** Published tiles are JPEG: what is transparent in the picture shows black to visitors. */
  'image-transparent': warning((_d: { name: string }) => ({
    vi: 'Đã thêm ảnh, nhưng ảnh có chỗ trong suốt (thường là chỗ chân máy ở đáy ảnh). Khi xuất bản, chỗ đó sẽ hiện màu đen. Nếu muốn, hãy tô kín chỗ trống hoặc đặt một biểu tượng vào đó trong ứng dụng chỉnh ảnh rồi thêm lại.',
    en: 'Added, but the picture has transparent parts (often where the tripod was, at the bottom). When published they show black. If you wish, fill the hole or put a logo there in a photo app, then add it again.',
  })),
};
