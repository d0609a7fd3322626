namespace Kinetics.Boltzmann;

/// <summary>
/// Runs the gain work items (pair, radial node) of one <see cref="BoltzmannOperator"/> evaluation on
/// <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> = L threads without allocating. The items are dealt into G fixed
/// groups (group g: items g, g + G, g + 2G, … of the operator's cost order), each group accumulating into its own gain
/// spectra, and the groups are summed in group order; G does not depend on L (<see cref="BoltzmannOperator"/> chooses it
/// from the memory it takes), so the result is bitwise the same whichever thread runs which group and for every L ≤ G.
/// Threads claim groups one at a time from one counter, so a thread slowed by other processes takes fewer groups instead
/// of holding up the evaluation (docs/boltzmann.md, "Two lanes"). The calling thread and L − 1 thread-pool work items (this
/// object, queued again on every phase) share the work: a worker that has not started by the time the caller finishes
/// simply finds nothing left. Two phases per evaluation: the groups, then the sum of the groups in chunks of the spectra.
/// Scratch (FFT workspaces, schedules, products) belongs to a thread slot 0 … L − 1 (the caller is slot 0), the gain
/// spectra to a group. One runner per workspace, one evaluation at a time.
/// </summary>
/// <remarks>
/// Every phase is a new generation g; jobs are claimed by compare-exchange on (g, next job) and thread slots on
/// (g, next slot), so a work item queued by an earlier phase that starts late either joins the current phase (whose state
/// was written before the counter was published) or finds nothing to do. The caller returns only after every job of its
/// generation has been completed.
/// </remarks>
internal sealed class GainLaneRunner : IThreadPoolWorkItem
{
    private readonly BoltzmannOperator _owner;
    private readonly BoltzmannWorkspace _workspace;
    private readonly int _lanes;
    private long _jobs;  // (generation << 32) | (job count << 16) | next job
    private long _slots; // (generation << 32) | next thread slot (the caller holds slot 0)
    private int _generation;
    private int _done;
    private int _work;
    private bool _reduce;
    private int _gainSlots;
    private bool _pairs;
    private bool _bilinear;

    public GainLaneRunner(BoltzmannOperator owner, BoltzmannWorkspace workspace, int lanes)
    {
        _owner = owner;
        _workspace = workspace;
        _lanes = lanes;
    }

    /// <summary>Runs items 0 … <paramref name="work"/> − 1 in <paramref name="groups"/> groups on all threads, then sums
    /// groups 1 … G − 1 into group 0 (the first <paramref name="slots"/> gain slots) and returns when all is done.</summary>
    public void Run(int work, int groups, int slots, bool pairs, bool bilinear)
    {
        _pairs = pairs;
        _bilinear = bilinear;
        _work = work;
        _gainSlots = slots;
        _reduce = false;
        Phase(groups);
        _reduce = true;
        Phase(_owner.ReductionChunks);
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        long generation = Volatile.Read(ref _jobs) & ~(long)uint.MaxValue;
        while (true)
        {
            long slots = Volatile.Read(ref _slots);
            int slot = (int)(slots & uint.MaxValue);
            if ((slots & ~(long)uint.MaxValue) != generation || slot >= _lanes)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _slots, slots + 1, slots) == slots)
            {
                Drain(generation, slot);
                return;
            }
        }
    }

    private void Phase(int jobs)
    {
        Volatile.Write(ref _done, 0);
        long generation = (long)(uint)++_generation << 32;
        Interlocked.Exchange(ref _slots, generation + 1);            // the caller holds slot 0
        Interlocked.Exchange(ref _jobs, generation | ((long)jobs << 16)); // full fence: the state above is visible to whoever claims a job
        for (int lane = 1; lane < Math.Min(_lanes, jobs); lane++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Drain(generation, 0);

        // Other threads may still finish their jobs (at most one each). SpinWait yields and then sleeps, and allocates
        // nothing (a monitor wait allocates a waiter object per call).
        var spin = default(SpinWait);
        while (Volatile.Read(ref _done) != jobs)
        {
            spin.SpinOnce();
        }
    }

    // Claims and runs jobs of `generation` until none is left, with the scratch of thread slot `slot`.
    private void Drain(long generation, int slot)
    {
        while (true)
        {
            // The job count travels in the same word as the generation, so a thread that read an earlier phase cannot
            // claim past its end.
            long jobs = Volatile.Read(ref _jobs);
            int job = (int)(jobs & 0xFFFF), count = (int)((jobs >> 16) & 0xFFFF);
            if ((jobs & ~(long)uint.MaxValue) != generation || job >= count)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _jobs, jobs + 1, jobs) != jobs)
            {
                continue;
            }

            if (_reduce)
            {
                _owner.ReduceGainChunk(job, _gainSlots, _workspace);
            }
            else
            {
                _owner.ClearGainGroup(job, _gainSlots, _workspace);
                for (int item = job; item < _work; item += count)
                {
                    _owner.AccumulateGainItem(item, slot, job, _workspace, _pairs, _bilinear);
                }
            }

            Interlocked.Increment(ref _done);
        }
    }
}
