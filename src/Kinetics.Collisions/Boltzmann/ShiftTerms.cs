using System.Numerics;

namespace Kinetics.Boltzmann;

/// <summary>
/// The spectra of one batched product: term 0 is X(· + a r σ)·Y(· − b r σ) with X = Spectrum(0, 0), Y = Spectrum(0, 1);
/// an optional term 1 adds Spectrum(1, 0)(· + a r σ)·Spectrum(1, 1)(· − b r σ) over the same σ. Id(term, side) names the
/// memory a spectrum lives in (the first of the four spans that is the same span), so equal ids mean equal spectra.
/// </summary>
internal readonly ref struct ShiftTerms
{
    private readonly ReadOnlySpan<Complex> _plus;
    private readonly ReadOnlySpan<Complex> _minus;
    private readonly ReadOnlySpan<Complex> _plus2;
    private readonly ReadOnlySpan<Complex> _minus2;
    private readonly int _ids; // four 2-bit ids: term·2 + side

    /// <summary>Term 0 is (<paramref name="plus"/>, <paramref name="minus"/>); term 1 (<paramref name="plus2"/>,
    /// <paramref name="minus2"/>) is optional (empty spans).</summary>
    public ShiftTerms(ReadOnlySpan<Complex> plus, ReadOnlySpan<Complex> minus, ReadOnlySpan<Complex> plus2, ReadOnlySpan<Complex> minus2)
    {
        _plus = plus;
        _minus = minus;
        _plus2 = plus2;
        _minus2 = minus2;
        int ids = 0;
        for (int i = 1; i < 4; i++)
        {
            int id = i;
            for (int j = i - 1; j >= 0; j--)
            {
                if (Span(i) == Span(j))
                {
                    id = (ids >> (2 * j)) & 3;
                }
            }

            ids |= id << (2 * i);
        }

        _ids = ids;
    }

    /// <summary>The number of terms, 1 or 2.</summary>
    public int Count => _plus2.IsEmpty ? 1 : 2;

    /// <summary>The spectrum of side 0 (+ a r σ) or 1 (− b r σ) of a term.</summary>
    public ReadOnlySpan<Complex> Spectrum(int term, int side) => Span((2 * term) + side);

    /// <summary>Equal ids mean the same spectrum memory.</summary>
    public int Id(int term, int side) => (_ids >> (2 * ((2 * term) + side))) & 3;

    private ReadOnlySpan<Complex> Span(int index) => index switch
    {
        0 => _plus,
        1 => _minus,
        2 => _plus2,
        _ => _minus2,
    };
}
