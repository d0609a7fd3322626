using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;
using Kinetics.Moments;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// SSP-RK3 (Shu–Osher) for ∂_t F_a = Σ_b c_ab Q_ab(F_a, F_b) with every species on its own grid: each stage's collision
/// term is <see cref="PlasmaLandauOperator"/> followed by <see cref="ConservativeProjection"/> weighted by |F|, so
/// species masses, total momentum and total energy move only by round-off. The first stage's projected rate (the
/// collision term of the state at the start of the step) is kept in <see cref="InitialRate"/>.
/// </summary>
internal sealed class SpeciesGridStepper
{
    private readonly PlasmaLandauOperator _operator;
    private readonly ConservativeProjection _projection;
    private readonly PlasmaLandauWorkspace _workspace;
    private readonly double[] _rate, _stage, _weights, _initial, _sum;

    public SpeciesGridStepper(PlasmaLandauOperator op)
    {
        _operator = op;
        _projection = ConservativeProjection.Create(op.Grids, op.Masses);
        _workspace = op.CreateWorkspace();
        int count = op.Grids.TotalCount;
        _rate = new double[count];
        _stage = new double[count];
        _weights = new double[count];
        _initial = new double[count];
        _sum = new double[count];
    }

    public SpeciesGrids Grids => _operator.Grids;

    /// <summary>The projected collision term at the start of the last step.</summary>
    public ReadOnlySpan<double> InitialRate => _initial;

    /// <summary>Number of operator evaluations so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>The projected collision term of <paramref name="f"/> into <paramref name="destination"/>.</summary>
    public void Rate(ReadOnlySpan<double> f, Span<double> destination)
    {
        _operator.Evaluate(f, destination, _workspace);
        for (int i = 0; i < f.Length; i++)
        {
            _weights[i] = Math.Abs(f[i]);
        }

        _projection.Apply(destination, _weights);
        Evaluations++;
    }

    /// <summary>One SSP-RK3 step of length <paramref name="dt"/>, in place, in increment form
    /// (F ← F + Δt(k₁ + k₂ + 4k₃)/6 with k₁ = R(F), k₂ = R(F + Δt k₁), k₃ = R(F + Δt(k₁ + k₂)/4)): the state is
    /// rounded once per step, and the increment has the zero conserved moments of the projected k's.</summary>
    public void Step(Span<double> f, double dt)
    {
        Span<double> k = _rate, g = _stage, sum = _sum;
        Rate(f, k);
        k.CopyTo(_initial);
        for (int i = 0; i < f.Length; i++)
        {
            sum[i] = k[i];
            g[i] = f[i] + (dt * k[i]);
        }

        Rate(g, k);
        for (int i = 0; i < f.Length; i++)
        {
            sum[i] += k[i];
            g[i] = f[i] + (0.25 * dt * sum[i]);
        }

        Rate(g, k);
        for (int i = 0; i < f.Length; i++)
        {
            f[i] += dt / 6.0 * (sum[i] + (4.0 * k[i]));
        }
    }

    /// <summary>
    /// A step inside SSP-RK3's stability interval for the spectral diffusion of every species: Δt = c·2.5 h_a² /
    /// (3π² D_a) minimised over a, with D_a = Σ_b c_ab p K_b / m_a² and K_b the size of b's diffusion field seen on a's
    /// grid: the smaller of σ(0) n_b/√θ_b (θ_b = T_b/m_b; b resolved on a's grid) and n_b·2/h_a (b narrower than a's
    /// spacing: the projected field of a point mass cut at the grid scale).
    /// </summary>
    public static double StableStep(SpeciesGridLandauOperator op, ReadOnlySpan<double> densities, ReadOnlySpan<double> temperatures, double courant)
    {
        double best = double.PositiveInfinity, p = op.Kernel.Normalization.Prefactor();
        var masses = op.Masses;
        for (int a = 0; a < op.Grids.SpeciesCount; a++)
        {
            double h = op.Grids[a].Spacing, d = 0;
            for (int b = 0; b < op.Grids.SpeciesCount; b++)
            {
                double sigma = 0.5319230405 * densities[b] / Math.Sqrt(temperatures[b] / masses[b]);
                d += op.Couplings[a, b] * p * Math.Min(sigma, 2.0 * densities[b] / h) / (masses[a] * masses[a]);
            }

            best = Math.Min(best, courant * 2.5 * h * h / (3.0 * Math.PI * Math.PI * d));
        }

        return best;
    }

    /// <summary>Per-species moments recomputed from the values (grid points c + v_p, weight h³), independent of the
    /// projection, with compensated (Neumaier) sums so that the measurement itself is good to ~1e−16.</summary>
    public static (double Density, Velocity3 Momentum, double Energy) Moments(SpeciesGrid grid, ReadOnlySpan<double> f, double mass)
    {
        Span<double> sums = stackalloc double[5];
        Span<double> carry = stackalloc double[5];
        Span<double> terms = stackalloc double[5];
        for (int i = 0; i < f.Length; i++)
        {
            Velocity3 v = grid.Point(i);
            terms[0] = f[i];
            terms[1] = v.X * f[i];
            terms[2] = v.Y * f[i];
            terms[3] = v.Z * f[i];
            terms[4] = v.LengthSquared * f[i];
            for (int m = 0; m < 5; m++)
            {
                double t = sums[m] + terms[m];
                carry[m] += Math.Abs(sums[m]) >= Math.Abs(terms[m]) ? (sums[m] - t) + terms[m] : (terms[m] - t) + sums[m];
                sums[m] = t;
            }
        }

        double w = grid.CellVolume;
        return ((sums[0] + carry[0]) * w, new Velocity3(sums[1] + carry[1], sums[2] + carry[2], sums[3] + carry[3]) * (mass * w), 0.5 * mass * (sums[4] + carry[4]) * w);
    }

    /// <summary>H = Σ_a ∫F_a log F_a on each species' grid (F ≤ 0 excluded and counted, see <see cref="Entropy"/>).</summary>
    public Entropy Entropy(ReadOnlySpan<double> f)
    {
        var total = default(Entropy);
        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            total += Kinetics.Moments.Entropy.Of(new Distributions.DistributionFunction(Grids[a].Grid, Grids.Slice(f, a)));
        }

        return total;
    }
}
