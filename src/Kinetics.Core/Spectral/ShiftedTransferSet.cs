using Kinetics.Grids;

namespace Kinetics.Spectral;

/// <summary>
/// Many <see cref="SpectralTransfer"/>s from one source grid to one target grid moved by a set of shifts s_m:
/// transfer m gives the source's band-limited representation at the points x − s_m of the target grid, as
/// <c>SpectralTransfer.Create(source, new SpeciesGrid(target.Grid, target.Centre − s_m))</c> would, at a fraction of the
/// cost of applying those transfers one by one.
/// </summary>
/// <remarks>
/// <para>Two savings (docs/species-grids.md, "Cost"):</para>
/// <list type="bullet">
/// <item><b>Shared passes.</b> A transfer is three separable passes (z, then y, then x); the z pass depends only on s_z
/// and the y pass only on (s_y, s_z). The shifts are visited in an order that groups equal s_z, and within them equal
/// s_y, so each distinct z and (y, z) pass is computed once (a symmetric sphere rule repeats its components).</item>
/// <item><b>Compression</b> (interpolation from a wider source): every row of an axis matrix is a source-band
/// trigonometric polynomial sampled at N_t equispaced target points, whatever the shift, so all axis matrices share one
/// column space U (orthonormal, rank r ≈ N_s L_t/L_s + a few); each is stored as Uᵀ M (r × N_s) and a transfer becomes
/// three compressing passes to r³ values and three expanding passes by U. Chosen when its operation count is at most
/// <see cref="CompressedCostFactor"/> of the dense one and the stored factors reproduce every axis matrix to
/// <see cref="CompressionTolerance"/> of its largest entry (checked).</item>
/// </list>
/// <para>Visit the shifts through <see cref="Apply"/> with positions 0, 1, …, <see cref="Count"/> − 1 in that order,
/// the same source and the same scratch: the shared passes are kept in the scratch between positions. Immutable and
/// thread-safe (each caller its own scratch); allocates nothing when applied.</para>
/// </remarks>
internal sealed class ShiftedTransferSet
{
    /// <summary>The basis U stops when no remaining band column exceeds this fraction of the largest column's norm.</summary>
    public const double BasisTolerance = 1e-14;

    /// <summary>Compressed storage is chosen when its operation count is at most this fraction of the dense one: its r-wide
    /// products run slower per operation than the dense N-wide ones (measured break-even 0.5–0.9 at N = 32–48, never
    /// reached at N = 24; docs/species-grids.md, "Cost").</summary>
    public const double CompressedCostFactor = 0.52;

    /// <summary>Largest entry of M − U Uᵀ M allowed for compressed storage, relative to the largest entry of M.</summary>
    public const double CompressionTolerance = 1e-13;

    private readonly int _ns;
    private readonly int _nt;
    private readonly int[] _order;       // position → shift index
    private readonly bool[] _newZ;       // position starts a new z pass
    private readonly bool[] _newY;       // position starts a new y pass
    private readonly double[][] _z;      // per position: the z matrix (dense: N_s × N_t transposed; compressed: N_s × r transposed)
    private readonly double[][] _y;      // per position: the y matrix (dense N_t × N_s; compressed r × N_s)
    private readonly double[][] _x;      // per position: the x matrix (dense N_t × N_s; compressed r × N_s)
    private readonly double[] _basis;    // U, N_t × r (compressed only)
    private readonly double[] _basisT;   // Uᵀ, r × N_t

    private ShiftedTransferSet(SpeciesGrid source, SpeciesGrid target, Velocity3[] shifts, bool? compress)
    {
        Source = source;
        Target = target;
        _ns = source.PointsPerAxis;
        _nt = target.PointsPerAxis;
        int count = shifts.Length;
        _order = Enumerable.Range(0, count).OrderBy(m => shifts[m].Z).ThenBy(m => shifts[m].Y).ThenBy(m => m).ToArray();
        _newZ = new bool[count];
        _newY = new bool[count];
        for (int p = 0; p < count; p++)
        {
            Velocity3 s = shifts[_order[p]];
            _newZ[p] = p == 0 || s.Z != shifts[_order[p - 1]].Z;
            _newY[p] = _newZ[p] || s.Y != shifts[_order[p - 1]].Y;
        }

        // One dense axis matrix per distinct component value (bitwise the matrices of SpectralTransfer).
        var cache = new Dictionary<(int Axis, double Value), double[]>();
        double[] Matrix(int axis, double shift)
        {
            double centre = target.Centre[axis] - shift;
            if (!cache.TryGetValue((axis, centre), out double[]? m))
            {
                m = SpectralTransfer.AxisMatrix(source, target, axis, centre);
                cache[(axis, centre)] = m;
            }

            return m;
        }

        var dense = new double[3][][];
        for (int axis = 0; axis < 3; axis++)
        {
            dense[axis] = new double[count][];
            for (int p = 0; p < count; p++)
            {
                dense[axis][p] = Matrix(axis, shifts[_order[p]][axis]);
            }
        }

        int zPasses = _newZ.Count(b => b), yPasses = _newY.Count(b => b);
        ZPasses = zPasses;
        YPasses = yPasses;
        double[]? basis = source.HalfWidth > target.HalfWidth ? BandBasis(source, target) : null;
        int r = basis is null ? _nt : basis.Length / _nt;
        double denseCost = DenseCost(zPasses, yPasses, count, _ns, _nt);
        double compressedCost = CompressedCost(zPasses, yPasses, count, _ns, _nt, r);
        bool useCompressed = basis is not null && (compress ?? compressedCost <= CompressedCostFactor * denseCost) && Reproduces(cache.Values, basis, r);
        Rank = useCompressed ? r : 0;
        _basis = useCompressed ? basis! : [];
        _basisT = useCompressed ? Transpose(basis!, _nt, r) : [];
        var compressed = new Dictionary<double[], double[]>(ReferenceEqualityComparer.Instance);
        double[] Store(double[] m)
        {
            if (!useCompressed)
            {
                return m;
            }

            if (!compressed.TryGetValue(m, out double[]? c))
            {
                c = new double[r * _ns];
                RowMajorProduct.Multiply(_basisT, m, c, r, _nt, _ns, 1.0, false);
                compressed[m] = c;
            }

            return c;
        }

        var transposed = new Dictionary<double[], double[]>(ReferenceEqualityComparer.Instance);
        _z = new double[count][];
        _y = new double[count][];
        _x = new double[count][];
        for (int p = 0; p < count; p++)
        {
            double[] z = Store(dense[2][p]);
            if (!transposed.TryGetValue(z, out double[]? zt))
            {
                zt = Transpose(z, useCompressed ? r : _nt, _ns);
                transposed[z] = zt;
            }

            _z[p] = zt;
            _y[p] = Store(dense[1][p]);
            _x[p] = Store(dense[0][p]);
        }

        int rows = useCompressed ? r : _nt;
        ScratchLength = useCompressed
            ? (_ns * _ns * r) + (_ns * r * r) + (r * r * r) + (_nt * r * r) + (_nt * _nt * r)
            : (_ns * _ns * rows) + (_ns * rows * rows);
        StoredValues = cache.Count * (useCompressed ? r * _ns : _nt * _ns) + _basis.Length;
    }

    /// <summary>The grid the values come from.</summary>
    public SpeciesGrid Source { get; }

    /// <summary>The unshifted target grid.</summary>
    public SpeciesGrid Target { get; }

    /// <summary>Number of shifts.</summary>
    public int Count => _order.Length;

    /// <summary>Distinct z passes per visit of all shifts (distinct s_z).</summary>
    public int ZPasses { get; }

    /// <summary>Distinct y passes per visit of all shifts (distinct (s_y, s_z)).</summary>
    public int YPasses { get; }

    /// <summary>r when the axis matrices are stored compressed, 0 when dense.</summary>
    public int Rank { get; }

    /// <summary>Length of the scratch span of <see cref="Apply"/>.</summary>
    public int ScratchLength { get; }

    /// <summary>Doubles held by the stored matrices.</summary>
    public int StoredValues { get; }

    /// <summary>Builds the set for <paramref name="shifts"/>; <paramref name="compress"/> forces (true) or forbids (false)
    /// compressed storage where it is possible and accurate, null chooses by operation count.</summary>
    public static ShiftedTransferSet Create(SpeciesGrid source, SpeciesGrid target, ReadOnlySpan<Velocity3> shifts, bool? compress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (shifts.IsEmpty)
        {
            throw new ArgumentException("at least one shift is needed.", nameof(shifts));
        }

        foreach (Velocity3 s in shifts)
        {
            Guard.Finite(s, nameof(shifts));
        }

        return new ShiftedTransferSet(source, target, shifts.ToArray(), compress);
    }

    /// <summary>destination = transfer of <paramref name="source"/> for the shift at <paramref name="position"/> of the
    /// visiting order; returns that shift's index. Positions must be visited 0, 1, … with the same source and scratch.</summary>
    /// <param name="position">Position in the visiting order, 0 ≤ position &lt; <see cref="Count"/>.</param>
    /// <param name="source">N_s³ values on <see cref="Source"/> (not modified).</param>
    /// <param name="destination">N_t³ values at the shifted target points.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> values, kept between positions.</param>
    public int Apply(int position, ReadOnlySpan<double> source, Span<double> destination, Span<double> scratch)
    {
        Guard.InRange(position, 0, Count - 1);
        Guard.Length(source.Length, Source.Count, nameof(source));
        Guard.Length(destination.Length, Target.Count, nameof(destination));
        if (scratch.Length < ScratchLength)
        {
            throw new ArgumentException($"scratch must hold at least {ScratchLength} values (was {scratch.Length}).", nameof(scratch));
        }

        int ns = _ns, nt = _nt;
        if (Rank == 0)
        {
            Span<double> first = scratch[..(ns * ns * nt)];
            Span<double> second = scratch.Slice(ns * ns * nt, ns * nt * nt);
            if (_newZ[position])
            {
                RowMajorProduct.Multiply(source, _z[position], first, ns * ns, ns, nt, 1.0, false);
            }

            if (_newY[position])
            {
                for (int ip = 0; ip < ns; ip++)
                {
                    RowMajorProduct.Multiply(_y[position], first.Slice(ip * ns * nt, ns * nt), second.Slice(ip * nt * nt, nt * nt), nt, ns, nt, 1.0, false);
                }
            }

            RowMajorProduct.Multiply(_x[position], second, destination, nt, ns, nt * nt, 1.0, false);
            return _order[position];
        }

        int r = Rank, offset = 0;
        Span<double> s1 = scratch.Slice(offset, ns * ns * r);
        offset += s1.Length;
        Span<double> s2 = scratch.Slice(offset, ns * r * r);
        offset += s2.Length;
        Span<double> core = scratch.Slice(offset, r * r * r);
        offset += core.Length;
        Span<double> e1 = scratch.Slice(offset, nt * r * r);
        offset += e1.Length;
        Span<double> e2 = scratch.Slice(offset, nt * nt * r);
        if (_newZ[position])
        {
            // s1[(i'·N_s + j')·r + c] = Σ_k' source[(i'·N_s + j')·N_s + k'] C_z[c, k'].
            RowMajorProduct.Multiply(source, _z[position], s1, ns * ns, ns, r, 1.0, false);
        }

        if (_newY[position])
        {
            // s2[(i'·r + b)·r + c] = Σ_j' C_y[b, j'] s1[(i'·N_s + j')·r + c].
            for (int ip = 0; ip < ns; ip++)
            {
                RowMajorProduct.Multiply(_y[position], s1.Slice(ip * ns * r, ns * r), s2.Slice(ip * r * r, r * r), r, ns, r, 1.0, false);
            }
        }

        // core[(a·r + b)·r + c] = Σ_i' C_x[a, i'] s2[(i'·r + b)·r + c]; then expand by U along x, y and z.
        RowMajorProduct.Multiply(_x[position], s2, core, r, ns, r * r, 1.0, false);
        RowMajorProduct.Multiply(_basis, core, e1, nt, r, r * r, 1.0, false);
        for (int i = 0; i < nt; i++)
        {
            RowMajorProduct.Multiply(_basis, e1.Slice(i * r * r, r * r), e2.Slice(i * nt * r, nt * r), nt, r, r, 1.0, false);
        }

        RowMajorProduct.Multiply(e2, _basisT, destination, nt * nt, r, nt, 1.0, false);
        return _order[position];
    }

    private static double DenseCost(int zPasses, int yPasses, int count, double ns, double nt) =>
        (zPasses * ns * ns * ns * nt) + (yPasses * ns * ns * nt * nt) + (count * ns * nt * nt * nt);

    private static double CompressedCost(int zPasses, int yPasses, int count, double ns, double nt, double r) =>
        (zPasses * ns * ns * ns * r) + (yPasses * ns * ns * r * r) + (count * ((ns * r * r * r) + (nt * r * r * r) + (nt * nt * r * r) + (nt * nt * nt * r)));

    // An orthonormal basis (N_t × r, row-major) of the source band sampled at the target points: cos and sin of πk x/L_s,
    // k ≤ N_s/2, at x = i h_t (any offset only rotates each pair), by pivoted Gram–Schmidt with reorthogonalisation,
    // stopped when no remaining column exceeds the tolerance relative to the largest column.
    private static double[] BandBasis(SpeciesGrid source, SpeciesGrid target)
    {
        int nt = target.PointsPerAxis, half = source.PointsPerAxis / 2;
        var columns = new List<double[]>();
        for (int k = 0; k <= half; k++)
        {
            double omega = Math.PI * k / source.HalfWidth;
            columns.Add(Enumerable.Range(0, nt).Select(i => Math.Cos(omega * i * target.Spacing)).ToArray());
            if (k > 0)
            {
                columns.Add(Enumerable.Range(0, nt).Select(i => Math.Sin(omega * i * target.Spacing)).ToArray());
            }
        }

        double largest = columns.Max(Norm);
        var basis = new List<double[]>();
        while (basis.Count < nt)
        {
            double[] best = columns.MaxBy(Norm)!;
            double norm = Norm(best);
            if (norm <= BasisTolerance * largest)
            {
                break;
            }

            double[] q = best.Select(v => v / norm).ToArray();
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (double[] b in basis)
                {
                    double dot = Dot(b, q);
                    for (int i = 0; i < nt; i++)
                    {
                        q[i] -= dot * b[i];
                    }
                }

                double n2 = Norm(q);
                for (int i = 0; i < nt; i++)
                {
                    q[i] /= n2;
                }
            }

            basis.Add(q);
            columns.Remove(best);
            foreach (double[] c in columns)
            {
                double dot = Dot(q, c);
                for (int i = 0; i < nt; i++)
                {
                    c[i] -= dot * q[i];
                }
            }
        }

        int r = basis.Count;
        var u = new double[nt * r];
        for (int i = 0; i < nt; i++)
        {
            for (int c = 0; c < r; c++)
            {
                u[(i * r) + c] = basis[c][i];
            }
        }

        return u;
    }

    // Every distinct axis matrix M satisfies max |M − U Uᵀ M| ≤ tolerance · max |M|.
    private bool Reproduces(IEnumerable<double[]> matrices, double[] basis, int r)
    {
        double[] basisT = Transpose(basis, _nt, r);
        var c = new double[r * _ns];
        var back = new double[_nt * _ns];
        foreach (double[] m in matrices)
        {
            RowMajorProduct.Multiply(basisT, m, c, r, _nt, _ns, 1.0, false);
            RowMajorProduct.Multiply(basis, c, back, _nt, r, _ns, 1.0, false);
            double largest = 0, error = 0;
            for (int q = 0; q < m.Length; q++)
            {
                largest = Math.Max(largest, Math.Abs(m[q]));
                error = Math.Max(error, Math.Abs(m[q] - back[q]));
            }

            if (error > CompressionTolerance * largest)
            {
                return false;
            }
        }

        return true;
    }

    private static double[] Transpose(double[] m, int rows, int columns)
    {
        var t = new double[m.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                t[(j * rows) + i] = m[(i * columns) + j];
            }
        }

        return t;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
