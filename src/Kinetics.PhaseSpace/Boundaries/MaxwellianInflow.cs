namespace Kinetics.PhaseSpace.Boundaries;

/// <summary>
/// An open boundary: particles enter with a prescribed Maxwellian 𝓜[n^α, u, T; m^α] (per-species densities, common drift
/// and temperature) and leave freely (zero-gradient ghost rows, upwind outgoing fluxes).
/// </summary>
public sealed class MaxwellianInflow : BoundaryCondition
{
    private readonly double[] _densities;

    /// <summary>Creates the boundary.</summary>
    /// <param name="densities">n^α ≥ 0 of the incoming Maxwellian, one per species.</param>
    /// <param name="drift">u of the incoming Maxwellian.</param>
    /// <param name="temperature">T &gt; 0 of the incoming Maxwellian.</param>
    public MaxwellianInflow(ReadOnlySpan<double> densities, Velocity3 drift, double temperature)
    {
        foreach (double n in densities)
        {
            Guard.NonNegative(n, nameof(densities));
        }

        Guard.Positive(temperature);
        if (!drift.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(drift), drift, "drift must be finite.");
        }

        _densities = densities.ToArray();
        Drift = drift;
        Temperature = temperature;
    }

    /// <summary>n^α of the incoming Maxwellian.</summary>
    public ReadOnlySpan<double> Densities => _densities;

    /// <summary>u of the incoming Maxwellian.</summary>
    public Velocity3 Drift { get; }

    /// <summary>T of the incoming Maxwellian.</summary>
    public double Temperature { get; }

    internal override void FillGhosts(ReadOnlySpan<double> interior, Span<double> ghosts, BoundaryContext context)
    {
        // Zero gradient: both ghost rows repeat the boundary row.
        int row = ghosts.Length / 2;
        interior[..row].CopyTo(ghosts[..row]);
        interior[..row].CopyTo(ghosts[row..]);
    }

    internal override void ApplyFaceFlux(Span<double> flux, BoundaryContext context)
    {
        if (_densities.Length != context.Masses.Length)
        {
            throw new InvalidOperationException($"The inflow has {_densities.Length} densities for {context.Masses.Length} species.");
        }

        for (int s = 0; s < _densities.Length; s++)
        {
            var grid = context.Grids[s];
            int nv = grid.Count;
            double m = context.Masses[s];
            double norm = _densities[s] * Math.Pow(m / (2.0 * Math.PI * Temperature), grid.Dimension / 2.0);
            Span<double> g = flux.Slice(context.Offsets[s], nv);
            for (int p = 0; p < nv; p++)
            {
                if (context.Incoming(s, p))
                {
                    g[p] = context.CourantOf(s, p) * norm * context.MaxwellianFactor(s, p, Drift, m, Temperature);
                }
            }
        }
    }
}
