using System.Globalization;
using System.Text.Json;
using Tradewind.Core;
using Tradewind.MarketData.Venues;

namespace Tradewind.MarketData.Tests.Venues;

public sealed class VenueJsonTests
{
    private static readonly VenueJson Json = new("Example", "Check the base URL.");

    [Theory]
    [InlineData("""{"p":"0.01634790"}""", 0.0163479)]
    [InlineData("""{"p":0.01634790}""", 0.0163479)]
    [InlineData("""{"p":"-3e2"}""", -300)]
    [InlineData("""{"p":29295}""", 29295)]
    public void Double_NumberOrDecimalString_ReadsTheValue(string json, double expected)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Equal(expected, Json.Double(doc.RootElement, "p", "ctx"));
    }

    [Fact]
    public void TryReadDouble_SeededRandomValuesAsNumbersAndStrings_RoundTrip()
    {
        var random = new Random(20240101);
        for (var i = 0; i < 2000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12));
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            using var doc = JsonDocument.Parse($$"""{"n":{{text}},"s":"{{text}}"}""");

            Assert.True(VenueJson.TryReadDouble(doc.RootElement.GetProperty("n"), out var fromNumber));
            Assert.True(VenueJson.TryReadDouble(doc.RootElement.GetProperty("s"), out var fromString));
            Assert.Equal(value, fromNumber);
            Assert.Equal(value, fromString);
        }
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("[1]")]
    public void TryReadDouble_NotAFiniteNumber_ReturnsFalse(string value)
    {
        using var doc = JsonDocument.Parse(value);

        Assert.False(VenueJson.TryReadDouble(doc.RootElement, out _));
    }

    [Theory]
    [InlineData("""{"t":1704067200000}""", 1704067200000)]
    [InlineData("""{"t":"1704067200000"}""", 1704067200000)]
    public void Int64_NumberOrDigitString_ReadsTheValue(string json, long expected)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Equal(expected, Json.Int64(doc.RootElement, "t", "ctx"));
    }

    [Theory]
    [InlineData("""{"t":1.5}""")]
    [InlineData("""{"t":"12a"}""")]
    public void Int64_NotAnInteger_ThrowsNamingTheField(string json)
    {
        using var doc = JsonDocument.Parse(json);

        var ex = Assert.Throws<TradewindException>(() => Json.Int64(doc.RootElement, "t", "ctx"));

        Assert.Contains("field 't' = ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected an integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_StringWithTrailingZeros_KeepsItsValue()
    {
        using var doc = JsonDocument.Parse("""{"tick":"0.00100000","n":5}""");

        Assert.Equal(0.001m, Json.Decimal(doc.RootElement, "tick", "ctx"));
        Assert.Equal(5m, Json.Decimal(doc.RootElement, "n", "ctx"));
    }

    [Fact]
    public void Double_BadValueInARow_NamesSourceContextRowFieldAndValue()
    {
        using var doc = JsonDocument.Parse("""{"o":"n/a"}""");

        var ex = Assert.Throws<TradewindException>(() => Json.Double(doc.RootElement, "o", "/v1/candles", 3));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Equal("Example /v1/candles: unexpected response shape, row 3 has field 'o' = \"n/a\", expected a number.", ex.Message);
        Assert.Equal("Check the base URL.", ex.Suggestion);
    }

    [Fact]
    public void ItemDouble_BadPositionalValue_NamesThePositionByItsLabel()
    {
        using var doc = JsonDocument.Parse("""[1499040000000,"1.0","abc"]""");

        var ex = Assert.Throws<TradewindException>(() => Json.ItemDouble(doc.RootElement, 2, "high", "/api/v3/klines", 0));

        Assert.Contains("/api/v3/klines: unexpected response shape, row 0 has high = \"abc\", expected a number.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemDouble_RowTooShort_SaysWhichItemIsMissing()
    {
        using var doc = JsonDocument.Parse("""[1499040000000,"1.0"]""");

        var ex = Assert.Throws<TradewindException>(() => Json.ItemDouble(doc.RootElement, 4, "close", "/api/v3/klines", 7));

        Assert.Contains("row 7 has no close (item 4)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a":1}""", "field 'levels' is missing")]
    [InlineData("""{"levels":null}""", "field 'levels' is null")]
    [InlineData("null", "expected an object holding 'levels' but got null")]
    public void Property_AbsentNullOrNoObject_SaysWhich(string json, string problem)
    {
        using var doc = JsonDocument.Parse(json);

        var ex = Assert.Throws<TradewindException>(() => Json.Property(doc.RootElement, "levels", "l2Book"));

        Assert.Equal($"Example l2Book: unexpected response shape, {problem}.", ex.Message);
    }

    [Fact]
    public void Expect_WrongKind_NamesBothKindsAndQuotesTheValue()
    {
        using var doc = JsonDocument.Parse("""{"status":"ok"}""");

        var ex = Assert.Throws<TradewindException>(() => Json.ExpectArray(doc.RootElement, "/api/v3/klines"));

        Assert.Contains("a JSON object where Example sends a JSON array: {\"status\":\"ok\"}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleOrZero_FieldLeftOut_IsZero()
    {
        using var doc = JsonDocument.Parse("""{"t":1,"v":null}""");

        Assert.Equal(0, Json.DoubleOrZero(doc.RootElement, "v", "candles"));
        Assert.Equal(0, Json.DoubleOrZero(doc.RootElement, "V", "candles"));
    }

    [Fact]
    public void Describe_LongValue_IsCutAt120Characters()
    {
        using var doc = JsonDocument.Parse("\"" + new string('x', 300) + "\"");

        Assert.Equal(123, VenueJson.Describe(doc.RootElement).Length);
    }

    [Theory]
    [InlineData("""{"code":-1121}""", true)]
    [InlineData("<html><body>Forbidden</body></html>", false)]
    [InlineData("", false)]
    public void TryParse_ErrorBodies_ParsesOnlyJson(string body, bool expected)
    {
        Assert.Equal(expected, VenueJson.TryParse(body, out var doc));
        doc?.Dispose();
    }
}
