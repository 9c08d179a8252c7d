import type { Request, Response } from 'express';
import { RequestLoaders } from '../dataloaders/request-loaders';
import { Actor } from './actor';

export interface GqlContext {
  req: Request;
  res: Response;
  workspaceId: string;
  actor: Actor;
  loaders: RequestLoaders;
}

/** What a service needs to know of the caller: which workspace, who. */
export interface Caller {
  workspaceId: string;
  actor: Actor;
}
