import type { ClientBase } from 'pg';

/**
 * `COPY … FROM STDIN` over a `pg` connection, the bulk path PostgreSQL is fastest at (pg
 * has no API of its own for it; this is the protocol's copy-in as pg-copy-streams drives it: a
 * submittable query that answers CopyInResponse with CopyData messages, then CopyDone).
 */

/** Rows as COPY's text format: tab-separated, `\N` for null, with backslash, tab and line breaks escaped. */
export function toCopyLine(values: readonly (string | number | null)[]): string {
  return `${values.map((v) => (v === null ? '\\N' : typeof v === 'number' ? String(v) : escapeCopyText(v))).join('\t')}\n`;
}

function escapeCopyText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

type CopyConnection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

class CopyIn {
  readonly done: Promise<void>;
  private settle!: (error: Error | null) => void;

  constructor(
    private readonly text: string,
    private readonly lines: readonly string[],
  ) {
    this.done = new Promise((resolve, reject) => {
      let settled = false;
      this.settle = (error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    // One CopyData message per ~1 MB keeps the number of socket writes small without one huge buffer.
    let chunk: string[] = [];
    let size = 0;
    for (const line of this.lines) {
      chunk.push(line);
      size += line.length;
      if (size >= 1 << 20) {
        connection.sendCopyFromChunk(Buffer.from(chunk.join(''), 'utf8'));
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) connection.sendCopyFromChunk(Buffer.from(chunk.join(''), 'utf8'));
    connection.endCopyFrom();
  }

  handleCommandComplete(): void {}

  handleError(error: Error): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(null);
  }
}

/** Copies `lines` (see toCopyLine) into `table (columns)`; resolves once the server has stored them all. */
export async function copyRows(client: ClientBase, table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
  const copy = new CopyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, lines);
  void client.query(copy as never);
  await copy.done;
}
