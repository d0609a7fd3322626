using System.Globalization;
using Kinetics.Mixtures;

namespace Kinetics.Landau;

/// <summary>
/// The symmetric table of pair couplings c_ab = c_ba ≥ 0 of a Landau mixture operator (docs/math#landau-operator); symmetry is
/// required for momentum/energy conservation and the H-theorem and is validated. Immutable.
/// </summary>
public sealed class LandauCouplings
{
    private readonly double[] _values;

    /// <summary>Creates the table from a row-major S×S matrix, which must be symmetric to 1e−12 relative.</summary>
    /// <param name="speciesCount">S ≥ 1.</param>
    /// <param name="values">S² row-major entries, finite and ≥ 0.</param>
    public LandauCouplings(int speciesCount, ReadOnlySpan<double> values)
    {
        Guard.InRange(speciesCount, 1, 64);
        Guard.Length(values.Length, speciesCount * speciesCount, nameof(values));
        for (int a = 0; a < speciesCount; a++)
        {
            for (int b = 0; b < speciesCount; b++)
            {
                double cab = values[(a * speciesCount) + b], cba = values[(b * speciesCount) + a];
                if (!(cab >= 0) || !double.IsFinite(cab))
                {
                    throw new ArgumentOutOfRangeException(nameof(values), cab, string.Create(CultureInfo.InvariantCulture, $"values: coupling ({a}, {b}) must be finite and >= 0 (was {cab})."));
                }

                if (Math.Abs(cab - cba) > 1e-12 * Math.Max(Math.Abs(cab), Math.Abs(cba)))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"values must be symmetric: c({a},{b}) = {cab} but c({b},{a}) = {cba}."), nameof(values));
                }
            }
        }

        SpeciesCount = speciesCount;
        _values = values.ToArray();
    }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount { get; }

    /// <summary>c_ab.</summary>
    /// <param name="a">Species index.</param>
    /// <param name="b">Species index.</param>
    public double this[int a, int b]
    {
        get
        {
            Guard.InRange(a, 0, SpeciesCount - 1);
            Guard.InRange(b, 0, SpeciesCount - 1);
            return _values[(a * SpeciesCount) + b];
        }
    }

    /// <summary>All couplings equal to <paramref name="value"/> (c = 1 gives the plain operator of Gualdani and Winter).</summary>
    /// <param name="speciesCount">S ≥ 1.</param>
    /// <param name="value">c ≥ 0.</param>
    /// <returns>The table.</returns>
    public static LandauCouplings Uniform(int speciesCount, double value = 1.0)
    {
        Guard.InRange(speciesCount, 1, 64);
        Guard.NonNegative(value);
        return new LandauCouplings(speciesCount, Enumerable.Repeat(value, speciesCount * speciesCount).ToArray());
    }

    /// <summary>
    /// Coulomb couplings from charges and the Coulomb logarithm (docs/math#landau-mixtures): c_ab = 2π e_a² e_b² lnΛ in the
    /// <see cref="LandauNormalization.FlynnGuo"/> normalisation, and 8π times that (16π² e_a² e_b² lnΛ) in the
    /// <see cref="LandauNormalization.GualdaniWinter"/> one, so that the physical collision rate does not depend on
    /// the normalisation chosen.
    /// </summary>
    /// <param name="mixture">Species with their charges e_a.</param>
    /// <param name="coulombLogarithm">lnΛ &gt; 0.</param>
    /// <param name="normalization">The kernel normalisation the couplings will be used with.</param>
    /// <returns>The table.</returns>
    public static LandauCouplings Coulomb(Mixture mixture, double coulombLogarithm, LandauNormalization normalization = LandauNormalization.GualdaniWinter)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        Guard.Positive(coulombLogarithm);
        int s = mixture.Count;
        double scale = 2.0 * Math.PI * coulombLogarithm / (normalization.Prefactor());
        var values = new double[s * s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                double ea = mixture[a].Charge, eb = mixture[b].Charge;
                values[(a * s) + b] = scale * ea * ea * eb * eb;
            }
        }

        return new LandauCouplings(s, values);
    }
}
