import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ReadModelStore } from '#projections';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';

describe('read-model store', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDataDir('npa-read-models-');
  });
  afterEach(() => removeDir(dir));

  it('opens a WAL file with NORMAL sync, a busy timeout and the checkpoint table', () => {
    const readModels = ReadModelStore.open({ path: join(dir, 'read-models.sqlite') });
    try {
      expect(readModels.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(readModels.db.pragma('synchronous', { simple: true })).toBe(1);
      expect(readModels.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      const columns = readModels.db.prepare("SELECT name FROM pragma_table_info('projection_checkpoints')").all();
      expect(columns.map((column) => (column as { name: string }).name)).toEqual([
        'name',
        'version',
        'position',
        'state',
        'error_message',
        'error_position',
        'error_event_type',
        'updated_at',
        'generation',
      ]);
      expect(readModels.checkpoint('nothing')).toBeUndefined();
    } finally {
      readModels.close();
      readModels.close();
    }
  });

  it('with background checkpoints, leaves them to its worker except during a bulk load', () => {
    const readModels = ReadModelStore.open({ path: join(dir, 'read-models.sqlite'), backgroundCheckpoints: true });
    const autocheckpoint = () => readModels.db.pragma('wal_autocheckpoint', { simple: true });
    expect(autocheckpoint()).toBe(0);
    readModels.beginBulkLoad();
    expect(autocheckpoint()).toBe(10000);
    readModels.endBulkLoad();
    expect(autocheckpoint()).toBe(0);
    readModels.close();
  });

  it('opens in memory too', () => {
    const readModels = ReadModelStore.open({ path: ':memory:' });
    expect(readModels.checkpoint('nothing')).toBeUndefined();
    readModels.close();
    expect(readModels.db.open).toBe(false);
  });
});
