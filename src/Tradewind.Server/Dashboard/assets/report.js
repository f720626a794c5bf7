// Tradewind backtest report page. Loads {result}/data, fills the tables and draws the charts with Lightweight Charts.
// When everything is drawn it sets body[data-ready="true"] and writes checkable facts as data-* attributes on <body>
// (trade counts, the numbers as shown and as sent, whether each chart painted its series), so a headless browser
// can verify the page without reading pixels itself.
(function () {
  'use strict';

  const COLORS = {
    background: '#ffffff',
    text: '#1d2330',
    grid: '#eef0f4',
    equity: '#2962ff',
    drawdown: '#c62f3a',
    up: '#13864f',
    down: '#c62f3a',
    exit: '#5d6677',
  };
  const TRADES_PER_PAGE = 50;
  const MARKER_TEXT_LIMIT = 24; // beyond this many markers on one chart, labels overlap; the trades table has the prices

  const body = document.body;
  const facts = body.dataset;

  // ---------- formatting (en-US style, independent of the browser's locale) ----------

  function isNumber(v) {
    return typeof v === 'number' && isFinite(v);
  }

  function fixed(v, digits) {
    if (!isNumber(v)) {
      return '-';
    }
    const text = Math.abs(v).toFixed(digits);
    const dot = text.indexOf('.');
    const whole = dot < 0 ? text : text.slice(0, dot);
    const fraction = dot < 0 ? '' : text.slice(dot);
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const negative = v < 0 && Number(text) !== 0;
    return (negative ? '-' : '') + grouped + fraction;
  }

  const fmt = {
    money: (v) => fixed(v, 2),
    int: (v) => fixed(v, 0),
    ratio: (v) => fixed(v, 3),
    pct: (v) => (isNumber(v) ? fixed(v, 2) + '%' : '-'),
    signedPct: (v) => (isNumber(v) ? (v > 0 ? '+' : '') + fixed(v, 2) + '%' : '-'),
    // Prices keep more decimals the smaller they are: 64,210.50, 1.2345, 0.00001234.
    price: (v) => {
      if (!isNumber(v)) {
        return '-';
      }
      const a = Math.abs(v);
      return fixed(v, a >= 1000 ? 2 : a >= 1 ? 4 : 8);
    },
    quantity: (v) => (isNumber(v) ? String(Number(v.toPrecision(10))) : '-'),
    duration: (seconds) => {
      if (!isNumber(seconds)) {
        return '-';
      }
      let s = Math.round(seconds);
      const d = Math.floor(s / 86400);
      s -= d * 86400;
      const h = Math.floor(s / 3600);
      s -= h * 3600;
      const m = Math.floor(s / 60);
      s -= m * 60;
      if (d > 0) {
        return d + 'd ' + h + 'h';
      }
      if (h > 0) {
        return h + 'h ' + m + 'm';
      }
      return m > 0 ? m + 'm ' + s + 's' : s + 's';
    },
    time: (iso) => (typeof iso === 'string' ? iso.replace('T', ' ').replace(/:00(\.000)?Z$/, 'Z').replace(/Z$/, ' UTC') : '-'),
    text: (v) => (v === null || v === undefined ? '-' : String(v)),
  };

  // Metric wire names (docs/metrics.md) -> label and format. Unknown names still show, with a generic format.
  const METRICS = [
    ['total_return_pct', 'Total return', fmt.signedPct],
    ['cagr', 'CAGR', fmt.signedPct],
    ['buy_and_hold_return_pct', 'Buy and hold return', fmt.signedPct],
    ['volatility_ann', 'Annualised volatility', fmt.pct],
    ['sharpe', 'Sharpe ratio', fmt.ratio],
    ['sortino', 'Sortino ratio', fmt.ratio],
    ['calmar', 'Calmar ratio', fmt.ratio],
    ['max_drawdown', 'Max drawdown', fmt.pct],
    ['max_drawdown_duration', 'Longest drawdown', fmt.duration],
    ['avg_drawdown', 'Average drawdown', fmt.pct],
    ['win_rate', 'Win rate', fmt.pct],
    ['num_trades', 'Trades', fmt.int],
    ['profit_factor', 'Profit factor', fmt.ratio],
    ['expectancy', 'Expectancy (per trade)', fmt.money],
    ['sqn', 'SQN', fmt.ratio],
    ['kelly', 'Kelly fraction', fmt.ratio],
    ['exposure_pct', 'Exposure', fmt.pct],
    ['avg_trade_pct', 'Average trade', fmt.signedPct],
    ['best_trade_pct', 'Best trade', fmt.signedPct],
    ['worst_trade_pct', 'Worst trade', fmt.signedPct],
    ['avg_trade_duration', 'Average trade duration', fmt.duration],
    ['fees_paid', 'Fees paid', fmt.money],
    ['funding_paid', 'Funding paid', fmt.money],
    ['rejected_orders', 'Rejected orders', fmt.int],
    ['liquidations', 'Liquidations', fmt.int],
    ['start_equity', 'Start equity', fmt.money],
    ['final_equity', 'Final equity', fmt.money],
    ['peak_equity', 'Peak equity', fmt.money],
    ['bars', 'Bars', fmt.int],
    ['annualization_days', 'Days per year (annualisation)', fmt.int],
    ['periods_per_year', 'Bars per year', fmt.money],
    ['return_periods', 'Return periods', fmt.int],
  ];
  // Same values under the names HeyTraders clients read; listing them twice would only confuse.
  const METRIC_ALIASES = new Set(['sharpe_ratio', 'sortino_ratio', 'calmar_ratio']);

  // ---------- DOM helpers (textContent only: tickers and scripts are user input) ----------

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function signClass(v) {
    return isNumber(v) && v !== 0 ? (v > 0 ? 'positive' : 'negative') : '';
  }

  function toSeconds(iso) {
    return Math.floor(Date.parse(iso) / 1000);
  }

  // ---------- summary, metrics, options, script ----------

  function renderSummary(data) {
    const report = data.report;
    const s = report.summary;
    const m = report.metrics || {};
    byId('subtitle').textContent =
      s.universe.join(', ') + ' · ' + s.timeframe + ' · ' + fmt.time(s.start_date) + ' to ' + fmt.time(s.end_date) +
      ' · ' + s.mode + ' · result ' + data.result_id;
    document.title = 'Backtest ' + s.universe.join(', ') + ' ' + s.timeframe + ' · Tradewind';

    const cards = [
      ['final-equity', 'Final equity', fmt.money(s.final_equity), s.final_equity, signClass(s.final_equity - s.initial_cash)],
      ['total-return', 'Total return', fmt.signedPct(s.total_return_pct), s.total_return_pct, signClass(s.total_return_pct)],
      ['max-drawdown', 'Max drawdown', fmt.pct(s.max_drawdown), s.max_drawdown, ''],
      ['sharpe', 'Sharpe ratio', fmt.ratio(s.sharpe), s.sharpe, ''],
      ['trades', 'Trades', fmt.int(s.num_trades), s.num_trades, ''],
      ['win-rate', 'Win rate', fmt.pct(s.win_rate), s.win_rate, ''],
      ['initial-cash', 'Initial cash', fmt.money(s.initial_cash), s.initial_cash, ''],
      ['buy-and-hold', 'Buy and hold', fmt.signedPct(m.buy_and_hold_return_pct), m.buy_and_hold_return_pct, signClass(m.buy_and_hold_return_pct)],
      ['bars', 'Bars (+ warm-up)', fmt.int(s.bars) + ' (+' + fmt.int(s.warm_up_bars) + ')', s.bars, ''],
    ];
    const list = byId('summary');
    for (const [key, label, text, value, cls] of cards) {
      const box = el('div');
      box.appendChild(el('dt', label));
      const dd = el('dd', text, cls);
      dd.id = 'summary-' + key;
      dd.dataset.value = value === null || value === undefined ? '' : String(value);
      box.appendChild(dd);
      list.appendChild(box);
    }

    facts.finalEquity = fmt.money(s.final_equity);
    facts.finalEquityValue = String(s.final_equity);
    facts.totalReturn = fmt.signedPct(s.total_return_pct);
    facts.totalReturnValue = s.total_return_pct === null ? '' : String(s.total_return_pct);
    facts.summaryTrades = String(s.num_trades);
  }

  function renderKeyValues(tableId, rows) {
    const table = byId(tableId);
    const tbody = el('tbody');
    for (const [key, label, text] of rows) {
      const tr = el('tr');
      tr.dataset.key = key;
      tr.appendChild(el('th', label));
      tr.appendChild(el('td', text));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
  }

  function renderMetrics(metrics) {
    const rows = [];
    const seen = new Set();
    for (const [key, label, format] of METRICS) {
      if (Object.prototype.hasOwnProperty.call(metrics, key)) {
        rows.push([key, label, format(metrics[key])]);
        seen.add(key);
      }
    }
    for (const key of Object.keys(metrics)) {
      if (!seen.has(key) && !METRIC_ALIASES.has(key)) {
        rows.push([key, key.replace(/_/g, ' '), fmt.ratio(metrics[key])]);
      }
    }
    renderKeyValues('metrics', rows);
    facts.metricRows = String(rows.length);
  }

  function renderOptions(options) {
    const rows = Object.keys(options || {}).map((key) => {
      const v = options[key];
      return [key, key.replace(/_/g, ' '), isNumber(v) ? String(v) : fmt.text(v)];
    });
    renderKeyValues('options', rows);
  }

  // ---------- tables ----------

  // A column: [header, value(row) for sorting, text(row), numeric?]
  function renderGrid(tableId, columns, rows) {
    const table = byId(tableId);
    table.textContent = '';
    const thead = el('thead');
    const head = el('tr');
    for (const column of columns) {
      head.appendChild(el('th', column[0]));
    }
    thead.appendChild(head);
    table.appendChild(thead);
    const tbody = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      for (const column of columns) {
        const value = column[1](row);
        tr.appendChild(el('td', column[2](row), (column[3] ? 'num ' : '') + (column[4] ? signClass(value) : '')));
      }
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    return table;
  }

  const TRADE_COLUMNS = [
    ['#', (t) => t.index, (t) => String(t.index + 1), true],
    ['Ticker', (t) => t.ticker, (t) => t.ticker],
    ['Side', (t) => t.side, (t) => t.side],
    ['Entry time', (t) => t.entry_time, (t) => fmt.time(t.entry_time)],
    ['Entry price', (t) => t.entry_price, (t) => fmt.price(t.entry_price), true],
    ['Exit time', (t) => t.exit_time, (t) => fmt.time(t.exit_time)],
    ['Exit price', (t) => t.exit_price, (t) => fmt.price(t.exit_price), true],
    ['Quantity', (t) => t.quantity, (t) => fmt.quantity(t.quantity), true],
    ['PnL', (t) => t.pnl, (t) => fmt.money(t.pnl), true, true],
    ['PnL %', (t) => t.pnl_pct, (t) => fmt.signedPct(t.pnl_pct), true, true],
    ['Fees', (t) => t.fees, (t) => fmt.money(t.fees), true],
    ['Funding', (t) => t.funding, (t) => fmt.money(t.funding), true],
    ['Exit reason', (t) => t.exit_reason, (t) => t.exit_reason],
    ['Duration', (t) => t.duration_seconds, (t) => fmt.duration(t.duration_seconds), true],
  ];

  function compareValues(a, b) {
    const an = a === null || a === undefined;
    const bn = b === null || b === undefined;
    if (an || bn) {
      return an === bn ? 0 : an ? 1 : -1; // missing values last
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function tradesTable(trades, onSelect) {
    const state = { column: 0, descending: false, page: 0, rows: trades.map((t, index) => Object.assign({ index }, t)) };
    const pages = () => Math.max(1, Math.ceil(state.rows.length / TRADES_PER_PAGE));

    function sort() {
      const key = TRADE_COLUMNS[state.column][1];
      const sign = state.descending ? -1 : 1;
      state.rows.sort((a, b) => sign * compareValues(key(a), key(b)) || a.index - b.index);
    }

    function draw() {
      const start = state.page * TRADES_PER_PAGE;
      const visible = state.rows.slice(start, start + TRADES_PER_PAGE);
      const table = renderGrid('trades', TRADE_COLUMNS, visible);
      const headers = table.querySelectorAll('thead th');
      headers.forEach((th, i) => {
        th.classList.add('sortable');
        th.setAttribute('aria-sort', i === state.column ? (state.descending ? 'descending' : 'ascending') : 'none');
        th.addEventListener('click', () => {
          state.descending = state.column === i ? !state.descending : false;
          state.column = i;
          state.page = 0;
          sort();
          draw();
        });
      });
      table.querySelectorAll('tbody tr').forEach((tr, i) => {
        tr.addEventListener('click', () => onSelect(visible[i]));
      });
      byId('trades-page').textContent = state.rows.length === 0
        ? 'No trades'
        : 'Trades ' + (start + 1) + '-' + (start + visible.length) + ' of ' + state.rows.length + ' (page ' + (state.page + 1) + ' of ' + pages() + ')';
      byId('trades-prev').disabled = state.page === 0;
      byId('trades-next').disabled = state.page >= pages() - 1;
      facts.tradeRows = String(visible.length);
      facts.tradesPage = String(state.page + 1);
    }

    byId('trades-prev').addEventListener('click', () => {
      state.page = Math.max(0, state.page - 1);
      draw();
    });
    byId('trades-next').addEventListener('click', () => {
      state.page = Math.min(pages() - 1, state.page + 1);
      draw();
    });
    draw();
    facts.tradeCount = String(trades.length);
    if (trades.length > 0) {
      facts.firstEntryPrice = fmt.price(trades[0].entry_price);
      facts.firstEntryPriceValue = String(trades[0].entry_price);
    }
  }

  function renderPerTicker(rows) {
    renderGrid('per-ticker', [
      ['Ticker', (r) => r.ticker, (r) => r.ticker],
      ['Initial cash', (r) => r.initial_cash, (r) => fmt.money(r.initial_cash), true],
      ['Final equity', (r) => r.final_equity, (r) => fmt.money(r.final_equity), true],
      ['PnL', (r) => r.pnl, (r) => fmt.money(r.pnl), true, true],
      ['Return', (r) => r.return_pct, (r) => fmt.signedPct(r.return_pct), true, true],
      ['Buy and hold', (r) => r.buy_and_hold_return_pct, (r) => fmt.signedPct(r.buy_and_hold_return_pct), true, true],
      ['Max drawdown', (r) => r.max_drawdown, (r) => fmt.pct(r.max_drawdown), true],
      ['Trades', (r) => r.num_trades, (r) => fmt.int(r.num_trades), true],
      ['Win rate', (r) => r.win_rate, (r) => fmt.pct(r.win_rate), true],
      ['Fees', (r) => r.fees_paid, (r) => fmt.money(r.fees_paid), true],
      ['Funding', (r) => r.funding_paid, (r) => fmt.money(r.funding_paid), true],
      ['Rejected', (r) => r.rejected_orders, (r) => fmt.int(r.rejected_orders), true],
      ['Liquidations', (r) => r.liquidations, (r) => fmt.int(r.liquidations), true],
      ['Bars', (r) => r.bars, (r) => fmt.int(r.bars), true],
    ], rows);
    facts.perTickerRows = String(rows.length);
  }

  function renderOptionalGrid(sectionId, tableId, columns, rows) {
    if (rows && rows.length > 0) {
      byId(sectionId).hidden = false;
      renderGrid(tableId, columns, rows);
    }
  }

  function renderExtras(report) {
    renderOptionalGrid('open-section', 'open-positions', [
      ['Ticker', (p) => p.ticker, (p) => p.ticker],
      ['Side', (p) => p.side, (p) => p.side],
      ['Entry time', (p) => p.entry_time, (p) => fmt.time(p.entry_time)],
      ['Entry price', (p) => p.entry_price, (p) => fmt.price(p.entry_price), true],
      ['Quantity', (p) => p.quantity, (p) => fmt.quantity(p.quantity), true],
      ['Mark price', (p) => p.mark_price, (p) => fmt.price(p.mark_price), true],
      ['Unrealised PnL', (p) => p.unrealized_pnl, (p) => fmt.money(p.unrealized_pnl), true, true],
      ['Liquidation price', (p) => p.liquidation_price, (p) => fmt.price(p.liquidation_price), true],
    ], report.open_positions);
    renderOptionalGrid('rejected-section', 'rejected-orders', [
      ['Time', (o) => o.time, (o) => fmt.time(o.time)],
      ['Ticker', (o) => o.ticker, (o) => o.ticker],
      ['Side', (o) => o.side, (o) => o.side],
      ['Quantity', (o) => o.quantity, (o) => fmt.quantity(o.quantity), true],
      ['Price', (o) => o.price, (o) => fmt.price(o.price), true],
      ['Reason', (o) => o.reason, (o) => o.reason],
    ], report.rejected_orders);
    renderOptionalGrid('liquidations-section', 'liquidations', [
      ['Time', (l) => l.time, (l) => fmt.time(l.time)],
      ['Ticker', (l) => l.ticker, (l) => l.ticker],
      ['Side', (l) => l.side, (l) => l.side],
      ['Quantity', (l) => l.quantity, (l) => fmt.quantity(l.quantity), true],
      ['Entry price', (l) => l.entry_price, (l) => fmt.price(l.entry_price), true],
      ['Liquidation price', (l) => l.liquidation_price, (l) => fmt.price(l.liquidation_price), true],
      ['Margin lost', (l) => l.margin_lost, (l) => fmt.money(l.margin_lost), true],
    ], report.liquidations);
  }

  // ---------- charts ----------

  function createChart(container) {
    const LC = window.LightweightCharts;
    return LC.createChart(container, {
      autoSize: true,
      layout: {
        background: { type: LC.ColorType.Solid, color: COLORS.background },
        textColor: COLORS.text,
        // The page credits the library in its footer; the per-chart logo link would carry this page's address
        // (the share link) to another site.
        attributionLogo: false,
      },
      grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
      timeScale: { timeVisible: true, secondsVisible: false },
      localization: { timeFormatter: (t) => new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ') },
    });
  }

  // Equity rows can share a timestamp only by mistake; the chart needs strictly increasing times.
  function increasing(points) {
    const out = [];
    for (const p of points) {
      if (out.length > 0 && out[out.length - 1].time >= p.time) {
        if (out[out.length - 1].time === p.time) {
          out[out.length - 1] = p;
        }
        continue;
      }
      out.push(p);
    }
    return out;
  }

  function drawEquity(data) {
    const LC = window.LightweightCharts;
    const rows = data.report.equity || [];
    const note = data.equity_points_shown < data.equity_points
      ? fmt.int(data.equity_points_shown) + ' of ' + fmt.int(data.equity_points) + ' bars shown (evenly spaced, with the deepest drawdown).'
      : fmt.int(data.equity_points) + ' bars.';
    byId('equity-note').textContent = note + ' Drag to pan, scroll to zoom; the lower pane is the drawdown from the running peak.';

    const chart = createChart(byId('equity-chart'));
    const equity = chart.addSeries(LC.LineSeries, {
      color: COLORS.equity, lineWidth: 2, title: 'Equity', priceLineVisible: false,
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
    }, 0);
    equity.setData(increasing(rows.map((r) => ({ time: toSeconds(r.timestamp), value: r.equity }))));

    const drawdown = chart.addSeries(LC.BaselineSeries, {
      baseValue: { type: 'price', price: 0 },
      topLineColor: COLORS.drawdown, bottomLineColor: COLORS.drawdown, lineWidth: 2,
      topFillColor1: 'rgba(198, 47, 58, 0.05)', topFillColor2: 'rgba(198, 47, 58, 0.05)',
      bottomFillColor1: 'rgba(198, 47, 58, 0.10)', bottomFillColor2: 'rgba(198, 47, 58, 0.30)',
      title: 'Drawdown', priceLineVisible: false,
      priceFormat: { type: 'custom', minMove: 0.01, formatter: (v) => v.toFixed(2) + '%' },
    }, 1);
    drawdown.setData(increasing(rows.map((r) => ({ time: toSeconds(r.timestamp), value: -Math.abs(r.drawdown_pct) }))));
    const panes = chart.panes();
    if (panes.length > 1) {
      panes[0].setStretchFactor(3);
      panes[1].setStretchFactor(1);
    }
    chart.timeScale().fitContent();
    facts.equityPointsRendered = String(rows.length);
    return chart;
  }

  // The bar containing time t (the last bar opening at or before t); bars are sorted by time.
  function barAtOrBefore(times, t) {
    let lo = 0;
    let hi = times.length - 1;
    if (hi < 0 || t < times[0]) {
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid] <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  function priceChart(data) {
    const LC = window.LightweightCharts;
    const chart = createChart(byId('price-chart'));
    const series = chart.addSeries(LC.CandlestickSeries, {
      upColor: COLORS.up, downColor: COLORS.down, borderUpColor: COLORS.up, borderDownColor: COLORS.down,
      wickUpColor: COLORS.up, wickDownColor: COLORS.down, priceLineVisible: false,
    });
    const markers = LC.createSeriesMarkers(series, []);
    const select = byId('ticker-select');
    const byTicker = new Map();
    for (const c of data.candles) {
      byTicker.set(c.ticker, c);
      const trades = data.report.trades.filter((t) => t.ticker === c.ticker).length;
      const option = el('option', c.ticker + ' (' + trades + (trades === 1 ? ' trade)' : ' trades)'));
      option.value = c.ticker;
      select.appendChild(option);
    }

    function show(ticker) {
      const c = byTicker.get(ticker);
      select.value = ticker;
      const error = byId('price-error');
      if (!c || c.error) {
        error.hidden = false;
        error.textContent = c && c.error ? c.error.message + ' ' + (c.error.suggestion || '') : 'No price data for ' + ticker + '.';
        series.setData([]);
        markers.setMarkers([]);
        facts.priceTicker = ticker;
        facts.priceBars = '0';
        facts.priceMarkers = '0';
        return;
      }
      error.hidden = true;
      const times = c.time.map((ms) => Math.floor(ms / 1000));
      const bars = times.map((time, i) => ({ time, open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i] }));
      series.setData(bars);
      byId('price-note').textContent = c.bars_per_point > 1
        ? fmt.int(c.source_bars) + ' ' + c.timeframe + ' bars, shown as ' + fmt.int(bars.length) + ' bars of ' + c.bars_per_point + ' x ' + c.timeframe + '.'
        : fmt.int(c.source_bars) + ' ' + c.timeframe + ' bars.';

      const list = [];
      const trades = data.report.trades.filter((t) => t.ticker === ticker);
      const open = (data.report.open_positions || []).filter((p) => p.ticker === ticker);
      const labels = (trades.length * 2 + open.length) <= MARKER_TEXT_LIMIT;
      const add = (iso, marker) => {
        const i = barAtOrBefore(times, toSeconds(iso));
        if (i >= 0) {
          list.push(Object.assign({ time: times[i] }, marker));
        }
      };
      const entry = (side, price) => (side === 'short'
        ? { position: 'aboveBar', shape: 'arrowDown', color: COLORS.down, text: labels ? 'Short ' + fmt.price(price) : '' }
        : { position: 'belowBar', shape: 'arrowUp', color: COLORS.up, text: labels ? 'Long ' + fmt.price(price) : '' });
      for (const t of trades) {
        add(t.entry_time, entry(t.side, t.entry_price));
        add(t.exit_time, {
          position: t.side === 'short' ? 'belowBar' : 'aboveBar', shape: 'circle', color: COLORS.exit,
          text: labels ? 'Exit ' + fmt.price(t.exit_price) : '',
        });
      }
      for (const p of open) {
        add(p.entry_time, entry(p.side, p.entry_price));
      }
      list.sort((a, b) => a.time - b.time);
      markers.setMarkers(list);
      chart.timeScale().fitContent();
      facts.priceTicker = ticker;
      facts.priceBars = String(bars.length);
      facts.priceMarkers = String(list.length);
    }

    select.addEventListener('change', () => show(select.value));
    const first = data.candles.find((c) => !c.error && data.report.trades.some((t) => t.ticker === c.ticker)) || data.candles[0];
    if (first) {
      show(first.ticker);
    }

    return {
      chart,
      focus(trade) {
        if (select.value !== trade.ticker) {
          show(trade.ticker);
        }
        const from = toSeconds(trade.entry_time);
        const to = toSeconds(trade.exit_time);
        const pad = Math.max(to - from, 3600) * 2;
        chart.timeScale().setVisibleRange({ from: from - pad, to: to + pad });
        byId('price-chart').scrollIntoView({ behavior: 'smooth', block: 'center' });
      },
    };
  }

  // ---------- "did it draw?": pixels of the series' own colour on the chart's canvases ----------

  function rgb(hex) {
    const n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }

  function countColor(container, hexes) {
    const targets = hexes.map(rgb);
    let count = 0;
    for (const canvas of container.querySelectorAll('canvas')) {
      if (canvas.width === 0 || canvas.height === 0) {
        continue;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        continue;
      }
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] <= 200) {
          continue;
        }
        for (const [r, g, b] of targets) {
          if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24) {
            count++;
            break;
          }
        }
      }
    }
    return count;
  }

  function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async function verifyDrawn(checks) {
    // The library paints on an animation frame after the data is set. Poll on timers, not frames: a headless or
    // hidden page issues no further frames once nothing changes on screen.
    for (let attempt = 0; attempt < 60; attempt++) {
      await delay(50);
      let all = true;
      for (const check of checks) {
        check.pixels = countColor(check.container, check.colors);
        all = all && (check.pixels > 0 || !check.expected);
      }
      if (all) {
        break;
      }
    }
    for (const check of checks) {
      facts[check.name + 'Drawn'] = String(check.pixels > 0);
      facts[check.name + 'Pixels'] = String(check.pixels);
    }
  }

  // ---------- main ----------

  async function load() {
    const response = await fetch(body.dataset.dataUrl, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    let envelope;
    try {
      envelope = await response.json();
    } catch (e) {
      throw new Error('The server answered ' + response.status + ' without a report.');
    }
    if (!envelope.success) {
      const error = envelope.error || {};
      const failure = new Error((error.message || 'The report could not be loaded.') + ' ' + (error.suggestion || ''));
      failure.code = error.code;
      throw failure;
    }
    return envelope.data;
  }

  async function main() {
    try {
      if (!window.LightweightCharts) {
        throw new Error('The chart library did not load.');
      }
      const data = await load();
      const report = data.report;
      renderSummary(data);
      renderMetrics(report.metrics || {});
      renderOptions(report.options);
      renderPerTicker(report.per_ticker || []);
      renderExtras(report);
      byId('script').textContent = report.script;
      byId('report').hidden = false;

      drawEquity(data);
      const price = priceChart(data);
      tradesTable(report.trades || [], (trade) => price.focus(trade));

      const priceExpected = facts.priceBars !== undefined && facts.priceBars !== '0';
      await verifyDrawn([
        { name: 'equityChart', container: byId('equity-chart'), colors: [COLORS.equity], expected: (report.equity || []).length > 0 },
        { name: 'drawdownChart', container: byId('equity-chart'), colors: [COLORS.drawdown], expected: (report.equity || []).length > 0 },
        { name: 'priceChart', container: byId('price-chart'), colors: [COLORS.up, COLORS.down], expected: priceExpected },
      ]);
    } catch (e) {
      const box = byId('load-error');
      box.hidden = false;
      box.textContent = e.message;
      byId('subtitle').textContent = 'The report could not be shown.';
      facts.error = e.code || 'PAGE_ERROR';
      facts.errorMessage = e.message;
    }
    facts.ready = 'true';
  }

  main();
}());
