using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Records.Chain;
using Governance.Tests.Support;

namespace Governance.Tests.Records;

public sealed class ChainVerificationTests(AppFixture fixture) : RecordedMeeting(fixture)
{
    [Fact]
    public async Task an_untouched_store_verifies_and_every_event_carries_its_hash()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();

        var report = await VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
        Assert.Equal(await EventCount(), report.EventsChecked);
        Assert.Equal(report.EventsChecked, report.EventsSealed);
        Assert.Equal(
            0,
            await Scalar<long>("select count(*) from governance.mt_events where headers ->> 'sha256' is null")
        );
        // A realistic store, deliveries included.
        Assert.True(report.EventsChecked > 80, $"{report.EventsChecked} events");
    }

    /// <summary>
    /// A command links its event to the stream's head read with the meeting. Commands racing on one version record one
    /// event and refuse the others as stale, and every link of the chain is still right.
    /// </summary>
    [Fact]
    public async Task commands_racing_on_one_version_record_one_and_leave_every_link_right()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();

        var raced = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => RaiseMatter(meeting, n, version: 1)));
        Assert.Equal(1, raced.Count(s => s == HttpStatusCode.OK));
        Assert.All(raced.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(HttpStatusCode.OK, await RaiseMatter(meeting, 8, version: 2));

        await SealAsync();
        var report = await VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
        Assert.Equal(await EventCount(), report.EventsChecked);
    }

    /// <summary>
    /// The head read with a write's aggregate is taken only at the version the append expects. One read a moment
    /// before another command's commit (the batch's statements each see their own snapshot) is read again, not linked
    /// to.
    /// </summary>
    [Fact]
    public async Task a_head_read_at_another_version_than_the_append_expects_is_read_again()
    {
        await GivenSodertornWithAllRepresentatives();
        var meeting = await Schedule();
        Assert.Equal(HttpStatusCode.OK, await RaiseMatter(meeting, 0, version: 1));
        var first = await Scalar<string>(
            $"select headers ->> '{EventHash.Header}' from governance.mt_events "
                + $"where stream_id = '{meeting}' and version = 1"
        );

        await using (var session = Store.LightweightSession())
        {
            StreamHeads.Remember(session, new StreamHead(meeting, 1, first));
            var stream = await session.Events.FetchForWriting<Governance.Meetings.Meeting>(meeting, 2);
            stream.AppendOne(
                new Governance.Meetings.MatterRaised(
                    meeting,
                    Guid.CreateVersion7(),
                    "Fråga om kollektivtrafiken",
                    null,
                    "information",
                    "0126",
                    "Anna Sekreterare",
                    Fixture.Clock.GetUtcNow()
                )
            );
            await session.SaveChangesAsync();
        }

        await SealAsync();
        var report = await VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
    }

    private async Task<HttpStatusCode> RaiseMatter(Guid meeting, int n, int version)
    {
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting}/matters")
        {
            Content = JsonContent.Create(
                new { title = $"Fråga {n} om trafiken", kind = "information", municipalityCode = "0126", version }
            ),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretaryToken);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task an_edited_decision_is_named_as_changed()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        var decision = await SequenceOf("decision_recorded");

        await Sql(
            $"update governance.mt_events set data = jsonb_set(data, '{{wording}}', "
                + "'\"Samarbetskommittén avslår yttrandet.\"') "
                + $"where seq_id = {decision}"
        );

        var first = Assert.IsType<ChainProblem>((await VerifyAsync()).FirstProblem);
        Assert.Equal(
            (ChainProblemKind.Changed, decision, "decision_recorded"),
            (first.Kind, first.Sequence, first.Type)
        );
    }

    [Fact]
    public async Task a_changed_author_or_time_is_named_as_changed_too()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        var approval = await SequenceOf("minutes_approved");

        await Sql(
            "update governance.mt_events set user_name = 'Någon annan', timestamp = timestamp - interval '1 day' "
                + $"where seq_id = {approval}"
        );

        var first = Assert.IsType<ChainProblem>((await VerifyAsync()).FirstProblem);
        Assert.Equal((ChainProblemKind.Changed, approval), (first.Kind, first.Sequence));
    }

    [Fact]
    public async Task a_deleted_event_is_named_as_missing()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        var attendance = await SequenceOf("attendance_recorded", 2);
        var stream = await Scalar<Guid>($"select stream_id from governance.mt_events where seq_id = {attendance}");
        var version = await Scalar<long>($"select version from governance.mt_events where seq_id = {attendance}");

        await Sql($"delete from governance.mt_events where seq_id = {attendance}");

        var report = await VerifyAsync();
        var first = Assert.IsType<ChainProblem>(report.FirstProblem);
        Assert.Equal(
            (ChainProblemKind.Missing, attendance, stream, version, "attendance_recorded"),
            (first.Kind, first.Sequence, first.StreamId, first.Version, first.Type)
        );
        Assert.Equal(1, report.ProblemCount);
    }

    [Fact]
    public async Task two_events_that_swapped_places_are_named_as_out_of_order()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        var (first, second) = (await SequenceOf("decision_recorded", 0), await SequenceOf("decision_recorded", 1));

        await Sql(
            $"update governance.mt_events set seq_id = -1 where seq_id = {first}; "
                + $"update governance.mt_events set seq_id = {first} where seq_id = {second}; "
                + $"update governance.mt_events set seq_id = {second} where seq_id = -1"
        );

        var report = await VerifyAsync();
        var broken = Assert.IsType<ChainProblem>(report.FirstProblem);
        Assert.Equal((ChainProblemKind.OutOfOrder, first), (broken.Kind, broken.Sequence));
        Assert.Equal([first, second], report.Problems.Select(p => p.Sequence));
    }

    [Fact]
    public async Task an_event_written_past_the_service_is_named()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        var approval = await SequenceOf("minutes_approved");

        // A copy of the approval under a new number, as if written by hand: not chained, and after the seal not sealed.
        await Sql(
            "insert into governance.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, "
                + "mt_dotnet_type, is_archived) select nextval('governance.mt_events_sequence'), "
                + "gen_random_uuid(), stream_id, "
                + "(select max(version) + 1 from governance.mt_events m where m.stream_id = e.stream_id), data, type, "
                + $"timestamp, tenant_id, mt_dotnet_type, false from governance.mt_events e where seq_id = {approval}"
        );

        var first = Assert.IsType<ChainProblem>((await VerifyAsync()).FirstProblem);
        Assert.Equal((ChainProblemKind.NotChained, "minutes_approved"), (first.Kind, first.Type));
    }

    [Fact]
    public async Task the_secretary_sees_the_first_broken_link_on_the_verification_page()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        await Host.Scenario(s =>
        {
            s.Get.Url("/handelser/verifiering?kontrollera=true");
            s.WithBearerToken(ChairToken);
            s.StatusCodeShouldBe(403);
        });
        Assert.Contains("Händelsekedjan är obruten", await VerificationPage(), StringComparison.Ordinal);

        var decision = await SequenceOf("decision_recorded", 1);
        await Sql(
            $"update governance.mt_events set data = jsonb_set(data, '{{wording}}', '\"Inget beslut.\"') "
                + $"where seq_id = {decision}"
        );
        var page = await VerificationPage();
        Assert.Contains("Händelsekedjan är bruten", page, StringComparison.Ordinal);
        Assert.Contains($"händelse nr {decision} (decision_recorded", page, StringComparison.Ordinal);
        Assert.Contains("<strong>ändrad</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_verify_command_exits_zero_on_an_intact_store_and_names_the_broken_link_otherwise()
    {
        await RecordMeetingWithMinutes();
        await SealAsync();
        Assert.Equal((0, "The record is intact."), await VerifyCommand());

        var approval = await SequenceOf("minutes_approved");
        await Sql($"delete from governance.mt_events where seq_id = {approval}");
        var (exit, output) = await VerifyCommand();
        Assert.NotEqual(0, exit);
        Assert.Contains($"Missing (händelse nr {approval}, post", output, StringComparison.Ordinal);
        Assert.Contains("minutes_approved", output, StringComparison.Ordinal);
    }

    private async Task<string> VerificationPage()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/handelser/verifiering?kontrollera=true");
            s.WithBearerToken(SecretaryToken);
        });
        return System.Net.WebUtility.HtmlDecode(result.ReadAsText());
    }

    /// <summary>`dotnet Governance.dll verify`, as an operator runs it against the same database.</summary>
    private async Task<(int Exit, string Output)> VerifyCommand()
    {
        await using var verify = ServiceProcess.Start(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["GOVERNANCE_DB"] = Fixture.ConnectionString,
                ["Governance__LoadReferenceData"] = "false",
            },
            "verify"
        );
        var exit = await verify.ExitCodeAsync();
        return (
            exit,
            exit == 0
                ? verify.Output.Split('\n').First(l => l.StartsWith("The record", StringComparison.Ordinal)).Trim()
                : verify.Output
        );
    }
}
