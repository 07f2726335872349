using System.Text.Json;

namespace Governance.Scenarios;

/// <summary>
/// §4 the year's activity plan and budget: drafted in January, sent to every member municipality, answered by some,
/// adopted by a committee decision and followed up during the year.
/// </summary>
internal sealed class PlanOfTheYear(ScenarioApi api, int year, CancellationToken ct)
{
    private string Url => $"/api/plans/{year}";
    private int _version;

    public async Task DraftAndSendAsync()
    {
        _version = await Version(api.PostAsync("/api/plans", new { year, content = Content() }, ct));
        _version = await Version(
            api.PostAsync($"{Url}/proposal", new { sentOn = Iso(year, 1, 20), version = _version }, ct)
        );
        var responses = new[]
        {
            ("0127", "Botkyrka tillstyrker förslaget.", Iso(year, 2, 3)),
            ("0138", "Tyresö tillstyrker förslaget men vill se en tidplan för trafikstudien.", Iso(year, 2, 5)),
            ("0192", "Nynäshamn har inget att invända.", Iso(year, 2, 10)),
        };
        foreach (var (code, response, respondedOn) in responses)
        {
            _version = await Version(
                api.PostAsync(
                    $"{Url}/proposal/responses",
                    new
                    {
                        municipalityCode = code,
                        response,
                        respondedOn,
                        version = _version,
                    },
                    ct,
                    "registry",
                    code
                )
            );
        }
    }

    public async Task AdoptAsync(Guid meetingId, Guid itemId) =>
        _version = await Version(
            api.PostAsync(
                $"{Url}/adoption",
                new
                {
                    meetingId,
                    itemId,
                    version = _version,
                },
                ct
            )
        );

    /// <summary>The follow-up: the secretary, a member and the chair report how activities stand.</summary>
    public async Task FollowUpAsync()
    {
        var activities = (await api.GetAsync(Url, ct))
            .GetProperty("activities")
            .EnumerateArray()
            .Select(a => a.GetProperty("activityId").GetGuid())
            .ToList();
        var reports = new (Guid Activity, string Status, string Comment, string Role, string? Code)[]
        {
            (activities[0], "ongoing", "Remissvar lämnat i april.", "secretary", null),
            (activities[1], "done", "Seminariet hölls i maj med 80 deltagare.", "member", "0136"),
            (activities[2], "ongoing", "Upphandlingen av studien pågår.", "chair", null),
            (activities[0], "done", "Yttrandet antogs av kommittén.", "secretary", null),
            (activities[4], "cancelled", "Ersätts av den regionala satsningen.", "secretary", null),
        };
        foreach (var (activity, status, comment, role, code) in reports)
        {
            _version = await Version(
                api.PostAsync(
                    $"{Url}/activities/status",
                    new
                    {
                        activityId = activity,
                        status,
                        comment,
                        version = _version,
                    },
                    ct,
                    role,
                    code
                )
            );
        }
    }

    private object Content() =>
        new
        {
            focusAreas = new object[]
            {
                Area(
                    "Infrastruktur",
                    "Södertörn har en väl utbyggd infrastruktur för transporter och bostäder.",
                    ["Tvärförbindelse Södertörn byggs", "Pendeltågstrafiken förbättras"],
                    ["SUP-gruppen"]
                ),
                Area(
                    "Utbildning",
                    "Utbildningsutbudet motsvarar arbetsmarknadens behov.",
                    ["Fler yrkeshögskoleutbildningar"],
                    ["YH-nätverket"]
                ),
                Area(
                    "Näringsliv",
                    "Södertörn är en attraktiv region för företag.",
                    ["Samordnad etableringsservice"],
                    null
                ),
                Area(
                    "Funktionell samordning",
                    "Kommunerna samordnar sig där det ger nytta.",
                    ["Gemensam kommunikation"],
                    ["Kommunikationsnätverket", "Klimatnätverket"]
                ),
            },
            activities = new object[]
            {
                Activity(
                    "Infrastruktur",
                    "Yttrande över regional transportplan",
                    ["SUP-gruppen"],
                    "Inom budget",
                    "Vår"
                ),
                Activity("Utbildning", "Seminarium om kompetensförsörjning", ["YH-nätverket"], "40 000 kr", "Maj"),
                Activity(
                    "Infrastruktur",
                    "Studie av tvärgående kollektivtrafik",
                    ["Huddinge", "Botkyrka"],
                    "150 000 kr",
                    "Hösten"
                ),
                Activity("Näringsliv", "Gemensam närvaro på fastighetsmässan", ["Kansliet"], "60 000 kr", "September"),
                Activity(
                    "Funktionell samordning",
                    "Klimatveckan på Södertörn",
                    ["Klimatnätverket"],
                    "30 000 kr",
                    "Oktober"
                ),
                Activity(
                    "Funktionell samordning",
                    "Ny webbplats för samarbetet",
                    ["Kommunikationsnätverket"],
                    "50 000 kr",
                    "Året"
                ),
            },
            budget = new
            {
                income = new[]
                {
                    new
                    {
                        label = "Avgifter, 4 kr per invånare",
                        amount = 2_036_400m,
                        approximate = false,
                    },
                },
                costs = new[]
                {
                    new
                    {
                        label = "Personal",
                        amount = 1_590_000m,
                        approximate = true,
                    },
                    new
                    {
                        label = "Tjänster från Huddinge kommun",
                        amount = 72_000m,
                        approximate = true,
                    },
                    new
                    {
                        label = "Möten, webb och utredningar",
                        amount = 374_400m,
                        approximate = false,
                    },
                },
            },
        };

    private static object Area(string name, string goal, string[] subGoals, string[]? networks) =>
        new
        {
            name,
            goal,
            subGoals,
            networks,
        };

    private static object Activity(string focusArea, string activity, string[] responsible, string cost, string time) =>
        new
        {
            focusArea,
            subGoal = (string?)null,
            activity,
            responsible,
            cost,
            time,
            comment = (string?)null,
        };

    private static string Iso(int year, int month, int day) => MeetingRecorder.Iso(new DateOnly(year, month, day));

    private static async Task<int> Version(Task<JsonElement> command) =>
        (await command).GetProperty("version").GetInt32();
}
