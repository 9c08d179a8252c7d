// main.ts imports this first, before anything loads graphql: graphql-js decides when it is loaded
// whether to run its development-only checks (instanceOf across realms, on every type test of
// every field), and Express and Apollo read NODE_ENV too. A server started without NODE_ENV (npm
// start) runs as in production, as the Docker image does; one started with NODE_ENV set keeps it.
process.env.NODE_ENV ??= 'production';

export {};
