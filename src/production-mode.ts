/**
 * Imported first by main.ts. graphql-js, unless NODE_ENV is `production`, checks every
 * `instanceof` on its types across module realms to warn about duplicate installs: measured at
 * 4–7% of the server's CPU on a nested read. Apollo's own defaults that depend on NODE_ENV
 * (introspection, stack traces, landing page) are set explicitly in server.ts. Otherwise Express
 * runs in production mode, and graphql-ws closes a socket after an unexpected error with a
 * generic reason instead of the error's message. NODE_ENV=development brings the checks back.
 */
process.env.NODE_ENV ??= 'production';
