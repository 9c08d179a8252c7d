import { ApiKeyScope, canGrantRole, Permission, permissionsOfRole, permissionsOfScope, Role } from './access-rules';

describe('access rules', () => {
  it('lets viewers and read keys only read', () => {
    expect(permissionsOfRole(Role.VIEWER)).toEqual([Permission.READ]);
    expect(permissionsOfScope(ApiKeyScope.READ)).toEqual([Permission.READ]);
  });

  it('lets analysts and read_write keys change the tracker, not members or keys', () => {
    for (const permissions of [permissionsOfRole(Role.ANALYST), permissionsOfScope(ApiKeyScope.READ_WRITE)]) {
      expect(permissions).toContain(Permission.WRITE);
      expect(permissions).not.toContain(Permission.MANAGE_MEMBERS);
      expect(permissions).not.toContain(Permission.MANAGE_KEYS);
    }
  });

  it('lets admins manage members and keys but only owners the workspace', () => {
    expect(permissionsOfRole(Role.ADMIN)).toEqual(expect.arrayContaining([Permission.MANAGE_MEMBERS, Permission.MANAGE_KEYS, Permission.WRITE]));
    expect(permissionsOfRole(Role.ADMIN)).not.toContain(Permission.MANAGE_WORKSPACE);
    expect(permissionsOfRole(Role.OWNER)).toContain(Permission.MANAGE_WORKSPACE);
  });

  it('lets only owners make owners', () => {
    expect(canGrantRole(Role.OWNER, Role.OWNER)).toBe(true);
    expect(canGrantRole(Role.ADMIN, Role.OWNER)).toBe(false);
    expect(canGrantRole(Role.ADMIN, Role.ANALYST)).toBe(true);
    expect(canGrantRole(Role.ANALYST, Role.VIEWER)).toBe(false);
  });
});
