// A stand-in for the district 信访信息系统: a real HTTP server on 127.0.0.1
// (port 0) that behaves as the README's contract says a receiver should —
// it checks the token, validates every record against the JSONL schema,
// applies records by (entity, id, version) and remembers each
// Idempotency-Key's answer — and that can be told to misbehave: answer 500,
// hang past the client's timeout, or hold a response until told (or until the
// client process is killed).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jsonlLineSchema } from '../../electron/backend/services/export/formats/jsonl-schema';

export type Action = 'ok' | 'fail500' | 'hang' | 'hold';

interface Rec {
  entity: string;
  id: string;
  version: number;
}

export interface DistrictServer {
  url: string;
  token: string;
  /** What to do with each coming request, in order; 'ok' once the list is used up. */
  script: Action[];
  /** A reason to refuse a record, or null to accept it. */
  reject: (r: Rec & { data: Record<string, unknown> }) => string | null;
  /** (entity/id/version) → districtId, for each record applied. */
  applied: Map<string, string>;
  /** Records applied a second time (a resend that was not an idempotent replay). */
  duplicates: number;
  /** Records that did not match the JSONL schema. */
  invalid: string[];
  requests: { key: string; action: Action | 'replay' | 'unauthorised'; records: number; part: number; parts: number }[];
  /** Resolves when a 'hold' request has been applied and is being held. */
  held: Promise<void>;
  /** Answers the held request. */
  release(): void;
  close(): Promise<void>;
}

const key = (r: Rec) => `${r.entity}/${r.id}/${r.version}`;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startDistrictServer(opts: { token?: string; script?: Action[] } = {}): Promise<DistrictServer> {
  let seq = 0;
  const answers = new Map<string, string>();
  const pending: ServerResponse[] = [];
  let releaseHeld: () => void = () => undefined;
  let signalHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (signalHeld = resolve));

  const s: DistrictServer = {
    url: '',
    token: opts.token ?? 'district-secret-token',
    script: [...(opts.script ?? [])],
    reject: () => null,
    applied: new Map(),
    duplicates: 0,
    invalid: [],
    requests: [],
    held,
    release: () => releaseHeld(),
    close: async () => {
      for (const res of pending) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function apply(body: { records: (Rec & { data: Record<string, unknown> })[] }): string {
    const accepted: (Rec & { districtId: string })[] = [];
    const rejected: (Rec & { reason: string })[] = [];
    for (const r of body.records) {
      const check = jsonlLineSchema.safeParse(r);
      if (!check.success) s.invalid.push(`${key(r)}: ${check.error.message}`);
      const reason = s.reject(r);
      if (reason) {
        rejected.push({ entity: r.entity, id: r.id, version: r.version, reason });
        continue;
      }
      const k = key(r);
      if (s.applied.has(k)) s.duplicates++;
      else s.applied.set(k, `QX${String(++seq).padStart(8, '0')}`);
      accepted.push({ entity: r.entity, id: r.id, version: r.version, districtId: s.applied.get(k)! });
    }
    return JSON.stringify({ accepted, rejected });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const idem = String(req.headers['idempotency-key'] ?? '');
      const body = JSON.parse(text) as { records: (Rec & { data: Record<string, unknown> })[]; part: number; parts: number };
      const log = (action: DistrictServer['requests'][number]['action']) =>
        s.requests.push({ key: idem, action, records: body.records.length, part: body.part, parts: body.parts });
      if (req.headers.authorization !== `Bearer ${s.token}`) {
        log('unauthorised');
        res.writeHead(401).end();
        return;
      }
      const cached = answers.get(idem);
      if (cached) {
        log('replay');
        res.writeHead(200, { 'content-type': 'application/json' }).end(cached);
        return;
      }
      const action = s.script.shift() ?? 'ok';
      log(action);
      if (action === 'fail500') {
        res.writeHead(500).end('down for maintenance');
        return;
      }
      // From here the records are applied and the answer remembered, as a real
      // receiver commits before it replies; whether the reply arrives is another matter.
      const answer = apply(body);
      answers.set(idem, answer);
      if (action === 'hang') {
        pending.push(res);
        return;
      }
      if (action === 'hold') {
        pending.push(res);
        releaseHeld = () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
        signalHeld();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    })().catch((e: unknown) => {
      res.writeHead(400).end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xf/import`;
  return s;
}
