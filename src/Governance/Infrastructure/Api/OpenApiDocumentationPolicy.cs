using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Http.CodeGen;

namespace Governance.Infrastructure.Api;

/// <summary>
/// Each endpoint in the OpenAPI document: tagged by its feature (the folder it lives in), with the summary and
/// description of its XML doc comment (the endpoint method's, else its command's).
/// </summary>
internal sealed class OpenApiDocumentationPolicy : IHttpPolicy
{
    /// <summary>The document's tags: feature folders, some joined where a client sees one subject.</summary>
    public static readonly IReadOnlyDictionary<string, (string Tag, string Description)> Features = new Dictionary<
        string,
        (string, string)
    >
    {
        ["Agreement"] = (
            "Agreement",
            "Samarbetsavtalet: parter, uppsägningar, ändringar, beslutsregler och upplösning."
        ),
        ["Meetings"] = ("Meetings", "Sammanträden: kalender, ärenden, handlingar, kallelse, närvaro, beslut."),
        ["Minutes"] = ("Minutes", "Minnesanteckningar: text, justering och rättelser."),
        ["Decisions"] = ("Minutes", ""),
        ["Plans"] = ("Plans", "Verksamhetsplan och budget, förslag till kommunerna, antagande och uppföljning."),
        ["Fees"] = ("Fees", "Avgifter (§8), fakturor, betalningar och särskilda projekt (§7)."),
        ["Projects"] = ("Fees", ""),
        ["Distribution"] = ("Distribution", "Utskick till kommunernas registratur och kvittenser."),
        ["Municipalities"] = (
            "Municipalities",
            "Kommunregistret: ledamöter, direktörer, invånarantal och utskickskanaler."
        ),
        ["Offices"] = ("Offices", "Ordförande och vice ordförande per år."),
        ["Calendar"] = ("Feeds", "Kalender (iCalendar) och flöde av justerade minnesanteckningar (Atom)."),
        ["Records"] = (
            "Records",
            "Allmänna handlingar som består: händelseloggens kontrollsummor och årets arkivpaket."
        ),
    };

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        var docs = XmlDocs.Load(typeof(OpenApiDocumentationPolicy).Assembly);
        foreach (var chain in chains)
        {
            var method = chain.Method.Method;
            var feature = method.DeclaringType!.Namespace?.Split('.').ElementAtOrDefault(1) ?? "";
            if (Features.TryGetValue(feature, out var tag))
                chain.Metadata.WithTags(tag.Tag);
            var text = docs.Of(method) ?? (chain.HasRequestType ? docs.Of(chain.RequestType!) : null);
            if (text is null)
                continue;
            chain.EndpointSummary = FirstSentence(text);
            chain.EndpointDescription = text;
        }
    }

    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? text.TrimEnd('.') : text[..end];
        return sentence.Length <= 120 ? sentence : sentence[..117].TrimEnd() + "…";
    }
}
