import { CommitmentPriority, CommitmentStatus, isIsoDate } from '@pactwatch/domain';
import type { CommitmentFilter, CommitmentOrder, CommitmentOrderField, OrderDirection } from '../../gql/graphql';

/** What the commitment list shows, as kept in the page's URL so a view can be shared. */
export interface CommitmentQueryState {
  search: string;
  status: CommitmentStatus[];
  parties: string[];
  themes: string[];
  agreementId: string | null;
  owners: string[];
  priorities: CommitmentPriority[];
  dueAfter: string | null;
  dueBefore: string | null;
  overdue: boolean | null;
  /** true: with a source the last link check found broken or unreachable; false: with none. */
  brokenSources: boolean | null;
  /** A member's id, or ASSIGNEE_ME for the signed-in person; null: anyone's or nobody's. */
  assignee: string | null;
  /** null: the server's default, creation order. */
  sort: CommitmentOrderField | null;
  direction: OrderDirection;
}

/** The assignee that means whoever is signed in (assignedToMe), so a shared link shows each reader their own. */
export const ASSIGNEE_ME = 'me';

export const ORDER_FIELDS: readonly CommitmentOrderField[] = ['CREATED_AT', 'DUE_ON', 'PRIORITY', 'TITLE', 'UPDATED_AT'];

export const EMPTY_QUERY: CommitmentQueryState = {
  search: '',
  status: [],
  parties: [],
  themes: [],
  agreementId: null,
  owners: [],
  priorities: [],
  dueAfter: null,
  dueBefore: null,
  overdue: null,
  brokenSources: null,
  assignee: null,
  sort: null,
  direction: 'ASC',
};

const STATUSES = new Set<string>(Object.values(CommitmentStatus));
const PRIORITIES = new Set<string>(Object.values(CommitmentPriority));

function list(params: URLSearchParams, key: string): string[] {
  const raw = params.get(key);
  return raw ? [...new Set(raw.split(',').map((v) => v.trim()).filter(Boolean))] : [];
}

function date(params: URLSearchParams, key: string): string | null {
  const raw = params.get(key);
  return raw && isIsoDate(raw) ? raw : null;
}

/** Reads the URL; anything unknown or malformed is dropped rather than sent to the server. */
export function parseCommitmentQuery(params: URLSearchParams): CommitmentQueryState {
  const overdue = params.get('overdue');
  const broken = params.get('brokenSources');
  const sort = params.get('sort');
  return {
    search: params.get('q')?.trim() ?? '',
    status: list(params, 'status').filter((s) => STATUSES.has(s)) as CommitmentStatus[],
    parties: list(params, 'party').map((p) => p.toUpperCase()),
    themes: list(params, 'theme'),
    agreementId: params.get('agreement') || null,
    owners: list(params, 'owner'),
    priorities: list(params, 'priority').filter((p) => PRIORITIES.has(p)) as CommitmentPriority[],
    dueAfter: date(params, 'dueAfter'),
    dueBefore: date(params, 'dueBefore'),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : null,
    brokenSources: broken === 'true' ? true : broken === 'false' ? false : null,
    assignee: params.get('assignee') || null,
    sort: (ORDER_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as CommitmentOrderField) : null,
    direction: params.get('dir') === 'DESC' ? 'DESC' : 'ASC',
  };
}

/** Writes only what differs from the default, in a fixed order, so equal views have equal URLs. */
export function toSearchParams(state: CommitmentQueryState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null | undefined) => value && params.set(key, value);
  set('q', state.search.trim());
  set('status', state.status.join(','));
  set('party', state.parties.join(','));
  set('theme', state.themes.join(','));
  set('agreement', state.agreementId);
  set('owner', state.owners.join(','));
  set('priority', state.priorities.join(','));
  set('dueAfter', state.dueAfter);
  set('dueBefore', state.dueBefore);
  set('overdue', state.overdue === null ? null : String(state.overdue));
  set('brokenSources', state.brokenSources === null ? null : String(state.brokenSources));
  set('assignee', state.assignee);
  set('sort', state.sort);
  if (state.direction === 'DESC') params.set('dir', 'DESC');
  return params;
}

/** The API's filter input; empty parts are left out (an empty list would also mean "any"). */
export function toCommitmentFilter(state: CommitmentQueryState): CommitmentFilter {
  const filter: CommitmentFilter = {};
  if (state.search.trim()) filter.search = state.search.trim();
  if (state.status.length) filter.status = state.status;
  if (state.parties.length) filter.partyCodes = state.parties;
  if (state.themes.length) filter.themes = state.themes;
  if (state.agreementId) filter.agreementId = state.agreementId;
  if (state.owners.length) filter.ownerOrganizationIds = state.owners;
  if (state.priorities.length) filter.priorities = state.priorities;
  if (state.dueAfter) filter.dueAfter = state.dueAfter;
  if (state.dueBefore) filter.dueBefore = state.dueBefore;
  if (state.overdue !== null) filter.overdue = state.overdue;
  if (state.brokenSources !== null) filter.brokenSources = state.brokenSources;
  if (state.assignee === ASSIGNEE_ME) filter.assignedToMe = true;
  else if (state.assignee) filter.assigneeId = state.assignee;
  return filter;
}

export function toCommitmentOrder(state: CommitmentQueryState): CommitmentOrder | null {
  return state.sort ? { field: state.sort, direction: state.direction } : null;
}

export function isFiltered(state: CommitmentQueryState): boolean {
  return toSearchParams({ ...state, sort: null, direction: 'ASC' }).size > 0;
}

/** A saved view's filter and order as the list's state (what the list would send, read back). */
export function fromSavedView(filter: Record<string, unknown>, order: Record<string, unknown> | null): CommitmentQueryState {
  const f = filter as CommitmentFilter;
  const sort = order?.field as string | undefined;
  return {
    ...EMPTY_QUERY,
    search: f.search ?? '',
    status: ((f.status ?? []) as string[]).filter((s) => STATUSES.has(s)) as CommitmentStatus[],
    parties: (f.partyCodes ?? []) as string[],
    themes: (f.themes ?? []) as string[],
    agreementId: f.agreementId != null ? String(f.agreementId) : null,
    owners: (f.ownerOrganizationIds ?? []).map(String),
    priorities: ((f.priorities ?? []) as string[]).filter((p) => PRIORITIES.has(p)) as CommitmentPriority[],
    dueAfter: f.dueAfter ?? null,
    dueBefore: f.dueBefore ?? null,
    overdue: typeof f.overdue === 'boolean' ? f.overdue : null,
    brokenSources: typeof f.brokenSources === 'boolean' ? f.brokenSources : null,
    assignee: f.assignedToMe === true ? ASSIGNEE_ME : f.assigneeId != null ? String(f.assigneeId) : null,
    sort: (ORDER_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as CommitmentOrderField) : null,
    direction: order?.direction === 'DESC' ? 'DESC' : 'ASC',
  };
}
