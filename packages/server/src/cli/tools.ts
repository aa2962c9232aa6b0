import type { Command } from 'commander';

/** Pure tools from @apotheca/core (no database): filled in as core capabilities land. */
export function registerToolCommands(_program: Command): void {}
