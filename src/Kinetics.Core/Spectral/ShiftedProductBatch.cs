using System.Numerics;

namespace Kinetics.Spectral;

/// <summary>
/// A batch of products of shifted copies, finished plane by plane: product += Σ_q X_q(· + c_q) · Y_q(· − d_q), each copy
/// the modulated inverse real transform of a half spectrum (<see cref="Fft3DPlan.InverseRealModulated"/>) split into
/// its three passes so that copies share what they have in common.
/// </summary>
/// <remarks>
/// <para>A copy's x pass depends only on its spectrum and its x factors: <see cref="SetPartial"/> runs it once into a
/// partial slot that several copies read. Its y pass per x-plane depends also on its y factors: copies with the same
/// partial slot and the same column key (the caller promises equal keys mean equal y factors) share it. The z pass is
/// per copy; the first copy of a product is stored into one plane, the second multiplied into the product plane.</para>
/// <para><see cref="Accumulate"/> finishes the batch one x-plane at a time (y passes of every column job, then the z
/// passes of every product), so one plane of every partial, the y planes and the product plane stay in cache together.
/// Every buffer is sized here from the plan's own layouts; one batch per caller (not thread-safe).</para>
/// </remarks>
internal sealed class ShiftedProductBatch
{
    private readonly Fft3DPlan _plan;
    private readonly int _halfCount;
    private readonly int _planeCount;
    private readonly int _axisTable;
    private readonly int _lastAxisTable;
    private readonly Complex[] _partials;    // [partial slot][half spectrum after the x pass]
    private readonly double[] _xTable;
    private readonly double[] _yTables;      // [column job][expanded y table]
    private readonly double[] _zTables;      // [copy = 2·product + side][expanded z table]
    private readonly Complex[] _yPlanes;     // [column job][one x-plane after its y pass]
    private readonly double[] _shiftedPlane; // the first copy of a product, one x-plane
    private readonly double[] _productPlane; // one product's x-plane (TransformEach)
    private readonly int[] _copyColumn;      // copy → its column job
    private readonly int[] _columnPartial;   // column job → the partial slot it reads
    private readonly int[] _columnKey;       // column job → its column key
    private int _columns;

    /// <summary>Creates the buffers for <paramref name="partialCapacity"/> partial transforms and up to
    /// <paramref name="maxProducts"/> products per batch.</summary>
    public ShiftedProductBatch(Fft3DPlan plan, int partialCapacity, int maxProducts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Guard.Positive(partialCapacity, nameof(partialCapacity));
        Guard.Positive(maxProducts, nameof(maxProducts));
        _plan = plan;
        int n = plan.Size;
        _halfCount = plan.HalfSpectrumCount;
        _planeCount = plan.PlaneCount;
        _axisTable = plan.AxisTableLength;
        _lastAxisTable = plan.LastAxisTableLength;
        PartialCapacity = partialCapacity;
        MaxProducts = maxProducts;
        _partials = new Complex[partialCapacity * _halfCount];
        _xTable = new double[_axisTable];
        _yTables = new double[2 * maxProducts * _axisTable];
        _zTables = new double[2 * maxProducts * _lastAxisTable];
        _yPlanes = new Complex[2 * maxProducts * _planeCount];
        _shiftedPlane = new double[n * n];
        _productPlane = new double[n * n];
        _copyColumn = new int[2 * maxProducts];
        _columnPartial = new int[2 * maxProducts];
        _columnKey = new int[2 * maxProducts];
    }

    /// <summary>K, the partial transforms one batch holds.</summary>
    public int PartialCapacity { get; }

    /// <summary>The most products one batch holds.</summary>
    public int MaxProducts { get; }

    /// <summary>Products added since the last <see cref="Accumulate"/>.</summary>
    public int Products { get; private set; }

    /// <summary>Runs the x pass of <paramref name="spectrum"/> times the N factors <paramref name="xFactors"/> into
    /// partial slot <paramref name="slot"/>, which copies of this batch then read.</summary>
    public void SetPartial(int slot, ReadOnlySpan<Complex> spectrum, ReadOnlySpan<Complex> xFactors, Fft3DWorkspace workspace)
    {
        Guard.InRange(slot, 0, PartialCapacity - 1, nameof(slot));
        _plan.ExpandAxisFactors(xFactors, _xTable);
        _plan.InverseRealFirstPass(spectrum, _xTable, _partials.AsSpan(slot * _halfCount, _halfCount), workspace);
    }

    /// <summary>Adds the product <paramref name="plus"/> · <paramref name="minus"/> of two copies to the batch.</summary>
    public void AddProduct(ShiftedCopy plus, ShiftedCopy minus)
    {
        if (Products == MaxProducts)
        {
            throw new InvalidOperationException($"the batch holds at most {MaxProducts} products; call Accumulate first.");
        }

        AddCopy(2 * Products, plus);
        AddCopy((2 * Products) + 1, minus);
        Products++;
    }

    /// <summary>product (N³ values) += Σ over the batch's products, finished plane by plane; then empties the batch
    /// (the partial slots keep their contents until overwritten).</summary>
    public void Accumulate(Span<double> product, Fft3DWorkspace workspace)
    {
        int n = _plan.Size, plane = n * n;
        Guard.Length(product.Length, n * plane, nameof(product));
        Span<double> shifted = _shiftedPlane;
        for (int i = 0; i < n; i++)
        {
            for (int job = 0; job < _columns; job++)
            {
                _plan.InverseRealColumns(_partials.AsSpan(_columnPartial[job] * _halfCount, _halfCount), i, YTable(job), YPlane(job), workspace);
            }

            Span<double> productPlane = product.Slice(i * plane, plane);
            for (int q = 0; q < Products; q++)
            {
                _plan.InverseRealRows(YPlane(_copyColumn[2 * q]), ZTable(2 * q), shifted, shifted, workspace, multiplyAdd: false);
                _plan.InverseRealRows(YPlane(_copyColumn[(2 * q) + 1]), ZTable((2 * q) + 1), shifted, productPlane, workspace, multiplyAdd: true);
            }
        }

        Products = 0;
        _columns = 0;
    }

    /// <summary>
    /// Each product of the batch on its own: spectrum q (the <see cref="Fft3DPlan.HalfSpectrumCount"/> values at
    /// q·HalfSpectrumCount of <paramref name="spectra"/>) = the forward real transform of product q. Finished plane by
    /// plane as in <see cref="Accumulate"/>, with the forward z and y passes run on each product plane while it is in
    /// cache (<see cref="Fft3DPlan.ForwardRealPlane"/>), then one x pass per product; bitwise the forward transform of
    /// the product <see cref="Accumulate"/> would give for that product alone. With <paramref name="inZPass"/> (even N) the
    /// product is formed inside the z pass's scratch (<see cref="Fft3DPlan.ForwardRealProductPlane"/>), bitwise the same
    /// spectra without storing the product plane. Then empties the batch.
    /// </summary>
    public void TransformEach(Span<Complex> spectra, Fft3DWorkspace workspace, bool inZPass = true)
    {
        int n = _plan.Size, plane = n * n;
        if (spectra.Length < Products * _halfCount)
        {
            throw new ArgumentException($"spectra needs {Products * _halfCount} values for {Products} products (was {spectra.Length}).", nameof(spectra));
        }

        Span<double> shifted = _shiftedPlane, productPlane = _productPlane;
        for (int i = 0; i < n; i++)
        {
            for (int job = 0; job < _columns; job++)
            {
                _plan.InverseRealColumns(_partials.AsSpan(_columnPartial[job] * _halfCount, _halfCount), i, YTable(job), YPlane(job), workspace);
            }

            for (int q = 0; q < Products; q++)
            {
                if (inZPass && _plan.PacksRealRows)
                {
                    _plan.ForwardRealProductPlane(
                        YPlane(_copyColumn[2 * q]), ZTable(2 * q), YPlane(_copyColumn[(2 * q) + 1]), ZTable((2 * q) + 1), i,
                        spectra.Slice(q * _halfCount, _halfCount), shifted, workspace);
                    continue;
                }

                _plan.InverseRealRows(YPlane(_copyColumn[2 * q]), ZTable(2 * q), shifted, shifted, workspace, multiplyAdd: false);
                productPlane.Clear();
                _plan.InverseRealRows(YPlane(_copyColumn[(2 * q) + 1]), ZTable((2 * q) + 1), shifted, productPlane, workspace, multiplyAdd: true);
                _plan.ForwardRealPlane(productPlane, i, spectra.Slice(q * _halfCount, _halfCount), workspace);
            }
        }

        for (int q = 0; q < Products; q++)
        {
            _plan.ForwardRealLastPass(spectra.Slice(q * _halfCount, _halfCount), workspace);
        }

        Products = 0;
        _columns = 0;
    }

    // One column job per distinct (partial slot, column key) of the batch.
    private void AddCopy(int copy, ShiftedCopy shifted)
    {
        Guard.InRange(shifted.Partial, 0, PartialCapacity - 1, nameof(shifted));
        int job = 0;
        while (job < _columns && (_columnPartial[job] != shifted.Partial || _columnKey[job] != shifted.ColumnKey))
        {
            job++;
        }

        if (job == _columns)
        {
            _columnPartial[job] = shifted.Partial;
            _columnKey[job] = shifted.ColumnKey;
            _plan.ExpandAxisFactors(shifted.YFactors, YTable(job));
            _columns++;
        }

        _copyColumn[copy] = job;
        _plan.ExpandLastAxisFactors(shifted.ZFactors, ZTable(copy));
    }

    private Span<double> YTable(int job) => _yTables.AsSpan(job * _axisTable, _axisTable);

    private Span<Complex> YPlane(int job) => _yPlanes.AsSpan(job * _planeCount, _planeCount);

    private Span<double> ZTable(int copy) => _zTables.AsSpan(copy * _lastAxisTable, _lastAxisTable);
}

/// <summary>One shifted copy of a <see cref="ShiftedProductBatch"/>: the partial slot holding its x pass, a key equal for
/// copies with the same y factors, its N y factors and its N/2 + 1 z factors.</summary>
internal readonly ref struct ShiftedCopy(int partial, int columnKey, ReadOnlySpan<Complex> yFactors, ReadOnlySpan<Complex> zFactors)
{
    /// <summary>The partial slot (<see cref="ShiftedProductBatch.SetPartial"/>) the copy reads.</summary>
    public int Partial { get; } = partial;

    /// <summary>Equal keys (with equal partial slots) mean equal y factors, so the y pass is shared.</summary>
    public int ColumnKey { get; } = columnKey;

    /// <summary>N factors along y.</summary>
    public ReadOnlySpan<Complex> YFactors { get; } = yFactors;

    /// <summary>N/2 + 1 factors along z.</summary>
    public ReadOnlySpan<Complex> ZFactors { get; } = zFactors;
}
