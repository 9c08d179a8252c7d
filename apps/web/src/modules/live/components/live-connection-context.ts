import { createContext } from 'react';
import type { LiveConnection } from '../live-connection';

/** The session's WebSocket connection; null where there is none (component tests). */
export const LiveConnectionContext = createContext<LiveConnection | null>(null);
