namespace Kinetics.Boltzmann;

/// <summary>
/// Runs the gain work items (pair, radial node) of one <see cref="BoltzmannOperator"/> evaluation on
/// <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> lanes without allocating: the calling thread is lane 0, L − 1
/// thread-pool work items (this object, queued again on every evaluation) claim the other lanes, and every lane takes
/// items from one shared counter until none is left, so a lane whose core is busy with something else simply takes
/// fewer items (the machine may be shared) and the caller never waits for a worker that has not started. One runner per
/// workspace, used by one evaluation at a time.
/// </summary>
/// <remarks>
/// Every evaluation is a new generation g. Items are claimed by compare-exchange on (g, next item) and lanes on
/// (g, lanes claimed), so a work item queued by an earlier evaluation that starts late either claims a lane of the
/// current evaluation (a fresh index, or none when all are taken) or finds nothing to do; a lane never takes an item of a
/// generation other than its own. The caller returns only after every item of its generation has been completed.
/// </remarks>
internal sealed class GainLaneRunner : IThreadPoolWorkItem
{
    private readonly BoltzmannOperator _owner;
    private readonly BoltzmannWorkspace _workspace;
    private readonly int _lanes;
    private readonly object _finished = new();
    private long _items;   // (generation << 32) | next item
    private long _claimed; // (generation << 32) | lanes claimed
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

        // Items first, then lanes (full fences): a lane of this generation always sees this generation's items and state.
        Interlocked.Exchange(ref _items, generation);
        Interlocked.Exchange(ref _claimed, generation | 1);
        for (int lane = 1; lane < _lanes; lane++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Drain(0, generation);
        if (Volatile.Read(ref _done) != work)
        {
            // The other lanes still finish items: wait for the last one (it pulses under the lock).
            lock (_finished)
            {
                while (Volatile.Read(ref _done) != work)
                {
                    Monitor.Wait(_finished);
                }
            }
        }
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        while (true)
        {
            long claimed = Volatile.Read(ref _claimed);
            int lane = (int)(claimed & uint.MaxValue);
            if (lane >= _lanes)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _claimed, claimed + 1, claimed) == claimed)
            {
                Drain(lane, claimed & ~(long)uint.MaxValue);
                return;
            }
        }
    }

    private void Drain(int lane, long generation)
    {
        while (true)
        {
            long items = Volatile.Read(ref _items);
            int item = (int)(items & uint.MaxValue);
            if ((items & ~(long)uint.MaxValue) != generation || item >= _work)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _items, items + 1, items) != items)
            {
                continue;
            }

            _owner.AccumulateGainItem(item, lane, _workspace, _pairs, _bilinear);
            if (Interlocked.Increment(ref _done) == _work)
            {
                lock (_finished)
                {
                    Monitor.PulseAll(_finished);
                }
            }
        }
    }
}
