namespace Tradewind.MarketData.Import;

/// <summary>
/// Splits one CSV line into field ranges without allocating. Fields are trimmed; a field in double quotes loses its
/// quotes and may contain the delimiter.
/// </summary>
internal sealed class CsvFields
{
    private const int MaxFields = 256;

    private readonly Range[] _ranges = new Range[MaxFields];

    /// <summary>Fields on the last split line (fields beyond <see cref="MaxFields"/> are counted, not kept).</summary>
    public int Count { get; private set; }

    public void Split(ReadOnlySpan<char> line, char delimiter)
    {
        Count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t' && line[i] != delimiter)
            {
                i++;
            }

            int start, end;
            if (i < line.Length && line[i] == '"')
            {
                start = i + 1;
                var j = start;
                while (j < line.Length && !(line[j] == '"' && (j + 1 >= line.Length || line[j + 1] != '"')))
                {
                    j += line[j] == '"' ? 2 : 1;
                }

                end = Math.Min(j, line.Length);
                i = j + 1;
                while (i < line.Length && line[i] != delimiter)
                {
                    i++;
                }
            }
            else
            {
                start = i;
                while (i < line.Length && line[i] != delimiter)
                {
                    i++;
                }

                end = i;
                while (end > start && line[end - 1] is ' ' or '\t' && line[end - 1] != delimiter)
                {
                    end--;
                }
            }

            if (Count < MaxFields)
            {
                _ranges[Count] = new Range(start, end);
            }

            Count++;
            if (i >= line.Length)
            {
                return;
            }

            i++; // past the delimiter
        }
    }

    /// <summary>Field <paramref name="index"/> of <paramref name="line"/>, which must be the line last split.</summary>
    public ReadOnlySpan<char> Field(ReadOnlySpan<char> line, int index) => line[_ranges[index]];

    /// <summary>
    /// The delimiter of <paramref name="line"/>: a tab or semicolon when it occurs at least as often as commas outside
    /// quotes (semicolon files often write decimal commas, one per number), else a comma.
    /// </summary>
    public static char DetectDelimiter(ReadOnlySpan<char> line)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in line)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case ',' when !quoted: commas++; break;
                case ';' when !quoted: semicolons++; break;
                case '\t' when !quoted: tabs++; break;
            }
        }

        if (tabs > 0 && tabs >= commas && tabs >= semicolons)
        {
            return '\t';
        }

        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }
}
