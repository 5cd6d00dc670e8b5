import fc from 'fast-check';

// In CI the property tests run with one fixed seed, so a landing never hangs on a random draw;
// locally each run draws new inputs. FC_SEED overrides (fast-check prints the seed of a failure).
const seed = process.env['FC_SEED'] ?? (process.env['CI'] ? '20261201' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
