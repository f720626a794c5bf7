namespace Tradewind.MarketData.Import;

/// <summary>
/// Reads text in large blocks and hands out whole lines as spans over its buffer, so parsing a file of a million lines
/// allocates no string per line. Use: <c>while (await FillAsync()) { while (TryReadLine(out var line)) ... }</c>.
/// </summary>
internal sealed class TextLineBuffer(TextReader reader)
{
    private const int BlockChars = 64 * 1024;

    private char[] _buffer = new char[BlockChars * 2];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>1-based number of the line last returned by <see cref="TryReadLine"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next block; false once the text is exhausted and every line was handed out.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return _start < _end;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < BlockChars)
        {
            // A line longer than the free space: grow so it fits.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        return _start < _end || !_eof;
    }

    /// <summary>
    /// The next complete line without its line break. At the end of the text the last line needs no break; before
    /// that, a line whose break has not been read yet waits for the next <see cref="FillAsync"/>.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        var newline = available.IndexOfAny('\n', '\r');
        if (newline < 0 || (newline == available.Length - 1 && available[newline] == '\r' && !_eof))
        {
            // No break yet, or a '\r' that may be the first half of "\r\n": wait for more text.
            if (!_eof || available.IsEmpty)
            {
                line = default;
                return false;
            }

            line = available;
            _start = _end;
            LineNumber++;
            return true;
        }

        line = available[..newline];
        var skip = newline + 1;
        if (available[newline] == '\r' && skip < available.Length && available[skip] == '\n')
        {
            skip++;
        }

        _start += skip;
        LineNumber++;
        return true;
    }
}
