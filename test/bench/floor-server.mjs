// The floor: the bench's nested read as one hand-written SQL statement that builds the whole JSON
// answer in PostgreSQL (json_agg), served by plain node:http. No GraphQL, no parsing of the rows:
// the text PostgreSQL returns is the response body. Started by test/bench/run.ts with
// DATABASE_URL, PORT and WORKSPACE_ID; prints "READY <url>".
import { createServer } from 'node:http';
import pg from 'pg';

// The same selection as the GraphQL queries of the bench (see queries.ts), in the same order:
// agreements newest first, their first 20 commitments in creation order, each with its parties,
// its first 5 evidence (newest link first) and its latest status change.
export const FLOOR_SQL = `
SELECT '{"data":{"agreements":' || COALESCE(json_agg(ax.doc ORDER BY ax.created_at DESC, ax.id DESC)::text, '[]') || '}}' AS body
FROM (
  SELECT a.id, a.created_at, row_to_json(doc) AS doc
  FROM agreements a
  CROSS JOIN LATERAL (SELECT a.id, a.title, a.kind, a.held_on AS "heldOn", (
    SELECT COALESCE(json_agg(row_to_json(cx) ORDER BY c.created_at, c.id), '[]'::json)
    FROM (SELECT * FROM commitments c WHERE c.workspace_id = $1 AND c.agreement_id = a.id
          ORDER BY c.created_at, c.id LIMIT 20) c
    CROSS JOIN LATERAL (SELECT c.id, c.title, c.status, c.priority, c.due_on AS "dueOn", c.version,
      (SELECT COALESCE(json_agg(row_to_json(px) ORDER BY p.code), '[]'::json)
       FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id
       CROSS JOIN LATERAL (SELECT p.code, p.name) px
       WHERE cp.commitment_id = c.id) AS parties,
      (SELECT COALESCE(json_agg(row_to_json(ex) ORDER BY ce.created_at DESC, ce.evidence_id DESC), '[]'::json)
       FROM (SELECT ce.evidence_id, ce.created_at FROM commitment_evidence ce WHERE ce.commitment_id = c.id
             ORDER BY ce.created_at DESC, ce.evidence_id DESC LIMIT 5) ce
       JOIN evidence e ON e.id = ce.evidence_id
       CROSS JOIN LATERAL (SELECT e.id, e.title, e.url, e.publisher, e.kind) ex) AS evidence,
      (SELECT row_to_json(sx) FROM (
         SELECT s.id, s.from_status AS "from", s.to_status AS "to", s.note, s.created_at AS "createdAt"
         FROM status_changes s WHERE s.commitment_id = c.id
         ORDER BY s.created_at DESC, s.id DESC LIMIT 1) sx) AS "latestStatusChange"
    ) cx
  ) AS commitments) doc
  WHERE a.workspace_id = $1
  ORDER BY a.created_at DESC, a.id DESC LIMIT $2
) ax`;

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const port = Number(process.env.PORT);
  const workspaceId = process.env.WORKSPACE_ID;
  // The same pool size as Pactwatch's and PostGraphile's (10).
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        const agreements = Number(JSON.parse(Buffer.concat(chunks).toString() || '{}').variables?.agreements ?? 20);
        // A named statement: parsed and planned once per connection, as a floor should be.
        const { rows } = await pool.query({ name: 'bench-floor', text: FLOOR_SQL, values: [workspaceId, agreements] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(rows[0].body);
      } catch (err) {
        console.error(err);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => console.log(`READY http://127.0.0.1:${port}/graphql`));
  const stop = () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
