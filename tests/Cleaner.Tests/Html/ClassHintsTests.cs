using Cleaner.Html;
using NUnit.Framework;

namespace Cleaner.Tests.Html;

public class ClassHintsTests
{
    [TestCase("comment")]
    [TestCase("comment-body")]
    [TestCase("user-comments")]
    [TestCase("disqus_thread")]
    [TestCase("comment-deliver")]
    public void Reader_comments_are_marked(string className) =>
        Assert.That(ClassHints.Of("div", className, null) & BlockHints.Comment, Is.EqualTo(BlockHints.Comment));

    [TestCase("ticker-comment")]
    [TestCase("live-comment")]
    [TestCase("liveblog-comment")]
    [TestCase("comment_live")]
    [TestCase("commentary")]
    public void A_live_blog_s_entries_and_an_opinion_piece_are_not_reader_comments(string className) =>
        Assert.That(ClassHints.Of("div", className, null) & BlockHints.Comment, Is.EqualTo(BlockHints.None));
}
