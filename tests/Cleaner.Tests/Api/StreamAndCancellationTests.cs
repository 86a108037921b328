using System.Text;

namespace Cleaner.Tests.Api;

/// <summary>
/// The stream overloads read without blocking (async), stop reading at the size limit, and every
/// overload takes a cancellation token and honours it.
/// </summary>
public class StreamAndCancellationTests
{
    private const string Paragraph = "The harbour master said on Monday that the old pier would close for repairs after the winter storms had cracked its stone supports in three places.";

    private static readonly string Page = $"<html><head><title>Pier to close</title></head><body><article><h1>Pier to close</h1><p>{Paragraph}</p><p>{Paragraph}</p></article></body></html>";

    private static readonly CancellationToken Cancelled = new(canceled: true);

    /// <summary>A stream that only reads asynchronously (a blocking read fails the test), in small chunks, optionally forever.</summary>
    private sealed class AsyncOnlyStream(byte[] bytes, bool endless = false, bool stall = false) : Stream
    {
        private long _position;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("a blocking read");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (stall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            await Task.Yield();
            if (!endless && _position >= bytes.Length)
            {
                return 0;
            }

            int n = Math.Min(buffer.Length, 1000);
            for (int i = 0; i < n; i++)
            {
                buffer.Span[i] = endless ? (byte)'x' : bytes[_position + i];
                if (!endless && _position + i + 1 >= bytes.Length)
                {
                    n = i + 1;
                    break;
                }
            }

            _position += n;
            BytesRead += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Test]
    public async Task CleanHtmlAsync_reads_without_blocking_and_cleans_as_the_bytes_do()
    {
        var bytes = Encoding.GetEncoding("utf-8").GetBytes(Page);
        var expected = TextCleaner.Default.CleanHtml(bytes);
        var actual = await TextCleaner.Default.CleanHtmlAsync(new AsyncOnlyStream(bytes), contentType: "text/html; charset=utf-8");
        Assert.That(actual.Text, Is.EqualTo(expected.Text).And.Contain(Paragraph));
        Assert.That(actual.Removed, Is.EqualTo(expected.Removed));
    }

    [Test]
    public async Task CleanAsync_reads_plain_text_without_blocking()
    {
        var text = $"Pier to close\n{Paragraph}\n{Paragraph}\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var actual = await TextCleaner.Default.CleanAsync(new AsyncOnlyStream(bytes));
        Assert.That(actual.Text, Is.EqualTo(TextCleaner.Default.Clean(text).Text));
    }

    [Test]
    public async Task A_memory_stream_is_read_from_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("garbage that is skipped" + Page);
        using var stream = new MemoryStream(bytes);
        stream.Position = "garbage that is skipped".Length;
        var actual = await TextCleaner.Default.CleanHtmlAsync(stream);
        Assert.That(actual.Text, Is.EqualTo(TextCleaner.Default.CleanHtml(Page).Text));
        Assert.That(stream.Position, Is.EqualTo(bytes.Length));
    }

    [Test]
    public async Task An_endless_stream_is_read_only_up_to_the_size_limit()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 10_000 }).Build();
        var stream = new AsyncOnlyStream([], endless: true);
        var result = await cleaner.CleanHtmlAsync(stream);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.InputTooLarge));
        Assert.That(result.Diagnostic, Does.Contain("not read to its end"));
        Assert.That(stream.BytesRead, Is.LessThanOrEqualTo(4 * 10_000 + 1000));

        var text = await cleaner.CleanAsync(new AsyncOnlyStream([], endless: true));
        Assert.That(text.Status, Is.EqualTo(CleanStatus.InputTooLarge));
    }

    [Test]
    public void A_seekable_stream_over_the_limit_is_not_read()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 100 }).Build();
        using var file = new BufferedStream(new MemoryStream(new byte[1000]));
        var result = cleaner.CleanHtml(file);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.InputTooLarge));
        Assert.That(file.Position, Is.Zero);
    }

    [Test]
    public void A_stream_within_the_limit_in_many_bytes_per_character_is_cleaned()
    {
        // 3 bytes per character in UTF-8: over the limit in bytes, within it in characters.
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 4000 }).Build();
        var text = string.Concat(Enumerable.Repeat("市議会は金曜日に新しい川沿いの図書館の計画を承認しました。\n", 100));
        using var stream = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var result = cleaner.CleanAsync(stream).GetAwaiter().GetResult();
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
    }

    [Test]
    public void A_stalled_read_stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAsync<TaskCanceledException>(() => TextCleaner.Default.CleanHtmlAsync(new AsyncOnlyStream([], stall: true), cancellationToken: cancel.Token));
    }

    [Test]
    public void Every_overload_honours_a_cancelled_token()
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        var cleaner = TextCleaner.Default;
        Assert.Multiple(() =>
        {
            Assert.Throws<OperationCanceledException>(() => cleaner.Clean(Paragraph, Cancelled));
            Assert.Throws<OperationCanceledException>(() => cleaner.Clean(bytes, Cancelled));
            Assert.Throws<OperationCanceledException>(() => cleaner.Clean(bytes.AsSpan(), Cancelled));
            Assert.CatchAsync<OperationCanceledException>(() => cleaner.CleanAsync(new MemoryStream(bytes), Cancelled));
            Assert.Throws<OperationCanceledException>(() => cleaner.CleanHtml(Page, null, Cancelled));
            Assert.Throws<OperationCanceledException>(() => cleaner.CleanHtml(bytes, cancellationToken: Cancelled));
            Assert.Throws<OperationCanceledException>(() => cleaner.CleanHtml(bytes.AsSpan(), cancellationToken: Cancelled));
            Assert.Throws<OperationCanceledException>(() => cleaner.CleanHtml(new MemoryStream(bytes), cancellationToken: Cancelled));
            Assert.CatchAsync<OperationCanceledException>(() => cleaner.CleanHtmlAsync(new MemoryStream(bytes), cancellationToken: Cancelled));
        });
    }
}
