namespace Kinetics.Boltzmann;

/// <summary>
/// Diagnostic counters of <see cref="GainLaneRunner"/> (null, and then not touched, unless a benchmark attaches them):
/// per thread slot the jobs it ran and the CPU time they took, and for the caller the wall and CPU time it spent waiting
/// for the other lanes at the end of each phase, with its spins and blocking waits
/// (<see cref="Dynamics.CompletionSignal"/>). The CPU clock is the benchmark's (a thread CPU clock); the counters are
/// written by their own slot only and read after the evaluation. docs/boltzmann.md, "The extra CPU work of two lanes".
/// </summary>
internal sealed class LaneCounters(int slots, Func<double> threadCpuMilliseconds)
{
    public Func<double> ThreadCpuMilliseconds { get; } = threadCpuMilliseconds;

    // Per thread slot, per phase kind (0: the gain groups, 1: the output slots — sum of the groups, loss, inverse transforms).
    public int[,] Jobs { get; } = new int[slots, 2];

    public double[,] JobCpuMilliseconds { get; } = new double[slots, 2];

    // Per gain group (the jobs of the first phase): the CPU time it took.
    public double[] GroupCpuMilliseconds { get; } = new double[64];

    // The caller's wait for the other lanes after its own last job, per phase kind.
    public double[] WaitMilliseconds { get; } = new double[2];

    public double[] WaitCpuMilliseconds { get; } = new double[2];

    public long[] Spins { get; } = new long[2];

    // When another thread than the caller last completed a job (Stopwatch timestamp), and per phase kind the time from
    // there to the caller's return from its wait, when the caller was waiting for that job: the wake-up latency.
    public long LastDoneTimestamp;

    public double[] OvershootMilliseconds { get; } = new double[2];

    public int[] Overshoots { get; } = new int[2];

    // Work items that started after their phase had no job left (they found nothing to do); Interlocked.
    public int IdleWorkers;

    public void Clear()
    {
        Array.Clear(Jobs);
        Array.Clear(JobCpuMilliseconds);
        Array.Clear(GroupCpuMilliseconds);
        Array.Clear(WaitMilliseconds);
        Array.Clear(WaitCpuMilliseconds);
        Array.Clear(Spins);
        Array.Clear(OvershootMilliseconds);
        Array.Clear(Overshoots);
        LastDoneTimestamp = 0;
        IdleWorkers = 0;
    }
}
