#!/usr/bin/env node
// The `wx-request` command: `check` (the CI checker) and `port` (port a mini-program to the web).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
