using System.Text.Json;
using Governance.Distribution;
using Governance.Municipalities;
using Governance.Tests.Meetings;
using Governance.Tests.Support;

namespace Governance.Tests.Distribution;

public abstract class DistributionScenario(AppFixture fixture) : MeetingScenario(fixture), IDisposable
{
    public static readonly string[] Registries =
    [
        "registrator@botkyrka.se",
        "registrator@haninge.se",
        "registrator@huddinge.se",
        "registrator@nykvarn.se",
        "registrator@nynashamn.se",
        "registrator@salem.se",
        "registrator@sodertalje.se",
        "registrator@tyreso.se",
    ];

    protected TestSmtpServer Smtp => Fixture.Smtp;

    /// <summary>
    /// A committee meeting held and closed, its minutes approved by the chair: the event that sends them.
    /// </summary>
    protected async Task<Guid> ApprovedMinutes()
    {
        var meeting = await Schedule();
        await Act(
            meeting,
            "/agenda",
            new { title = "Information om kollektivtrafikplanen", kind = "information" },
            ChairToken
        );
        OnTheMeetingDay();
        await Act(meeting, "/close", new { at = "15:00" }, SecretaryToken);
        await Act(meeting, "/minutes/approval", new { }, ChairToken);
        return meeting;
    }

    /// <summary>Nykvarn's registry takes documents by webhook (and by e-mail too, if asked).</summary>
    protected async Task GivenNykvarnByWebhook(string url, string secret, bool email = false)
    {
        var nykvarn = await Get<JsonElement>($"/api/municipalities/{Municipality.IdFor("0140")}");
        await Post(
            $"/api/municipalities/{Municipality.IdFor("0140")}/channels",
            new
            {
                email,
                webhookUrl = url,
                webhookSecret = secret,
                version = nykvarn.GetProperty("version").GetInt32(),
            },
            SecretaryToken,
            200
        );
    }

    /// <summary>Until the first page of the distribution, <paramref name="pageSize"/> long, meets it.</summary>
    protected async Task<DistributionStatus> WaitFor(
        Func<DistributionStatus, bool> condition,
        int seconds = 30,
        int pageSize = GetDistributionStatusEndpoint.DefaultPageSize
    )
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await Get<DistributionStatus>($"/api/distribution?pageSize={pageSize}", SecretaryToken);
            if (condition(status))
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    "Distribution did not reach the expected state: "
                        + System.Text.Json.JsonSerializer.Serialize(status)
                );
            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        Smtp.Stop();
        Smtp.Clear();
        GC.SuppressFinalize(this);
    }
}
