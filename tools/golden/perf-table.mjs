// Joins Tradewind's indicator benchmark (BenchmarkDotNet CSV) with TA-Lib C timings from bench-talib.sh into the
// markdown table of docs/performance.md. Both must come from the same session on the same machine.
//
//   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*IndicatorBenchmarks*' --artifacts /tmp/bench
//   tools/golden/bench-talib.sh $(node tools/golden/perf-table.mjs --talib-functions) > /tmp/bench/talib.txt
//   node tools/golden/perf-table.mjs /tmp/bench/results/Tradewind.Benchmarks.IndicatorBenchmarks-report.csv /tmp/bench/talib.txt
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = resolve(here, '../../tests/Tradewind.Indicators.Tests/Golden/cases');
const talibOf = {};
for (const f of readdirSync(casesDir)) {
  for (const c of JSON.parse(readFileSync(join(casesDir, f), 'utf8'))) {
    if (c.talib && !talibOf[c.indicator]) talibOf[c.indicator] = c.talib.name;
  }
}

if (process.argv[2] === '--talib-functions') {
  console.log([...new Set(Object.values(talibOf))].sort().join(' '));
  process.exit(0);
}

const [csvPath, talibPath] = process.argv.slice(2);
const csv = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
const header = csv[0].split(',');
const col = (n) => header.indexOf(n);
const toNs = (text) => {
  const m = /^([\d.,]+)\s*(ns|μs|us|ms)$/.exec(text.replace(/"/g, '').trim());
  if (!m) return NaN;
  const v = Number(m[1].replace(/,/g, ''));
  return m[2] === 'ns' ? v : m[2] === 'ms' ? v * 1e6 : v * 1e3;
};
const ours = {};
for (const line of csv.slice(1)) {
  const f = line.split(',');
  ours[f[col('Indicator')]] = { mean: toNs(f[col('Mean')]), alloc: f[col('Allocated')] };
}
const talib = {};
if (talibPath) {
  for (const line of readFileSync(talibPath, 'utf8').split(/\r?\n/)) {
    const [name, ns] = line.trim().split(/\s+/);
    if (name && ns && !Number.isNaN(Number(ns))) talib[name] = Number(ns);
  }
}

const rows = Object.keys(ours).sort();
let faster = 0, compared = 0;
console.log('| indicator | Tradewind ns/bar | TA-Lib C ns/bar | ratio | allocated per call |');
console.log('|---|---:|---:|---:|---:|');
for (const name of rows) {
  const t = talibOf[name] ? talib[talibOf[name]] : undefined;
  const o = ours[name].mean;
  const ratio = t ? o / t : undefined;
  if (ratio !== undefined) { compared++; if (ratio <= 1.0) faster++; }
  console.log(`| ${name} | ${o.toFixed(2)} | ${t !== undefined ? t.toFixed(2) : '-'} | ${ratio !== undefined ? ratio.toFixed(2) : '-'} | ${ours[name].alloc} |`);
}
console.log(`\n${faster} of ${compared} TA-Lib functions at or below TA-Lib C's time in this run.`);
