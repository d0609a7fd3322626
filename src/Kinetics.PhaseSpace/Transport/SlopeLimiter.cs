namespace Kinetics.PhaseSpace.Transport;

/// <summary>
/// The limited slope s(a, b) of a cell from its left difference a = f_i − f_{i−1} and right difference
/// b = f_{i+1} − f_i, used by the second-order finite-volume fluxes of <see cref="FreeTransport"/> and of the force
/// term. Every limiter except <see cref="Unlimited"/> is TVD for Courant numbers |ν| ≤ 1 (Sweby's region).
/// </summary>
public enum SlopeLimiter
{
    /// <summary>Van Leer's harmonic limiter: s = 2ab/(a + b) when ab &gt; 0, else 0 (smooth, the default).</summary>
    VanLeer = 0,

    /// <summary>Monotonised central: s = sign·min(2|a|, 2|b|, |a + b|/2) when ab &gt; 0, else 0 (least diffusive).</summary>
    MonotonizedCentral,

    /// <summary>Minmod: s = sign·min(|a|, |b|) when ab &gt; 0, else 0 (most diffusive).</summary>
    Minmod,

    /// <summary>Unlimited centred slope s = (a + b)/2 (Fromm's scheme; second order, not monotone).</summary>
    Unlimited,
}
