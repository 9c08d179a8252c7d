import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { checkEmail, checkLocale, checkPassword, checkText, DomainError, ErrorCode, FieldViolation, isLocale, Locale, NAME_MAX_LENGTH, normalizeEmail, Role } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Principal } from '../../common/context/principal';
import { writeActivity } from '../activity/activity.writer';
import { ACCOUNT_MESSAGES } from '../mail/account-messages';
import { MailService } from '../mail/mail.service';
import { AccountLimitsService } from './account-limits.service';
import { SecretsService } from './secrets.service';
import { newSecret, sha256 } from './tokens';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  createdAt: Date;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  user: UserRow;
}

const USER = 'u.id, u.email, u.name, u.locale, u.created_at AS "createdAt"';
const RESET_TTL_MINUTES = 60;
const SIGN_UP_TTL_HOURS = 24;

// Verified against when the email is unknown, so a miss costs as long as a wrong password.
const DUMMY_HASH = hash('pactwatch-timing-equaliser');

function badInput(...violations: (FieldViolation | null)[]): void {
  const found = violations.filter((v): v is FieldViolation => v !== null);
  if (found.length) throw DomainError.badInput(found);
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly secrets: SecretsService,
    private readonly limits: AccountLimitsService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The local strategy's check. Says nothing of which part was wrong. The attempt is counted
   * before the password is checked, so the limits hold against a concurrent burst.
   */
  async verifyCredentials(emailInput: string, password: string, ip: string): Promise<UserRow> {
    badInput(checkEmail(emailInput), password.length > 256 ? checkPassword(password) : null);
    const email = normalizeEmail(emailInput);
    const attempt = await this.limits.signIn(email, ip);
    const [row] = await this.dataSource.query(`SELECT ${USER}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.email) = $1`, [email]);
    const ok = row ? await verify(row.passwordHash, password) : (await verify(await DUMMY_HASH, password), false);
    if (!ok) {
      await attempt.failed();
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The email or the password is wrong');
    }
    await attempt.succeeded();
    delete row.passwordHash;
    return row;
  }

  /** Opens a session and signs a token for it, in the given workspace or the first the user belongs to. */
  async issueSession(user: UserRow, workspaceId?: string | null): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_DAYS * 86400_000);
    await this.dataSource.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [sessionId, user.id, expiresAt]);
    const wid = workspaceId ?? (await this.firstWorkspace(user.id));
    return { ...(await this.signToken(user.id, sessionId, wid)), user };
  }

  /** A fresh token for an open session (renewal, or another workspace). */
  async signToken(userId: string, sessionId: string, workspaceId: string | null): Promise<{ token: string; expiresAt: Date }> {
    const secret = await this.secrets.jwt();
    const token = await this.jwt.signAsync(
      { sub: userId, sid: sessionId, wid: workspaceId },
      { secret, algorithm: 'HS256', expiresIn: this.config.JWT_TTL_SECONDS, issuer: 'pactwatch', audience: 'pactwatch' },
    );
    return { token, expiresAt: new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000) };
  }

  async signOut(principal: Principal): Promise<void> {
    if (principal.kind === 'USER') await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [principal.sessionId]);
  }

  /**
   * Mails a link that creates the account: to an address with no account, a one-time link; to
   * one that has an account, a note that someone tried, with no link. Either way the same
   * statements, the same hashing and one mail, and the same answer, so that neither the answer nor
   * its time tells whether the address has an account. Over the mail limits, nothing is sent.
   */
  async signUp(input: { email: string; name: string; password: string; workspaceName: string; locale?: string | null }, ip: string): Promise<void> {
    badInput(
      checkEmail(input.email),
      checkText('name', input.name, { required: true, max: NAME_MAX_LENGTH }),
      checkPassword(input.password),
      checkText('workspaceName', input.workspaceName, { required: true, max: NAME_MAX_LENGTH }),
      checkLocale(input.locale),
    );
    const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
    const email = normalizeEmail(input.email);
    if (!(await this.limits.mayMail(email, ip))) return;
    const passwordHash = await hash(input.password);
    const { secret, hash: tokenHash } = newSecret();
    // One statement either way (PostgreSQL runs a WITH's INSERT whether or not it is read): the
    // request is kept only when the address has no account.
    const [{ knownName, knownLocale }] = await this.dataSource.query(
      `WITH known AS (SELECT name, locale FROM users WHERE lower(email) = $2),
       kept AS (
         INSERT INTO sign_up_requests (id, email, name, password_hash, workspace_name, token_hash, expires_at, locale)
         SELECT $1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7), $8 WHERE NOT EXISTS (SELECT 1 FROM known)
         RETURNING id
       )
       SELECT (SELECT name FROM known) AS "knownName", (SELECT locale FROM known) AS "knownLocale"`,
      [randomUUID(), email, input.name.trim(), passwordHash, input.workspaceName.trim(), tokenHash, SIGN_UP_TTL_HOURS, locale],
    );
    const base = this.config.publicUrl;
    // An existing account is written to in its own language; a new one in the language it signed up in.
    const message = knownName
      ? ACCOUNT_MESSAGES.signUpKnown(isLocale(knownLocale) ? knownLocale : locale, { name: knownName, base })
      : ACCOUNT_MESSAGES.signUpConfirm(locale, { name: input.name.trim(), workspaceName: input.workspaceName.trim(), link: `${base}/sign-up/confirm?token=${secret}`, hours: SIGN_UP_TTL_HOURS });
    await this.mail.send({ to: email, ...message });
  }

  /** Follows the emailed sign-up link: creates the account and a workspace it owns, and signs in. */
  async confirmSignUp(token: string): Promise<IssuedSession> {
    const workspaceId = randomUUID();
    const user = await this.dataSource.transaction(async (m) => {
      const [request] = await m.query(
        `SELECT id, email, name, password_hash AS "passwordHash", workspace_name AS "workspaceName", locale, used_at AS "usedAt", expires_at < now() AS expired
         FROM sign_up_requests WHERE token_hash = $1 FOR UPDATE`,
        [sha256(token)],
      );
      if (!request) throw DomainError.badInput([{ field: 'token', message: 'This sign-up link is not valid' }]);
      if (request.usedAt) throw DomainError.badInput([{ field: 'token', message: 'This sign-up link has already been used' }]);
      if (request.expired) throw DomainError.badInput([{ field: 'token', message: 'This sign-up link has expired; sign up again' }]);
      const created = await this.insertUser(m, request, 'token');
      await m.query('UPDATE sign_up_requests SET used_at = now() WHERE id = $1', [request.id]);
      await m.query('INSERT INTO workspaces (id, slug, name) VALUES ($1, $2, $3)', [workspaceId, workspaceId, request.workspaceName]);
      await m.query('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [workspaceId, created.id, Role.OWNER]);
      await writeActivity(m, { workspaceId, actor: { type: 'USER', id: created.id, label: created.name } }, [
        { verb: 'workspace.created', subjectType: 'Workspace', subjectId: workspaceId, after: { name: request.workspaceName } },
      ]);
      return created;
    });
    return this.issueSession(user, workspaceId);
  }

  /** Inside the caller's transaction; refuses an email that already has an account. */
  async createUser(m: EntityManager, input: { email: string; name: string; password: string; locale?: Locale }): Promise<UserRow> {
    return this.insertUser(m, { email: input.email, name: input.name, passwordHash: await hash(input.password), locale: input.locale });
  }

  private async insertUser(m: EntityManager, input: { email: string; name: string; passwordHash: string; locale?: Locale }, field = 'email'): Promise<UserRow> {
    const rows = await m.query(
      `INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id, email, name, locale, created_at AS "createdAt"`,
      [randomUUID(), normalizeEmail(input.email), input.name.trim(), input.passwordHash, input.locale ?? 'en'],
    );
    if (!rows.length) throw DomainError.conflict('An account with this email already exists; sign in instead', { field });
    return rows[0];
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    if (principal.kind !== 'USER') throw new DomainError(ErrorCode.FORBIDDEN, 'Only a signed-in person has a password');
    badInput(checkPassword(newPassword, 'newPassword'), currentPassword.length > 256 ? checkPassword(currentPassword, 'currentPassword') : null);
    // Counted before the check: a session holder guesses no faster than a stranger signing in.
    const attempt = await this.limits.passwordCheck(principal.userId);
    const [row] = await this.dataSource.query('SELECT password_hash AS "passwordHash" FROM users WHERE id = $1', [principal.userId]);
    if (!row || !(await verify(row.passwordHash, currentPassword))) {
      await attempt.failed();
      throw DomainError.badInput([{ field: 'currentPassword', message: 'currentPassword is wrong' }]);
    }
    await attempt.succeeded();
    await this.dataSource.transaction(async (m) => {
      await m.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [principal.userId, await hash(newPassword)]);
      // Every other sign-in ends; this one stays.
      await m.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [principal.userId, principal.sessionId]);
    });
  }

  /**
   * Mails a reset link when the address has an account, and a note that none uses it when it has
   * not: the same statements and one mail either way, and the same answer. Over the mail limits,
   * nothing is sent (and the answer is still the same).
   */
  async requestPasswordReset(emailInput: string, ip: string, requestLocale?: string | null): Promise<void> {
    badInput(checkEmail(emailInput), checkLocale(requestLocale));
    const email = normalizeEmail(emailInput);
    if (!(await this.limits.mayMail(email, ip))) return;
    const { secret, hash: tokenHash } = newSecret();
    // One statement either way: the reset row is written only for an account.
    const [user] = await this.dataSource.query(
      `WITH u AS (SELECT id, email, name, locale FROM users WHERE lower(email) = $1),
       kept AS (
         INSERT INTO password_resets (id, user_id, token_hash, expires_at)
         SELECT $2, u.id, $3, now() + make_interval(mins => $4) FROM u
         RETURNING id
       )
       SELECT (SELECT email FROM u) AS email, (SELECT name FROM u) AS name, (SELECT locale FROM u) AS locale`,
      [email, randomUUID(), tokenHash, RESET_TTL_MINUTES],
    );
    const link = `${this.config.publicUrl}/reset-password?token=${secret}`;
    // An account is written to in its own language; an unknown address in the language it was asked in.
    const fallback: Locale = isLocale(requestLocale) ? requestLocale : 'en';
    await this.mail.send(
      user.email
        ? { to: user.email, ...ACCOUNT_MESSAGES.passwordReset(isLocale(user.locale) ? user.locale : fallback, { name: user.name, link, minutes: RESET_TTL_MINUTES }) }
        : { to: email, ...ACCOUNT_MESSAGES.passwordResetNoAccount(fallback) },
    );
  }

  async resetPassword(token: string, newPassword: string): Promise<void> {
    badInput(checkPassword(newPassword, 'newPassword'));
    await this.dataSource.transaction(async (m) => {
      const [reset] = await m.query(
        `SELECT id, user_id AS "userId", used_at AS "usedAt", expires_at < now() AS expired FROM password_resets WHERE token_hash = $1 FOR UPDATE`,
        [sha256(token)],
      );
      if (!reset) throw DomainError.badInput([{ field: 'token', message: 'This reset link is not valid' }]);
      if (reset.usedAt) throw DomainError.badInput([{ field: 'token', message: 'This reset link has already been used' }]);
      if (reset.expired) throw DomainError.badInput([{ field: 'token', message: 'This reset link has expired; ask for a new one' }]);
      await m.query('UPDATE password_resets SET used_at = now() WHERE id = $1', [reset.id]);
      await m.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [reset.userId, await hash(newPassword)]);
      await m.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [reset.userId]);
    });
  }

  /**
   * A person's own name and language. Accounts belong to no workspace, so, like a password change,
   * this writes no workspace activity row.
   */
  async updateProfile(principal: Principal, input: { name?: string | null; locale?: string | null }): Promise<UserRow> {
    if (principal.kind !== 'USER') throw new DomainError(ErrorCode.FORBIDDEN, 'Only a signed-in person has a profile');
    badInput(
      input.name === undefined || input.name === null ? null : checkText('name', input.name, { required: true, max: NAME_MAX_LENGTH }),
      checkLocale(input.locale),
    );
    await this.dataSource.query('UPDATE users SET name = COALESCE($2, name), locale = COALESCE($3, locale) WHERE id = $1', [
      principal.userId,
      input.name?.trim() ?? null,
      input.locale ?? null,
    ]);
    return this.findUser(principal.userId);
  }

  async findUser(id: string): Promise<UserRow> {
    const [row] = await this.dataSource.query(`SELECT ${USER} FROM users u WHERE u.id = $1`, [id]);
    return row;
  }

  /** The workspace a token works in, as signed into it. */
  decodeWorkspace(token: string): string | null {
    return (this.jwt.decode(token) as { wid?: string | null } | null)?.wid ?? null;
  }

  async workspace(id: string): Promise<{ id: string; name: string; slug: string } | null> {
    const [row] = await this.dataSource.query('SELECT id, name, slug FROM workspaces WHERE id = $1', [id]);
    return row ?? null;
  }

  private async firstWorkspace(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT workspace_id AS id FROM memberships WHERE user_id = $1 ORDER BY created_at, workspace_id LIMIT 1', [userId]);
    return row?.id ?? null;
  }
}
