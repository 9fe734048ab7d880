/**
 * "Xuất bản": choose where the site goes — a zip to download, a folder on this machine, an
 * FTP/FTPS, SFTP or S3-compatible server, or a place already saved in the site settings —
 * fill in its fields, and follow a progress bar of files and bytes while the dev server
 * builds and sends only what changed (`tour publish`'s own code). A password typed here is
 * used for this run, and kept on this machine only when asked; it is never shown again.
 */
import type { DialogTarget, PublishStatus, TargetSummary } from '../../core/site-protocol.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as site from '../site-api.ts';
import type { EditorStore } from '../store.ts';
import { openWithAddress } from './site-address.ts';
import { field, messageOf, type SiteDialog } from './site-dialog.ts';

type Kind = 'zip' | 'folder' | 'ftp' | 'sftp' | 's3';
const KINDS: readonly Kind[] = ['zip', 'folder', 'ftp', 'sftp', 's3'];
const POLL_MS = 400;

export function showPublishDialog(store: EditorStore): void {
  openWithAddress(store, store.t('publish_title'), 'publish-dialog', (ui, settings) =>
    fill(store, ui, settings.targets),
  );
}

const text = (name: string, attrs: Record<string, string> = {}) =>
  h('input', { type: 'text', name, 'data-testid': `publish-${name}`, ...attrs });

function fill(store: EditorStore, ui: SiteDialog, saved: TargetSummary[]): void {
  const t = store.t;
  const where = h('select', { name: 'where', 'data-testid': 'publish-where' });
  for (const target of saved.filter((s) => s.type !== 'zip')) {
    where.append(
      h(
        'option',
        { value: `named:${target.name}` },
        t('publish_saved', { name: target.name, where: target.where }),
      ),
    );
  }
  for (const kind of KINDS) where.append(h('option', { value: kind }, t(`publish_kind_${kind}`)));
  where.value = 'zip';

  const folder = text('folder', { placeholder: t('publish_folderExample') });
  const host = text('host', { autocomplete: 'off' });
  const port = h('input', { type: 'number', name: 'port', min: '1', max: '65535' });
  const user = text('user', { autocomplete: 'username' });
  const dir = text('dir');
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    'data-testid': 'publish-password',
  });
  const secure = h(
    'select',
    { name: 'secure' },
    h('option', { value: 'true' }, t('publish_secure_explicit')),
    h('option', { value: 'implicit' }, t('publish_secure_implicit')),
    h('option', { value: 'false' }, t('publish_secure_plain')),
  );
  const selfSigned = h('input', { type: 'checkbox', name: 'allowSelfSigned' });
  const endpoint = h('input', {
    type: 'url',
    name: 'endpoint',
    placeholder: 'https://s3.example.vn',
  });
  const region = text('region', { value: 'us-east-1' });
  const bucket = text('bucket');
  const prefix = text('prefix');
  const accessKey = h('input', { type: 'password', name: 'accessKeyId', autocomplete: 'off' });
  const secretKey = h('input', { type: 'password', name: 'secretAccessKey', autocomplete: 'off' });
  const remember = h('input', { type: 'checkbox', name: 'remember' });

  const groups: Record<Kind | 'named' | 'secret' | 'key', HTMLElement> = {
    zip: h('p', { class: 'ed-hint' }, t('publish_zipHint')),
    folder: h('div', {}, field(t('publish_folder'), folder, t('publish_folderHint'))),
    ftp: h(
      'div',
      {},
      field(t('publish_secure'), secure),
      h('label', { class: 'ed-check' }, selfSigned, t('publish_selfSigned')),
    ),
    sftp: h('div', {}),
    s3: h(
      'div',
      { class: 'ed-site-grid' },
      field(t('publish_endpoint'), endpoint, t('publish_endpointHint')),
      field(t('publish_region'), region),
      field(t('publish_bucket'), bucket),
      field(t('publish_prefix'), prefix),
    ),
    named: h('p', { class: 'ed-hint' }, t('publish_namedHint')),
    secret: h(
      'div',
      {},
      h(
        'div',
        { class: 'ed-site-grid' },
        field(t('publish_host'), host),
        field(t('publish_port'), port),
        field(t('publish_user'), user),
        field(t('publish_dir'), dir),
      ),
    ),
    key: h(
      'div',
      { class: 'ed-site-grid' },
      field(t('publish_accessKey'), accessKey),
      field(t('publish_secretKey'), secretKey),
    ),
  };
  const passwordField = field(t('publish_password'), password, t('publish_passwordHint'));
  const rememberRow = h('label', { class: 'ed-check' }, remember, t('publish_remember'));
  const fields = h('div', {});
  const kindOf = (): Kind | 'named' =>
    where.value.startsWith('named:') ? 'named' : (where.value as Kind);
  const namedType = () => saved.find((s) => `named:${s.name}` === where.value);
  const show = () => {
    const kind = kindOf();
    const type = kind === 'named' ? namedType()?.type : kind;
    const needsPassword = type === 'ftp' || type === 'sftp';
    replaceChildren(
      fields,
      kind === 'named' ? groups.named : undefined,
      (kind === 'ftp' || kind === 'sftp') && groups.secret,
      kind !== 'named' && groups[kind],
      needsPassword && passwordField,
      type === 's3' && groups.key,
      (needsPassword || type === 's3') && rememberRow,
    );
  };
  where.addEventListener('change', show);
  show();

  const progress = h('progress', {
    class: 'ed-progress',
    max: '100',
    value: '0',
    'aria-label': t('publish_progress'),
    'data-testid': 'publish-progress',
  });
  const counts = h('p', { class: 'ed-hint', 'data-testid': 'publish-counts' });
  const result = h('div', { 'data-testid': 'publish-result' });
  const start = h(
    'button',
    { type: 'submit', class: 'primary', 'data-action': 'start-publish' },
    t('publish_start'),
  );
  const form = h(
    'form',
    { novalidate: true },
    field(t('publish_where'), where),
    fields,
    h('div', { class: 'ed-row' }, start),
    progress,
    counts,
    result,
  );
  replaceChildren(ui.body, form);
  where.focus();

  const target = (): DialogTarget | string => {
    const kind = kindOf();
    if (kind === 'named') return { type: 'named', name: where.value.slice('named:'.length) };
    if (kind === 'zip') return { type: 'zip' };
    if (kind === 'folder')
      return folder.value.trim()
        ? { type: 'folder', path: folder.value.trim() }
        : t('publish_fillFolder');
    if (kind === 's3') {
      if (!bucket.value.trim()) return t('publish_fillBucket');
      if (endpoint.value.trim() && !URL.canParse(endpoint.value.trim())) {
        return t('publish_fillEndpoint');
      }
      return {
        type: 's3',
        bucket: bucket.value.trim(),
        region: region.value.trim() || 'us-east-1',
        prefix: prefix.value.trim(),
        ...(endpoint.value.trim() ? { endpoint: endpoint.value.trim() } : {}),
      };
    }
    if (!host.value.trim() || !user.value.trim()) return t('publish_fillHost');
    const common = {
      host: host.value.trim(),
      user: user.value.trim(),
      dir: dir.value.trim(),
      ...(port.value ? { port: Number(port.value) } : {}),
    };
    if (kind === 'sftp') return { type: 'sftp', ...common };
    const mode = secure.value === 'implicit' ? 'implicit' : secure.value === 'true';
    return { type: 'ftp', ...common, secure: mode, allowSelfSigned: selfSigned.checked };
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.error.textContent = '';
    replaceChildren(result);
    const chosen = target();
    if (typeof chosen === 'string') {
      ui.error.textContent = chosen;
      return;
    }
    start.disabled = true;
    progress.value = 0;
    ui.status.textContent = t('publish_phase_start');
    site
      .startPublish({
        target: chosen,
        ...(password.value ? { password: password.value } : {}),
        ...(accessKey.value && secretKey.value
          ? { accessKeyId: accessKey.value, secretAccessKey: secretKey.value }
          : {}),
        remember: remember.checked,
      })
      .then((job) => {
        const remote =
          kindOf() !== 'zip' && kindOf() !== 'folder' && namedType()?.type !== 'folder';
        return follow(store, ui, job, { progress, counts, result, remote });
      })
      .catch((error: unknown) => {
        ui.status.textContent = '';
        ui.error.textContent = messageOf(store, error);
      })
      .finally(() => {
        // Typed secrets are not kept in the page longer than the run needs them.
        password.value = '';
        accessKey.value = '';
        secretKey.value = '';
        start.disabled = false;
      });
  });
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Polls the job until it ends, drawing its progress. */
async function follow(
  store: EditorStore,
  ui: SiteDialog,
  job: string,
  parts: {
    progress: HTMLProgressElement;
    counts: HTMLElement;
    result: HTMLElement;
    remote: boolean;
  },
): Promise<void> {
  const t = store.t;
  for (;;) {
    const status: PublishStatus = await site.publishStatus(job);
    ui.status.textContent = t(`publish_phase_${status.phase}`);
    if (status.bytesTotal > 0 || status.filesTotal > 0) {
      const share =
        status.bytesTotal > 0
          ? status.bytesDone / status.bytesTotal
          : status.filesDone / status.filesTotal;
      parts.progress.value = Math.round(share * 100);
      parts.counts.textContent = t('publish_counts', {
        filesDone: status.filesDone,
        filesTotal: status.filesTotal,
        done: sizeText(status.bytesDone),
        total: sizeText(status.bytesTotal),
      });
    }
    if (status.state === 'failed') {
      ui.status.textContent = '';
      ui.error.textContent = status.message?.[store.lang] ?? t('publish_failed');
      return;
    }
    if (status.state === 'done') {
      parts.progress.value = 100;
      ui.status.textContent = t('publish_done', {
        sent: status.sent ?? 0,
        files: status.files ?? 0,
      });
      if (status.download) {
        const get = h(
          'button',
          { type: 'button', class: 'primary', 'data-action': 'download-zip' },
          t('publish_download'),
        );
        get.addEventListener('click', () => {
          void site.downloadZip(job).then((blob) => site.saveBlob(blob, 'site.zip'));
        });
        replaceChildren(parts.result, h('p', {}, t('publish_zipReady')), get);
      } else if (status.publicUrl && parts.remote) {
        replaceChildren(
          parts.result,
          h(
            'a',
            { href: status.publicUrl, target: '_blank', rel: 'noopener' },
            t('publish_openSite'),
          ),
        );
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
