// Datasets the golden files are computed on. Each is a real series committed under tests/fixtures/data
// (provenance in tests/fixtures/data/PROVENANCE.md). The C# tests load the same files the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const datasets = {
  // Crypto intraday: 1920 real Binance 30m candles (freqtrade test data).
  'ft-30m': { file: 'freqtrade-UNITTEST_BTC-30m.json', format: 'freqtrade' },
  // Crypto daily: BTC/USD 2017-08-16..2021-01-12, 1246 bars.
  'btc-1d': { file: 'skender-bitcoin-1d.csv', format: 'csv' },
  // Equity daily (weekend gaps): 502 bars, 2017-2018.
  'spy-1d': { file: 'skender-default-1d.csv', format: 'csv' },
};

export function loadDataset(root, id) {
  const spec = datasets[id];
  if (!spec) throw new Error(`unknown dataset ${id}; valid: ${Object.keys(datasets).join(', ')}`);
  const text = readFileSync(join(root, 'tests/fixtures/data', spec.file), 'utf8');
  const cols = { time: [], open: [], high: [], low: [], close: [], volume: [] };
  if (spec.format === 'freqtrade') {
    for (const [t, o, h, l, c, v] of JSON.parse(text)) {
      cols.time.push(t); cols.open.push(o); cols.high.push(h); cols.low.push(l); cols.close.push(c); cols.volume.push(v);
    }
  } else {
    const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
    const header = lines[0].toLowerCase().split(',');
    const idx = (n) => header.indexOf(n);
    for (const line of lines.slice(1)) {
      const f = line.split(',');
      cols.time.push(Date.parse(f[idx('date')] + 'T00:00:00Z'));
      cols.open.push(Number(f[idx('open')])); cols.high.push(Number(f[idx('high')]));
      cols.low.push(Number(f[idx('low')])); cols.close.push(Number(f[idx('close')]));
      cols.volume.push(Number(f[idx('volume')]));
    }
  }
  return cols;
}
