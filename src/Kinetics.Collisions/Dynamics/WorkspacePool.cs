using System.Collections.Concurrent;

namespace Kinetics.Dynamics;

/// <summary>
/// Scratch objects rented per call by the span-only <see cref="ICollisionOperator"/> entry points of operators whose
/// native API takes an explicit workspace: one object per concurrent caller, created on first need and reused after.
/// </summary>
/// <typeparam name="T">The operator's workspace type.</typeparam>
internal sealed class WorkspacePool<T>(Func<T> create)
    where T : class
{
    private readonly ConcurrentBag<T> _items = [];

    /// <summary>A workspace for the caller's exclusive use until <see cref="Return"/>.</summary>
    public T Rent() => _items.TryTake(out var item) ? item : create();

    /// <summary>Gives a rented workspace back.</summary>
    public void Return(T item) => _items.Add(item);
}
