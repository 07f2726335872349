using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Infrastructure.Validation;

namespace Governance.Tests.Validation;

/// <summary>The body check as a pure function of the JSON and the command's type.</summary>
public class RequestShapeTests
{
    public enum Kind
    {
        Ordinary,
        Extra,
    }

    public sealed record Party(string Code, DateOnly SignedOn);

    public sealed record Command(
        string Title,
        string? Note,
        bool Email,
        Kind Kind,
        TimeOnly StartsAt,
        IReadOnlyList<Party> Parties,
        IReadOnlyList<string>? Objectors,
        int Version,
        int Limit = 10
    );

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static Dictionary<string, string[]> Check(string json) =>
        RequestShape.Check(JsonDocument.Parse(json).RootElement, CommandShape.Of(typeof(Command), Options), Options);

    private const string Valid =
        """{"title":"Plan","email":true,"kind":"extra","startsAt":"12:00","parties":["""
        + """{"code":"0127","signedOn":"2010-01-01"}],"version":1}""";

    [Fact]
    public void a_body_with_every_required_field_passes_and_optional_ones_may_be_left_out() =>
        Assert.Empty(Check(Valid));

    [Fact]
    public void value_type_fields_left_out_are_missing_not_defaulted()
    {
        var errors = Check("""{"title":"Plan","parties":[],"version":1}""");
        Assert.Equal(["email", "kind", "startsAt"], errors.Keys.Order());
        Assert.Equal("Fältet saknas.", errors["email"][0]);
    }

    [Fact]
    public void null_is_refused_where_the_type_takes_none_in_lists_too_and_accepted_where_it_does()
    {
        var errors = Check(
            Valid
                .Replace("\"title\":\"Plan\"", "\"title\":null", StringComparison.Ordinal)
                .Replace("[{\"code\"", "[null,{\"code\"", StringComparison.Ordinal)
                .Replace("\"version\":1", "\"version\":1,\"note\":null,\"objectors\":null", StringComparison.Ordinal)
        );
        Assert.Equal(["parties[0]", "title"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("\"startsAt\":\"12:00\"", "\"startsAt\":\"25:61\"", "startsAt")]
    [InlineData("\"kind\":\"extra\"", "\"kind\":\"planning\"", "kind")]
    [InlineData("\"version\":1", "\"version\":\"1\"", "version")]
    [InlineData("\"signedOn\":\"2010-01-01\"", "\"signedOn\":\"2010-02-30\"", "parties[0].signedOn")]
    [InlineData("\"title\":\"Plan\"", "\"title\":\"P\\u0000lan\"", "title")]
    [InlineData("\"title\":\"Plan\"", "\"title\":\"P\\ud800lan\"", "title")]
    [InlineData("\"title\":\"Plan\"", "\"title\":7", "title")]
    [InlineData("\"parties\":[", "\"parties\":{\"a\":[", "parties")]
    public void a_wrong_value_is_named_by_its_path(string from, string to, string field)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);
        if (to.EndsWith("[", StringComparison.Ordinal))
            json = json.Replace("}],", "}]},", StringComparison.Ordinal);
        Assert.Equal([field], Check(json).Keys);
    }

    [Fact]
    public void text_beyond_the_ceiling_is_refused() =>
        Assert.Equal(
            ["title"],
            Check(Valid.Replace("Plan", new string('x', RequestShape.MaxTextLength + 1), StringComparison.Ordinal)).Keys
        );

    [Fact]
    public void a_body_that_is_not_an_object_is_refused_as_a_whole()
    {
        foreach (var body in new[] { "null", "[]", "\"text\"", "42" })
            Assert.Equal([RequestShape.Root], Check(body).Keys);
    }

    [Fact]
    public void a_surrogate_pair_is_text_like_any_other() => Assert.Null(TextRules.Fault("Möte 📅 i Södertälje"));
}
