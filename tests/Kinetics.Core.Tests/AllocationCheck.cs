using System.Globalization;

namespace Kinetics.Tests;

/// <summary>
/// Asserts that a warmed-up call allocates nothing on the calling thread, robustly against one-off runtime allocations
/// (this file is compiled into Kinetics.Collisions.Tests too, as a link).
/// </summary>
/// <remarks>
/// <c>GC.GetAllocatedBytesForCurrentThread</c> also counts what the runtime allocates on this thread on its own
/// schedule: a tiered-JIT or on-stack-replacement transition, a lazy type initialisation, or a fresh array after
/// <c>ArrayPool.Shared</c> trimmed its per-thread cache on a gen-2 GC. Their timing is wall-clock and load dependent,
/// so a single measured window can fail by chance on a loaded machine (SpectralHelpers_AllocateNothing did once
/// during the seed audit of docs/verification.md, and not in 30 further loaded runs). A real per-call allocation
/// dirties every window; a one-off dirties one. So the call is measured in up to <see cref="Windows"/> consecutive
/// windows and passes at the first clean one; it fails only when all of them allocated, listing the bytes of each.
/// </remarks>
internal static class AllocationCheck
{
    /// <summary>Measured windows before the check fails.</summary>
    public const int Windows = 3;

    /// <summary>Runs <paramref name="call"/> once to warm up, then asserts a window in which it allocates 0 bytes.</summary>
    public static void AssertNone(Action call, string what = "call")
    {
        ArgumentNullException.ThrowIfNull(call);
        call();
        var allocated = new long[Windows];
        for (int window = 0; window < Windows; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            call();
            allocated[window] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated[window] == 0)
            {
                return;
            }
        }

        Assert.Fail($"{what} allocated in every one of {Windows} windows: {string.Join(", ", allocated.Select(b => b.ToString(CultureInfo.InvariantCulture)))} bytes.");
    }
}
