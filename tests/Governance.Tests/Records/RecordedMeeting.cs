using System.Text.Json;
using Governance.Distribution;
using Governance.Records.Chain;
using Governance.Tests.Distribution;
using Governance.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Tests.Records;

/// <summary>
/// A realistic stretch of the record through the API: reference data, a committee meeting with attendance, two
/// decisions and a tabled item, the minutes written, approved and sent to the eight registries, then corrected.
/// </summary>
public abstract class RecordedMeeting(AppFixture fixture) : DistributionScenario(fixture)
{
    public const string FirstDecision =
        "Samarbetskommittén godkänner yttrandet över Länsplan för regional transportinfrastruktur "
        + "2022–2033 och överlämnar det till Region Stockholm, med § 4 i handlingsplanen som grund.";
    public const string SecondDecision =
        "Samarbetskommittén ger kansliet i uppdrag att ta fram en gemensam åtgärdslista för "
        + "Södertälje, Nynäshamn, Tyresö och Älvsjö-stråket till nästa sammanträde.";
    public const string CorrectedWording =
        "Samarbetskommittén ger kansliet i uppdrag att ta fram en gemensam åtgärdslista för "
        + "Södertälje, Nynäshamn och Tyresö till nästa sammanträde.";

    protected async Task<Guid> RecordMeetingWithMinutes()
    {
        Smtp.Start();
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        var first = await Item(meeting, "Yttrande över länsplanen för transportinfrastruktur", "remissvar");
        var second = await Item(meeting, "Åtgärdslista för stråken", "beslut");
        var third = await Item(meeting, "Information om kompetensförsörjning", "information");
        OnTheMeetingDay();
        foreach (var code in new[] { "0127", "0136", "0126", "0181", "0128" })
            await Attend(meeting, code);
        await Act(meeting, $"/agenda/{first}/decision", new { wording = FirstDecision, at = "12:30" }, SecretaryToken);
        await Act(
            meeting,
            $"/agenda/{second}/decision",
            new { wording = SecondDecision, at = "13:10" },
            SecretaryToken
        );
        await Act(
            meeting,
            $"/agenda/{third}/tabled",
            new { reason = "Föredraganden förhindrad.", at = "14:00" },
            SecretaryToken
        );
        await Act(
            meeting,
            "/minutes/text",
            new { itemId = first, text = "Ordföranden föredrog ärendet; inga invändningar." },
            SecretaryToken
        );
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        await WaitFor(
            s =>
                s.Documents.Any(d =>
                    d.Kind == DocumentKinds.Minutes
                    && d.Deliveries.Count == 8
                    && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent)
                ),
            seconds: 120
        );
        await Act(
            meeting,
            "/minutes/corrections",
            new
            {
                itemId = second,
                target = "decisionWording",
                newText = CorrectedWording,
                what = "Älvsjö-stråket struket",
                why = "Älvsjö ligger i Stockholms stad, inte i en medlemskommun.",
            },
            ChairToken
        );
        await WaitFor(
            s =>
                s.Documents.Any(d =>
                    d.Kind == DocumentKinds.MinutesCorrection
                    && d.Deliveries.Count == 8
                    && d.Deliveries.All(x => x.Status == DeliveryStatus.Sent)
                ),
            seconds: 120
        );
        return meeting;
    }

    private async Task<Guid> Item(Guid meeting, string title, string kind)
    {
        var answer = await Act(meeting, "/agenda", new { title, kind }, ChairToken);
        return answer.GetProperty("agenda").EnumerateArray().Last().GetProperty("itemId").GetGuid();
    }

    protected Task SealAsync() => Host.Services.GetRequiredService<ChainSealer>().SealAsync(CancellationToken.None);

    protected Task<ChainReport> VerifyAsync() =>
        Host.Services.GetRequiredService<ChainVerifier>().VerifyAsync(CancellationToken.None);

    /// <summary>Tampering as someone with database access would: straight SQL on the event table.</summary>
    protected async Task Sql(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected Task<long> SequenceOf(string type, int nth = 0) =>
        Scalar<long>(
            $"select seq_id from governance.mt_events where type = '{type}' order by seq_id offset {nth} limit 1"
        )!;

    protected static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
