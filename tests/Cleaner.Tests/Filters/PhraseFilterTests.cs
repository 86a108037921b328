using Cleaner.Filters;
using static Cleaner.Tests.Filters.FilterTestKit;

namespace Cleaner.Tests.Filters;

public class SocialFilterTests
{
    [TestCase("Like Us on Facebook")]
    [TestCase("Follow us on Twitter")]
    [TestCase("Share this article")]
    [TestCase("Share")]
    [TestCase("Tweet")]
    [TestCase("Pin it")]
    [TestCase("Email this")]
    [TestCase("Print")]
    [TestCase("Facebook Twitter Email")]
    [TestCase("Folgen Sie uns")]
    [TestCase("Partager sur Facebook")]
    [TestCase("Compartir en Facebook")]
    [TestCase("Retweet this article!")]
    [TestCase("You can also like my Facebook page")]
    [TestCase("Teile diesen Artikel!")]
    [TestCase("Partagez cet article !")]
    [TestCase("Compartilhe este artigo!")]
    public void Removes(string line) => RemovesAlone(new SocialFilter(), line);

    [TestCase("Facebook said on Monday that it would share more data with researchers who study elections.")]
    [TestCase("He told reporters he would like us on Facebook to be more careful with what we post about each other.")]
    [TestCase("Shares in the company rose by 4% after the announcement, the biggest gain in a month.")]
    [TestCase("PRINT EDITIONS WILL CONTINUE UNTIL THE END OF THE YEAR, THE PUBLISHER SAID IN A STATEMENT.")]
    public void Keeps(string line) => KeepsAlone(new SocialFilter(), line);
}

public class CallToActionFilterTests
{
    [TestCase("Make CT Your Homepage")]
    [TestCase("Make Yahoo your home page")]
    [TestCase("Subscribe to our newsletter")]
    [TestCase("Sign up for our daily newsletter")]
    [TestCase("Sign in")]
    [TestCase("Download the app")]
    [TestCase("Bookmark this page")]
    [TestCase("Newsletter abonnieren")]
    [TestCase("Abonnez-vous")]
    [TestCase("Suscríbete")]
    public void Removes(string line) => RemovesAlone(new CallToActionFilter(), line);

    [TestCase("Readers who subscribe to the print edition will keep receiving it until March, the company said.")]
    [TestCase("\"Sign in here,\" the guard told the visitors, pointing at a book that lay open on the desk by the door.")]
    [TestCase("Many users never download the app again after the first update breaks their settings, the study found.")]
    public void Keeps(string line) => KeepsAlone(new CallToActionFilter(), line);
}

public class PhotoCreditFilterTests
{
    [TestCase("(Photo : REUTERS/Jason Redmond ) Chinese President Xi Jinping (L) is introduced by former U.S. National Security Advisor Henry Kissinger at a policy speech in Seattle.")]
    [TestCase("Photo: Getty Images")]
    [TestCase("Image: AP")]
    [TestCase("Credit: John Smith for The Times")]
    [TestCase("File photo")]
    [TestCase("Foto: dpa")]
    public void Removes(string line) => RemovesAlone(new PhotoCreditFilter(), line);

    [TestCase("The photographer, who has worked for Getty Images for ten years, said the picture was taken without permission.")]
    [TestCase("Credit card companies reported a rise in fraud during the holidays, according to the bank's figures.")]
    public void Keeps(string line) => KeepsAlone(new PhotoCreditFilter(), line);
}

public class AnalyticsFilterTests
{
    [TestCase("Real Time Analytics")]
    [TestCase("Advertisement")]
    [TestCase("ADVERTISEMENT")]
    [TestCase("Story continues below advertisement")]
    [TestCase("var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-12345-1']);")]
    [TestCase("(function(d, s, id) { var js = d.createElement(s); js.id = id; })(document, 'script', 'facebook-jssdk');")]
    [TestCase("Anzeige")]
    [TestCase("Publicité")]
    [TestCase("Powered by SmartAsset.com")]
    [TestCase("Powered by Indeed")]
    [TestCase("Propulsé par WordPress")]
    [TestCase("Loading...")]
    [TestCase("Wird geladen …")]
    [TestCase("Cargando...")]
    [TestCase("Загрузка...")]
    [TestCase("正在加载...")]
    [TestCase("Реклама")]
    [TestCase("if(a){b()}")]
    [TestCase("x = a || b; y = f(x);")]
    [TestCase(".menu{display:none;color:red}")]
    [TestCase(@"[ 2 2 + i 4 2 − i 3 i 4 − i 1 ] {\displaystyle {\begin{bmatrix}2&2+i&4\\2-i&3&i\\4&-i&1\\\end{bmatrix}}}")]
    public void Removes(string line) => RemovesAlone(new AnalyticsFilter(), line);

    [TestCase("The company's advertisement revenue fell sharply in the third quarter, analysts said on Friday.")]
    [TestCase("Real-time analytics have changed how newsrooms decide which stories to put on the front page.")]
    [TestCase("Powered by cheap solar panels, the village now runs its own water pump and a small clinic.")]
    [TestCase("If x = 3 and y = 4, then the sum (x + y) is seven, the teacher wrote on the board.")]
    [TestCase("( ∑ k = 1 n a k b k ) 2 ≤ ( ∑ k = 1 n a k 2 ) ( ∑ k = 1 n b k 2 )")]
    [TestCase("∇ × B → − 1 c ∂ E → ∂ t = 4 π c j → ∇ ⋅ E → = 4 π ρ")]
    [TestCase("Yes | 164 | 81% | 76% | +5%")]
    [TestCase("“Thumper” ($20)")]
    [TestCase("Phoenix | $83 | 28.7% | -2.1%")]
    [TestCase("$199 billion[6]")]
    [TestCase("268,021 km2 (103,483 sq mi) (75th)")]
    [TestCase("13. [REDACTED] (May 16, 2007)")]
    [TestCase("Time zone | UTC+12 (NZST[n 5])")]
    public void Keeps(string line) => KeepsAlone(new AnalyticsFilter(), line);

    [TestCase("<ul> List of <img>")]
    [TestCase("<b>Thumper</b> ($20)")]
    public void Keeps_an_html_heading_that_reads_like_code_and_not_a_paragraph(string line)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(line);
        var html = $"<html><body><p>{Prose}</p><h3>{encoded}</h3><p>{Prose}</p><p>{encoded}</p></body></html>";
        var result = TextCleaner.CreateBuilder().Clear().Add(new AnalyticsFilter()).Build().CleanHtml(html);
        var blocks = result.Blocks.Where(b => b.Text == line).ToList();
        Assert.That(blocks, Has.Count.EqualTo(2));
        Assert.That(blocks[0].IsRemoved, Is.False, "the heading names its section");
        Assert.That(blocks[1].IsRemoved, Is.True, "the same line in a paragraph is code");
    }
}

public class CookieFilterTests
{
    [TestCase("This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.")]
    [TestCase("We use cookies to improve your experience. Accept all")]
    [TestCase("Diese Website verwendet Cookies.")]
    [TestCase("Ce site utilise des cookies.")]
    [TestCase("Utilizamos cookies propias y de terceros.")]
    [TestCase("Questo sito utilizza cookie tecnici e di profilazione.")]
    [TestCase("Deze website maakt gebruik van cookies.")]
    [TestCase("Ta strona używa plików cookie.")]
    [TestCase("Webbplatsen använder cookies.")]
    [TestCase("Tento web používá cookies.")]
    [TestCase("Сайт использует файлы cookie. Принять все")]
    [TestCase("Tümünü kabul et")]
    public void Removes(string line) => RemovesAlone(new CookieFilter(), line);

    [TestCase("She baked three dozen cookies for the school fair and sold every one of them before noon.")]
    public void Keeps(string line) => KeepsAlone(new CookieFilter(), line);
}

public class LegalFilterTests
{
    [TestCase("© 2012 Example Media Ltd. All rights reserved.")]
    [TestCase("Copyright 2012 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")]
    [TestCase("Terms of Use | Privacy Policy")]
    [TestCase("Privacy Policy")]
    [TestCase("Alle Rechte vorbehalten")]
    [TestCase("Tous droits réservés")]
    [TestCase("Todos los derechos reservados")]
    [TestCase("Todos os direitos reservados")]
    [TestCase("Riproduzione riservata")]
    [TestCase("Alle rechten voorbehouden")]
    [TestCase("Wszelkie prawa zastrzeżone")]
    [TestCase("Alla rättigheter förbehållna")]
    [TestCase("Všechna práva vyhrazena")]
    [TestCase("Все права защищены")]
    [TestCase("Tüm hakları saklıdır")]
    [TestCase("(c) 2012 The Curious Example | powered by WordPress with a theme of its own")]
    [TestCase("(C)2009 Harbour Media Group")]
    public void Removes(string line) => RemovesAlone(new LegalFilter(), line);

    [TestCase("The court ruled that the songwriter kept the copyright to the melody, overturning the earlier decision that had favoured the label.")]
    [TestCase("(c) the council shall publish the plan within 2012 days of its approval by the board of the harbour.")]
    [TestCase("(c) 20120 readers signed the petition against the closure of the harbour road last week.")]
    public void Keeps(string line) => KeepsAlone(new LegalFilter(), line);

    [TestCase("(c) 2012 Example", "(c) 2012")]
    [TestCase("  (C) 1999, Example", "(C) 1999")]
    [TestCase("(c)2024 Example", "(c)2024")]
    [TestCase("(c) 12 Example", null)]
    [TestCase("(c) 2150 Example", null)]
    [TestCase("(b) 2012 Example", null)]
    [TestCase("(c) 20123", null)]
    public void A_typed_copyright_sign_is_a_c_in_brackets_before_a_year(string line, string? expected) =>
        Assert.That(LegalFilter.TypedCopyright(line), Is.EqualTo(expected));
}
