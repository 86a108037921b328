using System.Text.RegularExpressions;

namespace Cleaner.Filters;

/// <summary>
/// Removes the publisher's address and contact block: phone and fax lines ("Tel: +44 20 7946 0000",
/// "Telefon: 030 1234567"), and postal address lines (a street with its number, a postcode with its
/// town) that stand next to another contact line. Sentences that mention a street or a number stay.
/// </summary>
public sealed partial class ContactFilter : IBlockFilter
{
    /// <inheritdoc />
    public string Name => "contact";

    /// <inheritdoc />
    public string Description => "Removes the publisher's address block: phone and fax lines, street and postcode lines next to them.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        var kinds = new byte[blocks.Count]; // 0 none, 1 address line, 2 phone line
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var f = block.Features;
            if (!block.IsUndecided || f.WordCount > 14 || f.DigitCount == 0 || block.ParagraphFeatures.LooksLikeProse)
            {
                continue;
            }

            kinds[i] = PhoneLine().IsMatch(block.Span) ? (byte)2 : AddressLine().IsMatch(block.Span) ? (byte)1 : (byte)0;
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            // A phone line is contact on its own; an address line needs a contact line beside it.
            bool neighbour = (i > 0 && kinds[i - 1] != 0) || (i + 1 < blocks.Count && kinds[i + 1] != 0);
            if (kinds[i] == 2 || (kinds[i] == 1 && neighbour))
            {
                blocks[i].Remove(kinds[i] == 2 ? "a phone or fax line of a contact block" : "a postal address line of a contact block");
            }
        }
    }

    /// <summary>A label for a phone, fax or mobile number, then the number.</summary>
    [GeneratedRegex(@"^\W*(?:tel|tel\.|phone|telephone|ph|fax|mobile|cell|telefon|telefax|handy|tél|téléphone|teléfono|telefone|telefono|telefoon|puhelin|тел|телефон|факс)\s?[.:]?\s*\+?[\d(][\d\s()./-]{5,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PhoneLine();

    /// <summary>A street with its number, or a postcode with its town, or a PO box.</summary>
    [GeneratedRegex(@"(?:^\W*\d{1,5}[a-z]?\s+[\w .'-]{2,40}\b(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|lane|drive|suite|floor)(?:\s*[,#]|\s*$|\s+\d)|\b[\w'-]+(?:straße|strasse|str\.|weg|gasse|platz|straat|laan|gatan|vägen|gade|vej)\s+\d{1,5}|\b(?:rue|avenue|boulevard|calle|avenida|via|viale|piazza|rua|ulica|ul\.)\s+[\w .'-]{2,40}\d|^\W*(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}?\p{Ll}+){0,2}\s*$|\b(?:p\.?\s?o\.?\s?box|postfach|boîte postale|apartado)\s+\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AddressLine();
}
