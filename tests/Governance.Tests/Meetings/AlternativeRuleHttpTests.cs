using Governance.Agreement;
using Governance.Minutes;
using Governance.Tests.Support;

namespace Governance.Tests.Meetings;

public class AlternativeRuleHttpTests(AppFixture fixture) : MeetingScenario(fixture)
{
    private static readonly string[] AllEight = ["0127", "0136", "0126", "0140", "0192", "0128", "0181", "0138"];

    [Fact]
    public async Task where_all_members_agreed_majority_for_a_kind_the_votes_decide_and_are_recorded()
    {
        await GivenSodertornWithAllRepresentatives();
        await Post(
            "/api/agreement/decision-rules",
            new
            {
                matterKind = "remissvar",
                rule = "majorityOfPresent",
                agreedOn = "2020-03-01",
                decisionReference = "Protokoll 2020-03-01 §2",
                agreedBy = AllEight,
                version = 1,
            },
            SecretaryToken,
            200
        );
        var meeting = await Schedule();
        await Act(
            meeting,
            "/agenda",
            new { title = "Remissvar om bostadsförsörjning", kind = "remissvar" },
            ChairToken
        );
        var consensusItem = await Act(
            meeting,
            "/agenda",
            new { title = "Gemensam konferens", kind = "konferens" },
            ChairToken
        );
        var items = consensusItem
            .GetProperty("agenda")
            .EnumerateArray()
            .Select(i => i.GetProperty("itemId").GetGuid())
            .ToArray();
        OnTheMeetingDay();
        foreach (var code in new[] { "0127", "0136", "0126", "0140", "0181" })
            await Attend(meeting, code);

        // Without votes the agreed rule cannot be applied; with them, three of five present carry it over two
        // objections.
        await Act(
            meeting,
            $"/agenda/{items[0]}/decision",
            new { wording = "Kommittén antar remissvaret.", at = "13:00" },
            SecretaryToken,
            409
        );
        await Act(
            meeting,
            $"/agenda/{items[0]}/decision",
            new
            {
                wording = "Kommittén antar remissvaret.",
                at = "13:00",
                votes = new
                {
                    @for = new[] { "0127", "0136", "0126" },
                    against = new[] { "0140", "0181" },
                    abstained = Array.Empty<string>(),
                },
            },
            SecretaryToken
        );
        // Other kinds are still decided by consensus: one objection stops it.
        await Act(
            meeting,
            $"/agenda/{items[1]}/decision",
            new
            {
                wording = "Kommittén anordnar en konferens.",
                at = "13:10",
                objectors = new[] { "0140" },
            },
            SecretaryToken
        );

        var minutes = await Get<MinutesDocument>($"/api/meetings/{meeting}/minutes", MemberToken);
        Assert.Equal(
            (Governance.Meetings.OutcomeKind.Decided, DecisionRule.MajorityOfPresent),
            (minutes.Items[0].Outcome, minutes.Items[0].Rule)
        );
        Assert.Equal(3, minutes.Items[0].Votes!.For.Count);
        Assert.Equal(
            (Governance.Meetings.OutcomeKind.NotDecided, DecisionRule.Consensus),
            (minutes.Items[1].Outcome, minutes.Items[1].Rule)
        );
    }
}
