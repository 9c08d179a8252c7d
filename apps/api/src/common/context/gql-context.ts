import { Permission, Role } from '@pactwatch/domain';
import type { Request, Response } from 'express';
import { RequestLoaders } from '../dataloaders/request-loaders';
import { Actor } from './actor';
import { Principal } from './principal';

/** What a service needs to know of the caller: which workspace, who, allowed to do what. */
export interface Caller {
  workspaceId: string;
  actor: Actor;
  principal: Principal;
  role: Role | null;
  permissions: readonly Permission[];
}

/** The request as the auth guard leaves it. */
export interface AuthedRequest extends Request {
  principal?: Promise<Principal | null>;
  caller?: Caller;
}

export interface GqlContext {
  req: AuthedRequest;
  res: Response;
  loaders: RequestLoaders;
  /**
   * Set when the fast path's preload piece is off (by setting or its self-check): @Selected,
   * @SelectedNames and @Needs then say "not known", and services load every column and count.
   */
  selectionsOff?: boolean;
}
