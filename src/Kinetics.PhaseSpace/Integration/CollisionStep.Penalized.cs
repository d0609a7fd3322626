using Kinetics.Dynamics;
using Kinetics.Landau.Plasma;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>The penalised plasma path of <see cref="CollisionStep"/> (docs/massless-electrons.md, "The 1-D Vlasov–Poisson–Landau problem").</summary>
public sealed partial class CollisionStep
{
    private readonly PenalizedPlasmaStepper? _penalized;
    private readonly int _penalizedSubsteps;

    private CollisionStep(PenalizedPlasmaStepper stepper, int substeps)
    {
        Options = new SpaceHomogeneousOptions();
        _penalized = stepper;
        _penalizedSubsteps = substeps;
        _reports = [];
    }

    /// <summary>The stiff plasma stepper of <see cref="CreatePenalizedPlasma"/> (null otherwise).</summary>
    public PenalizedPlasmaStepper? PenalizedStepper => _penalized;

    /// <summary>
    /// The stiff collision step of an electron–ion plasma on per-species grids: each cell's Σ_a N_a³ values are advanced
    /// over Δt by <paramref name="substeps"/> equal steps of <see cref="PenalizedPlasmaStepper"/> (implicit–explicit with a
    /// Laplacian penalty and implicit friction; species masses, total momentum and energy kept to round-off per cell). The
    /// step is stiff (<see cref="IsStiff"/>): <see cref="PhaseSpaceSolver"/> does not shorten its step for the electrons'
    /// collision frequency, which at m₋/m₊ = ε² is 1/ε times the ions'.
    /// </summary>
    /// <param name="stepper">The stepper; its operator's grids and masses must be the state's 3-D species grids and masses.</param>
    /// <param name="substeps">Penalised steps per <see cref="Advance"/>, in [1, 10000] (default 1).</param>
    /// <returns>The collision step.</returns>
    public static CollisionStep CreatePenalizedPlasma(PenalizedPlasmaStepper stepper, int substeps = 1)
    {
        ArgumentNullException.ThrowIfNull(stepper);
        Guard.InRange(substeps, 1, 10_000);
        return new CollisionStep(stepper, substeps);
    }

    private void AdvancePenalized(PhaseSpaceState state, double step, int maxDegreeOfParallelism)
    {
        var stepper = _penalized!;
        int substeps = _penalizedSubsteps, length = state.CellLength;
        double h = step / substeps;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        CellLoop.For(
            state.CellCount,
            parallel,
            () => (Workspace: stepper.CreateWorkspace(), Next: new double[length]),
            (c, _, s) =>
            {
                Span<double> f = state.Cell(c);
                for (int k = 0; k < substeps; k++)
                {
                    stepper.Step(f, s.Next, h, s.Workspace);
                    s.Next.CopyTo(f);
                }

                return s;
            },
            _ => { });
    }

    private void CheckPenalized(PhaseSpaceState state)
    {
        var op = _penalized!.Operator;
        var grids = op.Grids;
        if (state.SpeciesCount != grids.SpeciesCount || state.VelocityDimension != 3)
        {
            throw new ArgumentException(
                $"state must have the stepper's {grids.SpeciesCount} species on 3-D velocity grids (has {state.SpeciesCount} on {state.VelocityDimension}-D grids).", nameof(state));
        }

        for (int s = 0; s < grids.SpeciesCount; s++)
        {
            if (!state.VelocitiesOf(s).ToSpeciesGrid().Equals(grids[s]))
            {
                throw new ArgumentException($"state's species {s} is on {state.VelocitiesOf(s)}; the stepper's grid is {grids[s]}.", nameof(state));
            }
        }

        if (!state.Masses.SequenceEqual(op.Masses))
        {
            throw new ArgumentException("state's species masses must be the stepper's.", nameof(state));
        }
    }
}
