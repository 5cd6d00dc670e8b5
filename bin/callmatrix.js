#!/usr/bin/env node
// The compiled CLI: dist/ is built by `prepack` (published tarballs) or `prepare` (a clone, a git install).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
