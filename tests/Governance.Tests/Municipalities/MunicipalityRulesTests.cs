using Governance.Municipalities;

namespace Governance.Tests.Municipalities;

public class MunicipalityRulesTests
{
    [Theory]
    [InlineData("0127", true)]
    [InlineData("0181", true)]
    [InlineData("127", false)]
    [InlineData("01277", false)]
    [InlineData("01a7", false)]
    [InlineData(" 0127", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void a_municipality_code_is_four_digits(string? code, bool valid) =>
        Assert.Equal(valid, MunicipalityRules.IsMunicipalityCode(code));

    [Theory]
    [InlineData("registrator@botkyrka.se", true)]
    [InlineData("kommun.registrator@sodertalje.se", true)]
    [InlineData("registrator@localhost", false)]
    [InlineData("registrator", false)]
    [InlineData("Registrator <registrator@botkyrka.se>", false)]
    [InlineData("registrator@botkyrka.se.", false)]
    [InlineData("a@b@c.se", false)]
    [InlineData("", false)]
    public void a_registry_email_is_one_plain_mailbox(string email, bool valid) =>
        Assert.Equal(valid, MunicipalityRules.IsRegistryEmail(email));
}
