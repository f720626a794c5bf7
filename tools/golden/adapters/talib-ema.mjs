// Reference values for indicators defined as simple formulas over EMAs, computed with TA-Lib's EMA (the C library
// bundled by talib@1.1.6, SMA-seeded as TradingView's `ta.ema`): the formula is the indicator's published
// definition, and every average in it is TA-Lib's.
//
// trading-signals 8.3.0 implements the same three indicators but seeds its EMAs with the first value instead of an
// SMA. That is a different warm-up, not a different indicator: the seed's influence shrinks by (1 - k) per bar. As
// an independent check, this adapter requires trading-signals to agree to 1e-9 (relative, as the C# test judges)
// on every bar where the seed's remaining weight is below 1e-12, and fails the generation otherwise.
import { createRequire } from 'node:module';
import { assertAgree, fromFirstValue, nulls } from './common.mjs';
import { seededElsewhere } from './trading-signals.mjs';

const require = createRequire(import.meta.url);
const talib = require('talib');

// TA-Lib EMA of `values` (no leading gaps); returns an array as long as `values`, null before the first value.
function ema(values, period) {
  const r = talib.execute({ name: 'EMA', startIdx: 0, endIdx: values.length - 1, inReal: values, optInTimePeriod: period });
  if (r.error) throw new Error(`TA-Lib EMA: ${JSON.stringify(r.error)}`);
  return [...nulls(r.begIndex), ...r.result.outReal];
}

// Bars after which a seed's weight (1 - 2/(period+1))^m is below 1e-12.
function decayBars(period) {
  return Math.ceil(Math.log(1e-12) / Math.log(1 - 2 / (period + 1)));
}

function input(c, d) {
  const name = (c.inputs ?? ['close'])[0];
  if (!d[name]) throw new Error(`${c.id}: unknown input series ${name}`);
  return d[name];
}

const indicators = {
  zlema(c, d) {
    const [period] = c.params;
    const x = input(c, d);
    const lag = Math.floor((period - 1) / 2);
    const deLagged = x.slice(lag).map((v, k) => 2 * v - x[k]);
    const value = [...nulls(lag), ...ema(deLagged, period)];
    return { series: [value], what: `EMA(2 x source - source[${lag}], ${period})`, decay: lag + decayBars(period) };
  },
  elder_ray(c, d) {
    const [period] = c.params;
    const e = ema(d.close, period);
    const bull = e.map((v, i) => (v === null ? null : d.high[i] - v));
    const bear = e.map((v, i) => (v === null ? null : d.low[i] - v));
    return { series: [bull, bear], what: `EMA(close, ${period}) subtracted from high and low`, decay: decayBars(period) };
  },
  tsi(c, d) {
    const [longPeriod, shortPeriod] = c.params;
    const x = input(c, d);
    const change = x.slice(1).map((v, k) => v - x[k]);
    const once = ema(change, longPeriod);
    const onceAbs = ema(change.map(Math.abs), longPeriod);
    const first = once.findIndex((v) => v !== null);
    const twice = [...nulls(first), ...ema(once.slice(first), shortPeriod)];
    const twiceAbs = [...nulls(first), ...ema(onceAbs.slice(first), shortPeriod)];
    const value = [null, ...twice.map((v, k) => (v === null ? null : (100 * v) / twiceAbs[k]))];
    return {
      series: [value],
      what: `100 x EMA(EMA(change, ${longPeriod}), ${shortPeriod}) / EMA(EMA(|change|, ${longPeriod}), ${shortPeriod})`,
      decay: 1 + decayBars(longPeriod) + decayBars(shortPeriod),
    };
  },
};

export async function compute(c, d) {
  const run = indicators[c.indicator];
  if (!run) throw new Error(`${c.id}: the talib-ema adapter has no ${c.indicator}; it has ${Object.keys(indicators).join(', ')}`);
  const { series: s, what, decay } = run(c, d);
  const other = seededElsewhere(c, d);
  let checked = 0;
  if (decay < d.close.length) {
    s.forEach((values, o) => assertAgree(c.id, `TA-Lib composition and trading-signals output ${o}`, values, other[o], decay));
    checked = d.close.length - decay;
  }
  const check = checked > 0 ? `; trading-signals 8.3.0 agrees on the ${checked} bars after its seed decays` : '';
  return { ...fromFirstValue(c.id, s), source: `TA-Lib EMA (talib@1.1.6) ${what}${check}` };
}
