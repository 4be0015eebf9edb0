import { EsdbEventStore } from '#eventstore/esdb/esdb-event-store';
import { EsdbTestCluster } from '../../../test/support/esdb/server.js';
import { describeEventStoreConformance } from './event-store.conformance.js';

for (const batchAppend of [true, false]) {
  describeEventStoreConformance(`EventStoreDB (${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const cluster = await EsdbTestCluster.start({ batchAppend });
    const store = new EsdbEventStore({ connectionString: cluster.connectionString() });
    return {
      store,
      dispose: async () => {
        await store.close();
        await cluster.stop();
      },
    };
  });
}
