/**
 * A one-line progress bar for long commands: redrawn in place on a terminal, and on anything
 * else (CI logs, pipes) a line every 25 % so logs stay short.
 */
import type { CommandContext } from './command.ts';

const WIDTH = 24;

export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  clear(): void;
}

export function progressBar(context: CommandContext, isTty = Boolean(process.stderr.isTTY)) {
  let lastQuarter = -1;
  let drawn = false;
  const bar: ProgressBar = {
    update(label, done, total) {
      const ratio = total === 0 ? 1 : done / total;
      const line = `${label} ${renderBar(ratio)} ${Math.round(ratio * 100)}% ${done}/${total}`;
      if (isTty) {
        context.stderr(`\r${line}\u001b[K`);
        drawn = true;
        return;
      }
      const quarter = Math.floor(ratio * 4);
      if (quarter !== lastQuarter) context.stderr(`${line}\n`);
      lastQuarter = quarter;
    },
    clear() {
      if (drawn) context.stderr('\r\u001b[K');
      drawn = false;
      lastQuarter = -1;
    },
  };
  return bar;
}

export function renderBar(ratio: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, ratio)) * WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}]`;
}
