// The CRM port lives with the pipeline that drives it (src/pipeline/crm-port.ts),
// so the pipeline imports nothing above itself; the adapters and the layers above
// them keep reading it here, beside the CRMs that implement it.
export * from '../pipeline/crm-port.js';
