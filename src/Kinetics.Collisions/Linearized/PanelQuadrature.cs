using Kinetics.Quadrature;

namespace Kinetics.Linearized;

/// <summary>
/// Composite Gauss–Legendre quadrature on panels: geometric grading toward an endpoint singularity of known scale,
/// uniform panels of bounded width elsewhere. The deterministic workhorse behind the kernels of K and their integrals.
/// </summary>
internal static class PanelQuadrature
{
    private static readonly GaussLegendreRule Rule12 = GaussLegendreRule.Create(12, -1.0, 1.0);

    /// <summary>
    /// ∫_a^b f with panels no wider than <paramref name="maxWidth"/>; when <paramref name="gradeScale"/> &gt; 0 the interval
    /// [a, a + gradeScale] is split geometrically toward a  to resolve a
    /// singularity or a boundary layer of that scale at a (ratio 4 per level, 15 levels: down to 1e−9·gradeScale; a 12-point rule
    /// on [x, 4x] integrates x^p-type behaviour to ~1e−12). 12-point rule per panel.
    /// </summary>
    public static double Integrate(Func<double, double> f, double a, double b, double maxWidth, double gradeScale = 0.0)
    {
        if (!(b > a))
        {
            return 0.0;
        }

        double sum = 0.0;
        double start = a;
        if (gradeScale > 0)
        {
            double top = Math.Min(b, a + gradeScale);
            double hi = top - a;
            for (int level = 0; level < 15; level++)
            {
                sum += Panel(f, a + (hi / 4), a + hi);
                hi /= 4;
            }

            sum += Panel(f, a, a + hi);
            start = top;
        }

        if (b > start)
        {
            int panels = Math.Max(1, (int)Math.Ceiling((b - start) / maxWidth));
            double width = (b - start) / panels;
            for (int p = 0; p < panels; p++)
            {
                sum += Panel(f, start + (p * width), start + ((p + 1) * width));
            }
        }

        return sum;
    }

    /// <summary>
    /// Nodes and weights on [0, reach]: geometric panels (ratio 4) on [0, top] down to floor·top (for r^{2+γ}-type behaviour at
    /// 0), then <paramref name="panels"/> uniform panels on [top, reach]; <paramref name="order"/>-point Gauss–Legendre each.
    /// </summary>
    public static List<(double X, double W)> GradedNodes(double top, double reach, int panels, int order, double floor)
    {
        var rule = GaussLegendreRule.Create(order, -1.0, 1.0);
        var nodes = new List<(double, double)>();
        void Add(double lo, double hi)
        {
            for (int i = 0; i < order; i++)
            {
                nodes.Add(((0.5 * (lo + hi)) + (0.5 * (hi - lo) * rule.Nodes[i]), 0.5 * (hi - lo) * rule.Weights[i]));
            }
        }

        for (double hi = top; hi > top * floor; hi /= 4.0)
        {
            Add(hi / 4.0, hi);
        }

        for (int p = 0; p < panels && reach > top; p++)
        {
            Add(top + (p * (reach - top) / panels), top + ((p + 1) * (reach - top) / panels));
        }

        return nodes;
    }

    private static double Panel(Func<double, double> f, double lo, double hi) => Panel(f, lo, hi, Rule12);

    /// <summary>∫_lo^hi f by one Gauss–Legendre rule given on [−1, 1].</summary>
    public static double Panel(Func<double, double> f, double lo, double hi, GaussLegendreRule rule)
    {
        double mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo), sum = 0.0;
        var x = rule.Nodes;
        var w = rule.Weights;
        for (int i = 0; i < x.Length; i++)
        {
            sum += w[i] * f(mid + (half * x[i]));
        }

        return sum * half;
    }
}
