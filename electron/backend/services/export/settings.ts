// Export settings the administrator edits: the schedule (settings key
// 'export') and the destinations (their own table, because batches and record
// states refer to them). Every change is audited; a token is stored but never
// handed back to the screen, nor written to the audit log. The token is sealed
// by deps.secrets before it is written (tokens saved by older versions in plain
// text are sealed on first read), and dropped when the endpoint's origin changes.
import { ApiError } from '@shared/api/errors';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import type { ExportDestinationsTable } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit';
import { newId } from '../ids';
import { getSetting, saveSetting } from '../settings-store';
import {
  DEFAULT_EXPORT_SETTINGS,
  exportSettingsInput,
  type DestinationInput,
  type DestinationView,
  type ExportSettings,
} from '@shared/api/schemas/export';
import type { Destination, FolderConfig, HttpConfig, HttpSendConfig } from './types';
import type { SecretBox } from '../../security/secret-box';
import { ExportError } from './errors';
import { nextRuns } from '@shared/domain/export-schedule';

const KEY = 'export';

export const getExportSettings = (db: Executor): Promise<ExportSettings> =>
  getSetting(db, KEY, exportSettingsInput, DEFAULT_EXPORT_SETTINGS);

/** Input already validated by exportSettingsInput (each expression checked with croner). */
export const saveExportSettings = (deps: Deps, actor: Actor, input: ExportSettings): Promise<ExportSettings> =>
  saveSetting(deps, actor, KEY, input, getExportSettings);

/** The first time any of the schedules fires after `after`, or null when there is none (the screen's preview asks the same). */
export function nextScheduledRun(schedules: readonly string[], after: Date): Date | null {
  return nextRuns(schedules, after, 1)[0] ?? null;
}

export function toDestination(row: ExportDestinationsTable): Destination {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled === 1,
    config: JSON.parse(row.config_json) as Destination['config'],
  };
}

const hasToken = (c: HttpConfig) => c.tokenSealed !== '' || !!c.token;

/** The token told apart from the address: another scheme, host or port is another receiver. */
const originOf = (url: string) => new URL(url).origin;

/** The endpoint with its token opened, for one run; a token this machine cannot open fails the batch in Chinese. */
export function sendConfig(secrets: SecretBox, c: HttpConfig): HttpSendConfig {
  let token = c.token ?? '';
  if (c.tokenSealed) {
    try {
      token = secrets.open(c.tokenSealed);
    } catch {
      throw new ExportError('令牌无法在本机解密（由另一台电脑或已更换的密钥保存），请在导出设置中重新填写令牌');
    }
  }
  if (!token) throw new ExportError('未设置令牌（接收地址更换站点后须重新填写），未发送');
  return { url: c.url, token, timeoutMs: c.timeoutMs, retries: c.retries, retryBaseMs: c.retryBaseMs, partSize: c.partSize };
}

/**
 * Tokens written in plain text by older versions: sealed in place on the first
 * read of the destinations (and audited, without the token).
 */
export async function sealLegacyTokens(deps: Deps): Promise<void> {
  const rows = await deps.db.selectFrom('export_destinations').selectAll().where('kind', '=', 'http').execute();
  const plain = rows.filter((r) => typeof (JSON.parse(r.config_json) as HttpConfig).token === 'string');
  if (plain.length === 0) return;
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    for (const r of plain) {
      const fresh = await trx.selectFrom('export_destinations').select('config_json').where('id', '=', r.id).executeTakeFirst();
      if (!fresh) continue;
      const c = JSON.parse(fresh.config_json) as HttpConfig;
      if (typeof c.token !== 'string') continue;
      const { token, ...rest } = c;
      const sealed: HttpConfig = { ...rest, tokenSealed: token ? deps.secrets.seal(token) : '' };
      await trx
        .updateTable('export_destinations')
        .set({ config_json: JSON.stringify(sealed) })
        .where('id', '=', r.id)
        .execute();
      await writeAudit(trx, {
        at,
        actorId: null,
        action: 'export.destination.seal_token',
        entity: 'export_destination',
        entityId: r.id,
        note: `令牌已加密保存（${deps.secrets.kind}）`,
      });
    }
  });
}

export function toDestinationView(d: Destination): DestinationView {
  if (d.kind === 'folder') {
    const c = d.config as FolderConfig;
    return {
      id: d.id,
      name: d.name,
      kind: d.kind,
      enabled: d.enabled,
      target: c.path,
      formats: c.formats,
      hasToken: false,
      timeoutMs: null,
      retries: null,
      partSize: null,
      tokenStatus: null,
      notice: null,
    };
  }
  const c = d.config as HttpConfig;
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    enabled: d.enabled,
    target: c.url,
    formats: ['jsonl'],
    hasToken: hasToken(c),
    tokenStatus: hasToken(c) ? '已设置' : '未设置',
    timeoutMs: c.timeoutMs,
    retries: c.retries,
    partSize: c.partSize,
    notice: null,
  };
}

export async function loadDestinations(db: Executor, opts: { enabledOnly?: boolean; id?: string } = {}): Promise<Destination[]> {
  let q = db.selectFrom('export_destinations').selectAll().orderBy('created_at');
  if (opts.enabledOnly) q = q.where('enabled', '=', 1);
  if (opts.id) q = q.where('id', '=', opts.id);
  return (await q.execute()).map(toDestination);
}

export async function listDestinations(deps: Deps): Promise<DestinationView[]> {
  await sealLegacyTokens(deps);
  return (await loadDestinations(deps.db)).map(toDestinationView);
}

const TOKEN_CLEARED = '接收地址已换到另一站点（协议、主机或端口不同），原令牌已清除；请填写新地址的令牌，填写前不会发送';

/** What the audit log keeps of a destination: everything but the token. */
function auditView(d: Destination | null) {
  return d ? toDestinationView(d) : undefined;
}

/** Creates (id null) or updates a destination. Input already validated by destinationInput. */
export async function saveDestination(deps: Deps, actor: Actor, input: DestinationInput): Promise<DestinationView> {
  const at = deps.now().toISOString();
  const saved = await writeTransaction(deps.db, async (trx) => {
    const beforeRow = input.id
      ? await trx.selectFrom('export_destinations').selectAll().where('id', '=', input.id).executeTakeFirst()
      : undefined;
    if (input.id && !beforeRow) throw new ApiError('NOT_FOUND', '找不到该导出位置');
    const before = beforeRow ? toDestination(beforeRow) : null;
    if (before && before.kind !== input.kind)
      throw new ApiError('VALIDATION', '不能更改导出位置的类型，请另建一个', { kind: '不能更改类型' });

    let config: FolderConfig | HttpConfig;
    let movedOrigin = false;
    if (input.kind === 'folder') {
      config = { path: input.path, formats: [...new Set(input.formats)] };
    } else {
      const prior = before ? (before.config as HttpConfig) : null;
      // The saved token belongs to the saved origin: moving the endpoint elsewhere drops it (unless a new one comes with it).
      movedOrigin = !input.token && !!prior && hasToken(prior) && originOf(prior.url) !== originOf(input.url);
      let tokenSealed = '';
      if (input.token) tokenSealed = deps.secrets.seal(input.token);
      else if (prior && !movedOrigin) tokenSealed = prior.tokenSealed || (prior.token ? deps.secrets.seal(prior.token) : '');
      if (!tokenSealed && !movedOrigin) throw new ApiError('VALIDATION', '请填写区信访信息系统提供的令牌', { token: '请填写令牌' });
      config = {
        url: input.url,
        tokenSealed,
        timeoutMs: input.timeoutMs,
        retries: input.retries,
        retryBaseMs: input.retryBaseMs,
        partSize: input.partSize,
      };
    }
    const row: ExportDestinationsTable = {
      id: before?.id ?? newId(),
      name: input.name,
      kind: input.kind,
      config_json: JSON.stringify(config),
      enabled: input.enabled ? 1 : 0,
      lease_owner: beforeRow?.lease_owner ?? null,
      lease_until: beforeRow?.lease_until ?? null,
      created_at: beforeRow?.created_at ?? at,
      updated_at: at,
    };
    if (beforeRow) {
      await trx
        .updateTable('export_destinations')
        .set({ name: row.name, config_json: row.config_json, enabled: row.enabled, updated_at: at })
        .where('id', '=', row.id)
        .execute();
    } else {
      await trx.insertInto('export_destinations').values(row).execute();
    }
    const after = toDestination(row);
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: before ? 'export.destination.update' : 'export.destination.create',
      entity: 'export_destination',
      entityId: row.id,
      before: auditView(before),
      after: auditView(after),
      note: movedOrigin ? TOKEN_CLEARED : undefined,
    });
    return { after, movedOrigin };
  });
  return { ...toDestinationView(saved.after), notice: saved.movedOrigin ? TOKEN_CLEARED : null };
}

export async function setDestinationEnabled(
  deps: Deps,
  actor: Actor,
  input: { destinationId: string; enabled: boolean },
): Promise<DestinationView> {
  const at = deps.now().toISOString();
  const d = await writeTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('export_destinations').selectAll().where('id', '=', input.destinationId).executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND', '找不到该导出位置');
    await trx
      .updateTable('export_destinations')
      .set({ enabled: input.enabled ? 1 : 0, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(trx, {
      at,
      actorId: actor.id,
      action: input.enabled ? 'export.destination.enable' : 'export.destination.disable',
      entity: 'export_destination',
      entityId: row.id,
      before: { enabled: row.enabled === 1 },
      after: { enabled: input.enabled },
    });
    return toDestination({ ...row, enabled: input.enabled ? 1 : 0 });
  });
  return toDestinationView(d);
}
