using System.Net;
using System.Text.Json.Nodes;

namespace Tradewind.Server.Tests;

/// <summary>Assertions on the response envelope.</summary>
public static class Envelopes
{
    public static void AssertShape(HttpResponseMessage response, JsonNode body)
    {
        var success = (bool)body["success"]!;
        Assert.Equal(response.IsSuccessStatusCode, success);
        Assert.NotNull(body["meta"]?["timestamp"]);
        Assert.False(string.IsNullOrEmpty((string?)body["meta"]!["request_id"]));
        Assert.True(response.Headers.Contains("X-Request-Id"));
        if (success)
        {
            Assert.Null(body["error"]);
        }
        else
        {
            Assert.Null(body["data"]);
            Assert.False(string.IsNullOrEmpty((string?)body["error"]?["code"]), body.ToJsonString());
            Assert.False(string.IsNullOrEmpty((string?)body["error"]?["message"]), body.ToJsonString());
            Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
        }
    }

    public static void AssertError(HttpResponseMessage response, JsonNode body, HttpStatusCode status, string code)
    {
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal(code, (string?)body["error"]?["code"]);
    }
}
