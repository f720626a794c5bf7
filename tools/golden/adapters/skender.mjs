// Reference values from Stock.Indicators (DaveSkender/Stock.Indicators, Apache-2.0): the C# library's own
// published golden outputs on its default.csv quotes, which are Tradewind's spy-1d dataset. The files are copied
// under tests/fixtures/reference/skender (see PROVENANCE.md there); only the spy-1d dataset can use them, and the
// adapter checks that every result row's date is the dataset bar's date.
//
// Stock.Indicators' Ichimoku reports the chikou span where a chart draws it (close[i] at bar i-26, a value from the
// future there); Tradewind reports it at bar i, so the adapter reads chikou[i] from the row `displacement` bars
// earlier. This also checks the documented relation chikou = close.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromFirstValue } from './common.mjs';

const folder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/reference/skender');

function load(c, d, name) {
  if (c.datasets?.some((ds) => ds !== 'spy-1d') ?? true) {
    throw new Error(`${c.id}: Stock.Indicators results exist only for spy-1d (its default.csv); set "datasets": ["spy-1d"]`);
  }
  const rows = JSON.parse(readFileSync(join(folder, `${name}.standard.json`), 'utf8'));
  if (rows.length !== d.close.length) throw new Error(`${c.id}: ${name} has ${rows.length} rows for ${d.close.length} bars`);
  rows.forEach((r, i) => {
    const date = new Date(d.time[i]).toISOString().slice(0, 19);
    if (r.timestamp !== date) throw new Error(`${c.id}: ${name} row ${i} is ${r.timestamp}, bar ${i} is ${date}`);
  });
  return rows;
}

function requireParams(c, expected, file) {
  if (JSON.stringify(c.params) !== JSON.stringify(expected)) {
    throw new Error(`${c.id}: ${file}.standard.json holds the results for parameters ${JSON.stringify(expected)}, not ${JSON.stringify(c.params)}`);
  }
}

// Parameters are those of Stock.Indicators' standard tests that produced each file.
const indicators = {
  hma(c, d) {
    requireParams(c, [14], 'hma');
    return { series: [load(c, d, 'hma').map((r) => r.hma)], what: 'HMA(14)' };
  },
  rma(c, d) {
    requireParams(c, [20], 'smma');
    return { series: [load(c, d, 'smma').map((r) => r.smma)], what: 'SMMA(20)' };
  },
  keltner(c, d) {
    requireParams(c, [20, 2, 10], 'keltner');
    const rows = load(c, d, 'keltner');
    return { series: [rows.map((r) => r.upperBand), rows.map((r) => r.centerline), rows.map((r) => r.lowerBand)], what: 'Keltner(20, 2, 10)' };
  },
  ichimoku(c, d) {
    requireParams(c, [9, 26, 52, 26], 'ichimoku');
    const rows = load(c, d, 'ichimoku');
    const chikou = rows.map((_, i) => (i >= 26 ? rows[i - 26].chikouSpan : null));
    return {
      series: [rows.map((r) => r.tenkanSen), rows.map((r) => r.kijunSen), rows.map((r) => r.senkouSpanA), rows.map((r) => r.senkouSpanB), chikou],
      what: 'Ichimoku(9, 26, 52), chikou read 26 rows back',
    };
  },
};

export async function compute(c, d) {
  const run = indicators[c.indicator];
  if (!run) throw new Error(`${c.id}: the skender adapter has no ${c.indicator}; it has ${Object.keys(indicators).join(', ')}`);
  const { series, what } = run(c, d);
  return { ...fromFirstValue(c.id, series), source: `Stock.Indicators ${what}, published results (tests/fixtures/reference/skender)` };
}
