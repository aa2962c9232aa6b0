/// <reference types="node" />
// TEST-ONLY: loads the XML fixtures next to this file.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('./fixtures/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.xml'));
}
