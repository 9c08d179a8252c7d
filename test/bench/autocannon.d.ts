// autocannon ships no types; the bench uses its callback API and 'response' event only.
declare module 'autocannon' {
  import { EventEmitter } from 'node:events';
  function autocannon(options: Record<string, unknown>, callback: (err: Error | null, result: any) => void): EventEmitter;
  export default autocannon;
}
