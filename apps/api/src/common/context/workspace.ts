/** The one workspace every request works in until accounts and tenancy land; also the seed's. */
export const DEFAULT_WORKSPACE_ID = '00000000-0000-4000-8000-000000000001';
