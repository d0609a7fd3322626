using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.Tests;

namespace Kinetics.PhaseSpace.Tests.Fields;

public sealed class PeriodicPoissonSolverTests
{
    [Theory]
    [InlineData(16, 1)]
    [InlineData(30, 2)]
    [InlineData(45, 3)]
    public void Solve1D_OfCosineCharge_GivesSineFieldExactly(int cells, int mode)
    {
        // ∇·E = ρ − ⟨ρ⟩ with ρ = 2 + a cos(kx): E = (a/k) sin(kx), exact for a resolved Fourier mode.
        const double L = 7.0, A = 0.3;
        var mesh = UniformMesh.Create1D(cells, L);
        double k = 2 * Math.PI * mode / L;
        var rho = Enumerable.Range(0, cells).Select(i => 2 + (A * Math.Cos(k * mesh.CenterX(i)))).ToArray();
        var e = new double[cells];
        PeriodicPoissonSolver.Create(mesh).Solve(rho, e, []);
        for (int i = 0; i < cells; i++)
        {
            // Round-off of an N-point FFT pair: observed ≤ 2e−16; bound 1e−14.
            Tolerance.AssertAbsolute(A / k * Math.Sin(k * mesh.CenterX(i)), e[i], 1e-14, $"E[{i}]");
        }
    }

    [Fact]
    public void Solve2D_OfObliqueMode_GivesGradientOfPotential()
    {
        // ρ = cos(k·x), φ = ρ/|k|², E = −∇φ = (k/|k|²) sin(k·x).
        var mesh = UniformMesh.Create2D(12, 20, 2 * Math.PI / 0.3, 2 * Math.PI / 0.4);
        double kx = 0.3, ky = 0.4, k2 = (kx * kx) + (ky * ky);
        var rho = new double[mesh.CellCount];
        for (int iy = 0; iy < mesh.CellsY; iy++)
        {
            for (int ix = 0; ix < mesh.CellsX; ix++)
            {
                rho[mesh.Index(ix, iy)] = Math.Cos((kx * mesh.CenterX(ix)) + (ky * mesh.CenterY(iy)));
            }
        }

        var ex = new double[mesh.CellCount];
        var ey = new double[mesh.CellCount];
        var solver = PeriodicPoissonSolver.Create(mesh);
        solver.Solve(rho, ex, ey);
        for (int iy = 0; iy < mesh.CellsY; iy++)
        {
            for (int ix = 0; ix < mesh.CellsX; ix++)
            {
                double s = Math.Sin((kx * mesh.CenterX(ix)) + (ky * mesh.CenterY(iy)));
                Tolerance.AssertAbsolute(kx / k2 * s, ex[mesh.Index(ix, iy)], 1e-13, "E_x");
                Tolerance.AssertAbsolute(ky / k2 * s, ey[mesh.Index(ix, iy)], 1e-13, "E_y");
            }
        }

        // ½∫|E|² = ½ (1/|k|²)·(area/2) for a unit cosine.
        Tolerance.AssertRelative(0.5 / k2 * mesh.LengthX * mesh.LengthY / 2, solver.FieldEnergy(ex, ey), 1e-13, "field energy");
    }

    [Fact]
    public void Create_RejectsMeshWithLargePrimeFactor()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodicPoissonSolver.Create(UniformMesh.Create1D(14, 1.0)));
        Assert.Equal("mesh", e.ParamName);
    }
}
