// Runs the CLI from source (tsx), as bin/callmatrix.js runs the build: for the crash test and the benchmark.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
