#!/usr/bin/env bash
# Builds the TA-Lib C sources bundled in the talib npm package and its node binding, offline.
# (npm blocks install scripts, so the package's own build step does not run on install.)
set -euo pipefail
cd "$(dirname "$0")"
npm install --ignore-scripts
(cd node_modules/talib/src/lib/make/csr/linux/g++ && make -j2)
(cd node_modules/talib && ../.bin/node-gyp configure build --nodedir=/usr)
node -e "require('talib'); console.log('talib binding ready')"
