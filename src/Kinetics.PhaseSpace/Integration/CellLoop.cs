namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The parallel loop over cells of the collision steps: an argument error of any cell (its distributions refused by the
/// operator, the equilibrium or the penalty, e.g. a negative density) is reported as an <see cref="ArgumentException"/>
/// naming the state, not as the loop's <see cref="AggregateException"/>.
/// </summary>
internal static class CellLoop
{
    /// <summary>The plain overload of <see cref="Parallel"/>'s For over the cells.</summary>
    public static void For(int count, ParallelOptions options, Action<int> body, string paramName = "state")
    {
        try
        {
            System.Threading.Tasks.Parallel.For(0, count, options, body);
        }
        catch (AggregateException error) when (IsArgumentError(error))
        {
            throw Translate(error, paramName);
        }
    }

    /// <summary>The thread-local overload of <see cref="Parallel"/>'s For over the cells.</summary>
    public static void For<TLocal>(int count, ParallelOptions options, Func<TLocal> localInit, Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally, string paramName = "state")
    {
        try
        {
            System.Threading.Tasks.Parallel.For(0, count, options, localInit, body, localFinally);
        }
        catch (AggregateException error) when (IsArgumentError(error))
        {
            throw Translate(error, paramName);
        }
    }

    private static bool IsArgumentError(AggregateException error) => error.Flatten().InnerExceptions.All(e => e is ArgumentException);

    private static ArgumentException Translate(AggregateException error, string paramName)
    {
        var first = error.Flatten().InnerExceptions[0];
        return new ArgumentException($"{paramName}: a cell's distributions were refused: {first.Message}", paramName, first);
    }
}
