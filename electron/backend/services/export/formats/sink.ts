// A buffered file writer that respects back-pressure: text is gathered into
// chunks of a few hundred KB, encoded once per chunk, and the caller waits
// when the OS has not caught up. This is what keeps a million-row export at a
// steady, bounded memory instead of queueing the whole file in RAM.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export class TextSink {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  private size = 0;

  constructor(
    path: string,
    private readonly encode: (s: string) => Buffer,
    private readonly flushAt = 256 * 1024,
  ) {
    this.stream = createWriteStream(path);
  }

  /** Returns a promise only when the caller should wait (chunk written and the stream is full). */
  write(s: string): Promise<void> | undefined {
    this.parts.push(s);
    this.size += s.length;
    if (this.size < this.flushAt) return undefined;
    return this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.encode(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** What a format offers the stager: add records in order, then close. */
export interface FormatWriter {
  /** File name inside the batch folder. */
  readonly name: string;
  /** Resolves when it is fine to add the next record (back-pressure). */
  add(record: import('../types').ExportRecord): Promise<void> | undefined;
  /** Finishes the file; returns how many data rows it holds. */
  close(): Promise<number>;
}
