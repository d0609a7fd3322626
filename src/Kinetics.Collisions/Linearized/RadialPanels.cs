using Kinetics.Quadrature;

namespace Kinetics.Linearized;

/// <summary>
/// Composite Gauss–Legendre panels on [0, R]: breakpoints, nodes, weights, and the Lagrange basis of each panel's nodes
/// (the piecewise-polynomial interpolant used by product integration).
/// </summary>
internal sealed class RadialPanels
{
    private readonly double[] _breaks;

    private RadialPanels(double[] breaks, int order)
    {
        _breaks = breaks;
        Order = order;
        var rule = GaussLegendreRule.Create(order, -1.0, 1.0);
        int panels = breaks.Length - 1;
        Nodes = new double[panels * order];
        Weights = new double[panels * order];
        for (int p = 0; p < panels; p++)
        {
            double mid = 0.5 * (breaks[p] + breaks[p + 1]), half = 0.5 * (breaks[p + 1] - breaks[p]);
            for (int q = 0; q < order; q++)
            {
                Nodes[(p * order) + q] = mid + (half * rule.Nodes[q]);
                Weights[(p * order) + q] = half * rule.Weights[q];
            }
        }
    }

    public int Order { get; }

    public int PanelCount => _breaks.Length - 1;

    public double[] Nodes { get; }

    public double[] Weights { get; }

    public double End => _breaks[^1];

    public double Break(int k) => _breaks[k];

    /// <summary>
    /// Each [R_{k−1}, R_k] (R₀ = 0) split into panels no wider than w(x) = width·max(1, x/G), G = 8·width: uniform in the thermal
    /// region, then growing in proportion to r (breakpoints equally spaced in u(x) = ∫₀^x dx/w).
    /// </summary>
    public static RadialPanels Create(IReadOnlyList<double> radii, double width, int order)
    {
        double grade = 8.0 * width;
        double U(double x) => x <= grade ? x / width : (grade / width) * (1.0 + Math.Log(x / grade));
        double X(double u) => u <= grade / width ? u * width : grade * Math.Exp((u * width / grade) - 1.0);
        var breaks = new List<double> { 0.0 };
        double lo = 0.0;
        foreach (double hi in radii)
        {
            double ulo = U(lo), uhi = U(hi);
            int panels = Math.Max(1, (int)Math.Ceiling((uhi - ulo) - 1e-9));
            for (int p = 1; p <= panels; p++)
            {
                breaks.Add(p == panels ? hi : X(ulo + (p * (uhi - ulo) / panels)));
            }

            lo = hi;
        }

        return new RadialPanels(breaks.ToArray(), order);
    }

    /// <summary>Index of the panel containing s (clamped to the range).</summary>
    public int PanelOf(double s)
    {
        int k = Array.BinarySearch(_breaks, s);
        if (k < 0)
        {
            k = ~k - 1;
        }

        return Math.Clamp(k, 0, PanelCount - 1);
    }

    /// <summary>ℓ_q(s) for the Order nodes of panel p.</summary>
    public void Lagrange(int p, double s, Span<double> values)
    {
        int offset = p * Order;
        for (int q = 0; q < Order; q++)
        {
            double xq = Nodes[offset + q], value = 1.0;
            for (int k = 0; k < Order; k++)
            {
                if (k != q)
                {
                    value *= (s - Nodes[offset + k]) / (xq - Nodes[offset + k]);
                }
            }

            values[q] = value;
        }
    }
}
