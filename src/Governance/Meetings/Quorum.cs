using Governance.Offices;

namespace Governance.Meetings;

/// <summary>
/// §3: the committee may decide only when at least half of its members are present (8 → 4, 7 → 4). Members are the
/// parties that are members on the meeting date; presence by telephone or video counts. In the management group the
/// directors of the member municipalities take the members' place.
/// </summary>
public static class Quorum
{
    public static int Required(int members) => (members + 1) / 2;

    public static AttendanceRole CountingRole(Body body) =>
        body == Body.Committee ? AttendanceRole.Member : AttendanceRole.Director;

    /// <summary>
    /// The member municipalities present at the moment: arrived at or before it and not yet departed.
    /// </summary>
    public static IReadOnlyList<string> PresentAt(
        IEnumerable<Attendance> attendance,
        Body body,
        IReadOnlyCollection<string> members,
        TimeOnly at
    ) =>
        [
            .. attendance
                .Where(a =>
                    a.Role == CountingRole(body)
                    && a.MunicipalityCode is not null
                    && members.Contains(a.MunicipalityCode)
                    && a.IsPresentAt(at)
                )
                .Select(a => a.MunicipalityCode!)
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];

    public static QuorumSnapshot At(Meeting meeting, IReadOnlyCollection<string> members, TimeOnly at)
    {
        var present = PresentAt(meeting.Attendance, meeting.Body, members, at);
        var required = Required(members.Count);
        return new QuorumSnapshot(
            at,
            members.Count,
            present.Count,
            required,
            members.Count > 0 && present.Count >= required,
            present
        );
    }
}
