#!/usr/bin/env node
/**
 * npm run bench: measures the performance budgets and prints them as a table.
 *
 *   1. builds miniprogram_npm if it is missing (the pages render with real Vant);
 *   2. runs the measurements in bench/*.bench.ts through jest (bench/jest.config.js),
 *      which write their figures to node_modules/.cache/bench-out/;
 *   3. runs WeChat's own audit (miniprogram-ci checkCodeQuality / analyseCode) if it can;
 *   4. prints the table, writes bench/results.json and the table in README.md.
 *
 * Exits 0 when every figure was measured, even if budgets fail (they are printed loudly);
 * non-zero only when the bench itself broke (a figure could not be measured).
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'bench');
// Per-section figures from the bench files; a build cache, not committed.
const outDir = path.join(root, 'node_modules', '.cache', 'bench-out');
const SECTIONS = ['package', 'set-data', 'records-10k', 'records'];

function readSection(name) {
  const file = path.join(outDir, `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

function runMeasurements() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const jest = require.resolve('jest/bin/jest');
  const started = Date.now();
  const run = spawnSync(process.execPath, [jest, '--config', path.join(benchDir, 'jest.config.js'), '--runInBand', '--colors=false'], {
    cwd: root,
    env: { ...process.env, BENCH_OUT_DIR: outDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: run.status === 0, output: `${run.stdout || ''}${run.stderr || ''}`, ms: Date.now() - started };
}

/** README's performance table sits between these markers; the bench rewrites it from the checks. */
const TABLE_START = '<!-- bench:table -->';
const TABLE_END = '<!-- /bench:table -->';

function writeReadmeTable(markdown) {
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    process.stdout.write(`README.md has no ${TABLE_START} … ${TABLE_END}: its table was not updated\n`);
    return;
  }
  fs.writeFileSync(readme, `${text.slice(0, start + TABLE_START.length)}\n${markdown}\n${text.slice(end)}`);
}

async function main() {
  const { buildNpm } = require('./build.js');
  await buildNpm({ quiet: true });

  process.stdout.write('measuring (package, setData on the real pages, record store at 1,000 and 10,000)…\n');
  const measured = runMeasurements();
  const { runCiAudit } = require(path.join(benchDir, 'ci-audit.js'));
  const ci = await runCiAudit(root);
  const { assemble, render, markdownTable } = require(path.join(benchDir, 'report.js'));
  const sections = Object.fromEntries(SECTIONS.map((name) => [name, readSection(name)]));
  const results = assemble(sections, ci);
  if (!measured.ok) results.broken.push('a bench file failed (jest output above)');
  results.measuredInMs = measured.ms;

  if (!measured.ok) process.stdout.write(`${measured.output}\n`);
  process.stdout.write(`\n${render(results)}`);
  fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (!results.broken.length) writeReadmeTable(markdownTable(results));
  process.stdout.write(`figures written to ${path.relative(root, path.join(benchDir, 'results.json'))} (${(measured.ms / 1000).toFixed(1)} s)\n`);
  return results.broken.length ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(2);
  });
