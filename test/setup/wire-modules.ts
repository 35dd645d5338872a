import { wireModules } from '../../src/app/wire-modules.js';

// Tests call module services directly; they get the same ports the server wires at start-up.
wireModules();
