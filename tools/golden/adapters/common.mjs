// Helpers shared by the reference adapters. An adapter returns { begIndex, outputs, source } where each output
// array holds the values from begIndex on (see ../generate.mjs).

// First index where every output has a value, and the outputs cut from there. Throws if a value is missing later:
// a golden file cannot hold gaps.
export function fromFirstValue(caseId, series) {
  const n = series[0].length;
  let begIndex = 0;
  while (begIndex < n && series.some((s) => s[begIndex] === null || s[begIndex] === undefined || Number.isNaN(s[begIndex]))) begIndex++;
  const outputs = series.map((s) => s.slice(begIndex));
  for (const [o, s] of outputs.entries()) {
    const gap = s.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (gap >= 0) throw new Error(`${caseId}: output ${o} has no value at bar ${begIndex + gap} after starting at ${begIndex}`);
  }
  return { begIndex, outputs };
}

// Largest |a - b| / max(|b|, scale) over the bars from `from` on, for cross-checks between two references.
export function worstRelativeDiff(a, b, from = 0) {
  const scale = b.slice(from).reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, b.length - from);
  let worst = 0;
  let at = -1;
  for (let i = from; i < b.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), scale);
    if (!(d <= worst)) { worst = d; at = i; }
  }
  return { worst, at };
}

// Throws unless `a` and `b` agree to `tolerance` (relative, as the C# golden test judges) from bar `from` on.
export function assertAgree(caseId, what, a, b, from, tolerance = 1e-9) {
  const { worst, at } = worstRelativeDiff(a, b, from);
  if (!(worst <= tolerance)) {
    throw new Error(`${caseId}: ${what} disagree by ${worst.toExponential(3)} at bar ${at} (${a[at]} vs ${b[at]})`);
  }
}

// Session keys for session-anchored indicators, computed from the calendar (UTC): a bar starts a new session
// when its key differs from the previous bar's. anchor 0 = day, 1 = week starting Monday, 2 = month.
export function sessionKey(timeMs, anchor) {
  const d = new Date(timeMs);
  if (anchor === 0) return d.toISOString().slice(0, 10);
  if (anchor === 2) return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
  if (anchor === 1) {
    const daysSinceMonday = (d.getUTCDay() + 6) % 7;
    const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceMonday));
    return monday.toISOString().slice(0, 10);
  }
  throw new Error(`unknown anchor ${anchor}`);
}

// Bar index ranges [start, end) of consecutive bars sharing a session key.
export function sessions(time, anchor) {
  const out = [];
  let start = 0;
  for (let i = 1; i <= time.length; i++) {
    if (i === time.length || sessionKey(time[i], anchor) !== sessionKey(time[start], anchor)) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

export function nulls(n) {
  return new Array(n).fill(null);
}
