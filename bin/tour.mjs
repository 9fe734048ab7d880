#!/usr/bin/env node
// The `tour` command-line tool: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/node/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
