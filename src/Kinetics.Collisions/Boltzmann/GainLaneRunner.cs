namespace Kinetics.Boltzmann;

/// <summary>
/// Runs the gain work items (pair, radial node) of one <see cref="BoltzmannOperator"/> evaluation on
/// <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> = L lanes without allocating. The items are dealt into L fixed
/// groups (group l: items l, l + L, l + 2L, … of the operator's cost order), each group accumulating into its own lane
/// buffers, so the result does not depend on which thread runs which group (bitwise reproducible, as restarts need). The
/// calling thread and L − 1 thread-pool work items (this object, queued again on every evaluation) claim whole groups
/// from one counter: when a worker has not started by the time the caller finishes its group, the caller takes the next
/// group itself instead of waiting for it (the machine may be shared). One runner per workspace, one evaluation at a time.
/// </summary>
/// <remarks>
/// Every evaluation is a new generation g, and groups are claimed by compare-exchange on (g, next group), so a work item
/// queued by an earlier evaluation that starts late either claims a group of the current evaluation (whose state was
/// written before the counter was published) or finds nothing to do. The caller returns only after every group of its
/// generation has been completed.
/// </remarks>
internal sealed class GainLaneRunner : IThreadPoolWorkItem
{
    private readonly BoltzmannOperator _owner;
    private readonly BoltzmannWorkspace _workspace;
    private readonly int _lanes;
    private long _groups; // (generation << 32) | next group
    private int _generation;
    private int _done;
    private int _work;
    private bool _pairs;
    private bool _bilinear;

    public GainLaneRunner(BoltzmannOperator owner, BoltzmannWorkspace workspace, int lanes)
    {
        _owner = owner;
        _workspace = workspace;
        _lanes = lanes;
    }

    /// <summary>Runs items 0 … <paramref name="work"/> − 1 on all lanes and returns when all are done.</summary>
    public void Run(int work, bool pairs, bool bilinear)
    {
        _pairs = pairs;
        _bilinear = bilinear;
        _work = work;
        Volatile.Write(ref _done, 0);
        long generation = (long)(uint)++_generation << 32;
        Interlocked.Exchange(ref _groups, generation); // full fence: the state above is visible to whoever claims a group
        for (int lane = 1; lane < _lanes; lane++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Drain(generation);

        // Other threads may still finish their groups (at most one each). SpinWait yields and then sleeps, and allocates
        // nothing (a monitor wait allocates a waiter object per call).
        var spin = default(SpinWait);
        while (Volatile.Read(ref _done) != _lanes)
        {
            spin.SpinOnce();
        }
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute() => Drain(Volatile.Read(ref _groups) & ~(long)uint.MaxValue);

    // Claims and runs groups of `generation` until none is left.
    private void Drain(long generation)
    {
        while (true)
        {
            long groups = Volatile.Read(ref _groups);
            int group = (int)(groups & uint.MaxValue);
            if ((groups & ~(long)uint.MaxValue) != generation || group >= _lanes)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _groups, groups + 1, groups) != groups)
            {
                continue;
            }

            for (int item = group; item < _work; item += _lanes)
            {
                _owner.AccumulateGainItem(item, group, _workspace, _pairs, _bilinear);
            }

            Interlocked.Increment(ref _done);
        }
    }
}
