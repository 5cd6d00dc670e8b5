import { z } from 'zod';
import type { CrmDescriptor } from '../descriptor.js';
import { retailcrm as profile } from '../../engine/defaults/retailcrm.js';
import { createRetailcrmAdapter } from './adapter.js';
import { capabilities } from './capabilities.js';
import { RetailcrmConnectionSchema } from './connection.js';

const IdMap = z.record(z.string(), z.number());
const SeededAnswer = z.looseObject({
  users: IdMap,
  customers: IdMap,
  corporates: IdMap.optional(),
  orders: IdMap,
});
const asStrings = (map: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([neutral, native]) => [neutral, String(native)]));

/**
 * retailCRM. A replay seeds the account in the project's timezone (due times
 * and call dates are local to the account); custom fields and order types need
 * no preparation: the emulator accepts the codes it is sent.
 */
export const retailcrm: CrmDescriptor = {
  id: 'retailcrm',
  name: 'retailCRM',
  connectionSchema: RetailcrmConnectionSchema,
  domains: ['retailcrm.ru', 'retailcrm.pro', 'retailcrm.es', 'simla.com', 'simla.io'],
  capabilities,
  profile,
  createAdapter: createRetailcrmAdapter,
  sandbox: {
    seedQuery: (scenario) => ({ timezone: scenario.settings.timezone }),
    // Customers are contacts, corporate customers organizations, orders deals (scenario-format §4).
    seededIds: (answer) => {
      const ids = SeededAnswer.parse(answer);
      return {
        users: asStrings(ids.users),
        contacts: asStrings(ids.customers),
        organizations: asStrings(ids.corporates ?? {}),
        deals: asStrings(ids.orders),
      };
    },
    // A simulation replays in milliseconds; the client's pacing (10/s, §3.9) would only slow it down.
    replayOptions: { ratePerSec: 100_000 },
  },
};
