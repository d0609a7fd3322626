namespace Kinetics.Quadrature;

/// <summary>
/// Composite Gauss–Legendre quadrature: one n-point rule on each panel of a <see cref="GradedPanels"/> layout. The
/// deterministic workhorse behind the radial integrals of the linearized operators, their kernels and the transport
/// brackets (a 12-point rule on [x, 4x] integrates x^p-type behaviour to about 1e−12).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class PanelRule
{
    private static readonly PanelRule[] Cache = new PanelRule[33];
    private readonly double[] _nodes;
    private readonly double[] _weights;

    private PanelRule(int order)
    {
        var rule = GaussLegendreRule.Create(order, -1.0, 1.0);
        _nodes = rule.Nodes.ToArray();
        _weights = rule.Weights.ToArray();
    }

    /// <summary>The 12-point rule, the default of the kernel and transport integrals.</summary>
    public static PanelRule Twelve { get; } = Create(12);

    /// <summary>Points per panel.</summary>
    public int Order => _nodes.Length;

    /// <summary>The n-point rule (n in [1, 32]; shared instances).</summary>
    /// <param name="order">Points per panel.</param>
    public static PanelRule Create(int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, Cache.Length - 1);
        return Volatile.Read(ref Cache[order]) ?? Interlocked.CompareExchange(ref Cache[order], new PanelRule(order), null) ?? Cache[order];
    }

    /// <summary>∫ f over the panels (allocation-free).</summary>
    /// <param name="f">The integrand.</param>
    /// <param name="panels">The panel layout.</param>
    public double Integrate(Func<double, double> f, in GradedPanels panels)
    {
        var sink = new SumSink(this, f);
        panels.Walk(ref sink);
        return sink.Sum;
    }

    /// <summary>The nodes and weights of the rule on the panels, panel by panel in the order of <see cref="GradedPanels.Walk{TSink}"/>.</summary>
    /// <param name="panels">The panel layout.</param>
    public List<(double X, double W)> Nodes(in GradedPanels panels)
    {
        var sink = new ListSink(this, []);
        panels.Walk(ref sink);
        return sink.Nodes;
    }

    /// <summary>∫_lo^hi f by the rule on one panel.</summary>
    /// <param name="f">The integrand.</param>
    /// <param name="lo">Left end.</param>
    /// <param name="hi">Right end.</param>
    public double Panel(Func<double, double> f, double lo, double hi)
    {
        double mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo), sum = 0.0;
        for (int i = 0; i < _nodes.Length; i++)
        {
            sum += _weights[i] * f(mid + (half * _nodes[i]));
        }

        return sum * half;
    }

    private struct SumSink(PanelRule rule, Func<double, double> f) : IPanelSink
    {
        public double Sum { get; private set; }

        public void Add(double lo, double hi) => Sum += rule.Panel(f, lo, hi);
    }

    private readonly struct ListSink(PanelRule rule, List<(double X, double W)> nodes) : IPanelSink
    {
        public List<(double X, double W)> Nodes => nodes;

        public void Add(double lo, double hi)
        {
            double mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
            for (int i = 0; i < rule._nodes.Length; i++)
            {
                nodes.Add((mid + (half * rule._nodes[i]), half * rule._weights[i]));
            }
        }
    }
}
