using Kinetics.Quadrature;

namespace Kinetics.Landau;

/// <summary>
/// Slow pointwise reference (oracle) for the Landau fields and operator of analytic distributions, by quadrature in
/// spherical coordinates centred at v (z = rω, |z| ≤ R): K(v) = p∫₀^R r^{γ+4}∫_{S²}Π(ω)F(v − rω)dω dr,
/// b(v) = −2p∫₀^R r^{γ+3}∫ω F(v − rω)dω dr, ∇·b = −2p(γ+3)∫₀^R r^{γ+2}∫F dω dr (γ &gt; −3) or −8πpF(v) (γ = −3).
/// Radial rule: composite Gauss–Legendre after r = R t³; angular rule: Gauss–Legendre in cos θ × trapezoid in φ
/// (both spectrally accurate for smooth F). Cost O(panels·16·order²) evaluations of F per point.
/// </summary>
public static class LandauReferenceEvaluator
{
    /// <summary>The fields K, b, ∇·b of <paramref name="density"/> at <paramref name="v"/>.</summary>
    /// <param name="kernel">Φ_γ.</param>
    /// <param name="density">F (smooth, negligible beyond <paramref name="radius"/> from v).</param>
    /// <param name="v">The velocity.</param>
    /// <param name="radius">R: the integration (truncation) radius.</param>
    /// <param name="radialPanels">Radial panels of 16 Gauss points (≥ 1).</param>
    /// <param name="angularOrder">Gauss points in cos θ (2·order in φ), ≥ 4.</param>
    /// <returns>The fields.</returns>
    public static LandauPointFields Fields(LandauKernel kernel, Func<Velocity3, double> density, Velocity3 v, double radius, int radialPanels = 24, int angularOrder = 32)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(density);
        Guard.Positive(radius);
        Guard.Finite(v);
        Guard.InRange(radialPanels, 1, 10_000);
        Guard.InRange(angularOrder, 4, 1000);
        var polar = GaussLegendreRule.Create(angularOrder, -1, 1);
        var radial = GaussLegendreRule.Create(16, 0, 1);
        int azimuthal = 2 * angularOrder;
        double gamma = kernel.Gamma, p = kernel.Prefactor;
        double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0, bx = 0, by = 0, bz = 0, div = 0;
        for (int panel = 0; panel < radialPanels; panel++)
        {
            for (int q = 0; q < 16; q++)
            {
                double t = (panel + radial.Nodes[q]) / radialPanels;
                double r = radius * t * t * t;
                double dr = 3 * radius * t * t * radial.Weights[q] / radialPanels;
                double mean = 0, mx = 0, my = 0, mz = 0, sxx = 0, sxy = 0, sxz = 0, syy = 0, syz = 0, szz = 0;
                for (int a = 0; a < angularOrder; a++)
                {
                    double c = polar.Nodes[a], s = Math.Sqrt(1 - (c * c)), wa = polar.Weights[a] * 2 * Math.PI / azimuthal;
                    for (int b = 0; b < azimuthal; b++)
                    {
                        double phi = 2 * Math.PI * b / azimuthal;
                        var w = new Velocity3(s * Math.Cos(phi), s * Math.Sin(phi), c);
                        double f = wa * density(v - (r * w));
                        mean += f;
                        mx += f * w.X;
                        my += f * w.Y;
                        mz += f * w.Z;
                        sxx += f * w.X * w.X;
                        sxy += f * w.X * w.Y;
                        sxz += f * w.X * w.Z;
                        syy += f * w.Y * w.Y;
                        syz += f * w.Y * w.Z;
                        szz += f * w.Z * w.Z;
                    }
                }

                double k = dr * Math.Pow(r, gamma + 4), d = dr * Math.Pow(r, gamma + 3);
                xx += k * (mean - sxx);
                xy -= k * sxy;
                xz -= k * sxz;
                yy += k * (mean - syy);
                yz -= k * syz;
                zz += k * (mean - szz);
                bx += d * mx;
                by += d * my;
                bz += d * mz;
                if (!kernel.IsCoulomb)
                {
                    div += dr * Math.Pow(r, gamma + 2) * mean;
                }
            }
        }

        double divergence = kernel.IsCoulomb ? -8 * Math.PI * p * density(v) : -2 * p * (gamma + 3) * div;
        return new LandauPointFields(p * new SymmetricMatrix3(xx, xy, xz, yy, yz, zz), (-2 * p) * new Velocity3(bx, by, bz), divergence);
    }

    /// <summary>
    /// Q_ab(F_a, F_b)(v) = c_ab[K_b:∇²F_a/m_a² + b_b·∇F_a (1/m_a² − 1/(m_a m_b)) − (∇·b_b) F_a/(m_a m_b)], the
    /// non-divergence form of <see cref="SpectralLandauOperator"/>'s definition.
    /// </summary>
    /// <param name="kernel">Φ_γ.</param>
    /// <param name="coupling">c_ab ≥ 0.</param>
    /// <param name="testMass">m_a &gt; 0.</param>
    /// <param name="fieldMass">m_b &gt; 0.</param>
    /// <param name="test">F_a with derivatives.</param>
    /// <param name="field">F_b.</param>
    /// <param name="v">The velocity.</param>
    /// <param name="radius">Integration radius for the fields.</param>
    /// <param name="radialPanels">Radial panels (see <see cref="Fields"/>).</param>
    /// <param name="angularOrder">Angular order (see <see cref="Fields"/>).</param>
    /// <returns>Q_ab at v.</returns>
    public static double Collision(LandauKernel kernel, double coupling, double testMass, double fieldMass, AnalyticDistribution test, Func<Velocity3, double> field, Velocity3 v, double radius, int radialPanels = 24, int angularOrder = 32)
    {
        ArgumentNullException.ThrowIfNull(test);
        Guard.NonNegative(coupling);
        Guard.Positive(testMass);
        Guard.Positive(fieldMass);
        var fields = Fields(kernel, field, v, radius, radialPanels, angularOrder);
        var h = test.Hessian(v);
        var k = fields.Diffusion;
        double contraction = (k.XX * h.XX) + (k.YY * h.YY) + (k.ZZ * h.ZZ) + (2 * ((k.XY * h.XY) + (k.XZ * h.XZ) + (k.YZ * h.YZ)));
        double ma = testMass, mb = fieldMass;
        return coupling * ((contraction / (ma * ma)) + (Velocity3.Dot(fields.Drift, test.Gradient(v)) * ((1 / (ma * ma)) - (1 / (ma * mb))))
            - (fields.DriftDivergence * test.Value(v) / (ma * mb)));
    }
}
