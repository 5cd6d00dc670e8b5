import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { storeContract } from '../../test/store/contract.js';
import { openStore } from './open.js';

// The store contract against PostgreSQL: every case in a schema of its own,
// dropped at the end (style §2.14). `.ci/postgres.sh` starts a server and
// prints the variable.
const url = process.env['CALLMATRIX_TEST_DATABASE_URL'];

if (url === undefined || url === '') {
  describe('store contract: PostgreSQL', () => {
    it.skip('needs CALLMATRIX_TEST_DATABASE_URL (run: eval "$(.ci/postgres.sh)")', () => undefined);
  });
} else {
  describe('store contract: PostgreSQL', () => {
    const prefix = `cm_test_${process.pid}_${Date.now().toString(36)}`;
    const schemas: string[] = [];
    afterAll(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    });
    storeContract(async () => {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      return {
        store: await openStore(url, { schema, poolSize: 4 }),
        another: () => openStore(url, { schema, poolSize: 4 }),
      };
    });
  });
}
