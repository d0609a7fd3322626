namespace Kinetics.Quadrature;

/// <summary>
/// The panels of a composite rule on [lo, hi] for an integrand with a singular point p ≤ lo: the piece [lo, top],
/// top = min(hi, lo + gradeLength), is split geometrically (ratio 4) toward p, from the top down, while a panel's near end
/// is farther than 4·floor from p (and at most <c>levels</c> times); one last panel closes the piece at lo; then [top, hi]
/// is split into equal panels. Without a singular point the whole of [lo, hi] is split into equal panels.
/// </summary>
/// <remarks>
/// The one graded-panel layout of the library: <see cref="PanelRule"/> integrates over it and lists its nodes, so a
/// quadrature sum and the node list built for a matrix see the same panels.
/// </remarks>
internal readonly struct GradedPanels
{
    private readonly double _singular;
    private readonly double _top;
    private readonly double _floor;
    private readonly int _levels;
    private readonly int _uniformPanels;
    private readonly bool _graded;

    private GradedPanels(double lo, double hi, bool graded, double singular, double top, double floor, int levels, int uniformPanels)
    {
        Lo = lo;
        Hi = hi;
        _graded = graded;
        _singular = singular;
        _top = top;
        _floor = floor;
        _levels = levels;
        _uniformPanels = uniformPanels;
    }

    /// <summary>The left end of the range.</summary>
    public double Lo { get; }

    /// <summary>The right end of the range.</summary>
    public double Hi { get; }

    /// <summary>[lo, hi] in equal panels no wider than <paramref name="width"/> (an empty range when hi ≤ lo).</summary>
    /// <param name="lo">Left end.</param>
    /// <param name="hi">Right end (finite).</param>
    /// <param name="width">Largest panel width (&gt; 0).</param>
    public static GradedPanels Uniform(double lo, double hi, double width) =>
        new(lo, hi, false, 0.0, lo, 0.0, 0, PanelCount(lo, hi, width));

    /// <summary>
    /// Graded toward the singular point <paramref name="singular"/> ≤ lo over [lo, lo + width] until the panels come
    /// within max(lo − p, <paramref name="smoothScale"/>, 1e−16·width) of p (below that distance the integrand is
    /// smooth), then equal panels no wider than <paramref name="width"/>; p = −∞ means no grading.
    /// </summary>
    /// <param name="singular">p ≤ lo, or −∞.</param>
    /// <param name="lo">Left end.</param>
    /// <param name="hi">Right end (finite).</param>
    /// <param name="width">Largest panel width, and the length of the graded piece.</param>
    /// <param name="smoothScale">The distance from p below which the integrand is smooth (≥ 0).</param>
    public static GradedPanels TowardPoint(double singular, double lo, double hi, double width, double smoothScale)
    {
        if (double.IsNegativeInfinity(singular))
        {
            return Uniform(lo, hi, width);
        }

        double top = Math.Min(hi, lo + width);
        double floor = Math.Max(Math.Max(lo - singular, smoothScale), 1e-16 * width);
        return new(lo, hi, true, singular, top, floor, int.MaxValue, PanelCount(top, hi, width));
    }

    /// <summary>
    /// Graded toward lo over [lo, lo + <paramref name="gradeLength"/>] in exactly <paramref name="levels"/> levels (ratio 4:
    /// 15 levels reach 1e−9·gradeLength), then equal panels no wider than <paramref name="width"/>; gradeLength = 0 means
    /// no grading.
    /// </summary>
    /// <param name="lo">Left end (the singular point).</param>
    /// <param name="hi">Right end (finite).</param>
    /// <param name="width">Largest width of the equal panels.</param>
    /// <param name="gradeLength">Length of the graded piece (≥ 0).</param>
    /// <param name="levels">Number of geometric levels.</param>
    public static GradedPanels TowardLowerEnd(double lo, double hi, double width, double gradeLength, int levels = 15)
    {
        if (!(gradeLength > 0))
        {
            return Uniform(lo, hi, width);
        }

        double top = Math.Min(hi, lo + gradeLength);
        return new(lo, hi, true, lo, top, 0.0, levels, PanelCount(top, hi, width));
    }

    /// <summary>
    /// [0, reach]: graded toward 0 over [0, top] down to <paramref name="floorRatio"/>·top (for r^{2+γ}-type behaviour at
    /// 0), then <paramref name="panels"/> equal panels on [top, reach].
    /// </summary>
    /// <param name="top">End of the graded piece (&gt; 0).</param>
    /// <param name="reach">Right end.</param>
    /// <param name="panels">Number of equal panels on [top, reach].</param>
    /// <param name="floorRatio">Smallest graded panel, relative to top.</param>
    public static GradedPanels FromOrigin(double top, double reach, int panels, double floorRatio)
    {
        return new(0.0, reach, true, 0.0, Math.Min(reach, top), floorRatio * top / 4.0, int.MaxValue, reach > top ? panels : 0);
    }

    /// <summary>Calls <paramref name="sink"/> once per panel, the graded piece first (from its top down), then the equal panels upward.</summary>
    /// <typeparam name="TSink">The panel consumer.</typeparam>
    /// <param name="sink">Receives (lo, hi) of each panel.</param>
    public void Walk<TSink>(ref TSink sink)
        where TSink : struct, IPanelSink
    {
        if (!(Hi > Lo))
        {
            return;
        }

        double start = Lo;
        if (_graded)
        {
            double x = _top;
            for (int level = 0; level < _levels && x - _singular > 4.0 * _floor; level++)
            {
                double next = _singular + ((x - _singular) / 4.0);
                sink.Add(next, x);
                x = next;
            }

            if (x > Lo)
            {
                sink.Add(Lo, x);
            }

            start = _top;
        }

        if (_uniformPanels > 0)
        {
            double h = (Hi - start) / _uniformPanels;
            for (int k = 0; k < _uniformPanels; k++)
            {
                sink.Add(start + (k * h), start + ((k + 1) * h));
            }
        }
    }

    private static int PanelCount(double start, double hi, double width)
    {
        if (!(hi > start))
        {
            return 0;
        }

        if (double.IsInfinity(hi - start))
        {
            throw new ArgumentOutOfRangeException(nameof(hi), "the integration range must be finite.");
        }

        return Math.Max(1, (int)Math.Ceiling((hi - start) / width));
    }
}

/// <summary>A consumer of the panels of <see cref="GradedPanels.Walk{TSink}"/>.</summary>
internal interface IPanelSink
{
    /// <summary>One panel [lo, hi].</summary>
    /// <param name="lo">Left end.</param>
    /// <param name="hi">Right end.</param>
    void Add(double lo, double hi);
}
