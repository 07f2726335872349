namespace Governance.Tests.Support;

/// <summary>A clock the tests set freely, forwards and back (FakeTimeProvider refuses to go back).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Set(DateTimeOffset now) => _now = now;
}
