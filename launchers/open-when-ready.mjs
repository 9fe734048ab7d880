// Waits until the editor answers, then opens it in the default browser (xdg-open on Linux,
// open on macOS, start on Windows; TOUR_BROWSER overrides). Used by the launchers beside it.
import { spawn } from 'node:child_process';
import { get } from 'node:http';

const url = process.argv[2];
const deadline = Date.now() + 180_000;

const answers = () =>
  new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });

while (!(await answers())) {
  if (Date.now() > deadline) {
    console.error(`Trình soạn thảo không khởi động được / The editor did not start: ${url}`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const [command, ...args] = process.env.TOUR_BROWSER
  ? [process.env.TOUR_BROWSER]
  : process.platform === 'win32'
    ? ['cmd', '/c', 'start', '""']
    : process.platform === 'darwin'
      ? ['open']
      : ['xdg-open'];
const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
child.on('error', () => console.log(`Hãy mở trình duyệt tại / Open your browser at: ${url}`));
child.unref();
console.log(
  `\nTrình soạn thảo / Editor: ${url}\n(Đóng cửa sổ này để tắt / Close this window to stop)\n`,
);
