using System.Text.RegularExpressions;

namespace Governance.Agreement;

/// <summary>A clause of the agreement: its number, heading and paragraphs.</summary>
public sealed record ClauseText(int Number, string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>The decision that gave a clause a wording (§9), and the day that wording took effect.</summary>
public sealed record ClauseDecision(string DecisionReference, DateOnly AdoptedOn, DateOnly TakesEffectOn);

/// <summary>A wording a clause had before: in force from <c>From</c> up to and including <c>Until</c>.</summary>
public sealed record EarlierWording(
    string? Heading,
    IReadOnlyList<string> Paragraphs,
    DateOnly From,
    DateOnly Until,
    ClauseDecision? DecidedBy
);

/// <summary>A clause as in force on the date; <c>AmendedBy</c> is null while it reads as signed.</summary>
public sealed record ClauseInForce(
    int Number,
    string Label,
    string? Heading,
    IReadOnlyList<string> Paragraphs,
    ClauseDecision? AmendedBy,
    IReadOnlyList<EarlierWording> History
);

/// <summary>The agreement as it reads on a date: each clause in force then, amended ones marked.</summary>
public sealed record AgreementTextOnDate(
    DateOnly On,
    AgreementStatus Status,
    DateOnly InForceFrom,
    DateOnly? DissolvedOn,
    string Title,
    string Preamble,
    IReadOnlyList<ClauseInForce> Clauses,
    IReadOnlyList<string> Signatures,
    IReadOnlyList<Amendment> UnplacedAmendments
);

/// <summary>
/// §9: the agreement's text as in force on a date, from the text as signed and the amendments recorded. An amendment
/// gives its clause a new wording (and heading, when it names one) from the day it takes effect: its adoption, unless
/// it records a later day. Only amendments in effect by the date count; the latest one of a clause decides its
/// wording, and the ones before it are its history. A clause number the signed text lacks is a clause added by an
/// amendment: before then it is not in the text. Amendments recorded without a clause number (before numbers were
/// checked) cannot be placed and are listed apart.
/// </summary>
public static partial class AgreementText
{
    public static AgreementTextOnDate On(
        DateOnly on,
        CooperationAgreement agreement,
        string title,
        string preamble,
        IReadOnlyList<ClauseText> signed,
        IReadOnlyList<string> signatures
    )
    {
        var inEffect = agreement
            .Amendments.Select((amendment, recorded) => (amendment, recorded))
            .Where(a => a.amendment.TakesEffect <= on)
            .OrderBy(a => a.amendment.TakesEffect)
            .ThenBy(a => a.amendment.AdoptedOn)
            .ThenBy(a => a.recorded)
            .Select(a => a.amendment)
            .ToList();
        var byClause = inEffect
            .Where(a => ClauseNumber(a.Clause) is not null)
            .ToLookup(a => ClauseNumber(a.Clause)!.Value);
        var numbers = signed.Select(c => c.Number).Union(byClause.Select(g => g.Key)).Order();

        var clauses = numbers
            .Select(n => Clause(n, signed.FirstOrDefault(c => c.Number == n), [.. byClause[n]], agreement.InForceFrom))
            .ToList();
        return new AgreementTextOnDate(
            on,
            agreement.StatusOn(on),
            agreement.InForceFrom,
            agreement.Dissolution?.DecidedOn,
            title,
            preamble,
            clauses,
            signatures,
            [.. inEffect.Where(a => ClauseNumber(a.Clause) is null)]
        );
    }

    /// <summary>"§8", "§ 8" or "8 §": the clause's number; null when the text names none.</summary>
    public static int? ClauseNumber(string clause) =>
        Number().Match(clause) is { Success: true } match && int.TryParse(match.Value, out var number) ? number : null;

    /// <summary>An amendment's wording as paragraphs: the text split at blank lines.</summary>
    public static IReadOnlyList<string> Paragraphs(string wording) =>
        [
            .. BlankLine()
                .Split(wording.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
                .Select(p => p.Trim())
                .Where(p => p.Length > 0),
        ];

    private sealed record Wording(string? Heading, IReadOnlyList<string> Paragraphs, DateOnly From, ClauseDecision? By);

    private static ClauseInForce Clause(
        int number,
        ClauseText? signed,
        IReadOnlyList<Amendment> amendments,
        DateOnly start
    )
    {
        // Each wording in turn, oldest first: as signed (if the clause was in the signed text), then each amendment.
        var wordings = new List<Wording>();
        if (signed is not null)
            wordings.Add(new(signed.Heading, signed.Paragraphs, start, null));
        foreach (var a in amendments)
        {
            var heading = a.Heading ?? (wordings.Count > 0 ? wordings[^1].Heading : null);
            wordings.Add(
                new(
                    heading,
                    Paragraphs(a.NewWording),
                    a.TakesEffect,
                    new ClauseDecision(a.DecisionReference, a.AdoptedOn, a.TakesEffect)
                )
            );
        }

        var current = wordings[^1];
        // A wording replaced on the day it took effect was never in force: it is left out of the history.
        var history = wordings
            .Zip(
                wordings.Skip(1),
                (earlier, next) =>
                    new EarlierWording(
                        earlier.Heading,
                        earlier.Paragraphs,
                        earlier.From,
                        next.From.AddDays(-1),
                        earlier.By
                    )
            )
            .Where(w => w.Until >= w.From)
            .ToList();
        return new ClauseInForce(number, $"§ {number}", current.Heading, current.Paragraphs, current.By, history);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();
}
