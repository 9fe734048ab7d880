/**
 * The problems of the site settings and of publishing, in the shape of the project's problem
 * catalogue (`manifest/problem-codes.ts`): each code with its severity and the one function
 * that writes its message; spread into `PROBLEMS` there, so problems of these codes are built
 * with `problem()` like every other.
 */
import type { LocalizedMessage, Severity } from './manifest/problem-basics.ts';

type M = LocalizedMessage;
/** The values a message is written from (host names, paths, variable names…). */
type P = Readonly<Record<string, string | number>>;

const error = (message: (details: P) => M) => ({ severity: 'error' as Severity, message });

export const SITE_PROBLEMS = {
  'site-config-json': error((p: P) => ({
    vi: `${p.file} không phải JSON hợp lệ: ${p.detail}`,
    en: `${p.file} is not valid JSON: ${p.detail}`,
  })),
  'site-config-schema': error((p: P) => ({
    vi: `${p.file} ${p.at}: giá trị không hợp lệ (${p.detail})`,
    en: `${p.file} ${p.at}: invalid value (${p.detail})`,
  })),
  'site-config-public-url': error((p: P) => ({
    vi: `${p.file}: "publicUrl" phải là địa chỉ https công khai của trang, ví dụ "https://ditich.example.vn/" (không phải ${p.value}).`,
    en: `${p.file}: "publicUrl" must be the site's public https address, e.g. "https://ditich.example.vn/" (not ${p.value}).`,
  })),
  'site-config-no-public-url': error((p: P) => ({
    vi: `Chưa có địa chỉ công khai của trang. Hãy điền "publicUrl" trong ${p.file} — địa chỉ https mà khách sẽ mở, ví dụ "https://ditich.example.vn/" — rồi làm lại. Mã QR và đường dẫn chia sẻ đều dựa vào địa chỉ này.`,
    en: `The site has no public address yet. Fill in "publicUrl" in ${p.file} — the https address visitors will open, e.g. "https://ditich.example.vn/" — and try again. QR codes and share links are all based on it.`,
  })),

  // The editor's words for the same rules (the settings page names no file and no field).
  'site-address-invalid': error((p: P) => ({
    vi: `Địa chỉ phải bắt đầu bằng https:// và là địa chỉ công khai mà khách mở được, ví dụ https://ditich.example.vn/ — không phải 127.0.0.1, localhost hay một địa chỉ http://. Bạn đã nhập: ${p.value}`,
    en: `The address must start with https:// and be a public address visitors can open, e.g. https://ditich.example.vn/ — not 127.0.0.1, localhost or an http:// address. You entered: ${p.value}`,
  })),
  'site-address-missing': error(() => ({
    vi: 'Chưa có địa chỉ công khai của trang. Hãy mở "Cài đặt trang" và điền địa chỉ https mà khách sẽ mở, ví dụ https://ditich.example.vn/ — mã QR và đường dẫn chia sẻ đều dựa vào địa chỉ này.',
    en: 'The site has no public address yet. Open "Site settings" and fill in the https address visitors will open, e.g. https://ditich.example.vn/ — QR codes and share links are all based on it.',
  })),
  // The editor's Publish dialog: the same failures, in the words of its fields.
  'editor-publish-auth-failed': error((p: P) => ({
    vi: `Máy chủ ${p.host} từ chối đăng nhập của "${p.user}": sai tên đăng nhập hoặc mật khẩu. Hãy nhập lại rồi thử lại. Chưa có gì thay đổi trên máy chủ.`,
    en: `The server ${p.host} refused the login of "${p.user}": wrong user name or password. Enter them again and retry. Nothing was changed on the server.`,
  })),
  'editor-publish-unreachable': error((p: P) => ({
    vi: `Không kết nối được tới máy chủ ${p.host}. Hãy kiểm tra địa chỉ máy chủ, cổng và mạng Internet rồi thử lại. Chưa có gì thay đổi trên máy chủ.`,
    en: `Cannot connect to the server ${p.host}. Check the server address, the port and the Internet connection, then retry. Nothing was changed on the server.`,
  })),
  'editor-publish-tls-failed': error((p: P) => ({
    vi: `Kết nối bảo mật tới ${p.host} không thành công. Nếu nhà cung cấp dùng chứng chỉ tự ký, hãy đánh dấu "Chấp nhận chứng chỉ tự ký"; nếu họ không hỗ trợ kết nối bảo mật, hãy chọn FTP thường. Chưa có gì thay đổi trên máy chủ.`,
    en: `The secure connection to ${p.host} failed. If the host uses a self-signed certificate, tick "Accept a self-signed certificate"; if it has no secure connection, choose plain FTP. Nothing was changed on the server.`,
  })),
  'editor-publish-missing-secret': error((p: P) => ({
    vi: `Chưa có ${p.kind === 'key' ? 'khoá truy cập' : 'mật khẩu'} cho ${p.host}. Hãy nhập vào ô trong hộp thoại. Chưa có gì thay đổi trên máy chủ.`,
    en: `No ${p.kind === 'key' ? 'access key' : 'password'} for ${p.host} yet. Type it in the dialog. Nothing was changed on the server.`,
  })),
  'site-no-tours-chosen': error(() => ({
    vi: 'Hãy chọn ít nhất một tour để xuất bản.',
    en: 'Choose at least one tour to publish.',
  })),

  'publish-no-target': error((p: P) => ({
    vi: `Không có nơi xuất bản "${p.target}" trong ${p.file}. Hãy thêm nó vào "targets", hoặc dùng --target zip|folder với --out.`,
    en: `There is no publish target "${p.target}" in ${p.file}. Add it under "targets", or use --target zip|folder with --out.`,
  })),
  'publish-unknown-tour': error((p: P) => ({
    vi: `Không có tour "${p.tour}" trong ${p.dir}. Hãy sửa danh sách "tours" trong ${p.file}.`,
    en: `There is no tour "${p.tour}" in ${p.dir}. Fix the "tours" list in ${p.file}.`,
  })),
  'publish-no-tours': error((p: P) => ({
    vi: `Không có tour nào để xuất bản trong ${p.dir}.`,
    en: `There are no tours to publish in ${p.dir}.`,
  })),
  'publish-build-failed': error((p: P) => ({
    vi: `Không dựng được trang: ${p.detail}\nHãy chạy "npm run tour -- validate tours/<tour>" để xem lỗi của tour.`,
    en: `The site could not be built: ${p.detail}\nRun "npm run tour -- validate tours/<tour>" to see the tour's mistakes.`,
  })),
  'publish-missing-credentials': error((p: P) => ({
    vi: `Chưa có ${p.kind === 'key' ? 'khoá truy cập' : 'mật khẩu'} cho ${p.host}. Hãy đặt biến môi trường ${p.env} hoặc ghi nó vào ${p.file} (tệp này không được đưa lên git).`,
    en: `No ${p.kind === 'key' ? 'access key' : 'password'} for ${p.host}. Set the environment variable ${p.env} or write it in ${p.file} (that file is kept out of git).`,
  })),
  'publish-bad-credentials-file': error((p: P) => ({
    vi: `Không đọc được tệp mật khẩu ${p.file}: ${p.detail}`,
    en: `Cannot read the credentials file ${p.file}: ${p.detail}`,
  })),
  'publish-credentials-in-site': error((p: P) => ({
    vi: `Tệp mật khẩu ${p.file} nằm trong thư mục được xuất bản (${p.dir}): ai cũng đọc được. Hãy chuyển nó ra ngoài.`,
    en: `The credentials file ${p.file} is inside a published folder (${p.dir}): anyone could read it. Move it out.`,
  })),
  'publish-auth-failed': error((p: P) => ({
    vi: `${p.host} từ chối đăng nhập của "${p.user}": sai tên hoặc mật khẩu. Hãy kiểm tra ${p.env} (hoặc ${p.file}). Chưa có gì thay đổi trên máy chủ.`,
    en: `${p.host} refused the login of "${p.user}": wrong user name or password. Check ${p.env} (or ${p.file}). Nothing was changed on the server.`,
  })),
  'publish-unreachable': error((p: P) => ({
    vi: `Không kết nối được tới ${p.host} (${p.detail}). Hãy kiểm tra địa chỉ, cổng và mạng Internet. Chưa có gì thay đổi trên máy chủ.`,
    en: `Cannot connect to ${p.host} (${p.detail}). Check the address, the port and the Internet connection. Nothing was changed on the server.`,
  })),
  'publish-tls-failed': error((p: P) => ({
    vi: `Kết nối bảo mật tới ${p.host} không thành công (${p.detail}). Nếu nhà cung cấp dùng chứng chỉ tự ký, đặt "allowSelfSigned": true; nếu họ không hỗ trợ FTPS, đặt "secure": false. Chưa có gì thay đổi trên máy chủ.`,
    en: `The secure connection to ${p.host} failed (${p.detail}). If the host uses a self-signed certificate set "allowSelfSigned": true; if it has no FTPS, set "secure": false. Nothing was changed on the server.`,
  })),
  'publish-bucket-missing': error((p: P) => ({
    vi: `Không có bucket "${p.bucket}" trên ${p.host}. Hãy tạo nó trong trang quản trị của nhà cung cấp, hoặc sửa "bucket" trong ${p.file}.`,
    en: `There is no bucket "${p.bucket}" on ${p.host}. Create it in the provider's console, or fix "bucket" in ${p.file}.`,
  })),
  'publish-upload-failed': error((p: P) => ({
    vi: `Gửi ${p.path} lên ${p.host} không thành công: ${p.detail}. Trang cũ vẫn chạy (các tệp mở đầu chưa được thay); hãy xuất bản lại — chỉ các tệp còn thiếu được gửi.`,
    en: `Sending ${p.path} to ${p.host} failed: ${p.detail}. The old site still works (its entry files were not replaced yet); publish again — only the missing files are sent.`,
  })),
};

export type SiteProblemCode = keyof typeof SITE_PROBLEMS;
