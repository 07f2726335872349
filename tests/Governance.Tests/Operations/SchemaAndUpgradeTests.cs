using System.Text.RegularExpressions;
using Governance.Decisions;
using Governance.Hosting.Projections;
using Governance.Infrastructure.Time;
using Governance.Meetings;
using Governance.Scenarios;
using Governance.Tests.Support;
using Npgsql;

namespace Governance.Tests.Operations;

/// <summary>
/// Production without DDL rights: the owner applies the schema with `db-apply`, the service's own role only reads and
/// writes, and a read model is rebuilt from the events with `projections rebuild`. Real processes and the real clock.
/// </summary>
public sealed partial class SchemaAndUpgradeTests
{
    [Fact]
    public async Task without_db_apply_the_service_refuses_to_start_and_says_what_to_run_instead_of_any_ddl()
    {
        var roles = await SeparateRoles.CreateAsync("governance_refusal_tests");
        await roles.GrantServiceRoleAsync();
        var state = Directory.CreateTempSubdirectory("governance-refusal").FullName;
        // The owner could create the schema: with the setting off (the production default) it is not tried either.
        foreach (var user in new[] { roles.Service, roles.Owner })
        {
            await using var service = ServiceNode.Start(user, state, new Dictionary<string, string?>());
            Assert.NotEqual(0, await service.WaitForExitAsync());
            Assert.Contains("`dotnet Governance.dll db-apply`", service.Output, StringComparison.Ordinal);
            Assert.Contains("Governance:ApplySchemaOnStart is off", service.Output, StringComparison.Ordinal);
        }
        Assert.Equal(
            0L,
            await roles.ScalarAsync<long>(
                "select count(*) from pg_namespace where nspname in ('governance', 'wolverine')"
            )
        );
        Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task a_role_without_ddl_rights_runs_the_service_on_the_owners_schema_and_a_rebuild_answers_as_before()
    {
        await AwayFromStockholmMidnightAsync();
        var roles = await SeparateRoles.CreateAsync("governance_upgrade_tests");
        await roles.GrantServiceRoleAsync();
        var state = Directory.CreateTempSubdirectory("governance-upgrade").FullName;
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var year = DateTime.UtcNow.Year - 1;

        var applied = await Operator("db-apply", roles.Owner, state);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        var service = new NpgsqlConnectionStringBuilder(roles.Service).Username;
        Assert.False(
            await roles.ScalarAsync<bool>($"select has_database_privilege('{service}', current_database(), 'CREATE')")
        );
        Assert.False(
            await roles.ScalarAsync<bool>($"select has_schema_privilege('{service}', 'governance', 'CREATE')")
        );

        // As a DBA's scripts leave a new database: the register's table there, empty. With no events there is nothing
        // to build, and the service records the names itself.
        await roles.ScalarAsync<object>($"delete from governance.{ReadModelRegister.TableName}");

        SortedDictionary<string, string> before;
        await using (var running = ServiceNode.Start(roles.Service, state, ServiceNode.Mail(smtp)))
        {
            await running.WaitUntilReadyAsync();
            await CommitteeYear.RecordAsync(running.Service.Client, RunningService.Tokens, year);
            await running.Service.WaitUntilDistributedAsync();
            before = await running.Service.Answers().CollectAsync(year);
        }
        Assert.Equal(
            12L,
            await roles.ScalarAsync<long>($"select count(*) from governance.{ReadModelRegister.TableName}")
        );

        // A store from before the meetings' headers, whose search vectors were written by an earlier function:
        // db-apply adds the headers and fills them from its meetings, and replaces the function keeping its triggers.
        await roles.ScalarAsync<object>(
            $"drop table governance.{MeetingHeaderTable.TableName}; "
                + $"drop function governance.{MeetingHeaderTable.TableName}_write() cascade; "
                + $"drop function governance.{MeetingHeaderTable.TableName}_clear() cascade"
        );
        await roles.ScalarAsync<object>(
            "create or replace function governance.decision_search_write() returns trigger language plpgsql as $$ "
                + "begin if tg_op = 'DELETE' then delete from governance.decision_search where id = old.id; "
                + "return old; end if; insert into governance.decision_search (id, vector) values (new.id, "
                + "to_tsvector('simple'::regconfig, new.data ->> 'Lexemes')) on conflict (id) do update set vector = "
                + "excluded.vector; return new; end; $$"
        );
        var upgraded = await Operator("db-apply", roles.Owner, state);
        Assert.True(upgraded.ExitCode == 0, upgraded.ToString());
        Assert.Equal(
            6L,
            await roles.ScalarAsync<long>(
                "select count(*) from pg_trigger "
                    + "where tgname like 'decision_search_%' or tgname like 'meeting_header_%'"
            )
        );
        // Every document (d) has its derived row (x), holding what the trigger would write.
        async Task EveryDocumentDerived(string documents, string derived, string holds) =>
            Assert.Equal(
                await roles.ScalarAsync<long>($"select count(*) from governance.{documents}"),
                await roles.ScalarAsync<long>(
                    $"select count(*) from governance.{derived} x "
                        + $"join governance.{documents} d on d.id = x.id where {holds}"
                )
            );
        await EveryDocumentDerived(
            "mt_doc_decisionrecord",
            DecisionSearchSchema.TableName,
            "x.vector = to_tsvector('simple', d.data ->> 'Lexemes')"
        );
        await EveryDocumentDerived(
            "mt_doc_meeting",
            MeetingHeaderTable.TableName,
            "x.header = d.data - '{Matters,Agenda,Attendance,MinutesPreamble,Corrections}'::text[] "
                + "and x.header ? 'Date' and not x.header ? 'Matters'"
        );

        // A version that adds a read model (here the documents' listing, as its table first arrives: empty, and not
        // in the register): the service refuses to start on it, and db-apply builds it from the events.
        var listed = await roles.ScalarAsync<long>("select count(*) from governance.mt_doc_documentlisting");
        Assert.True(listed > 0, "the recorded year attaches documents to agendas");
        await roles.ScalarAsync<object>(UnbuiltReadModel.ForgetDocumentListing);
        await using (var refused = ServiceNode.Start(roles.Service, state, ServiceNode.Mail(smtp)))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync());
            Assert.Contains(
                "read models not yet built from the events: DocumentListing",
                refused.Output,
                StringComparison.Ordinal
            );
        }
        var added = await Operator("db-apply", roles.Owner, state);
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("Built from the events recorded: DocumentListing.", added.Output, StringComparison.Ordinal);
        Assert.Equal(listed, await roles.ScalarAsync<long>("select count(*) from governance.mt_doc_documentlisting"));
        var appliedAgain = await Operator("db-apply", roles.Owner, state);
        Assert.True(appliedAgain.ExitCode == 0, appliedAgain.ToString());
        Assert.DoesNotContain("Built from the events", appliedAgain.Output, StringComparison.Ordinal);

        // An upgrade that changed a projection: its documents are gone until the rebuild writes them from the events.
        foreach (var table in ProjectedDocuments)
            await roles.ScalarAsync<object>($"delete from governance.{table}");
        var rebuilt = await Operator("projections rebuild", roles.Owner, state);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());

        await using var again = ServiceNode.Start(roles.Service, state, ServiceNode.Mail(smtp));
        await again.WaitUntilReadyAsync();
        var after = await again.Service.Answers().CollectAsync(year);

        Assert.Equal(before.Keys, after.Keys);
        var differences = ReadModelAnswers.Differences(before, after, WithoutGenerationTime);
        Assert.True(differences.Length == 0, $"After the rebuild {differences}");
        Directory.Delete(state, recursive: true);
    }

    /// <summary>
    /// The service runs in its own process on the real clock, and what it answers depends on the day in Stockholm (the
    /// agreement as of today, the office holders of today): answers read before and after midnight differ, as in one
    /// CI run that crossed it. The whole test takes minutes: begun near midnight, it waits until after it.
    /// </summary>
    private static async Task AwayFromStockholmMidnightAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var midnight = now.StockholmDate().AddDays(1).ToDateTime(TimeOnly.MinValue);
        var untilMidnight = TimeZoneInfo.ConvertTimeToUtc(midnight, StockholmTime.Zone) - now.UtcDateTime;
        if (untilMidnight < TimeSpan.FromMinutes(20))
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(5));
    }

    /// <summary>The documents the projections write (`projections list`); files and mail are not projected.</summary>
    private static readonly string[] ProjectedDocuments =
    [
        "mt_doc_municipality",
        "mt_doc_officeyear",
        "mt_doc_cooperationagreement",
        "mt_doc_meeting",
        "mt_doc_extrameetingdemand",
        "mt_doc_decisionrecord",
        "mt_doc_feeledger",
        "mt_doc_specialproject",
        "mt_doc_activityplan",
        "mt_doc_delivery",
        "mt_doc_documentlisting",
    ];

    /// <summary>
    /// The calendar feed's DTSTAMP is the moment the feed was generated (RFC 5545), so with the real clock it honestly
    /// differs between two services answering minutes apart; nothing else is left out.
    /// </summary>
    private static string WithoutGenerationTime(string answer) =>
        CalendarStamp().Replace(answer, "DTSTAMP:(generated)");

    private static Task<OperatorCommands.Result> Operator(string command, string database, string state) =>
        OperatorCommands.RunAsync(
            "dotnet",
            [Path.Combine(OperatorCommands.ServiceFolder, "Governance.dll"), .. command.Split(' ')],
            OperatorCommands.ServiceSettings(database, state),
            OperatorCommands.ServiceFolder
        );

    [GeneratedRegex(@"DTSTAMP:\d{8}T\d{6}Z")]
    private static partial Regex CalendarStamp();
}
