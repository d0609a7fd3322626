using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Tests.Integration;

// CollisionStep.CreatePenalizedPlasma: each cell advanced by PenalizedPlasmaStepper (docs/massless-electrons.md).
public sealed class PenalizedPlasmaCollisionStepTests
{
    [Fact]
    public void EveryCell_FollowsTheHomogeneousStepperBitForBit()
    {
        const double Epsilon = 0.2;
        var mixture = new Mixture(new Species("ion", 1.0, 1.0), new Species("electron", Epsilon * Epsilon, -1.0));
        var grids = new SpeciesGrids([new SpeciesGrid(new CartesianGrid(12, 8.0)), new SpeciesGrid(new CartesianGrid(12, 8.0 / Epsilon))]);
        var op = PlasmaLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb(LandauNormalization.FlynnGuo));
        var stepper = PenalizedPlasmaStepper.Create(op);
        var state = new PhaseSpaceState(UniformMesh.Create1D(4, 1.0), VelocityGrid.FromSpeciesGrids(grids), mixture);
        for (int c = 0; c < state.CellCount; c++)
        {
            Span<double> cell = state.Cell(c);
            Maxwellian.Fill(grids[0].Grid, new MacroscopicState(1.0 + (0.1 * c), 0.6), 1.0, grids.Slice(cell, 0));
            Maxwellian.Fill(grids[1].Grid, new MacroscopicState(1.0 + (0.1 * c), 1.0 + (0.2 * c)), Epsilon * Epsilon, grids.Slice(cell, 1));
        }

        var expected = new double[state.CellCount][];
        var workspace = stepper.CreateWorkspace();
        for (int c = 0; c < state.CellCount; c++)
        {
            double[] f = state.Cell(c).ToArray(), next = new double[f.Length];
            for (int k = 0; k < 2; k++)
            {
                stepper.Step(f, next, 0.05, workspace);
                next.CopyTo(f, 0);
            }

            expected[c] = f;
        }

        var step = CollisionStep.CreatePenalizedPlasma(stepper, substeps: 2);
        Assert.True(step.IsStiff);
        step.Advance(state, 0.1);
        for (int c = 0; c < state.CellCount; c++)
        {
            Assert.Equal(expected[c], state.Cell(c).ToArray());
        }

        var wrong = new PhaseSpaceState(UniformMesh.Create1D(4, 1.0), new VelocityGrid(3, 12, 8.0), mixture);
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => step.Advance(wrong, 0.1)).ParamName);
    }
}
