import { str, type Queryable } from './sql.js';

// D7's ordering key of an earlier event of the same call or dialog (added for
// the ingest side; see migrations/002_event_refs.ts for the indexes).

function refExpression(dialect: Queryable['dialect'], member: 'callId' | 'dialogId'): string {
  return dialect === 'sqlite'
    ? `json_extract(body, '$.${member}')`
    : `((body::jsonb) ->> '${member}')`;
}

/**
 * The first ordering key stored for the call (`call:ID`) or dialog
 * (`dialog:ID`) other than that key itself, i.e. the client's key its earlier
 * events carried; null when none.
 */
export async function orderingKeyOf(
  db: Queryable,
  projectId: string,
  ref: string,
): Promise<string | null> {
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon);
  const id = ref.slice(colon + 1);
  if (colon < 0 || (kind !== 'call' && kind !== 'dialog')) return null;
  const expression = refExpression(db.dialect, kind === 'call' ? 'callId' : 'dialogId');
  const row = await db.get(
    `SELECT ordering_key FROM events WHERE project_id = ? AND ${expression} = ? AND ordering_key <> ? ORDER BY seq LIMIT 1`,
    [projectId, id, ref],
  );
  return row ? str(row['ordering_key']) : null;
}
