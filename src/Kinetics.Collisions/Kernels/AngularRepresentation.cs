namespace Kinetics.Kernels;

/// <summary>Which angle an angular cross-section b is written in (docs/math#angular-representations).</summary>
/// <remarks>
/// <para><see cref="Omega"/>: b_ω(cos θ) with cos θ = ω·(v − v*)/|v − v*| and ω over the whole sphere (Wang, Wang and Wu; docs/math#angular-representations);
/// post-collision v' = v − (2m^β/M)((v − v*)·ω)ω.</para>
/// <para><see cref="Sigma"/>: b_σ(cos χ) with cos χ = σ·(v − v*)/|v − v*| (Bondesan and Briant, and the fast spectral methods);
/// v' = V + (m^β/M)|g|σ.</para>
/// <para>They describe the same operator when b_σ(cos χ) = b_ω(cos θ)/(2|cos θ|), cos χ = 1 − 2cos²θ.</para>
/// </remarks>
public enum AngularRepresentation
{
    /// <summary>b_ω(cos θ), ω the unit vector along the momentum transfer (whole sphere).</summary>
    Omega = 0,

    /// <summary>b_σ(cos χ), σ the post-collision relative-velocity direction, χ the deflection angle.</summary>
    Sigma = 1,
}
