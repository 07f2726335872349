namespace Governance.Agreement;

/// <summary>
/// §2: twelve months' notice, counted from the first month boundary after the chair received the notice.
/// Received 2021-06-15 → counts from 2021-07-01 → member up to and including 2022-06-30 → withdrawn from 2022-07-01.
/// Received on the 1st counts from the 1st of the next month.
/// </summary>
public sealed record NoticePeriod(
    DateOnly ReceivedOn,
    DateOnly StartsOn,
    DateOnly LastDayOfMembership,
    DateOnly WithdrawalDate
)
{
    public const int Months = 12;

    public static NoticePeriod For(DateOnly receivedOn)
    {
        var startsOn = new DateOnly(receivedOn.Year, receivedOn.Month, 1).AddMonths(1);
        var withdrawal = startsOn.AddMonths(Months);
        return new NoticePeriod(receivedOn, startsOn, withdrawal.AddDays(-1), withdrawal);
    }
}
