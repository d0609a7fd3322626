using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The diffusive-scaling step of <see cref="AsymptoticPreservingSolver"/> on a periodic 1-D mesh: the micro–macro
/// decomposition F = M[U] + g of Lemou and Mieussens ("A new asymptotic preserving scheme based on micro-macro formulation
/// for linear kinetic equations in the diffusion limit", SIAM J. Sci. Comput. 2008), extended to a mixture whose collisions
/// conserve momentum and energy, with the acoustic part of the macroscopic equations implicit (docs/limits.md).
/// </summary>
/// <remarks>
/// <para>Micro: ε²(g^{n+1} − g^n) + εΔt(I − Π)(v_x ∂ₓ(M^n + g^n)) = Δt R^n − βΔt g^{n+1}, R^n = 𝒞̃(F^n) + βg^n the
/// penalised remainder, Π the projection onto the tangent space of the equilibria at M^n (weight M^n: the conservative
/// projection), ∂ₓ centred on M and upwind on g. Macro: U^{n+1} = U^n − (Δt/ε) Dₓ⟨v_x φ (M^n + g^{n+1})⟩, φ = (species
/// indicators, m v, m|v|²/2), Dₓ the centred difference, with the pressure in the momentum flux and the velocity in the
/// species and energy fluxes taken at n+1 (linearised: δp = (2/3)δE, δ((E+p)u) = (E+p)^n δu, δ(n^α u) = n^α δu), which
/// leaves one periodic symmetric positive-definite system per step for h·δu. Then F^{n+1} = M[U^{n+1}] + g^{n+1}.</para>
/// <para>As ε → 0 at fixed Δt: g^{n+1} = g^n + (L g^n − ε(I − Π)v_x∂ₓM)/β (a pseudo-time iteration towards the
/// Chapman–Enskog g = εL⁻¹(I − Π)v_x∂ₓM), the macroscopic fluxes ε⁻¹⟨v_x φ g⟩ become the diffusive ones and the implicit
/// acoustic part holds the pressure uniform: the scheme becomes a discretisation of the diffusive limit with a step that
/// does not depend on ε. Species numbers, total momentum and energy are conserved to round-off (centred differences
/// telescope on the periodic mesh; g^{n+1} has zero moments).</para>
/// </remarks>
internal sealed class DiffusiveMicroMacroStep
{
    private readonly int _cells;
    private readonly int _species;
    private readonly CellMixture _mixture;
    private readonly double[] _masses;
    private readonly double[] _vx;
    private readonly double[] _equilibrium;
    private readonly double[] _micro;
    private readonly double[] _moments;
    private readonly double[] _fluxes;
    private readonly double[] _matrix;
    private readonly double[] _z;

    public DiffusiveMicroMacroStep(PhaseSpaceState layout, CellMixture mixture)
    {
        _cells = layout.CellCount;
        _species = layout.SpeciesCount;
        _mixture = mixture;
        _masses = layout.Masses.ToArray();
        _vx = mixture.VelocityX;
        _equilibrium = new double[_cells * layout.CellLength];
        _micro = new double[_equilibrium.Length];
        _moments = new double[_cells * MomentCount];
        _fluxes = new double[_cells * MomentCount];
        _matrix = new double[_cells * _cells];
        _z = new double[_cells];
    }

    // Per cell: S species densities, 3 momentum components, energy.
    private int MomentCount => _species + 4;

    /// <summary>
    /// The largest stable step for Knudsen number ε, Cfl·max(εΔx/v_max, 8Δx²/v_max²): the upwind transport of g needs
    /// εΔx/v_max at ε = O(1); as ε → 0 the bound becomes parabolic and independent of ε (Lemou and Mieussens), its constant
    /// measured (stable runs at 7.8Δx²/v_max² for ε from 0.1 to 10⁻⁶; docs/limits.md).
    /// </summary>
    public static double StableStep(double spacing, double maxSpeed, double epsilon, double cfl) =>
        cfl * Math.Max(epsilon * spacing / maxSpeed, 8.0 * spacing * spacing / (maxSpeed * maxSpeed));

    /// <summary>
    /// Advances <paramref name="state"/> by Δt, given the penalised remainder R^n (species-major per cell) and the
    /// penalties β of every cell, both evaluated at the state's current values.
    /// </summary>
    public void Step(PhaseSpaceState state, double step, double epsilon, ReadOnlySpan<double> remainder, ReadOnlySpan<double> penalty, ParallelOptions parallel)
    {
        int cells = _cells, length = state.CellLength;
        double dx = state.Mesh.SpacingX, eps2 = epsilon * epsilon;
        double[] equilibrium = _equilibrium, micro = _micro;
        double[] remainderCopy = remainder.ToArray();
        double[] penaltyCopy = penalty.ToArray();
        System.Threading.Tasks.Parallel.For(0, cells, parallel, c => _mixture.Equilibrium(state.Cell(c), equilibrium.AsSpan(c * length, length)));

        // Micro step into _micro (reads F and M of the neighbours, so the state is not written here).
        System.Threading.Tasks.Parallel.For(0, cells, parallel, () => new double[length], (c, _, t) =>
        {
            int left = (c - 1 + cells) % cells, right = (c + 1) % cells;
            ReadOnlySpan<double> f = state.Cell(c), fl = state.Cell(left), fr = state.Cell(right);
            ReadOnlySpan<double> m = equilibrium.AsSpan(c * length, length);
            ReadOnlySpan<double> ml = equilibrium.AsSpan(left * length, length), mr = equilibrium.AsSpan(right * length, length);
            for (int p = 0; p < length; p++)
            {
                double v = _vx[p];
                double g = f[p] - m[p];
                double upwind = v > 0 ? g - (fl[p] - ml[p]) : (fr[p] - mr[p]) - g;
                t[p] = v * ((upwind / dx) + ((mr[p] - ml[p]) / (2.0 * dx)));
            }

            _mixture.Projection.Apply(t, m);
            double beta = penaltyCopy[c];
            Span<double> g1 = micro.AsSpan(c * length, length);
            ReadOnlySpan<double> r = remainderCopy.AsSpan(c * length, length);
            for (int p = 0; p < length; p++)
            {
                g1[p] = ((eps2 * (f[p] - m[p])) - (epsilon * step * t[p]) + (step * r[p])) / (eps2 + (beta * step));
            }

            _mixture.Projection.Apply(g1, m);
            Moments(m, g1, c);
            return t;
        }, _ => { });

        Macro(step / epsilon, dx);

        System.Threading.Tasks.Parallel.For(0, cells, parallel, c =>
        {
            Span<double> f = state.Cell(c);
            ReadOnlySpan<double> u = _moments.AsSpan(c * MomentCount, MomentCount);
            _mixture.FillFromMoments(u[.._species], new Velocity3(u[_species], u[_species + 1], u[_species + 2]), u[_species + 3], f);
            ReadOnlySpan<double> g = micro.AsSpan(c * length, length);
            for (int p = 0; p < length; p++)
            {
                f[p] += g[p];
            }
        });
    }

    // The moments U of M (cell c) and the x-fluxes ⟨v_x φ (M + g)⟩, each species with its own physical velocities and
    // cell volume (on a shared grid the former loop's terms in the same order).
    private void Moments(ReadOnlySpan<double> m, ReadOnlySpan<double> g, int c)
    {
        int k = MomentCount;
        Span<double> u = _moments.AsSpan(c * k, k), flux = _fluxes.AsSpan(c * k, k);
        u.Clear();
        flux.Clear();
        double[] vxs = _mixture.VelocityX, vys = _mixture.VelocityY, vzs = _mixture.VelocityZ;
        for (int a = 0; a < _species; a++)
        {
            double mass = _masses[a], h3 = _mixture.CellVolumes[a];
            for (int p = _mixture.Offsets[a]; p < _mixture.Offsets[a + 1]; p++)
            {
                double vx = vxs[p], vy = vys[p], vz = vzs[p];
                double e = 0.5 * mass * ((vx * vx) + (vy * vy) + (vz * vz));
                double mp = m[p] * h3, fp = (m[p] + g[p]) * h3;
                u[a] += mp;
                u[_species] += mass * vx * mp;
                u[_species + 1] += mass * vy * mp;
                u[_species + 2] += mass * vz * mp;
                u[_species + 3] += e * mp;
                flux[a] += vx * fp;
                flux[_species] += mass * vx * vx * fp;
                flux[_species + 1] += mass * vx * vy * fp;
                flux[_species + 2] += mass * vx * vz * fp;
                flux[_species + 3] += e * vx * fp;
            }
        }
    }

    // U^{n+1} = U^n − λ Dₓ(flux) with the acoustic terms implicit (see the remarks), λ = Δt/ε.
    private void Macro(double lambda, double dx)
    {
        int cells = _cells, k = MomentCount, s = _species;
        double d = lambda / (2.0 * dx);
        double coupling = 2.0 / 3.0 * lambda * lambda / (4.0 * dx * dx);
        var explicitMomentum = new double[cells];
        var explicitEnergy = new double[cells];
        var enthalpy = new double[cells];
        var rho = new double[cells];
        for (int c = 0; c < cells; c++)
        {
            int left = (c - 1 + cells) % cells, right = (c + 1) % cells;
            explicitMomentum[c] = -d * (_fluxes[(right * k) + s] - _fluxes[(left * k) + s]);
            explicitEnergy[c] = -d * (_fluxes[(right * k) + s + 3] - _fluxes[(left * k) + s + 3]);
            ReadOnlySpan<double> u = _moments.AsSpan(c * k, k);
            double r = 0;
            for (int a = 0; a < s; a++)
            {
                r += _masses[a] * u[a];
            }

            double kinetic = 0.5 * ((u[s] * u[s]) + (u[s + 1] * u[s + 1]) + (u[s + 2] * u[s + 2])) / r;
            rho[c] = r;
            enthalpy[c] = u[s + 3] + (2.0 / 3.0 * (u[s + 3] - kinetic));
        }

        // (ρ/h) z − (2/3)λ² Dₓ Dₓ z = A_m − (2/3)λ Dₓ A_E, z = h δu (periodic, symmetric positive definite).
        Span<double> matrix = _matrix;
        matrix.Clear();
        for (int c = 0; c < cells; c++)
        {
            int left = (c - 1 + cells) % cells, right = (c + 1) % cells;
            matrix[(c * cells) + c] += (rho[c] / enthalpy[c]) + (2.0 * coupling);
            matrix[(c * cells) + ((c + 2) % cells)] -= coupling;
            matrix[(c * cells) + ((c - 2 + cells) % cells)] -= coupling;
            _z[c] = explicitMomentum[c] - (2.0 / 3.0 * d * (explicitEnergy[right] - explicitEnergy[left]));
        }

        if (!SmallCholesky.TrySolve(matrix, _z, cells))
        {
            throw new InvalidOperationException("The implicit acoustic system of the diffusive step is not positive definite (a cell has a non-positive temperature).");
        }

        double[] old = _moments.ToArray();
        for (int c = 0; c < cells; c++)
        {
            int left = (c - 1 + cells) % cells, right = (c + 1) % cells;
            Span<double> u = _moments.AsSpan(c * k, k);
            ReadOnlySpan<double> fl = _fluxes.AsSpan(left * k, k), fr = _fluxes.AsSpan(right * k, k);
            double hl = enthalpy[left], hr = enthalpy[right];
            for (int sp = 0; sp < s; sp++)
            {
                // n^α δu on the neighbours: n^α z/h.
                double nl = old[(left * k) + sp], nr = old[(right * k) + sp];
                u[sp] -= d * (fr[sp] + (nr * _z[right] / hr) - fl[sp] - (nl * _z[left] / hl));
            }

            u[s] += rho[c] * _z[c] / enthalpy[c];
            u[s + 1] -= d * (fr[s + 1] - fl[s + 1]);
            u[s + 2] -= d * (fr[s + 2] - fl[s + 2]);
            u[s + 3] += explicitEnergy[c] - (d * (_z[right] - _z[left]));
        }
    }
}
