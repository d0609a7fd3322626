namespace Kinetics.Dynamics;

/// <summary>
/// The wait of a calling thread for work that other threads are completing (the lanes of one Boltzmann evaluation, the
/// helpers of a batched collision step), without allocating and without oversleeping: the caller spins briefly, then
/// blocks on an event that the thread completing the work sets, re-checking at least every
/// <see cref="SliceMilliseconds"/> ms. A <see cref="SpinWait"/> loop sleeps 1 ms at a time after 20 spins, so it woke
/// up to a millisecond after the work was done (docs/boltzmann.md, "The extra CPU work of two lanes"). The event is one
/// per waiting thread, kept for the thread's life. One waiter at a time per signal.
/// </summary>
/// <remarks>The completing thread changes the counter with an interlocked operation and then calls
/// <see cref="Notify"/>; the waiter publishes itself with an interlocked exchange and then reads the counter, so at least
/// one of them sees the other (no lost wake-up). A set that comes after the waiter has left only makes a later wait of
/// that thread return early once, and every wait re-checks its condition.</remarks>
internal sealed class CompletionSignal
{
    // The longest a waiter blocks before it re-checks the counter by itself (a safety net: the completer sets the event).
    private const int SliceMilliseconds = 5;

    [ThreadStatic]
    private static AutoResetEvent? t_event;

    private AutoResetEvent? _waiter;
    private int _waiting;

    /// <summary>Returns once <paramref name="counter"/> equals <paramref name="target"/>; the caller guarantees progress
    /// (every thread that will change the counter is running work that waits for nothing).</summary>
    /// <returns>The number of spins and blocking waits it took (diagnostics).</returns>
    public int Wait(ref int counter, int target)
    {
        var spin = default(SpinWait);
        int waits = 0;
        while (Volatile.Read(ref counter) != target && !spin.NextSpinWillYield)
        {
            spin.SpinOnce();
            waits++;
        }

        if (Volatile.Read(ref counter) == target)
        {
            return waits;
        }

        var finished = t_event ??= new AutoResetEvent(initialState: false);
        Volatile.Write(ref _waiter, finished);
        Interlocked.Exchange(ref _waiting, 1);
        while (Volatile.Read(ref counter) != target)
        {
            finished.WaitOne(SliceMilliseconds);
            waits++;
        }

        Volatile.Write(ref _waiting, 0);
        return waits;
    }

    /// <summary>Wakes the waiter, if one is blocked; call after the interlocked change of the counter that may have
    /// reached the target.</summary>
    public void Notify()
    {
        if (Volatile.Read(ref _waiting) != 0)
        {
            Volatile.Read(ref _waiter)?.Set();
        }
    }
}
