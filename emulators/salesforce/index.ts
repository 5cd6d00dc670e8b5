export {
  startSalesforceEmulator,
  type SalesforceConnection,
  type SalesforceEmulatorOptions,
} from './server.js';
export { emulateSalesforce } from './cli.js';
