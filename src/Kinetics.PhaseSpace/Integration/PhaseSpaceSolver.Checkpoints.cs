using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Checkpoints;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>Runs in pieces, checkpoints and restarts of <see cref="PhaseSpaceSolver"/> (docs/phase-space.md, "Checkpoint and restart").</summary>
public sealed partial class PhaseSpaceSolver
{
    private string? _settings;

    /// <summary>
    /// The canonical text of the settings that decide the solver's arithmetic: the options (limiter, CFL, field, collision
    /// Courant number, …; not the thread count or the communicator, which do not change a bit of the result), the two
    /// boundaries with their parameters, and the collision operator (its <c>ToString()</c>, masses, grid) with the per-cell
    /// integrator's options. A checkpoint restores only into a solver with the same text.
    /// </summary>
    public string Settings => _settings ??= DescribeSettings();

    /// <summary>SHA-256 of <see cref="Settings"/> (UTF-8), lower-case hex.</summary>
    public string SettingsFingerprint => HashSettings(Settings);

    /// <summary>The clock of a run of <paramref name="state"/> to <paramref name="finalTime"/>, before its first step: the
    /// ⌈T/<see cref="StepFor"/>⌉ equal steps <see cref="Run"/> takes.</summary>
    /// <param name="state">The initial state (with collisions, it decides the step).</param>
    /// <param name="finalTime">T &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">T not positive and finite, or more than 10^8 steps.</exception>
    public PhaseSpaceRunClock Schedule(PhaseSpaceState state, double finalTime)
    {
        CheckState(state);
        Guard.Positive(finalTime);
        long steps = (long)Math.Ceiling(finalTime / StepFor(state));
        if (steps > 100_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(finalTime), finalTime, $"finalTime needs {steps} steps (budget 10^8).");
        }

        return new PhaseSpaceRunClock(finalTime, (int)Math.Max(steps, 1), 0);
    }

    /// <summary>
    /// Continues a run: takes up to <paramref name="maxSteps"/> of the remaining steps of <paramref name="clock"/>,
    /// reporting after each, and stops early — without throwing — when <paramref name="cancellationToken"/> is cancelled
    /// (checked before every step). The steps are exactly those of the uninterrupted <see cref="Run"/>.
    /// </summary>
    /// <param name="state">The state after <c>clock.StepsTaken</c> steps (advanced in place).</param>
    /// <param name="clock">The run's clock (from <see cref="Schedule"/>, an earlier call, or <see cref="Restore"/>).</param>
    /// <param name="maxSteps">Most steps to take now, ≥ 1.</param>
    /// <param name="observer">Called after every step (null for none).</param>
    /// <param name="cancellationToken">Stops the run between steps.</param>
    /// <returns>The clock after the steps taken.</returns>
    public PhaseSpaceRunClock Continue(
        PhaseSpaceState state, PhaseSpaceRunClock clock, int maxSteps = int.MaxValue, Action<PhaseSpaceStep>? observer = null, CancellationToken cancellationToken = default)
    {
        CheckState(state);
        clock.Validate(nameof(clock));
        Guard.InRange(maxSteps, 1, int.MaxValue);
        double dt = clock.StepLength;
        int last = (int)Math.Min(clock.TotalSteps, (long)clock.StepsTaken + maxSteps);
        int n = clock.StepsTaken;
        while (n < last && !cancellationToken.IsCancellationRequested)
        {
            Step(state, dt);
            n++;
            if (observer is not null)
            {
                SolveField(state);
                observer(new PhaseSpaceStep(n, n * dt, FieldEnergy(), FieldModeAmplitude()));
            }
        }

        return clock with { StepsTaken = n };
    }

    /// <summary>
    /// A checkpoint of <paramref name="state"/> at <paramref name="clock"/>: the whole state gathered from every process
    /// (every process calls this, in the same order as the other collective methods, and gets the same checkpoint).
    /// </summary>
    /// <param name="state">The state.</param>
    /// <param name="clock">The run's clock.</param>
    /// <param name="history">Caller data stored along (e.g. a diagnostic history; empty for none).</param>
    public PhaseSpaceCheckpoint CreateCheckpoint(PhaseSpaceState state, PhaseSpaceRunClock clock, ReadOnlySpan<double> history = default)
    {
        CheckState(state);
        clock.Validate(nameof(clock));
        double[] all = Gather(state.Data.ToArray(), state.CellLength);
        return new PhaseSpaceCheckpoint(
            state.Mesh, state.SpeciesVelocities.ToArray(), state.Mixture.Select(s => s.Name).ToArray(), state.Masses.ToArray(), state.Charges.ToArray(),
            clock, Settings, history.ToArray(), all);
    }

    /// <summary>
    /// Restores this process's block of <paramref name="state"/> from <paramref name="checkpoint"/> (no communication:
    /// each process copies its own rows of the whole state) and returns the clock to continue with.
    /// </summary>
    /// <param name="checkpoint">A checkpoint of this configuration.</param>
    /// <param name="state">The state to overwrite (this solver's layout).</param>
    /// <exception cref="ArgumentException">The checkpoint is from another mesh, velocity grid, species or solver settings.</exception>
    public PhaseSpaceRunClock Restore(PhaseSpaceCheckpoint checkpoint, PhaseSpaceState state)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CheckState(state);
        checkpoint.CheckMatches(state, Settings, nameof(checkpoint));
        checkpoint.Data.Slice(state.FirstCell * state.CellLength, state.Data.Length).CopyTo(state.Data);
        return checkpoint.Clock;
    }

    internal static string HashSettings(string settings) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)));

    private string DescribeSettings()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var core = _options with { Communicator = SerialCommunicator.Instance, MaxDegreeOfParallelism = -1, LowBoundary = null, HighBoundary = null, Collisions = null };
            var text = new StringBuilder(core.ToString());
            text.Append("; low boundary ").Append(Describe(_options.LowBoundary));
            text.Append("; high boundary ").Append(Describe(_options.HighBoundary));
            if (_options.Collisions is { } collisions)
            {
                text.Append("; collisions ").Append(collisions.Operator)
                    .Append(" masses [").AppendJoin(", ", collisions.Operator.Masses.ToArray().Select(m => m.ToString("R", CultureInfo.InvariantCulture)))
                    .Append("] on ").Append(collisions.Operator.Grid)
                    .Append(" with ").Append(collisions.Describe());
            }

            return text.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Describe(BoundaryCondition? boundary) => boundary switch
    {
        null => "periodic",
        WallBoundary w => FormattableString.Invariant(
            $"wall(T = {w.Temperature:R}, u = ({w.Velocity.X:R}, {w.Velocity.Y:R}, {w.Velocity.Z:R}), accommodation = {w.Accommodation:R})"),
        MaxwellianInflow m => FormattableString.Invariant(
            $"inflow(n = [{string.Join(", ", m.Densities.ToArray().Select(d => d.ToString("R", CultureInfo.InvariantCulture)))}], u = ({m.Drift.X:R}, {m.Drift.Y:R}, {m.Drift.Z:R}), T = {m.Temperature:R})"),
        _ => boundary.GetType().FullName ?? "boundary",
    };
}
