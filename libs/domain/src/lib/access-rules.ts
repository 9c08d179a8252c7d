/** A member's role in one workspace. */
export enum Role {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  VIEWER = 'VIEWER',
}

/** What an API key may do, in its own workspace only. */
export enum ApiKeyScope {
  READ = 'READ',
  READ_WRITE = 'READ_WRITE',
}

/** What an operation needs of its caller. */
export enum Permission {
  /** Read the workspace's tracker. */
  READ = 'READ',
  /** Change commitments, status, evidence, figures, links and agreements. */
  WRITE = 'WRITE',
  /** Invite, change roles, remove members. */
  MANAGE_MEMBERS = 'MANAGE_MEMBERS',
  /** Create, list and revoke API keys. */
  MANAGE_KEYS = 'MANAGE_KEYS',
  /** Rename the workspace. */
  MANAGE_WORKSPACE = 'MANAGE_WORKSPACE',
}

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.VIEWER]: [Permission.READ],
  [Role.ANALYST]: [Permission.READ, Permission.WRITE],
  [Role.ADMIN]: [Permission.READ, Permission.WRITE, Permission.MANAGE_MEMBERS, Permission.MANAGE_KEYS],
  [Role.OWNER]: [Permission.READ, Permission.WRITE, Permission.MANAGE_MEMBERS, Permission.MANAGE_KEYS, Permission.MANAGE_WORKSPACE],
};

const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  [ApiKeyScope.READ]: [Permission.READ],
  [ApiKeyScope.READ_WRITE]: [Permission.READ, Permission.WRITE],
};

export function permissionsOfRole(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role] ?? [];
}

export function permissionsOfScope(scope: ApiKeyScope): readonly Permission[] {
  return SCOPE_PERMISSIONS[scope] ?? [];
}

/** Roles an inviter may hand out: only an owner makes owners. */
export function canGrantRole(granter: Role, role: Role): boolean {
  if (granter === Role.OWNER) return true;
  return granter === Role.ADMIN && role !== Role.OWNER;
}
