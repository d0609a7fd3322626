namespace Kinetics.Tests;

public class AllocationCheckTests
{
    [Fact]
    public void AllocationCheck_FailsOnAPerCallAllocation_AndPassesOnNone()
    {
        int[]? sink = null;
        double[] data = [1.0, 2.0, 3.0];
        var error = Assert.ThrowsAny<Exception>(() => AllocationCheck.AssertNone(() => sink = new int[4], "new int[4]"));
        Assert.Contains("every one of 3 windows", error.Message, StringComparison.Ordinal);
        AllocationCheck.AssertNone(() => data.AsSpan().Reverse(), "Span.Reverse");
        GC.KeepAlive(sink);
    }
}
