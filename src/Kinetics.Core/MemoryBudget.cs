namespace Kinetics;

/// <summary>
/// The memory check of plans and large allocations: an estimate in bytes is compared, before anything is allocated,
/// with the stated limit <see cref="MaxBytes"/> (the smaller of 64 GiB and the memory available to the process as
/// reported by the garbage collector). A plan above it is refused with an <see cref="InsufficientMemoryException"/>
/// whose message holds the estimate, so an impossible request fails in microseconds instead of after minutes of
/// paging or an out-of-memory crash.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>The hard limit of one plan, whatever the machine: 64 GiB.</summary>
    public const long HardLimitBytes = 64L << 30;

    /// <summary>The largest estimate a plan may have here: min(64 GiB, memory available to the process).</summary>
    public static long MaxBytes
    {
        get
        {
            long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return available > 0 ? Math.Min(available, HardLimitBytes) : HardLimitBytes;
        }
    }

    /// <summary>Refuses <paramref name="what"/> when its estimate (bytes, may be given as a double to avoid overflow) exceeds <see cref="MaxBytes"/>.</summary>
    public static void Ensure(double estimatedBytes, string what)
    {
        long limit = MaxBytes;
        if (!(estimatedBytes <= limit))
        {
            throw new InsufficientMemoryException(
                $"{what} needs an estimated {Format(estimatedBytes)}, more than the limit of {Format(limit)} (the smaller of {Format(HardLimitBytes)} and the memory available to this process); use a smaller grid or fewer species.");
        }
    }

    /// <summary>Bytes in binary units with three significant digits.</summary>
    public static string Format(double bytes) => bytes switch
    {
        >= 1L << 40 => $"{bytes / (1L << 40):G3} TiB",
        >= 1L << 30 => $"{bytes / (1L << 30):G3} GiB",
        >= 1L << 20 => $"{bytes / (1L << 20):G3} MiB",
        _ => $"{bytes / 1024.0:G3} KiB",
    };
}
