// Shapes shared by the export modules: destination configs, batch files, and a
// record as every format sees it.
import type { VisitDetail } from '@shared/api/schemas/visits';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_ENTITIES = ['visit', 'petitioner', 'matter'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

/** A folder on a shared drive or a USB stick; the folder itself must already exist. */
export interface FolderConfig {
  path: string;
  formats: ExportFormat[];
}

/** The district's HTTP(S) endpoint. The body is JSON (see destinations/http.ts). */
/** An endpoint as stored: the token sealed by the SecretBox ('' when none). */
export interface HttpConfig {
  url: string;
  tokenSealed: string;
  /** Only in rows written before tokens were sealed: sealed and removed on first read (sealLegacyTokens). */
  token?: string;
  timeoutMs: number;
  /** Extra attempts within one run after the first fails (network, timeout, 5xx). */
  retries: number;
  /** First in-run retry waits about this long, doubling each time, with jitter. */
  retryBaseMs: number;
  /** Records per POST; a batch is sent as consecutive parts. */
  partSize: number;
}

/** What a send needs: the endpoint with its token opened, for the length of one run. */
export type HttpSendConfig = Omit<HttpConfig, 'tokenSealed' | 'token'> & { token: string };

export type DestinationConfig = FolderConfig | HttpConfig;

export interface Destination {
  id: string;
  name: string;
  kind: 'folder' | 'http';
  enabled: boolean;
  config: DestinationConfig;
}

export interface FolderDestination extends Destination {
  kind: 'folder';
  config: FolderConfig;
}

export interface HttpDestination extends Destination {
  kind: 'http';
  config: HttpConfig;
}

/** A staged file of a batch: what was sent, provably (SHA-256 of the bytes). */
export interface BatchFile {
  name: string;
  sha256: string;
  bytes: number;
  /** Data rows (records for JSONL, visits for xlsx/CSV). */
  rows: number;
}

/** The visit as audit and export see it (visits.ts exportView): no display-only fields. */
export type VisitPayload = Omit<VisitDetail, 'corrections' | 'registeredByName' | 'correctedAt'>;

/** One line of JSONL, one element of an HTTP part: the unit the district applies idempotently. */
export interface ExportRecord {
  entity: ExportEntity;
  id: string;
  version: number;
  op: 'upsert';
  /** When this version was made (UTC ISO-8601). */
  at: string;
  /** The outbox payload: VisitPayload for visits, the stored row for petitioners and matters. */
  data: Record<string, unknown>;
}

/** The key a receiver dedupes on. */
export function recordKey(r: { entity: string; id: string; version: number }): string {
  return `${r.entity}/${r.id}/${r.version}`;
}
