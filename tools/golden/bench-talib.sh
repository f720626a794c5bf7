#!/usr/bin/env bash
# Measures TA-Lib C (ns per bar over 1M bars, best of 20) for the named functions on this machine, so
# docs/performance.md can put TA-Lib and Tradewind side by side from one run. Needs ./build-talib.sh first.
#   ./bench-talib.sh SMA EMA RSI ATR BBANDS MACD STOCH
set -euo pipefail
cd "$(dirname "$0")"
ta=node_modules/talib/src/lib
gcc -O3 -march=native -o talib-bench talib-bench.c -I"$ta/include" \
  "$ta/lib/libta_abstract_csr.a" "$ta/lib/libta_func_csr.a" "$ta/lib/libta_common_csr.a" -lm
./talib-bench "$@"
