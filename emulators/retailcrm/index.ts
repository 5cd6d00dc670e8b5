export {
  startRetailcrmEmulator,
  type RetailcrmEmulator,
  type RetailcrmEmulatorOptions,
} from './server.js';
