// Sending a batch to the district's HTTP(S) endpoint.
//
// A batch goes as consecutive parts (config.partSize records each), each one
// POST with a JSON body:
//   {"batchId": "...", "part": 1, "parts": 3, "kind": "incremental",
//    "createdAt": "...", "records": [ <JSONL objects, exactly the staged lines> ]}
// headers:  Authorization: Bearer <token>
//           Idempotency-Key: <batchId>:<part>     (same key on every retry of that part)
//           Content-Type: application/json; charset=utf-8
// The district answers 2xx with its acknowledgement:
//   {"accepted": [{"entity","id","version","districtId"}],
//    "rejected": [{"entity","id","version","reason"}]}
// Network errors, timeouts, 408/425/429 and 5xx are retried within the run
// (exponential back-off with jitter; Retry-After is honoured up to a minute);
// other 4xx are not (a wrong token does not fix itself). A redirect (3xx)
// is refused and not followed: the body and the token go to the saved URL only. A part is only
// counted done once its acknowledgement is stored, so a process killed
// mid-send resends that part — with the same Idempotency-Key — and the
// receiver, which applies records by (entity, id, version), never duplicates.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ExportBatchesTable } from '../../../db/schema';
import { retryDelayMs } from '../backoff';
import { ExportError } from '../errors';
import type { ExportRecord, HttpSendConfig } from '../types';

const ackRecord = z.object({ entity: z.string(), id: z.string(), version: z.number().int() });
const ackSchema = z.object({
  accepted: z
    .array(ackRecord.extend({ districtId: z.union([z.string(), z.number()]).nullish() }))
    .default([])
    .transform((a) =>
      a.map((r) => ({ entity: r.entity, id: r.id, version: r.version, districtId: r.districtId == null ? null : String(r.districtId) })),
    ),
  rejected: z.array(ackRecord.extend({ reason: z.string().default('') })).default([]),
});
export type DistrictAck = z.output<typeof ackSchema>;

export function parseAck(body: string): DistrictAck | null {
  try {
    const r = ackSchema.safeParse(JSON.parse(body));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The batch's reason when the endpoint answers with a redirect (3xx): not followed, not retried. */
export const REDIRECT_REFUSED = '区系统返回重定向，已拒绝';

/** A failure worth retrying in this run, or not. */
class Attempt extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

function statusMessage(status: number): Attempt {
  if (status === 401 || status === 403) return new Attempt(`区信访信息系统拒绝访问（HTTP ${status}），请检查令牌`, false);
  if (status === 404) return new Attempt('区信访信息系统的接收地址不存在（HTTP 404），请检查地址', false);
  if (status === 413) return new Attempt('区信访信息系统认为数据过大（HTTP 413），请减小每次发送条数', false);
  const retry = status >= 500 || status === 408 || status === 425 || status === 429;
  return new Attempt(`区信访信息系统返回错误（HTTP ${status}）`, retry);
}

async function postOnce(config: HttpSendConfig, key: string, body: string): Promise<DistrictAck> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), config.timeoutMs);
  try {
    const res = await fetch(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${config.token}`, 'idempotency-key': key },
      body,
      signal: ctl.signal,
      // A redirect would re-send personal data and the token to wherever it points: refused, never followed.
      redirect: 'manual',
    });
    // The whole exchange, body included, is under the timeout.
    const text = await res.text();
    if (res.status >= 300 && res.status < 400) throw new Attempt(REDIRECT_REFUSED, false);
    if (!res.ok) {
      const a = statusMessage(res.status);
      const ra = Number(res.headers.get('retry-after'));
      throw new Attempt(a.message, a.retry, Number.isFinite(ra) && ra > 0 ? Math.min(ra, 60) * 1000 : null);
    }
    const ack = parseAck(text);
    // The district may have applied the part; resending it with the same key is safe.
    if (!ack) throw new Attempt('区信访信息系统的回执无法识别', true);
    return ack;
  } catch (e) {
    if (e instanceof Attempt) throw e;
    if (ctl.signal.aborted) throw new Attempt(`连接区信访信息系统超时（${Math.round(config.timeoutMs / 1000)}秒无应答）`, true);
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw new Attempt(`无法连接区信访信息系统（${cause ?? (e instanceof Error ? e.message : String(e))}）`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** One part, with the in-run retries. Throws ExportError with the last reason. */
export async function postPart(config: HttpSendConfig, key: string, body: string): Promise<DistrictAck> {
  let last: Attempt | null = null;
  for (let attempt = 0; attempt <= config.retries; attempt++) {
    if (attempt > 0) await sleep(last?.retryAfterMs ?? retryDelayMs(attempt, config.retryBaseMs));
    try {
      return await postOnce(config, key, body);
    } catch (e) {
      last = e as Attempt;
      if (!last.retry) break;
    }
  }
  const tries = config.retries > 0 && last?.retry ? `，已重试${config.retries}次` : '';
  throw new ExportError(`${last?.message ?? '发送失败'}${tries}`);
}

export interface SendOptions {
  config: HttpSendConfig;
  batch: ExportBatchesTable;
  /** The staged records.jsonl: its lines are the records, in order. */
  jsonlPath: string;
  recordCount: number;
  /** Stores one part's acknowledgement (record states + parts_done) before the next part goes. */
  onPartAcked(part: number, records: ExportRecord[], ack: DistrictAck): Promise<void>;
}

/** Sends the parts not yet acknowledged (batch.parts_done onward), in order. */
export async function sendBatchOverHttp(opts: SendOptions): Promise<void> {
  const { config, batch } = opts;
  const size = config.partSize;
  const parts = Math.max(1, Math.ceil(opts.recordCount / size));
  const lines = createInterface({ input: createReadStream(opts.jsonlPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let part = 0;
  let chunk: string[] = [];
  const flush = async () => {
    if (part >= batch.parts_done) {
      const head = JSON.stringify({ batchId: batch.id, part: part + 1, parts, kind: batch.kind, createdAt: batch.created_at });
      // The staged lines are embedded as they are: the bytes sent are the bytes hashed.
      const body = `${head.slice(0, -1)},"records":[${chunk.join(',')}]}`;
      const ack = await postPart(config, `${batch.id}:${part + 1}`, body);
      await opts.onPartAcked(
        part,
        chunk.map((l) => JSON.parse(l) as ExportRecord),
        ack,
      );
    }
    part++;
    chunk = [];
  };
  try {
    for await (const line of lines) {
      if (line === '') continue;
      chunk.push(line);
      if (chunk.length === size) await flush();
    }
    if (chunk.length > 0) await flush();
  } finally {
    lines.close();
  }
}
