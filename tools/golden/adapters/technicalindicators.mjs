// Reference values from technicalindicators 3.1.0 (npm, MIT). Its ATR follows TA-Lib (no true range on bar 0,
// SMA-seeded Wilder smoothing) and its EMA is SMA-seeded, so its warm-ups are Tradewind's. Its number formatting is
// left at the default (no rounding: no `precision` is configured).
import ti from 'technicalindicators';
import { fromFirstValue, nulls, sessions } from './common.mjs';

const SOURCE = 'technicalindicators 3.1.0';

// The library returns only the values it has, ending at the last bar; put them back at their bar indices.
function alignEnd(n, values) {
  return [...nulls(n - values.length), ...values];
}

const indicators = {
  vwap(c, d) {
    const [anchor] = c.params;
    const out = nulls(d.close.length);
    for (const [start, end] of sessions(d.time, anchor)) {
      const slice = (a) => a.slice(start, end);
      const values = ti.VWAP.calculate({ high: slice(d.high), low: slice(d.low), close: slice(d.close), volume: slice(d.volume) });
      if (values.length !== end - start) throw new Error(`${c.id}: VWAP returned ${values.length} values for ${end - start} bars`);
      values.forEach((v, k) => { out[start + k] = v; });
    }
    return { series: [out], what: `VWAP, recomputed from each session start (anchor ${anchor})` };
  },
  keltner(c, d) {
    const [period, multiplier, atrPeriod] = c.params;
    const rows = ti.KeltnerChannels.calculate({
      high: d.high, low: d.low, close: d.close, maPeriod: period, atrPeriod, multiplier, useSMA: false,
    });
    const n = d.close.length;
    return {
      series: [alignEnd(n, rows.map((r) => r.upper)), alignEnd(n, rows.map((r) => r.middle)), alignEnd(n, rows.map((r) => r.lower))],
      what: 'KeltnerChannels (EMA middle, ATR bands)',
    };
  },
  chandelier(c, d) {
    const [period, multiplier] = c.params;
    const rows = ti.ChandelierExit.calculate({ high: d.high, low: d.low, close: d.close, period, multiplier });
    const n = d.close.length;
    return { series: [alignEnd(n, rows.map((r) => r.exitLong)), alignEnd(n, rows.map((r) => r.exitShort))], what: 'ChandelierExit' };
  },
  heikin_ashi(c, d) {
    const r = ti.HeikinAshi.calculate({ open: d.open, high: d.high, low: d.low, close: d.close });
    return { series: [r.open, r.high, r.low, r.close], what: 'HeikinAshi' };
  },
};

export async function compute(c, d) {
  const run = indicators[c.indicator];
  if (!run) throw new Error(`${c.id}: the technicalindicators adapter has no ${c.indicator}; it has ${Object.keys(indicators).join(', ')}`);
  const { series: s, what } = run(c, d);
  return { ...fromFirstValue(c.id, s), source: `${SOURCE} ${what}` };
}
