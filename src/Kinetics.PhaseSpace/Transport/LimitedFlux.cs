using System.Runtime.CompilerServices;

namespace Kinetics.PhaseSpace.Transport;

/// <summary>
/// The one-step second-order flux of linear advection with a limited slope (the MUSCL–Hancock / Sweby flux-limited
/// Lax–Wendroff scheme): with Courant number ν = a·Δt/Δ and cells f₀ f₁ | f₂ f₃ around a face,
/// G = ν [f₁ + ½(1 − ν) s(f₁ − f₀, f₂ − f₁)] for ν ≥ 0 and G = ν [f₂ − ½(1 + ν) s(f₂ − f₁, f₃ − f₂)] for ν &lt; 0,
/// and a cell is updated by f_i ← f_i − (G_{i+½} − G_{i−½}). Conservative by construction (mass changes only through
/// boundary faces), second order in space and time for smooth data, TVD for |ν| ≤ 1 with a TVD limiter.
/// </summary>
internal static class LimitedFlux
{
    /// <summary>Face "fluxes" G (in units of the advected value, already multiplied by Δt/Δ) for a run of points.</summary>
    /// <param name="limiter">The slope limiter.</param>
    /// <param name="courant">ν per point (length n), or a single value broadcast when its length is 1.</param>
    /// <param name="f0">Values two cells upwind-left of the face.</param>
    /// <param name="f1">Values of the cell left of the face.</param>
    /// <param name="f2">Values of the cell right of the face.</param>
    /// <param name="f3">Values two cells right of the face.</param>
    /// <param name="flux">G per point.</param>
    public static void Compute(SlopeLimiter limiter, ReadOnlySpan<double> courant, ReadOnlySpan<double> f0, ReadOnlySpan<double> f1, ReadOnlySpan<double> f2, ReadOnlySpan<double> f3, Span<double> flux)
    {
        switch (limiter)
        {
            case SlopeLimiter.VanLeer:
                Compute<VanLeerSlope>(courant, f0, f1, f2, f3, flux);
                break;
            case SlopeLimiter.MonotonizedCentral:
                Compute<MonotonizedCentralSlope>(courant, f0, f1, f2, f3, flux);
                break;
            case SlopeLimiter.Minmod:
                Compute<MinmodSlope>(courant, f0, f1, f2, f3, flux);
                break;
            default:
                Compute<CentralSlope>(courant, f0, f1, f2, f3, flux);
                break;
        }
    }

    /// <summary>The face value G of one face (scalar form of <see cref="Compute"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Face<TSlope>(double nu, double f0, double f1, double f2, double f3)
        where TSlope : struct, ISlope =>
        nu >= 0.0
            ? nu * (f1 + (0.5 * (1.0 - nu) * TSlope.Of(f1 - f0, f2 - f1)))
            : nu * (f2 - (0.5 * (1.0 + nu) * TSlope.Of(f2 - f1, f3 - f2)));

    private static void Compute<TSlope>(ReadOnlySpan<double> courant, ReadOnlySpan<double> f0, ReadOnlySpan<double> f1, ReadOnlySpan<double> f2, ReadOnlySpan<double> f3, Span<double> flux)
        where TSlope : struct, ISlope
    {
        int n = flux.Length;
        if (f0.Length < n || f1.Length < n || f2.Length < n || f3.Length < n)
        {
            throw new ArgumentException("flux inputs must be at least as long as the destination (internal error).", nameof(flux));
        }

        if (courant.Length == 1)
        {
            double nu = courant[0];
            for (int p = 0; p < n; p++)
            {
                flux[p] = Face<TSlope>(nu, f0[p], f1[p], f2[p], f3[p]);
            }

            return;
        }

        // Species blocks repeat the velocity pattern: courant holds one period of n_v values.
        int period = courant.Length;
        for (int start = 0; start < n; start += period)
        {
            int count = Math.Min(period, n - start);
            for (int p = 0; p < count; p++)
            {
                int q = start + p;
                flux[q] = Face<TSlope>(courant[p], f0[q], f1[q], f2[q], f3[q]);
            }
        }
    }
}

/// <summary>A limited slope s(a, b) as an operator struct (one JIT specialisation per limiter).</summary>
internal interface ISlope
{
    /// <summary>s(a, b) from the left and right differences.</summary>
    static abstract double Of(double a, double b);
}

/// <summary>Van Leer: 2ab/(a + b) when ab &gt; 0.</summary>
internal readonly struct VanLeerSlope : ISlope
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double a, double b)
    {
        double ab = a * b;
        return ab > 0.0 ? 2.0 * ab / (a + b) : 0.0;
    }
}

/// <summary>Monotonised central: sign·min(2|a|, 2|b|, |a + b|/2) when ab &gt; 0.</summary>
internal readonly struct MonotonizedCentralSlope : ISlope
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double a, double b)
    {
        if (a * b <= 0.0)
        {
            return 0.0;
        }

        double m = Math.Min(Math.Min(2.0 * Math.Abs(a), 2.0 * Math.Abs(b)), 0.5 * Math.Abs(a + b));
        return a > 0.0 ? m : -m;
    }
}

/// <summary>Minmod: sign·min(|a|, |b|) when ab &gt; 0.</summary>
internal readonly struct MinmodSlope : ISlope
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double a, double b)
    {
        if (a * b <= 0.0)
        {
            return 0.0;
        }

        return a > 0.0 ? Math.Min(a, b) : Math.Max(a, b);
    }
}

/// <summary>Unlimited centred slope (a + b)/2.</summary>
internal readonly struct CentralSlope : ISlope
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double a, double b) => 0.5 * (a + b);
}
