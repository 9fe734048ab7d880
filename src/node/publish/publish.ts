/**
 * `tour publish` and the editor's Publish, the same code: read the site settings, check the
 * public address and the credentials, build the chosen tours, plan the files, check the
 * login, then send only what the target lacks — everything else first, the entry points
 * last — and record what it now holds. Progress and results are values and events, never
 * prints: the CLI draws a bar, the editor a dialog.
 */
import path from 'node:path';
import { failure, type Problem, type Result, success } from '../../core/result.ts';
import {
  type PublishTarget,
  requirePublicUrl,
  type SiteConfig,
  TARGET_TYPES,
} from '../../core/site-config.ts';
import { buildSite } from './build-site.ts';
import {
  CREDENTIALS_FILE,
  credentialsFile,
  loadCredentials,
  secretVariable,
} from './credentials.ts';
import { changedFiles, type PlannedFile, planFiles, totalBytes } from './file-plan.ts';
import { writeHostFiles } from './host-files.ts';
import { publishProblem } from './messages.ts';
import { loadSiteConfig } from './site-config.ts';
import { parseState, recordSent, stateText } from './state.ts';
import { hostOf, openTarget, type TargetSession } from './targets/index.ts';
import type { LoginInfo } from './targets/target.ts';

export interface PublishProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export type PublishPhase = 'build' | 'connect' | 'compare' | 'upload' | 'finish';

export interface PublishEvents {
  phase?(phase: PublishPhase): void;
  progress?(progress: PublishProgress): void;
  /** Build warnings. */
  log?(line: string): void;
}

export interface PublishOptions {
  /** The repository (where `vite.config.ts`, `site.config.json` and `tours/` are). */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A target's name in the config, or a type (`zip`, `folder`, `ftp`, `sftp`, `s3`). */
  target: string;
  /** For zip and folder: where to write (overrides the config). */
  out?: string;
  configFile?: string;
  toursDir?: string;
  /** Tour ids (overrides the config's `tours`). */
  tours?: readonly string[];
  credentialsFile?: string;
  /** Send every file, whatever the target says it holds. */
  full?: boolean;
  /** Plan and compare only: connect, read the state, send nothing. */
  dryRun?: boolean;
  /** An already built site to publish (skips the build; host files are still written). */
  siteDir?: string;
  events?: PublishEvents;
}

export interface PublishReport {
  targetName: string;
  type: PublishTarget['type'];
  where: string;
  publicUrl: string;
  /** Files of the built site. */
  files: number;
  bytes: number;
  /** Paths sent, in order (with `dryRun`: those that would be). */
  sent: string[];
  bytesSent: number;
  /** False when the target had no readable state (everything was sent). */
  hadState: boolean;
  dryRun: boolean;
  seconds: number;
}

/** The config's target by name, else its first of that type, else a zip/folder from `--out`. */
export function resolveTarget(
  config: SiteConfig,
  name: string,
  out: string | undefined,
  file: string,
): Result<{ name: string; target: PublishTarget }> {
  let found: [string, PublishTarget] | undefined = config.targets[name]
    ? [name, config.targets[name]]
    : undefined;
  found ??= Object.entries(config.targets).find(([, target]) => target.type === name);
  if (!found && (name === 'zip' || name === 'folder') && out) {
    found = [name, name === 'zip' ? { type: 'zip', path: out } : { type: 'folder', path: out }];
  }
  if (!found && name === 'zip') found = ['zip', { type: 'zip', path: 'site.zip' }];
  if (!found) return failure(publishProblem('publish-no-target', { target: name, file }));
  const [targetName, target] = found;
  if (out && (target.type === 'zip' || target.type === 'folder')) {
    return success({ name: targetName, target: { ...target, path: out } });
  }
  return success({ name: targetName, target });
}

export async function publishSite(options: PublishOptions): Promise<Result<PublishReport>> {
  const started = Date.now();
  const events = options.events ?? {};
  const loaded = await loadSiteConfig(options.root, options.configFile);
  if (!loaded.ok) return loaded;
  const { config, file: configFile } = loaded.value;
  const publicUrl = requirePublicUrl(config, configFile);
  if (!publicUrl.ok) return publicUrl;
  const resolved = resolveTarget(config, options.target, options.out, configFile);
  if (!resolved.ok) return resolved;
  const { name: targetName, target } = resolved.value;
  const toursDir = path.resolve(options.root, options.toursDir ?? 'tours');
  const credentials = await loadCredentials({
    root: options.root,
    env: options.env,
    targetName,
    target,
    file: options.credentialsFile,
    publishedDirs: [toursDir, path.join(options.root, 'public'), path.join(options.root, 'dist')],
  });
  if (!credentials.ok) return credentials;
  const login: LoginInfo = {
    host: hostOf(target),
    user:
      target.type === 'ftp' || target.type === 'sftp'
        ? target.user
        : (credentials.value.accessKeyId ?? ''),
    env: target.type === 'zip' || target.type === 'folder' ? '' : secretVariable(target.type),
    file:
      path.relative(options.root, credentialsFile({ ...options, file: options.credentialsFile })) ||
      CREDENTIALS_FILE,
  };

  // A wrong password should not wait for a build: try the login first, then again after it.
  const remote = target.type === 'ftp' || target.type === 'sftp' || target.type === 's3';
  if (remote) {
    events.phase?.('connect');
    const probe = await openTarget(target, credentials.value, login, options.root);
    if (!probe.ok) return failure(probe.problem);
    await probe.session.close();
  }

  let siteDir = options.siteDir;
  let dispose = async () => {};
  if (!siteDir) {
    events.phase?.('build');
    const built = await buildSite({
      root: options.root,
      toursDir,
      tours: options.tours ?? config.tours,
      log: events.log,
      configFile,
    });
    if (!built.ok) return built;
    siteDir = built.value.dir;
    dispose = built.value.dispose;
  }
  try {
    await writeHostFiles(siteDir, config, publicUrl.value);
    const plan = await planFiles(siteDir);
    events.phase?.('connect');
    const opened = await openTarget(target, credentials.value, login, options.root);
    if (!opened.ok) return failure(opened.problem);
    const session = opened.session;
    try {
      events.phase?.('compare');
      const state = options.full ? undefined : parseState(await session.readState());
      const toSend = changedFiles(plan, state);
      const report: PublishReport = {
        targetName,
        type: target.type,
        where: session.where,
        publicUrl: publicUrl.value,
        files: plan.length,
        bytes: totalBytes(plan),
        sent: [],
        bytesSent: 0,
        hadState: state !== undefined,
        dryRun: Boolean(options.dryRun),
        seconds: 0,
      };
      if (options.dryRun) {
        // What would be sent, in order.
        report.sent = toSend.map((file) => file.path);
        report.bytesSent = totalBytes(toSend);
      } else {
        events.phase?.('upload');
        const problem = await send(session, toSend, report, events, login.host);
        if (toSend.length > 0 || !state) {
          // What was sent is recorded even after a failure: the next publish resumes there.
          const sent = plan.filter((file) => report.sent.includes(file.path));
          await session.writeState(stateText(recordSent(state, sent))).catch(() => undefined);
        }
        if (problem) return failure(problem);
        events.phase?.('finish');
        await session.commit();
      }
      report.seconds = (Date.now() - started) / 1000;
      return success(report);
    } finally {
      await session.close();
    }
  } finally {
    await dispose();
  }
}

async function send(
  session: TargetSession,
  files: readonly PlannedFile[],
  report: PublishReport,
  events: PublishEvents,
  host: string,
): Promise<Problem | undefined> {
  const bytesTotal = totalBytes(files);
  let bytesDone = 0;
  const progress = (file: string) =>
    events.progress?.({
      file,
      filesDone: report.sent.length,
      filesTotal: files.length,
      bytesDone,
      bytesTotal,
    });
  for (const file of files) {
    progress(file.path);
    try {
      await session.put(file, (bytes) => {
        bytesDone += bytes;
        progress(file.path);
      });
    } catch (error) {
      return publishProblem('publish-upload-failed', {
        path: file.path,
        host,
        detail: (error as Error).message.split('\n')[0] ?? String(error),
      });
    }
    report.sent.push(file.path);
    report.bytesSent += file.size;
  }
  progress('');
  return undefined;
}

export { TARGET_TYPES };
