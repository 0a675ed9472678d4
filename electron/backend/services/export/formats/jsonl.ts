// JSON Lines for machines: one record per line, UTF-8, LF, every entity
// (visits, petitioners, matters). Each line is {entity, id, version, op, at,
// data} — id + version let the receiver apply it idempotently.
import type { ExportRecord } from '../types';
import { TextSink, type FormatWriter } from './sink';

export const JSONL_FILE = 'records.jsonl';

/** One line, keys in a fixed order so the same record always gives the same bytes. */
export function jsonlLine(r: ExportRecord): string {
  return JSON.stringify({ entity: r.entity, id: r.id, version: r.version, op: r.op, at: r.at, data: r.data }) + '\n';
}

export function openJsonlWriter(path: string): FormatWriter {
  const sink = new TextSink(path, (s) => Buffer.from(s, 'utf8'));
  let rows = 0;
  return {
    name: JSONL_FILE,
    add(r) {
      rows++;
      return sink.write(jsonlLine(r));
    },
    async close() {
      await sink.close();
      return rows;
    },
  };
}
