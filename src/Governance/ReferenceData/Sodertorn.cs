using Governance.Meetings;
using Governance.Offices;

namespace Governance.ReferenceData;

/// <summary>
/// Södertörn's reference data from the seed (Verksamhetsplan och budget 2020): the eight parties with their
/// official codes, and the 2020 office holders. The seed gives only the total population on 2019-12-31
/// (503 200); the split below is a sample, marked as such, for the secretary to replace with SCB's figures.
/// </summary>
public static class Sodertorn
{
    public sealed record Party(
        string Code,
        string Name,
        string RegistryEmail,
        int SamplePopulation2019,
        DateOnly SignedOn
    );

    public const int SampleYear = 2019;
    public const int TotalPopulation2019 = 503_200;
    public const string SampleSource = "Exempelvärde; summan 503 200 enligt Verksamhetsplan 2020";
    public const string Actor = "Referensdata (Verksamhetsplan 2020)";

    // Registry addresses follow the municipalities' public domains; confirm them with each registry before sending.
    public static readonly IReadOnlyList<Party> Parties =
    [
        new("0127", "Botkyrka", "registrator@botkyrka.se", 94_100, new(2010, 6, 10)),
        new("0136", "Haninge", "registrator@haninge.se", 91_300, new(2010, 6, 10)),
        new("0126", "Huddinge", "registrator@huddinge.se", 113_000, new(2010, 6, 10)),
        new("0140", "Nykvarn", "registrator@nykvarn.se", 11_100, new(2010, 6, 10)),
        new("0192", "Nynäshamn", "registrator@nynashamn.se", 28_600, new(2010, 6, 17)),
        new("0128", "Salem", "registrator@salem.se", 17_300, new(2010, 6, 10)),
        new("0181", "Södertälje", "registrator@sodertalje.se", 99_000, new(2010, 6, 18)),
        new("0138", "Tyresö", "registrator@tyreso.se", 48_800, new(2010, 6, 10)),
    ];

    /// <summary>§2: the agreement applies from 1 January 2010; the parties signed in June 2010.</summary>
    public static readonly DateOnly AgreementInForceFrom = new(2010, 1, 1);

    public static readonly DateOnly Term2020 = new(2020, 1, 1);

    // Named in the seed: committee chair, vice chair and management group chair 2020.
    public static readonly (string Code, string Name) CommitteeChair2020 = ("0126", "Daniel Dronjak");
    public static readonly (string Code, string Name) CommitteeViceChair2020 = ("0181", "Boel Godner");
    public static readonly (string Code, string Name) ManagementGroupChair2020 = ("0181", "Rickard Sundbom");

    public sealed record CalendarEntry(
        Body Body,
        MeetingKind Kind,
        DateOnly Date,
        TimeOnly StartsAt,
        DateOnly EndDate,
        TimeOnly EndsAt,
        string HostCode,
        bool Cancelled
    );

    private static readonly TimeOnly CommitteeStart = new(12, 0),
        CommitteeEnd = new(15, 30);
    private static readonly TimeOnly GroupStart = new(8, 30),
        GroupEnd = new(11, 0);

    private static CalendarEntry Committee(
        int month,
        int day,
        string host,
        MeetingKind kind = MeetingKind.Ordinary,
        bool cancelled = false
    ) =>
        new(
            Body.Committee,
            kind,
            new DateOnly(2020, month, day),
            CommitteeStart,
            new DateOnly(2020, month, day),
            CommitteeEnd,
            host,
            cancelled
        );

    private static CalendarEntry Group(int month, int day, bool cancelled = false) =>
        new(
            Body.ManagementGroup,
            MeetingKind.Ordinary,
            new DateOnly(2020, month, day),
            GroupStart,
            new DateOnly(2020, month, day),
            GroupEnd,
            "0126",
            cancelled
        );

    /// <summary>
    /// Section 7 of the seed: the committee on Thursdays 12.00–15.30, the management group on Fridays 8.30–11.00.
    /// </summary>
    public static readonly IReadOnlyList<CalendarEntry> Calendar2020 =
    [
        Group(1, 24, cancelled: true),
        Group(3, 13),
        Group(5, 8),
        Group(8, 14),
        // Planning conference "lunch to lunch", 10–11 September, in Huddinge.
        new(
            Body.ManagementGroup,
            MeetingKind.PlanningConference,
            new DateOnly(2020, 9, 10),
            new TimeOnly(12, 0),
            new DateOnly(2020, 9, 11),
            new TimeOnly(13, 0),
            "0126",
            false
        ),
        Group(10, 9),
        Group(11, 20),
        Committee(1, 16, "0126", MeetingKind.PlanningConference),
        Committee(2, 6, "0126", cancelled: true),
        Committee(4, 2, "0128"),
        Committee(6, 4, "0140"),
        Committee(9, 3, "0127"),
        Committee(10, 29, "0192"),
        Committee(12, 10, "0181"),
    ];

    public const string CancelledReason = "Inställt enligt kalendariet i Verksamhetsplan 2020";
}
