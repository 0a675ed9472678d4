// Named prepared statements for Kysely's PostgresDialect.
//
// Kysely hands pg a text and its parameters; pg sends it as an UNNAMED
// statement, which PostgreSQL parses, analyses and plans again on every call
// (1–3 ms for the call-next head query, which executes in 0.4 ms). Given a
// `name`, pg parses it once per connection (it remembers the names it has
// prepared, client.connection.parsedStatements) and later calls send only
// Bind/Execute; the server keeps the parsed statement and, after five
// executions, a generic plan when that costs no more than the custom ones, so
// a hot statement is neither parsed nor planned again.
//
// The name is a hash of the SQL text, so the same text always has the same
// name and two texts never share one (pg refuses a name reused for another
// text). Only single data statements are named (SELECT/INSERT/UPDATE/DELETE/
// WITH): DDL and multi-statement scripts keep the simple protocol. Kysely
// writes a different text for every length of an `in (…)` list, so each
// connection names at most MAX_NAMED texts and sends the rest unnamed, which
// bounds what the server keeps per connection.
//
// A cached plan breaks if the schema changes under it ("cached plan must not
// change result type"); the store turns naming on only after its migrations
// ran (connection.ts), and the app changes no schema afterwards.
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const MAX_NAMED = 1000;
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/** The statement name of a SQL text (pg's limit is 63 bytes; 'k' + 40 hex digits). */
export const statementName = (text: string) => 'k' + createHash('sha1').update(text).digest('hex');

export interface NamedStatementPool extends PostgresPool {
  /** Off until the schema is current (see above). */
  enabled: boolean;
}

export function namedStatementPool(pool: pg.Pool): NamedStatementPool {
  const named = new WeakMap<pg.PoolClient, Set<string>>();
  const wrapper: NamedStatementPool = {
    enabled: false,
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let names = named.get(client);
      if (!names) named.set(client, (names = new Set()));
      const own = names;
      return {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) => {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as pg.Submittable);
          const text = textOrCursor;
          if (!wrapper.enabled || !DATA_STATEMENT.test(text) || (own.size >= MAX_NAMED && !own.has(text)))
            return client.query(text, values as unknown[]);
          own.add(text);
          return client.query({ name: statementName(text), text, values: values as unknown[] });
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
  return wrapper;
}
