import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { AppError } from '../../../shared/errors.js'

/**
 * The schema of a team library in PostgreSQL (docs/team.md), as numbered steps. Step `n`
 * takes the schema from version `n - 1` to `n`; `schema_version` holds the version reached.
 * A step runs in the same transaction as the version update, so a crash leaves either the
 * old schema or the new one.
 */
const STEPS: Record<number, string> = {
  1: `
    CREATE TABLE trove_library (
      -- One row: the counter every change takes its seq from, under a row lock.
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      library_id text NOT NULL,
      created_at bigint NOT NULL,
      seq bigint NOT NULL
    );
    CREATE TABLE trove_changes (
      seq bigint PRIMARY KEY,
      at bigint NOT NULL,
      actor text,
      op text NOT NULL,
      -- Which process committed it (for diagnostics only).
      origin text NOT NULL,
      put jsonb NOT NULL,
      del jsonb NOT NULL
    );
    CREATE TABLE trove_records (
      tbl text NOT NULL,
      id text NOT NULL,
      body jsonb NOT NULL,
      PRIMARY KEY (tbl, id)
    );
    -- Appends a batch of changes made against seq "expected", in one statement (so in one
    -- transaction and one round trip). The counter row is locked first: a commit that finds
    -- it moved writes nothing and says where it is. No sequence or bigserial numbers the
    -- changes: a reader following "seq > last" would miss commits that finish out of order.
    CREATE FUNCTION trove_append(expected bigint, batch jsonb, from_origin text, OUT ok boolean, OUT seq bigint) AS $$
    DECLARE
      current bigint;
      c jsonb;
      n bigint;
    BEGIN
      SELECT l.seq INTO current FROM trove_library l FOR UPDATE;
      IF current IS DISTINCT FROM expected THEN
        ok := false;
        seq := current;
        RETURN;
      END IF;
      n := expected;
      FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
        n := n + 1;
        IF (c->>'seq')::bigint <> n THEN
          RAISE EXCEPTION 'change % follows % in one batch', c->>'seq', n - 1;
        END IF;
        INSERT INTO trove_changes (seq, at, actor, op, origin, put, del)
          VALUES (n, (c->>'at')::bigint, c->>'actor', c->>'op', from_origin, c->'put', c->'del');
        -- A change may put one record twice: the last one wins, as in memory.
        INSERT INTO trove_records (tbl, id, body)
          SELECT DISTINCT ON (t.key, r.value->>'id') t.key, r.value->>'id', r.value
          FROM jsonb_each(c->'put') t, jsonb_array_elements(t.value) WITH ORDINALITY r
          ORDER BY t.key, r.value->>'id', r.ordinality DESC
          ON CONFLICT (tbl, id) DO UPDATE SET body = EXCLUDED.body;
        DELETE FROM trove_records r
          USING jsonb_array_elements(c->'del') d
          WHERE r.tbl = d.value->>0 AND r.id = d.value->>1;
      END LOOP;
      UPDATE trove_library SET seq = n;
      PERFORM pg_notify('trove_changes', n::text);
      ok := true;
      seq := n;
    END
    $$ LANGUAGE plpgsql;
  `,
  2: `
    -- An export from a local library in progress (main/server/exportToServer.ts): while a row
    -- is here and not finished, the library is not opened, and a new run resumes after the
    -- last record copied.
    CREATE TABLE trove_export (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      library_id text NOT NULL,
      seq bigint NOT NULL,
      after_tbl text NOT NULL DEFAULT '',
      after_id text NOT NULL DEFAULT '',
      finished boolean NOT NULL DEFAULT false
    );
  `,
}

export const PG_SCHEMA_VERSION = Math.max(...Object.keys(STEPS).map(Number))
/** Any fixed number: only processes migrating a Trove schema take this advisory lock. */
const MIGRATION_LOCK = 0x7452_4f56

/**
 * Creates or upgrades the schema of the team library at `url` to this version's, one
 * numbered step at a time; a library written by a newer version is refused with
 * `LIBRARY_TOO_NEW`. Processes starting together take turns (an advisory lock), so each
 * step runs once. Returns the version reached.
 */
export async function migrateSchema(url: string, options: { clock?: () => number } = {}): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await client.query('CREATE TABLE IF NOT EXISTS trove_schema_version (version integer NOT NULL)')
      let version = Number((await client.query<{ version: number }>('SELECT max(version) AS version FROM trove_schema_version')).rows[0]?.version ?? 0)
      if (version > PG_SCHEMA_VERSION) {
        throw new AppError('LIBRARY_TOO_NEW', `The team library was written by a newer version of Trove (schema ${version}; this version reads up to ${PG_SCHEMA_VERSION}).`, {
          schemaVersion: version,
          supported: PG_SCHEMA_VERSION,
        })
      }
      while (version < PG_SCHEMA_VERSION) {
        const next = version + 1
        await client.query('BEGIN')
        try {
          await client.query(STEPS[next])
          if (next === 1) {
            await client.query('INSERT INTO trove_library (library_id, created_at, seq) VALUES ($1, $2, 0)', [randomUUID(), (options.clock ?? Date.now)()])
          }
          await client.query('DELETE FROM trove_schema_version')
          await client.query('INSERT INTO trove_schema_version (version) VALUES ($1)', [next])
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined)
          throw error
        }
        version = next
      }
      return version
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}
