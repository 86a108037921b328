namespace Cleaner;

/// <summary>
/// Counts computed once from a block's text. Words are runs of letters and digits (an apostrophe or
/// hyphen between letters stays inside the word); each CJK ideograph or kana counts as a word.
/// </summary>
public readonly record struct BlockFeatures
{
    /// <summary>Characters in the block.</summary>
    public int Length { get; internal init; }

    /// <summary>Words in the block.</summary>
    public int WordCount { get; internal init; }

    /// <summary>Letters in the block.</summary>
    public int LetterCount { get; internal init; }

    /// <summary>Upper-case letters in the block.</summary>
    public int UpperCount { get; internal init; }

    /// <summary>Decimal digits in the block.</summary>
    public int DigitCount { get; internal init; }

    /// <summary>Words that start with an upper-case letter.</summary>
    public int CapitalizedWordCount { get; internal init; }

    /// <summary>Whether the document's language has a stopword list, so that <see cref="StopwordCount"/> means something.</summary>
    public bool StopwordsKnown { get; internal init; }

    /// <summary>The document language's <see cref="Text.StopWords.ProseScale"/> (0 read as 1).</summary>
    internal double StopwordScale { get; init; }

    /// <summary>Words found in the document language's stopword list.</summary>
    public int StopwordCount { get; internal init; }

    /// <summary>CJK ideographs, kana and hangul syllables in the block.</summary>
    public int CjkCount { get; internal init; }

    /// <summary>Sentence-ending marks (. ! ? and their CJK forms) anywhere in the block.</summary>
    public int SentenceMarks { get; internal init; }

    /// <summary>Commas, semicolons and colons (and their CJK forms) in the block.</summary>
    public int ClauseMarks { get; internal init; }

    /// <summary>Whether the block ends with sentence punctuation, possibly followed by quotes or brackets.</summary>
    public bool EndsWithTerminalPunctuation { get; internal init; }

    /// <summary>The features of two consecutive pieces of text read as one (the end is the second's).</summary>
    /// <param name="first">The first piece.</param>
    /// <param name="second">The piece that follows it.</param>
    internal static BlockFeatures Combine(in BlockFeatures first, in BlockFeatures second) => new()
    {
        Length = first.Length + 1 + second.Length,
        WordCount = first.WordCount + second.WordCount,
        LetterCount = first.LetterCount + second.LetterCount,
        UpperCount = first.UpperCount + second.UpperCount,
        DigitCount = first.DigitCount + second.DigitCount,
        CapitalizedWordCount = first.CapitalizedWordCount + second.CapitalizedWordCount,
        StopwordsKnown = first.StopwordsKnown,
        StopwordScale = first.StopwordScale,
        StopwordCount = first.StopwordCount + second.StopwordCount,
        CjkCount = first.CjkCount + second.CjkCount,
        SentenceMarks = first.SentenceMarks + second.SentenceMarks,
        ClauseMarks = first.ClauseMarks + second.ClauseMarks,
        EndsWithTerminalPunctuation = second.EndsWithTerminalPunctuation,
    };

    /// <summary>Stopwords per word (0 when the block has no words).</summary>
    public double StopwordDensity => WordCount == 0 ? 0 : (double)StopwordCount / WordCount;

    /// <summary>
    /// <see cref="StopwordDensity"/> on the scale of the usual languages: divided by the language's
    /// <see cref="Text.StopWords.ProseScale"/>, so that one threshold serves Turkish and English.
    /// </summary>
    internal double NormalStopwordDensity => StopwordScale > 0 ? StopwordDensity / StopwordScale : StopwordDensity;

    /// <summary>Upper-case letters per letter (0 when the block has no letters).</summary>
    public double UpperShare => LetterCount == 0 ? 0 : (double)UpperCount / LetterCount;

    /// <summary>Capitalised words per word (0 when the block has no words).</summary>
    public double CapitalizedShare => WordCount == 0 ? 0 : (double)CapitalizedWordCount / WordCount;

    /// <summary>Whether the block is written mostly in CJK characters.</summary>
    public bool IsCjk => CjkCount > 0 && CjkCount * 2 >= LetterCount;

    /// <summary>
    /// Whether the block reads like prose: enough words, a sentence end (or, for a long block, some
    /// punctuation) and, for scripts with stopwords, a normal share of them. Headlines, which do not
    /// end with a full stop, do not count.
    /// </summary>
    public bool LooksLikeProse => IsCjk
        ? CjkCount >= 20 && SentenceMarks > 0
        : WordCount >= 10 && (!StopwordsKnown || NormalStopwordDensity >= 0.2)
            && (EndsWithTerminalPunctuation || (WordCount >= 30 && SentenceMarks + ClauseMarks > 0));
}
