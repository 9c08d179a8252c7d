import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from './tokens';

/** httpOnly so scripts never see it; SameSite=Lax so other sites cannot ride it. */
export function setSessionCookie(res: Response, config: AppConfig, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}
