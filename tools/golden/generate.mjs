// Generates indicator golden files from TA-Lib (C, bundled by the talib npm package) or, for indicators TA-Lib
// does not have, from a named reference adapter in ./adapters.
//
//   cd tools/golden && npm install --ignore-scripts && ./build-talib.sh && node generate.mjs [group ...]
//
// Reads tests/Tradewind.Indicators.Tests/Golden/cases/<group>.json and writes one file per (case, dataset) to
// tests/Tradewind.Indicators.Tests/Golden/data/<case id>.<dataset>.json. A case looks like:
//   { "id": "bbands_20_2", "indicator": "bbands", "params": [20, 2, 2, 0],
//     "talib": { "name": "BBANDS", "optInputs": { "optInTimePeriod": 20, "optInNbDevUp": 2, "optInNbDevDn": 2, "optInMAType": 0 } },
//     "inputs": ["close"],            // series for each TA-Lib input, in order (OHLCV inputs are implied by the function)
//     "datasets": ["ft-30m", "btc-1d", "spy-1d"] }
// Use "reference": { "adapter": "name", ... } instead of "talib" for a non-TA-Lib indicator.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasets, loadDataset } from './datasets.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const goldenDir = join(root, 'tests/Tradewind.Indicators.Tests/Golden');
const talib = require('talib');

const groups = process.argv.slice(2);
const caseFiles = readdirSync(join(goldenDir, 'cases')).filter((f) => f.endsWith('.json'))
  .filter((f) => groups.length === 0 || groups.includes(f.replace(/\.json$/, '')));
mkdirSync(join(goldenDir, 'data'), { recursive: true });

const cache = {};
const data = (id) => (cache[id] ??= loadDataset(root, id));

function runTalib(c, d) {
  const info = talib.explain(c.talib.name);
  const args = { name: c.talib.name, startIdx: 0, endIdx: d.close.length - 1 };
  let realIndex = 0;
  for (const input of info.inputs) {
    if (input.type === 'price') {
      for (const field of input.flags ? Object.values(input.flags) : []) args[field] = d[field];
    } else {
      const series = (c.inputs ?? ['close'])[realIndex++];
      if (!d[series]) throw new Error(`${c.id}: unknown input series ${series}`);
      args[input.name] = d[series];
    }
  }
  // The binding expects the OHLCV arrays under their plain names for price inputs.
  for (const f of ['open', 'high', 'low', 'close', 'volume']) args[f] ??= d[f];
  for (const [k, v] of Object.entries(c.talib.optInputs ?? {})) args[k] = v;
  const r = talib.execute(args);
  if (r.error) throw new Error(`${c.id}: TA-Lib error ${JSON.stringify(r.error)}`);
  const outputs = info.outputs.map((o) => r.result[o.name]);
  return { begIndex: r.begIndex, outputs, source: `TA-Lib ${c.talib.name} (C library bundled by talib@1.1.6)` };
}

async function runAdapter(c, d) {
  const mod = await import(join(here, 'adapters', `${c.reference.adapter}.mjs`));
  const r = await mod.compute(c, d);
  return { begIndex: r.begIndex, outputs: r.outputs, source: r.source };
}

let written = 0;
for (const file of caseFiles) {
  const cases = JSON.parse(readFileSync(join(goldenDir, 'cases', file), 'utf8'));
  for (const c of cases) {
    for (const ds of c.datasets ?? Object.keys(datasets)) {
      const d = data(ds);
      const r = c.talib ? runTalib(c, d) : await runAdapter(c, d);
      const golden = {
        generated_by: `cd tools/golden && node generate.mjs ${file.replace(/\.json$/, '')}`,
        source: r.source,
        case: c.id,
        indicator: c.indicator,
        params: c.params,
        inputs: c.inputs ?? ['close'],
        dataset: ds,
        bars: d.close.length,
        first_valid_index: r.begIndex,
        // Values from first_valid_index on; earlier bars are NaN in Tradewind.
        outputs: r.outputs.map((o) => Array.from(o)),
      };
      writeFileSync(join(goldenDir, 'data', `${c.id}.${ds}.json`), JSON.stringify(golden) + '\n');
      written++;
    }
  }
}
console.log(`wrote ${written} golden files`);
