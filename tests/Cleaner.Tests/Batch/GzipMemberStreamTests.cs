using Cleaner.Batch.Streams;

namespace Cleaner.Tests.Batch;

public sealed class GzipMemberStreamTests
{
    private static byte[] Data(int length, int seed)
    {
        var random = new Random(seed);
        var data = new byte[length];
        for (int i = 0; i < data.Length; i++)
        {
            // Letters with some repetition, so deflate has something to do.
            data[i] = (byte)(random.Next(4) == 0 ? ' ' : 'a' + random.Next(8));
        }

        return data;
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var stream = InputStreams.Decompress(new MemoryStream(gzip), out var compression);
        Assert.That(compression, Is.EqualTo(Compression.Gzip));
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    [Test]
    public void Every_member_is_read_whatever_its_size_and_header()
    {
        byte[][] parts = [Data(10, 1), [], Data(300_000, 2), Data(70_000, 3), Data(1, 4)];
        var file = parts.Select(WarcKit.Gzip).Append(WarcKit.GzipWithNameAndComment(Data(5000, 5), "page.warc", "a comment")).SelectMany(b => b).ToArray();
        Assert.That(Decompress(file), Is.EqualTo(parts.Append(Data(5000, 5)).SelectMany(b => b).ToArray()));
    }

    [Test]
    public void A_cut_anywhere_but_between_members_is_a_truncated_gzip()
    {
        byte[][] parts = [Data(400, 1), Data(900, 2), Data(300, 3)];
        var members = parts.Select(WarcKit.Gzip).ToArray();
        var file = members.SelectMany(b => b).ToArray();
        var boundaries = new Dictionary<int, byte[]>();
        int at = 0;
        for (int i = 0; i < members.Length; i++)
        {
            at += members[i].Length;
            boundaries[at] = parts.Take(i + 1).SelectMany(b => b).ToArray();
        }

        // From two bytes on: a lone 0x1f is not taken for gzip.
        for (int cut = 2; cut < file.Length; cut++)
        {
            if (boundaries.TryGetValue(cut, out var expected))
            {
                Assert.That(Decompress(file[..cut]), Is.EqualTo(expected), $"cut at the member boundary {cut}");
                continue;
            }

            var error = Assert.Throws<InvalidDataException>(() => Decompress(file[..cut]), $"cut at {cut}");
            Assert.That(error!.Message, Does.StartWith("truncated gzip: "), $"cut at {cut}");
        }
    }

    [Test]
    public void A_wrong_crc_is_a_corrupt_member_that_gives_nothing_and_the_next_members_are_read()
    {
        var member = WarcKit.Gzip(Data(1000, 7));
        member[^6] ^= 0x55;
        var next = Data(600_000, 8);
        using var stream = new GzipMemberStream(new MemoryStream([.. member, .. WarcKit.Gzip(next)]));
        var buffer = new byte[4096];
        var error = Assert.Throws<CorruptMemberException>(() => _ = stream.ReadAtLeast(buffer, 1, throwOnEndOfStream: false));
        Assert.That(error!.Message, Does.StartWith("corrupt gzip: the CRC-32 or size of member 1"));
        using var rest = new MemoryStream();
        stream.CopyTo(rest);
        Assert.That(rest.ToArray(), Is.EqualTo(next), "none of member 1, all of member 2");
    }

    [Test]
    public void An_empty_member_between_others_is_read_as_nothing()
    {
        var a = Data(5000, 3);
        var b = Data(7000, 4);
        // What `gzip </dev/null` writes (and Java, Go, Python and Hadoop for empty parts).
        byte[] empty = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        Assert.That(Decompress([.. WarcKit.Gzip(a), .. empty, .. WarcKit.Gzip(b), .. empty]), Is.EqualTo(a.Concat(b).ToArray()));
        Assert.That(Decompress([.. WarcKit.Gzip(a), .. WarcKit.Gzip([]), .. WarcKit.Gzip(b)]), Is.EqualTo(a.Concat(b).ToArray()));
    }

    [Test]
    public void Bytes_after_the_last_member_that_are_not_gzip_are_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => Decompress([.. WarcKit.Gzip(Data(100, 9)), .. "garbage!!!!"u8]));
        Assert.That(error!.Message, Does.Contain("member 2 does not start with a gzip header"));
    }

    [Test]
    public void Magic_bytes_decide_the_compression()
    {
        Assert.That(InputStreams.Detect([0x1f, 0x8b, 8, 0]), Is.EqualTo(Compression.Gzip));
        Assert.That(InputStreams.Detect([0x28, 0xb5, 0x2f, 0xfd]), Is.EqualTo(Compression.Zstd));
        Assert.That(InputStreams.Detect("{\"a\""u8), Is.EqualTo(Compression.None));
        Assert.That(InputStreams.Detect([0x1f]), Is.EqualTo(Compression.None));
        using var zstd = InputStreams.Decompress(new MemoryStream(WarcKit.Zstd("hello"u8.ToArray())), out var compression);
        Assert.That(compression, Is.EqualTo(Compression.Zstd));
        Assert.That(new StreamReader(zstd).ReadToEnd(), Is.EqualTo("hello"));
    }
}
