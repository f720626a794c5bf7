// Reference values from trading-signals 8.3.0 (npm, MIT), fed bar by bar.
//
// Where trading-signals follows a different warm-up than Tradewind's stated convention, this adapter says how it
// bridges the gap, and never changes a value the library computes:
// - supertrend: the library's ATR takes high-low as the first bar's true range and averages from bar 0, while
//   TA-Lib's ATR (Tradewind's) skips bar 0 because a true range needs the previous close. The library is fed from
//   bar 1, whose high/low are widened to include bar 0's close (max(high, prev close), min(low, prev close)), so its
//   first true range is TA-Lib's. That bar's (high+low)/2 is never used: the library's ATR is not ready until bar
//   `period`, where the unmodified bars are fed.
// - ichimoku: the library returns the spans where they are computed; Tradewind reports them `displacement` bars
//   later (what a chart shows there), so they are shifted here. Chikou is the close by definition.
import * as ts from 'trading-signals';
import { fromFirstValue, nulls, sessions } from './common.mjs';

const SOURCE = 'trading-signals 8.3.0';

function series(c, d, index = 0) {
  const name = (c.inputs ?? ['close'])[index];
  if (!d[name]) throw new Error(`${c.id}: unknown input series ${name}`);
  return d[name];
}

function candle(d, i) {
  return { open: d.open[i], high: d.high[i], low: d.low[i], close: d.close[i], volume: d.volume[i] };
}

function runSeries(indicator, values) {
  return values.map((v) => {
    const r = indicator.update(v);
    return r === null || r === undefined ? null : r;
  });
}

const indicators = {
  vwap(c, d) {
    const [anchor] = c.params;
    const out = nulls(d.close.length);
    for (const [start, end] of sessions(d.time, anchor)) {
      const vwap = new ts.VWAP();
      for (let i = start; i < end; i++) out[i] = vwap.update(candle(d, i));
    }
    return { series: [out], what: `VWAP, a new instance at each session start (anchor ${anchor})` };
  },
  hma(c, d) {
    return { series: [runSeries(new ts.HMA(c.params[0]), series(c, d))], what: 'HMA' };
  },
  vwma(c, d) {
    const source = series(c, d);
    const vwma = new ts.VWMA(c.params[0]);
    const out = source.map((v, i) => vwma.update({ ...candle(d, i), close: v }));
    return { series: [out], what: 'VWMA' };
  },
  rma(c, d) {
    return { series: [runSeries(new ts.WSMA(c.params[0]), series(c, d))], what: 'WSMA (Wilder smoothing, SMA seed)' };
  },
  alma(c, d) {
    const [period, offset, sigma] = c.params;
    return { series: [runSeries(new ts.ALMA(period, offset, sigma), series(c, d))], what: 'ALMA' };
  },
  cmf(c, d) {
    const cmf = new ts.CMF(c.params[0]);
    return { series: [d.close.map((_, i) => cmf.update(candle(d, i)))], what: 'CMF' };
  },
  donchian(c, d) {
    const dc = new ts.DonchianChannels(c.params[0]);
    const upper = [], middle = [], lower = [];
    for (let i = 0; i < d.close.length; i++) {
      const r = dc.update(candle(d, i));
      upper.push(r?.upper ?? null); middle.push(r?.middle ?? null); lower.push(r?.lower ?? null);
    }
    return { series: [upper, middle, lower], what: 'DonchianChannels' };
  },
  supertrend(c, d) {
    const [period, multiplier] = c.params;
    const st = new ts.SuperTrend({ interval: period, multiplier });
    const n = d.close.length;
    const value = nulls(n), direction = nulls(n);
    for (let i = 1; i < n; i++) {
      const bar = candle(d, i);
      if (i === 1) {
        bar.high = Math.max(bar.high, d.close[0]);
        bar.low = Math.min(bar.low, d.close[0]);
      }
      const r = st.update(bar);
      if (r) {
        value[i] = r.supertrend;
        direction[i] = r.trend === ts.TradingSignal.BULLISH ? 1 : -1;
      }
    }
    return { series: [value, direction], what: 'SuperTrend, fed from bar 1 so that its ATR is TA-Lib\'s' };
  },
  ichimoku(c, d) {
    const [tenkan, kijun, senkouB, displacement] = c.params;
    const cloud = new ts.IchimokuCloud({ conversionInterval: tenkan, baseInterval: kijun, spanBInterval: senkouB });
    const n = d.close.length;
    const computed = d.close.map((_, i) => cloud.update(candle(d, i)));
    const out = [nulls(n), nulls(n), nulls(n), nulls(n), nulls(n)];
    for (let i = 0; i < n; i++) {
      const now = computed[i];
      const then = i >= displacement ? computed[i - displacement] : null;
      if (!now || !then) continue;
      out[0][i] = now.conversion;
      out[1][i] = now.base;
      out[2][i] = then.spanA;
      out[3][i] = then.spanB;
      out[4][i] = d.close[i];
    }
    return { series: out, what: `IchimokuCloud, spans shifted ${displacement} bars forward, chikou = close` };
  },
};

// Library values for indicators whose seeding differs from Tradewind's (first-value-seeded EMAs); the talib-ema
// adapter compares them only where the seed's influence has decayed.
export function seededElsewhere(c, d) {
  const source = series(c, d);
  switch (c.indicator) {
    case 'zlema':
      return [runSeries(new ts.ZLEMA(c.params[0]), source)];
    case 'tsi':
      return [runSeries(new ts.TSI({ longPeriod: c.params[0], shortPeriod: c.params[1] }), source)];
    case 'elder_ray': {
      const er = new ts.ElderRay(c.params[0]);
      const rows = d.close.map((_, i) => er.update(candle(d, i)));
      return [rows.map((r) => r?.bullPower ?? null), rows.map((r) => r?.bearPower ?? null)];
    }
    default:
      throw new Error(`${c.id}: no trading-signals counterpart for ${c.indicator}`);
  }
}

export async function compute(c, d) {
  const run = indicators[c.indicator];
  if (!run) throw new Error(`${c.id}: the trading-signals adapter has no ${c.indicator}; it has ${Object.keys(indicators).join(', ')}`);
  const { series: s, what } = run(c, d);
  return { ...fromFirstValue(c.id, s), source: `${SOURCE} ${what}` };
}
