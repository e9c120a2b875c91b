/**
 * Where the bench files leave their figures for scripts/bench.js to assemble: one JSON
 * file per section, in the folder scripts/bench.js names (BENCH_OUT_DIR), by default
 * under node_modules/.cache (never committed; bench/results.json is).
 */
import fs from 'fs';
import path from 'path';
import { PROJECT_ROOT } from './paths';

export const OUT_DIR = process.env.BENCH_OUT_DIR || path.join(PROJECT_ROOT, 'node_modules', '.cache', 'bench-out');

export function writeSection(name: string, figures: unknown): void {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** A figure that could not be measured: the bench reports it and exits non-zero. */
export interface Failed {
  error: string;
}

export function failed(err: unknown): Failed {
  const text = err instanceof Error ? err.message : String(err);
  return { error: text.split('\n').slice(0, 3).join(' | ').slice(0, 400) };
}
