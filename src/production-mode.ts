/**
 * Imported first by main.ts. graphql-js, unless NODE_ENV is `production`, checks every
 * `instanceof` on its types across module realms to warn about duplicate installs: measured at
 * 4–7% of the server's CPU on a nested read. Apollo's own defaults that depend on NODE_ENV
 * (introspection, stack traces, landing page) are set explicitly in server.ts, so this changes
 * nothing else. Set NODE_ENV=development to get the duplicate-install check back.
 */
process.env.NODE_ENV ??= 'production';
