using Alba;
using Governance.Agreement;
using Governance.Infrastructure.Security;
using Governance.ReferenceData;
using Governance.Scenarios;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wolverine.Tracking;

namespace Governance.Tests.Support;

/// <summary>Base of HTTP tests: the store is emptied before each test, the clock set back to its start.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    protected string SecretaryToken => Fixture.TokenFor("Anna Sekreterare", Roles.Secretary);
    protected string MemberToken => Fixture.TokenFor("Mats Ledamot", Roles.Member);

    public async Task InitializeAsync()
    {
        Fixture.Clock.Set(AppFixture.StartOfTests);
        // A delivery retry of an earlier test may still be writing while the store is emptied: PostgreSQL picks one
        // of the two as a deadlock victim. The reset is then simply done again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Host.ResetAllMartenDataAsync();
                await ResetSealAsync();
                return;
            }
            catch (Exception e) when (attempt < 5 && IsDeadlock(e))
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static bool IsDeadlock(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
                return true;
        return false;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The seal of the event order lives beside Marten's tables: emptied with the events.</summary>
    private async Task ResetSealAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "truncate governance.record_seal, governance.record_seal_gap, governance.record_chain_origin",
            connection
        );
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A write through HTTP that returns only when the messages it set off (forwarded events, deliveries) are handled,
    /// so no background work of one test runs into the next.
    /// </summary>
    protected async Task<IScenarioResult> Post(string url, object body, string? token, int expectedStatus)
    {
        IScenarioResult result = null!;
        await Host.ExecuteAndWaitAsync(
            async () =>
                result = await Host.Scenario(s =>
                {
                    s.Post.Json(body).ToUrl(url);
                    if (token is not null)
                        s.WithBearerToken(token);
                    s.StatusCodeShouldBe(expectedStatus);
                }),
            timeoutInMilliseconds: 30_000
        );
        return result;
    }

    protected async Task<T> Get<T>(string url, string? token = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (token is not null)
                s.WithBearerToken(token);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    /// <summary>
    /// Loads Södertörn's reference data (municipalities, agreement, 2020 offices) as the service does on first start.
    /// The loader loads only into an empty store: where a late message of an earlier test wrote an event after the
    /// reset (a delivery's outcome, a party informed), the store is emptied again and the data loaded once more.
    /// </summary>
    protected async Task GivenReferenceData()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Governance:LoadReferenceData", "true")])
            .Build();
        for (var attempt = 1; ; attempt++)
        {
            await new ReferenceDataLoader(
                Store,
                Host.Services.GetRequiredService<NpgsqlDataSource>(),
                configuration,
                Fixture.Clock,
                NullLogger<ReferenceDataLoader>.Instance
            ).StartAsync(CancellationToken.None);
            if (await AgreementVersion() > 0 || attempt == 3)
                return;
            await Task.Delay(500);
            await InitializeAsync();
        }
    }

    protected async Task<int> AgreementVersion()
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<CooperationAgreement>(CooperationAgreement.TheId))?.Version ?? 0;
    }

    /// <summary>Counts the rows in the event table: the test's proof that a refusal wrote nothing.</summary>
    protected async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>The number of the latest event: a test names what was written after it.</summary>
    protected async Task<long> LatestEventSequence() =>
        await Scalar<long>("select coalesce(max(seq_id), 0) from governance.mt_events");

    /// <summary>The types of the events written after the given one, oldest first (at most 20).</summary>
    protected async Task<string> EventTypesAfter(long sequence)
    {
        await using var session = Store.QuerySession();
        var written = await session
            .Events.QueryAllRawEvents()
            .Where(e => e.Sequence > sequence)
            .OrderBy(e => e.Sequence)
            .Take(20)
            .ToListAsync();
        return string.Join(", ", written.Select(e => e.EventTypeName));
    }

    /// <summary>
    /// Waits until the background work the setup set off (deliveries and what they record) has ended: no delivery
    /// waiting for an attempt or a retry, no message waiting in Wolverine's inbox or outbox, and no new event for a
    /// second; for at most a minute, then the test fails. A test proving that a request wrote nothing counts from then.
    /// A quiet second alone is not enough: a retry comes seconds later.
    /// </summary>
    protected Task WaitUntilQuietAsync() =>
        BackgroundWork.WaitAsync(
            Fixture.ConnectionString,
            work => work.Idle,
            quiet: TimeSpan.FromSeconds(1),
            limit: TimeSpan.FromMinutes(1)
        );

    protected async Task<T?> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }
}
