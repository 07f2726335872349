namespace Governance.Scenarios;

/// <summary>
/// Who takes part in the committee's year: the eight parties with their member (the executive board chair) and
/// director, and who holds the offices. Directors' names are invented; the populations are plausible figures.
/// </summary>
public static class Cast
{
    public sealed record Party(string Code, string Name, string Representative, string Director, int Population);

    public static readonly IReadOnlyList<Party> Parties =
    [
        new("0127", "Botkyrka", "Ebba Östlin", "Karin Lundberg", 95_600),
        new("0136", "Haninge", "Martina Mossberg", "Johan Ekholm", 92_400),
        new("0126", "Huddinge", "Daniel Dronjak", "Helena Sjöberg", 114_100),
        new("0140", "Nykvarn", "Bo Cederlöf", "Per Holmqvist", 11_300),
        new("0192", "Nynäshamn", "Patrik Isestad", "Maria Berglund", 28_900),
        new("0128", "Salem", "Sara Ericson", "Anders Wikström", 17_500),
        new("0181", "Södertälje", "Boel Godner", "Rickard Sundbom", 100_200),
        new("0138", "Tyresö", "Fredrik Saweståhl", "Lena Forsberg", 49_100),
    ];

    public static Party Chair => Of("0126");
    public static Party ViceChair => Of("0181");
    public static Party ManagementGroupChair => Of("0181");

    /// <summary>The party whose council terminates the agreement during the year.</summary>
    public static Party Terminating => Of("0140");

    public const string Secretary = "Sekretariatet Huddinge";

    public static Party Of(string code) => Parties.Single(p => p.Code == code);

    /// <summary>The name a token of the role carries, which the record stores as who acted.</summary>
    public static string NameFor(string role, string? municipality) =>
        role switch
        {
            "chair" => Chair.Representative,
            "member" => Of(municipality!).Representative,
            "registry" => $"Registrator {Of(municipality!).Name}",
            _ => Secretary,
        };
}
