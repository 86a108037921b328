using System.Buffers.Binary;
using System.Text;

namespace Cleaner.Sites;

/// <summary>
/// The profile file format. Header: the 16 bytes <c>CLEANER-PROFILES</c>, the format version (2 bytes,
/// little-endian; this is version 2) and the length of the body (8 bytes). Body, integers as unsigned
/// LEB128 varints: the number of sites, then per site (sorted by name) its name (UTF-8, length
/// first), pages, the number of fingerprints, the fingerprints in ascending order as differences
/// from the one before, their page counts, the number of samples and per sample the index of its
/// fingerprint and its text, then (since version 2) the number of article containers and per
/// container its signature (UTF-8, length first) and pages. Trailer: the FNV-1a 64 hash of the body
/// (8 bytes). About 10-11 bytes per fingerprint. Version 1 files (without containers) still load.
/// </summary>
internal static class SiteProfileFile
{
    public const ushort Version = 2;

    /// <summary>The oldest format version this Cleaner reads.</summary>
    public const ushort OldestVersion = 1;
    private static readonly byte[] Magic = "CLEANER-PROFILES"u8.ToArray();
    private const int HeaderLength = 16 + 2 + 8;

    public static void Write(SiteProfileSet set, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var body = new MemoryStream();
        WriteVarint(body, (ulong)set.Count);
        foreach (var profile in set)
        {
            WriteString(body, profile.Site);
            WriteVarint(body, (ulong)profile.Pages);
            var keys = profile.Keys;
            WriteVarint(body, (ulong)keys.Length);
            ulong previous = 0;
            foreach (var key in keys)
            {
                WriteVarint(body, key - previous);
                previous = key;
            }

            foreach (var count in profile.Counts)
            {
                WriteVarint(body, (ulong)count);
            }

            WriteVarint(body, (ulong)profile.SampleKeys.Length);
            for (int i = 0; i < profile.SampleKeys.Length; i++)
            {
                WriteVarint(body, (ulong)keys.BinarySearch(profile.SampleKeys[i]));
                WriteString(body, profile.MostFrequent[i].Text);
            }

            WriteVarint(body, (ulong)profile.Containers.Count);
            foreach (var container in profile.Containers)
            {
                WriteString(body, container.Element);
                WriteVarint(body, (ulong)container.Pages);
            }
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[16..], Version);
        BinaryPrimitives.WriteUInt64LittleEndian(header[18..], (ulong)body.Length);
        stream.Write(header);
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        stream.Write(bytes);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, Hash(bytes));
        stream.Write(trailer);
    }

    public static SiteProfileSet Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[HeaderLength];
        int got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got < Magic.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a Cleaner site profile file (it does not start with CLEANER-PROFILES)");
        }

        if (got < HeaderLength)
        {
            throw new InvalidDataException($"the profile file is truncated: its header has {got} of {HeaderLength} bytes");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(16));
        if (version is < OldestVersion or > Version)
        {
            throw new InvalidDataException($"the profile file has format version {version}; this Cleaner reads versions {OldestVersion} to {Version}");
        }

        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(18));
        if (length > int.MaxValue - 8)
        {
            throw new InvalidDataException($"the profile file is corrupt: its header gives a body of {length:N0} bytes");
        }

        var rest = new byte[(int)length + 8];
        got = stream.ReadAtLeast(rest, rest.Length, throwOnEndOfStream: false);
        if (got < rest.Length)
        {
            throw new InvalidDataException($"the profile file is truncated: {HeaderLength + got:N0} of {HeaderLength + rest.Length:N0} bytes");
        }

        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException("the profile file is corrupt: bytes follow its end");
        }

        var body = rest.AsSpan(0, (int)length);
        if (Hash(body) != BinaryPrimitives.ReadUInt64LittleEndian(rest.AsSpan((int)length)))
        {
            throw new InvalidDataException("the profile file is corrupt: its checksum does not match its content");
        }

        try
        {
            return Parse(body, version);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException or DecoderFallbackException)
        {
            throw new InvalidDataException($"the profile file is corrupt: {e.Message}", e);
        }
    }

    private static SiteProfileSet Parse(ReadOnlySpan<byte> body, ushort version)
    {
        int pos = 0;
        int sites = ReadCount(body, ref pos);
        var profiles = new List<SiteProfile>(sites);
        string? previousSite = null;
        for (int s = 0; s < sites; s++)
        {
            string site = ReadString(body, ref pos);
            if (previousSite is not null && string.CompareOrdinal(previousSite, site) >= 0)
            {
                throw new InvalidDataException($"the profile file is corrupt: the sites are not in order at '{site}'");
            }

            previousSite = site;
            int pages = ReadInt(body, ref pos);
            int n = ReadCount(body, ref pos);
            var keys = new ulong[n];
            var counts = new int[n];
            ulong key = 0;
            for (int i = 0; i < n; i++)
            {
                ulong delta = ReadVarint(body, ref pos);
                if ((delta == 0 && i > 0) || key + delta < key)
                {
                    throw new InvalidDataException($"the profile file is corrupt: the fingerprints of '{site}' are not in order");
                }

                keys[i] = key += delta;
            }

            for (int i = 0; i < n; i++)
            {
                counts[i] = ReadInt(body, ref pos);
                if (counts[i] < 1 || counts[i] > pages)
                {
                    throw new InvalidDataException($"the profile file is corrupt: a block of '{site}' stands on {counts[i]} of {pages} pages");
                }
            }

            int samples = ReadCount(body, ref pos);
            if (samples > SiteProfile.MaxSamples)
            {
                throw new InvalidDataException($"the profile file is corrupt: '{site}' has {samples} samples");
            }

            var texts = new Dictionary<ulong, string>(samples);
            for (int i = 0; i < samples; i++)
            {
                int at = ReadCount(body, ref pos);
                if (at >= n)
                {
                    throw new InvalidDataException($"the profile file is corrupt: a sample of '{site}' names no fingerprint");
                }

                texts[keys[at]] = ReadString(body, ref pos);
            }

            var containers = version >= 2 ? ReadContainers(body, ref pos, site, pages) : [];
            profiles.Add(new SiteProfile(site, pages, keys, counts, [], [], containers).WithSamples(texts));
        }

        if (pos != body.Length)
        {
            throw new InvalidDataException("the profile file is corrupt: bytes follow the last site");
        }

        return new SiteProfileSet(profiles);
    }

    /// <summary>A site's article containers (version 2), each on 1 to <paramref name="pages"/> pages.</summary>
    private static SiteContainer[] ReadContainers(ReadOnlySpan<byte> body, ref int pos, string site, int pages)
    {
        int n = ReadCount(body, ref pos);
        if (n > SiteProfile.MaxContainers)
        {
            throw new InvalidDataException($"the profile file is corrupt: '{site}' has {n} article containers");
        }

        var containers = new SiteContainer[n];
        for (int i = 0; i < n; i++)
        {
            string element = ReadString(body, ref pos);
            int on = ReadInt(body, ref pos);
            if (on < 1 || on > pages)
            {
                throw new InvalidDataException($"the profile file is corrupt: an article container of '{site}' stands on {on} of {pages} pages");
            }

            containers[i] = new SiteContainer(element, on);
        }

        return containers;
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static void WriteString(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVarint(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> body, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= body.Length)
            {
                throw new InvalidDataException("the profile file is corrupt: it ends inside a number");
            }

            byte b = body[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("the profile file is corrupt: a number runs over 64 bits");
    }

    /// <summary>A count or length: a varint that fits an int and, as a length, the rest of the body.</summary>
    private static int ReadCount(ReadOnlySpan<byte> body, ref int pos)
    {
        ulong value = ReadVarint(body, ref pos);
        return value <= (ulong)body.Length ? (int)value
            : throw new InvalidDataException($"the profile file is corrupt: a count of {value:N0} in a body of {body.Length:N0} bytes");
    }

    /// <summary>A number of pages: a varint that fits an int.</summary>
    private static int ReadInt(ReadOnlySpan<byte> body, ref int pos)
    {
        ulong value = ReadVarint(body, ref pos);
        return value <= int.MaxValue ? (int)value
            : throw new InvalidDataException($"the profile file is corrupt: a page count of {value:N0}");
    }

    private static string ReadString(ReadOnlySpan<byte> body, ref int pos)
    {
        int length = ReadCount(body, ref pos);
        if (pos + length > body.Length)
        {
            throw new InvalidDataException("the profile file is corrupt: it ends inside a text");
        }

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Slice(pos, length));
        pos += length;
        return text;
    }

    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
