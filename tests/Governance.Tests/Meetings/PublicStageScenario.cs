using System.Security.Cryptography;
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
public abstract class PublicStageScenario(AppFixture fixture) : MeetingScenario(fixture)
{
    public static readonly TheoryData<Stage> Stages = new(Enum.GetValues<Stage>());

    protected const string ItemTitle = "Kollektivtrafikplan 2050";
    protected const string PendingMatter = "Gemensam logotyp";
    protected const string DeclinedMatter = "Nytt badhus i Tyresö";
    protected const string DeclineReason = "Hör till ledningsgruppen.";
    protected const string DocumentTitle = "Remissunderlag trafik";
    protected const string Wording = "Kommittén lämnar ett gemensamt remissvar om kollektivtrafiken.";
    protected const string CorrectedWording = "Kommittén lämnar ett gemensamt remissvar om kollektivtrafiken i regionen.";
    protected const string MinutesText = "Strategen föredrog underlaget.";
    protected const string Guest = "Anna Trafikutredare";
    protected static readonly byte[] Pdf = "%PDF-1.4 remissunderlag trafik"u8.ToArray();
    protected static readonly string Sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));

    protected async Task<Guid> MeetingAt(Stage stage)
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var raised = await Act(meeting, "/matters", new { title = ItemTitle, kind = "remissvar", municipalityCode = "0127" }, MemberOf("0127"));
        await Act(meeting, "/agenda", new { matterId = raised.GetProperty("matters")[0].GetProperty("matterId").GetGuid() }, ChairToken);
        await Act(meeting, "/matters", new { title = PendingMatter, kind = "övrigt", municipalityCode = "0136" }, MemberOf("0136"));
        var other = await Act(meeting, "/matters", new { title = DeclinedMatter, kind = "övrigt", municipalityCode = "0138" }, MemberOf("0138"));
        var declined = other.GetProperty("matters")[2].GetProperty("matterId").GetGuid();
        var agenda = await Act(meeting, $"/matters/{declined}/decline", new { reason = DeclineReason }, ChairToken);
        var item = agenda.GetProperty("agenda")[0].GetProperty("itemId").GetGuid();
        var upload = await Upload(meeting, item, DocumentTitle, Pdf, "underlag.pdf");
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        Version++;
        if (stage == Stage.Scheduled) return meeting;

        await Act(meeting, "/notice", new { }, ChairToken);
        if (stage == Stage.NoticeIssued) return meeting;

        foreach (var code in new[] { "0127", "0126", "0181", "0140" }) await Attend(meeting, code);
        await Act(meeting, "/attendance", new { personName = Guest, role = "guest", mode = "video", arrivedAt = "12:45" }, SecretaryToken);
        await Act(meeting, $"/agenda/{item}/decision", new { wording = Wording, at = "13:00" }, SecretaryToken);
        await Act(meeting, "/minutes/text", new { itemId = item, text = MinutesText }, SecretaryToken);
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        if (stage == Stage.HeldUnapproved) return meeting;

        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        await Act(meeting, "/minutes/corrections", new
        {
            itemId = item, target = "decisionWording", newText = CorrectedWording, what = "Lydelsen", why = "Regionen föll bort.",
        }, SecretaryToken);
        return meeting;
    }

    /// <summary>An anonymous GET: no token, no cookie.</summary>
    protected async Task<IScenarioResult> Anonymous(string url, int status = 200, string accept = "*/*") =>
        await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>What the public sees recorded at the meeting: none of it before approval, the corrected record after.</summary>
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
