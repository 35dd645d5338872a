#!/usr/bin/env node
// Entry point for `npx outpost …` after `npm run build`.
import '../dist/src/cli/main.js';
