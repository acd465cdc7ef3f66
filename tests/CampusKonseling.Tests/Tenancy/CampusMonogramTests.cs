using CampusKonseling.Site;

namespace CampusKonseling.Tests.Tenancy;

/// <summary>Until a campus uploads its logo, the headers show its initials as it would write them.</summary>
public sealed class CampusMonogramTests
{
    [Theory]
    [InlineData("Institut Pemerintahan Dalam Negeri (IPDN)", "IPDN")]
    [InlineData("Universitas PGRI Madiun", "UPM")]
    [InlineData("Institut Ummul Quro Al-Islami Bogor", "IUQ")]
    [InlineData("Kampus Demo", "KD")]
    [InlineData("kampus kecil", "K")]
    public void The_initials_are_the_acronym_in_brackets_or_the_first_letters(string name, string initials) =>
        Assert.Equal(initials, CampusMonogram.Of(name));
}
