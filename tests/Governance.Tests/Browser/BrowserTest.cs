namespace Governance.Tests.Browser;

/// <summary>
/// Base of the browser tests: besides its own assertions, a test fails when the browser refused anything under a
/// Content-Security-Policy on any page it opened (an inline style or script, a resource from elsewhere).
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    public virtual Task InitializeAsync()
    {
        var earlier = Drain();
        Assert.True(
            earlier.Count == 0,
            "A browser test that does not derive from BrowserTest had "
                + "Content-Security-Policy violations:\n"
                + string.Join("\n", earlier)
        );
        return Task.CompletedTask;
    }

    /// <summary>Refusals a test wants (a script probing for eval): not counted; the rest still fail it.</summary>
    protected static void Wanted(Func<string, bool> refusal)
    {
        foreach (var violation in Drain().Where(v => !refusal(v)))
            BrowserFixture.PolicyViolations.Enqueue(violation);
    }

    public virtual Task DisposeAsync()
    {
        var violations = Drain();
        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
        return Task.CompletedTask;
    }

    private static List<string> Drain()
    {
        var all = new List<string>();
        while (BrowserFixture.PolicyViolations.TryDequeue(out var violation))
            all.Add(violation);
        return all;
    }
}
