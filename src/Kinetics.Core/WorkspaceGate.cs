namespace Kinetics;

/// <summary>
/// The ownership and concurrent-use flag of a workspace. A workspace knows the plan that created it
/// (<see cref="Owner"/>); an evaluation enters the gate for its duration and a second thread entering the same gate
/// meanwhile gets an <see cref="InvalidOperationException"/> instead of silently sharing scratch. Re-entry from the
/// thread that holds the gate (an operator that calls another entry point of its own plan with the same workspace)
/// is allowed. Cost: one interlocked compare-exchange and one volatile write per evaluation.
/// </summary>
internal sealed class WorkspaceGate
{
    private int _thread;

    /// <summary>Creates the gate of a workspace created by <paramref name="owner"/>.</summary>
    public WorkspaceGate(object owner) => Owner = owner;

    /// <summary>The plan that created the workspace.</summary>
    public object Owner { get; }

    /// <summary>
    /// Checks that the workspace belongs to <paramref name="plan"/> and marks it busy until the returned lease is
    /// disposed.
    /// </summary>
    public Lease Enter(object plan, string paramName)
    {
        if (!ReferenceEquals(plan, Owner))
        {
            throw new ArgumentException(
                $"{paramName} was created by a different {Owner.GetType().Name} ({Owner}); pass a workspace from this plan's CreateWorkspace().",
                paramName);
        }

        return Enter(paramName);
    }

    /// <summary>Marks the workspace busy until the returned lease is disposed (no ownership check).</summary>
    public Lease Enter(string paramName)
    {
        int me = Environment.CurrentManagedThreadId;
        int holder = Interlocked.CompareExchange(ref _thread, me, 0);
        if (holder == 0)
        {
            return new Lease(this);
        }

        if (holder == me)
        {
            return default; // re-entry on the owning thread
        }

        throw new InvalidOperationException(
            $"{paramName} is in use by another thread (managed thread {holder}); a workspace serves one evaluation at a time: create one workspace per thread.");
    }

    /// <summary>Releases the gate when disposed (a default lease releases nothing).</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly WorkspaceGate? _gate;

        internal Lease(WorkspaceGate gate) => _gate = gate;

        /// <inheritdoc/>
        public void Dispose()
        {
            if (_gate is not null)
            {
                Volatile.Write(ref _gate._thread, 0);
            }
        }
    }
}
