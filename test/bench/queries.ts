/**
 * The bench's read: 20 agreements (newest first), each with its first 20 commitments (creation
 * order), each with its parties, its first 5 evidence (newest link first) and its latest status
 * change; the same fields from each system, in each system's own names.
 */

export type SystemId = 'pactwatch' | 'postgraphile' | 'floor';

export const PACTWATCH_QUERY = `query BenchNestedRead($agreements: Int!) {
  agreements(first: $agreements) {
    edges { node {
      id title kind heldOn
      commitments(first: 20) {
        edges { node {
          id title status priority dueOn version
          parties { code name }
          evidence(first: 5) { edges { node { id title url publisher kind } } }
          latestStatusChange { id from to note createdAt }
        } }
      }
    } }
  }
}`;

// PostGraphile's generated names: relations through the foreign keys (…ByAgreementId), parties and
// evidence through their junction tables, orderBy with the id as tie-breaker, and the "first"
// status change newest first for the latest. Its `id` is the global node id; the column is `rowId`.
export const POSTGRAPHILE_QUERY = `query BenchNestedRead($agreements: Int!, $workspaceId: UUID!) {
  allAgreements(first: $agreements, condition: { workspaceId: $workspaceId }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
    nodes {
      rowId title kind heldOn
      commitmentsByAgreementId(first: 20, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        nodes {
          rowId title status priority dueOn version
          commitmentPartiesByCommitmentId { nodes { partyByPartyId { code name } } }
          commitmentEvidencesByCommitmentId(first: 5, orderBy: [CREATED_AT_DESC, EVIDENCE_ID_DESC]) {
            nodes { evidenceByEvidenceId { rowId title url publisher kind } }
          }
          statusChangesByCommitmentId(first: 1, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
            nodes { rowId fromStatus toStatus note createdAt }
          }
        }
      }
    }
  }
}`;

/** The request body each system is sent; the bench reads 20 agreements (fewer only to show the statement count stays the same). */
export function requestBody(system: SystemId, workspaceId: string, agreements = 20): string {
  if (system === 'pactwatch') return JSON.stringify({ query: PACTWATCH_QUERY, variables: { agreements } });
  if (system === 'postgraphile') return JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { agreements, workspaceId } });
  // The floor has one fixed statement; only the number of agreements is taken from the body.
  return JSON.stringify({ variables: { agreements } });
}

/** What must be the same across systems: the ids, in order, and the party codes of each commitment. */
export interface Shape {
  agreements: {
    id: string;
    commitments: { id: string; partyCodes: string[]; evidenceIds: string[]; latestStatusChangeId: string | null }[];
  }[];
}

export function shapeOf(system: SystemId, body: any): Shape {
  if (body?.errors?.length) throw new Error(`${system} answered errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const data = body?.data;
  if (!data) throw new Error(`${system} answered no data: ${JSON.stringify(body).slice(0, 500)}`);
  const codes = (list: { code: string }[]) => list.map((p) => p.code).sort();
  if (system === 'pactwatch') {
    return {
      agreements: data.agreements.edges.map(({ node: a }: any) => ({
        id: a.id,
        commitments: a.commitments.edges.map(({ node: c }: any) => ({
          id: c.id,
          partyCodes: codes(c.parties),
          evidenceIds: c.evidence.edges.map((e: any) => e.node.id),
          latestStatusChangeId: c.latestStatusChange?.id ?? null,
        })),
      })),
    };
  }
  if (system === 'postgraphile') {
    return {
      agreements: data.allAgreements.nodes.map((a: any) => ({
        id: a.rowId,
        commitments: a.commitmentsByAgreementId.nodes.map((c: any) => ({
          id: c.rowId,
          partyCodes: codes(c.commitmentPartiesByCommitmentId.nodes.map((n: any) => n.partyByPartyId)),
          evidenceIds: c.commitmentEvidencesByCommitmentId.nodes.map((n: any) => n.evidenceByEvidenceId.rowId),
          latestStatusChangeId: c.statusChangesByCommitmentId.nodes[0]?.rowId ?? null,
        })),
      })),
    };
  }
  return {
    agreements: data.agreements.map((a: any) => ({
      id: a.id,
      commitments: a.commitments.map((c: any) => ({
        id: c.id,
        partyCodes: codes(c.parties),
        evidenceIds: c.evidence.map((e: any) => e.id),
        latestStatusChangeId: c.latestStatusChange?.id ?? null,
      })),
    })),
  };
}

/** The first place where two shapes differ, or null when they are the same. */
export function firstDifference(a: Shape, b: Shape): string | null {
  if (a.agreements.length !== b.agreements.length) return `${a.agreements.length} agreements against ${b.agreements.length}`;
  for (const [i, x] of a.agreements.entries()) {
    const y = b.agreements[i];
    if (x.id !== y.id) return `agreement #${i}: ${x.id} against ${y.id}`;
    if (x.commitments.length !== y.commitments.length) return `agreement ${x.id}: ${x.commitments.length} commitments against ${y.commitments.length}`;
    for (const [j, c] of x.commitments.entries()) {
      const d = y.commitments[j];
      const left = JSON.stringify(c);
      const right = JSON.stringify(d);
      if (left !== right) return `agreement ${x.id}, commitment #${j}: ${left} against ${right}`;
    }
  }
  return null;
}

/** Counts, to show what was compared. */
export function shapeCounts(s: Shape): { agreements: number; commitments: number; evidence: number; statusChanges: number; parties: number } {
  const commitments = s.agreements.flatMap((a) => a.commitments);
  return {
    agreements: s.agreements.length,
    commitments: commitments.length,
    evidence: commitments.reduce((n, c) => n + c.evidenceIds.length, 0),
    statusChanges: commitments.filter((c) => c.latestStatusChangeId).length,
    parties: commitments.reduce((n, c) => n + c.partyCodes.length, 0),
  };
}

/** POSTs a request body and returns the answer's text; anything but a 2xx stops the bench. */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return text;
}
