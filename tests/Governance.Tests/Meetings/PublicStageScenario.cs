using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

public enum Stage
{
    Scheduled,
    NoticeIssued,
    HeldUnapproved,
    Approved,
}

/// <summary>
/// One meeting brought to a stage through the API, with something distinctive of each kind to look for on the public
/// surfaces: an agenda item with a document, a matter left pending, one declined, a decision, minutes text, a guest.
/// </summary>
public abstract class PublicStageScenario(AppFixture fixture) : MeetingScenario(fixture), IDisposable
{
    public static readonly TheoryData<Stage> Stages = new(Enum.GetValues<Stage>());

    protected const string ItemTitle = "Kollektivtrafikplan 2050";
    protected const string PendingMatter = "Gemensam logotyp";
    protected const string DeclinedMatter = "Nytt badhus i Tyresö";
    protected const string DeclineReason = "Hör till ledningsgruppen.";
    protected const string DocumentTitle = "Remissunderlag trafik";
    protected const string Wording = "Kommittén lämnar ett gemensamt remissvar om kollektivtrafiken.";
    protected const string CorrectedWording =
        "Kommittén lämnar ett gemensamt remissvar om kollektivtrafiken i regionen.";
    protected const string MinutesText = "Strategen föredrog underlaget.";
    protected const string Guest = "Anna Trafikutredare";
    protected static readonly byte[] Pdf = "%PDF-1.4 remissunderlag trafik"u8.ToArray();
    protected static readonly string Sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));

    protected async Task<Guid> MeetingAt(Stage stage)
    {
        // The notice and the approved minutes go out to the registries: delivered at once, no retries left running
        // into the next test's reset of the store.
        Fixture.Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var raised = await Raise(meeting, ItemTitle, "0127");
        await Act(meeting, "/agenda", new { matterId = MatterId(raised, 0) }, ChairToken);
        await Raise(meeting, PendingMatter, "0136");
        var declined = MatterId(await Raise(meeting, DeclinedMatter, "0138"), 2);
        var agenda = await Act(meeting, $"/matters/{declined}/decline", new { reason = DeclineReason }, ChairToken);
        var item = agenda.GetProperty("agenda")[0].GetProperty("itemId").GetGuid();
        var upload = await Upload(meeting, item, DocumentTitle, Pdf, "underlag.pdf");
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        Version++;
        if (stage == Stage.Scheduled)
            return meeting;

        await Act(meeting, "/notice", new { }, ChairToken);
        if (stage == Stage.NoticeIssued)
            return meeting;

        OnTheMeetingDay();
        foreach (var code in new[] { "0127", "0126", "0181", "0140" })
            await Attend(meeting, code);
        var guest = new
        {
            personName = Guest,
            role = "guest",
            mode = "video",
            arrivedAt = "12:45",
        };
        await Act(meeting, "/attendance", guest, SecretaryToken);
        await Act(meeting, $"/agenda/{item}/decision", new { wording = Wording, at = "13:00" }, SecretaryToken);
        await Act(meeting, "/minutes/text", new { itemId = item, text = MinutesText }, SecretaryToken);
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        if (stage == Stage.HeldUnapproved)
            return meeting;

        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        await Act(
            meeting,
            "/minutes/corrections",
            new
            {
                itemId = item,
                target = "decisionWording",
                newText = CorrectedWording,
                what = "Lydelsen",
                why = "Regionen föll bort.",
            },
            SecretaryToken
        );
        return meeting;
    }

    private Task<JsonElement> Raise(Guid meeting, string title, string code) =>
        Act(
            meeting,
            "/matters",
            new
            {
                title,
                kind = "övrigt",
                municipalityCode = code,
            },
            MemberOf(code)
        );

    private static Guid MatterId(JsonElement meeting, int index) =>
        meeting.GetProperty("matters")[index].GetProperty("matterId").GetGuid();

    public void Dispose()
    {
        Fixture.Smtp.Stop();
        Fixture.Smtp.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>An anonymous GET: no token, no cookie.</summary>
    protected async Task<IScenarioResult> Anonymous(string url, int status = 200, string accept = "*/*") =>
        await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>What the public sees of the meeting's record: nothing before approval, corrected after.</summary>
    protected static void ShowsTheRecordOnlyOnceApproved(Stage stage, string seen)
    {
        foreach (var secret in new[] { PendingMatter, DeclinedMatter, DeclineReason })
            Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        if (stage == Stage.Approved)
        {
            Assert.Contains(CorrectedWording, seen, StringComparison.Ordinal);
            return;
        }
        foreach (var recorded in new[] { Wording, MinutesText, Guest })
            Assert.DoesNotContain(recorded, seen, StringComparison.Ordinal);
    }
}
