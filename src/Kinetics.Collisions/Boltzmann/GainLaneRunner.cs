using Kinetics.Dynamics;

namespace Kinetics.Boltzmann;

/// <summary>
/// Runs one <see cref="BoltzmannOperator"/> evaluation with <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> = L
/// threads without allocating, in two phases. First the gain work items (pair, radial node), dealt into G fixed groups
/// (group g: items g, g + G, g + 2G, … of the operator's cost order), each group accumulating into its own gain spectra;
/// G does not depend on L (<see cref="BoltzmannOperator"/> chooses it from the memory it takes). Then the output slots
/// (<see cref="BoltzmannOperator.FinishSlot"/>): the sum of the groups in group order, the loss and the inverse transforms
/// of one species (or ordered pair) per job. So the result is bitwise the same whichever thread runs which job and for
/// every L ≤ G. Threads claim jobs one at a time from one counter, so a thread slowed by other processes takes fewer jobs
/// instead of holding up the evaluation (docs/boltzmann.md, "Parallel lanes within one evaluation"). The calling thread and L − 1 thread-pool work
/// items (this object, queued again on every phase) share the work: a worker that has not started by the time the caller
/// finishes simply finds nothing left. Scratch (FFT workspaces, schedules, products) belongs to a thread slot 0 … L − 1
/// (the caller is slot 0), the gain spectra to a group. One runner per workspace, one evaluation at a time.
/// </summary>
/// <remarks>
/// <para>Every phase is a new generation g; jobs are claimed by compare-exchange on (g, job count, next job) and thread
/// slots on (g, next slot), so a work item queued by an earlier phase that starts late either joins the current phase
/// (whose state was written before the counter was published) or finds nothing to do. The caller returns only after every
/// job of its generation has been completed.</para>
/// <para>The caller's wait at the end of a phase: by then every job has been claimed, so it waits only for jobs that
/// running threads hold (a progress guarantee: a job waits for nothing). It spins briefly, then blocks on an event that
/// the thread completing the last job sets (<see cref="CompletionSignal"/>). The former <see cref="SpinWait"/> loop slept 1 ms at a time after 20 spins, so the caller overslept the other lane's last
/// job by up to a millisecond per phase (docs/boltzmann.md, "The extra CPU work of two lanes").</para>
/// </remarks>
internal sealed unsafe class GainLaneRunner : IThreadPoolWorkItem
{
    private readonly BoltzmannOperator _owner;
    private readonly BoltzmannWorkspace _workspace;
    private readonly int _lanes;
    private readonly CompletionSignal _finished = new();
    private long _jobs;  // (generation << 32) | (job count << 16) | next job
    private long _slots; // (generation << 32) | next thread slot (the caller holds slot 0)
    private int _generation;
    private int _done;
    private int _work;
    private bool _finish;
    private int _gainSlots;
    private bool _pairs;
    private bool _bilinear;
    private double* _distributions; // F, S·N³ values (pinned by the caller for the duration of Run)
    private double* _destination;   // slots·N³ values (pinned likewise)

    public GainLaneRunner(BoltzmannOperator owner, BoltzmannWorkspace workspace, int lanes)
    {
        _owner = owner;
        _workspace = workspace;
        _lanes = lanes;
    }

    // Diagnostics (benchmarks only): counters of jobs, CPU time and waits, and a mode in which the caller runs every job
    // alone (the groups' own cost without a second thread).
    internal LaneCounters? Counters { get; set; }

    internal bool CallerOnly { get; set; }

    /// <summary>Runs items 0 … <paramref name="work"/> − 1 in <paramref name="groups"/> groups on all threads, then the
    /// <paramref name="slots"/> output slots, and returns when all is done. <paramref name="distributions"/> (S·N³) and
    /// <paramref name="destination"/> (slots·N³) must stay pinned until then.</summary>
    public void Run(int work, int groups, int slots, bool pairs, bool bilinear, double* distributions, double* destination)
    {
        _pairs = pairs;
        _bilinear = bilinear;
        _work = work;
        _gainSlots = slots;
        _distributions = distributions;
        _destination = destination;
        _finish = false;
        Phase(groups);
        _finish = true;
        Phase(slots);
        _distributions = null;
        _destination = null;
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
                if (Counters is { } idle)
                {
                    Interlocked.Increment(ref idle.IdleWorkers);
                }

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
        for (int lane = 1; lane < Math.Min(_lanes, jobs) && !CallerOnly; lane++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Drain(generation, 0);
        WaitForJobs(jobs);
    }

    // Every job of the phase has been claimed; waits until the threads holding the last ones have completed them.
    private void WaitForJobs(int jobs)
    {
        var counters = Counters;
        long started = counters is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        double cpu = counters?.ThreadCpuMilliseconds() ?? 0;
        long spins = _finished.Wait(ref _done, jobs);
        if (counters is not null)
        {
            int kind = _finish ? 1 : 0;
            counters.WaitMilliseconds[kind] += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            counters.WaitCpuMilliseconds[kind] += counters.ThreadCpuMilliseconds() - cpu;
            counters.Spins[kind] += spins;
            long last = Volatile.Read(ref counters.LastDoneTimestamp);
            if (last > started)
            {
                counters.OvershootMilliseconds[kind] += System.Diagnostics.Stopwatch.GetElapsedTime(last).TotalMilliseconds;
                counters.Overshoots[kind]++;
            }
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

            var counters = Counters;
            double cpu = counters?.ThreadCpuMilliseconds() ?? 0;
            if (_finish)
            {
                int length = _owner.Grid.Count;
                _owner.FinishSlot(
                    job,
                    slot,
                    new ReadOnlySpan<double>(_distributions, _owner.SpeciesCount * length),
                    new Span<double>(_destination, _gainSlots * length),
                    _workspace,
                    _pairs,
                    _bilinear);
            }
            else
            {
                _owner.ClearGainGroup(job, _gainSlots, _workspace);
                for (int item = job; item < _work; item += count)
                {
                    _owner.AccumulateGainItem(item, slot, job, _workspace, _pairs, _bilinear);
                }
            }

            if (counters is not null)
            {
                double spent = counters.ThreadCpuMilliseconds() - cpu;
                int kind = _finish ? 1 : 0;
                counters.Jobs[slot, kind]++;
                counters.JobCpuMilliseconds[slot, kind] += spent;
                if (!_finish && job < counters.GroupCpuMilliseconds.Length)
                {
                    counters.GroupCpuMilliseconds[job] = spent;
                }
            }

            if (counters is not null && slot != 0)
            {
                Volatile.Write(ref counters.LastDoneTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
            }

            if (Interlocked.Increment(ref _done) == count)
            {
                _finished.Notify();
            }
        }
    }
}
