using System.Buffers;

namespace Cleaner.Text;

/// <summary>
/// Dates, times and timestamps in English, German, French and Spanish: whether a line is only a
/// date ("04/25/2024 07:21:18 pm", "5 hours ago"), names a month, or holds a calendar date. Shared
/// by the filters that remove dates and those that must tell a date from other short lines.
/// </summary>
internal static class Dates
{
    private static readonly WordSet Months = Set(
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
        "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "okt", "dez",
        "janvier", "février", "fevrier", "mars", "avril", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
        "janv", "févr", "avr", "juil", "déc",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        "ene", "abr", "ago", "dic");

    private static readonly WordSet Weekdays = Set(
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo");

    private static readonly WordSet Relative = Set(
        "ago", "today", "yesterday", "tomorrow", "now", "just", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "an", "a",
        "heute", "gestern", "vor", "stunden", "stunde", "minuten", "tagen", "tag",
        "aujourd'hui", "hier", "il", "y", "heures", "heure", "jours", "jour",
        "hoy", "ayer", "hace", "horas", "hora", "minutos", "días", "dias", "día");

    private static readonly WordSet Connectives = Set(
        "on", "at", "the", "of", "updated", "update", "published", "posted", "last", "modified", "date", "time", "created", "edited", "originally", "first",
        "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct", "ist", "jst", "aest", "z",
        "um", "uhr", "stand", "aktualisiert", "veröffentlicht", "erstellt", "h",
        "le", "à", "mis", "publié", "publie", "modifié", "de", "du",
        "el", "del", "las", "actualizado", "publicado", "a", "las", "hs");

    /// <summary>What separates the tokens of a date line.</summary>
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\u00A0,|•·–—()[]");

    /// <summary>What separates words when looking for a month name.</summary>
    private static readonly SearchValues<char> WordSeparators = SearchValues.Create(" \t\u00A0,|•·–—()[].:;");

    /// <summary>Whether every token of the line belongs to a date or time, one is a strong date token and a number or relative marker anchors it.</summary>
    internal static bool IsDateLine(ReadOnlySpan<char> text)
    {
        bool strong = false, anchored = false;
        int tokens = 0;
        Span<char> lower = stackalloc char[24];
        var rest = text;
        while (Tokens.Next(ref rest, Separators, out var raw))
        {
            var token = raw.Trim(".:;-'\"");
            if (token.Length == 0)
            {
                continue;
            }

            tokens++;
            if (IsNumeric(token, out bool structured))
            {
                strong |= structured || token.Length == 4;
                anchored = true;
                continue;
            }

            if (token.Length > lower.Length)
            {
                return false;
            }

            int n = TextCase.ToLower(token, lower);
            var word = lower[..n];
            if (IsOrdinal(word))
            {
                anchored = true;
                continue;
            }

            if (Months.Contains(word) || Weekdays.Contains(word))
            {
                strong = true;
            }
            else if (Relative.Contains(word))
            {
                bool marker = word is "ago" or "today" or "yesterday" or "heute" or "gestern" or "hier" or "hoy" or "ayer" or "hace" or "vor";
                strong |= marker;
                anchored |= marker;
            }
            else if (!Connectives.Contains(word))
            {
                return false;
            }
        }

        // A month or weekday alone ("May") is a word, not a date: a number or "ago" must anchor it.
        return tokens > 0 && strong && anchored;
    }

    /// <summary>Whether the text has a month or weekday name among its words.</summary>
    internal static bool NamesMonth(ReadOnlySpan<char> text)
    {
        var rest = text;
        Span<char> lower = stackalloc char[24];
        while (Tokens.Next(ref rest, WordSeparators, out var token))
        {
            if (token.Length is >= 3 and <= 24)
            {
                int n = TextCase.ToLower(token, lower);
                var key = lower[..n];
                if (Months.Contains(key) || Weekdays.Contains(key))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the text names a day: a month name, a year, a numeric date (3/4/2012, 2012-03-04) or "ago".</summary>
    internal static bool HasCalendarDate(ReadOnlySpan<char> text)
    {
        var rest = text;
        Span<char> lower = stackalloc char[24];
        while (Tokens.Next(ref rest, Separators, out var raw))
        {
            var token = raw.Trim(".:;-'\"");
            if (token.Length == 0 || token.Length > lower.Length)
            {
                continue;
            }

            if (IsNumeric(token, out _))
            {
                bool year = token.Length == 4 && token[0] is '1' or '2' && !token.ContainsAnyExcept("0123456789");
                if (year || token.Contains('/') || token.Count('-') == 2 || token.Count('.') == 2)
                {
                    return true;
                }

                continue;
            }

            int n = TextCase.ToLower(token, lower);
            var key = lower[..n];
            if (Months.Contains(key) || key is "ago" or "yesterday" or "today")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text holds a time of day written with a colon ("8:18", "15:05").</summary>
    internal static bool HasClock(ReadOnlySpan<char> text)
    {
        for (int i = 1; i + 2 < text.Length; i++)
        {
            if (text[i] == ':' && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Digits with date or time separators: 2024, 04/25/2024, 07:21:18, 2012-03-04, 12.03.2012, 10h30.</summary>
    private static bool IsNumeric(ReadOnlySpan<char> token, out bool structured)
    {
        structured = false;
        int digits = 0;
        foreach (char c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '/' or '-' or ':' or '.' or 'h' or 'T' or 'Z')
            {
                structured = true;
            }
            else
            {
                return false;
            }
        }

        structured &= digits >= 3;
        return digits > 0;
    }

    private static bool IsOrdinal(ReadOnlySpan<char> word)
    {
        int i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
        }

        if (i == 0 || i > 2)
        {
            return false;
        }

        var suffix = word[i..];
        return suffix is "st" or "nd" or "rd" or "th" or "er" or "e" or "º" or "ª" or "o" or "a";
    }

    private static WordSet Set(params string[] words) => new(words);
}
