export {
  startSalesforceEmulator,
  type SalesforceConnection,
  type SalesforceEmulatorOptions,
} from './server.js';
