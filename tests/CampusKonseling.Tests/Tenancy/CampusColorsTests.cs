using CampusKonseling.Site;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>Whatever colours a campus picks, the themes' text on them and the links on white stay readable (WCAG AA, 4.5:1).</summary>
public sealed class CampusColorsTests
{
    [Theory]
    [InlineData("#1d4e89")] // the default blue
    [InlineData("#00695c")] // a dark teal
    [InlineData("#f2a900")] // the default accent, a yellow
    [InlineData("#ffffff")]
    [InlineData("#7fb2e5")] // a light blue a campus might choose as its primary
    [InlineData("#000000")]
    [InlineData("#808080")] // a mid grey, where neither white nor a soft dark reaches 4.5:1
    public void Text_on_the_colour_and_its_ink_on_white_are_readable(string colour)
    {
        Assert.True(CampusColors.Ratio(CampusColors.On(colour), colour) >= 4.5, $"text {CampusColors.On(colour)} on {colour}");
        Assert.True(CampusColors.Ratio(CampusColors.Ink(colour), "#ffffff") >= 4.5, $"ink {CampusColors.Ink(colour)} on white");
    }

    [Fact]
    public void A_dark_colour_keeps_its_own_shade_and_takes_white_text()
    {
        Assert.Equal("#1d4e89", CampusColors.Ink("#1d4e89"));
        Assert.Equal("#ffffff", CampusColors.On("#1d4e89"));
        Assert.Equal("#000000", CampusColors.On("#f2a900"));
    }
}
