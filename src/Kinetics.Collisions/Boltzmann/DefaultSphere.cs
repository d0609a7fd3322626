using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Boltzmann;

/// <summary>The sphere rule of each species pair: <see cref="BoltzmannOptions.PairSpheres"/>, then
/// <see cref="BoltzmannOptions.Sphere"/>, then the per-pair default (docs/boltzmann.md, "Default sphere rules").</summary>
internal static class DefaultSphere
{
    public static SphereRule For(BoltzmannOptions options, CollisionKernelTable kernels, int alpha, int beta)
    {
        if (options.PairSpheres is { } table)
        {
            if (table.TryGetValue((alpha, beta), out var rule) || table.TryGetValue((beta, alpha), out rule))
            {
                return rule;
            }
        }

        if (options.Sphere is { } shared)
        {
            return shared;
        }

        // Measured in docs/boltzmann.md ("Default sphere rules"): on anisotropic two-bump mixtures the σ-quadrature error of
        // a self pair leaks mass at 9e−4 (icosahedron), 1.6e−6 (32 points) and 3e−8 (Lebedev 50); a cross pair at 4e−4
        // (icosahedron, equal masses) and ≤ 2e−7 (32 points).
        return !kernels[alpha, beta].IsIsotropic ? SphereRule.Product(11)
            : alpha == beta ? SphereRule.Lebedev50 : SphereRule.Icosahedral32;
    }
}
