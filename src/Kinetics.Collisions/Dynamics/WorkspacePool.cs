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

    /// <summary>The pool in <paramref name="field"/>, created on first use from <paramref name="owner"/>'s workspaces
    /// (CompareExchange keeps it unique when callers race).</summary>
    public static WorkspacePool<T> Of<TOperator>(ref WorkspacePool<T>? field, TOperator owner)
        where TOperator : IWorkspaceOperator<T> =>
        field ?? Interlocked.CompareExchange(ref field, new WorkspacePool<T>(owner.CreateWorkspace), null) ?? field;

    /// <summary>The <see cref="ICollisionOperator"/> adapter: <paramref name="owner"/>'s evaluation into
    /// <paramref name="destination"/> with a workspace rented for the call.</summary>
    public void Evaluate<TOperator>(TOperator owner, ReadOnlySpan<double> distributions, Span<double> destination)
        where TOperator : IWorkspaceOperator<T>
    {
        var workspace = Rent();
        try
        {
            owner.Evaluate(distributions, destination, workspace);
        }
        finally
        {
            Return(workspace);
        }
    }
}

/// <summary>An operator whose native API evaluates into a destination with an explicit workspace (what
/// <see cref="WorkspacePool{T}"/> adapts to the span-only <see cref="ICollisionOperator"/>).</summary>
/// <typeparam name="T">The workspace type.</typeparam>
internal interface IWorkspaceOperator<T>
    where T : class
{
    /// <summary>A new workspace for one caller.</summary>
    T CreateWorkspace();

    /// <summary>destination = Q(distributions), stacked species-major.</summary>
    void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, T workspace);
}
