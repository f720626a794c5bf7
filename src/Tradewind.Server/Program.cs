using Tradewind.Server;

// The whole composition lives in TradewindServer, so `tradewind serve` and the tests run this same server.
var app = await TradewindServer.BuildAsync(args);
app.Lifetime.ApplicationStarted.Register(() => TradewindServer.LogStartup(app));
await app.RunAsync();
