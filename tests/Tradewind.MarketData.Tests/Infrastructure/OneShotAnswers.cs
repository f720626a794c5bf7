using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Tradewind.MarketData.Tests.Infrastructure;

/// <summary>
/// Answers a fake venue gives instead of its usual one, each used once, in the order they were added, by the next
/// request with the same key (a path such as <c>/book</c>, or Hyperliquid's request type): a 429, an error body,
/// malformed JSON.
/// </summary>
public sealed class OneShotAnswers
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _answers = new(StringComparer.Ordinal);

    public void Add(string key, Func<HttpContext, Task> answer) =>
        _answers.GetOrAdd(key, _ => new ConcurrentQueue<Func<HttpContext, Task>>()).Enqueue(answer);

    /// <summary>Answers with the next one-shot answer for <paramref name="key"/>; false when there is none left.</summary>
    public async Task<bool> TryAnswerAsync(string key, HttpContext context)
    {
        if (!_answers.TryGetValue(key, out var queue) || !queue.TryDequeue(out var answer))
        {
            return false;
        }

        await answer(context);
        return true;
    }
}
