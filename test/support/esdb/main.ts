/**
 * Starts the EventStoreDB test server on loopback, for trying the production mode locally:
 *
 *   npm run esdb:test-server -- --port 2113
 *   EVENTSTORE_URL='esdb://127.0.0.1:2113?tls=false' npm start
 *
 * The log lives in memory: it survives nothing but the process.
 */
import { parseArgs } from 'node:util';
import { EsdbTestCluster } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '2113' },
    nodes: { type: 'string', default: '1' },
    'no-batch-append': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
const nodes = Number(values.nodes);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(nodes) || nodes < 1) {
  console.error('usage: esdb:test-server -- [--port <n>] [--nodes <count>] [--no-batch-append]');
  process.exit(2);
}
const cluster = await EsdbTestCluster.start({
  nodes,
  batchAppend: !values['no-batch-append'],
  ports: Array.from({ length: nodes }, (_, i) => (port === 0 ? 0 : port + i)),
});
console.warn(`EventStoreDB test server listening; EVENTSTORE_URL='${cluster.connectionString()}'`);
const stop = () => {
  void cluster.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
