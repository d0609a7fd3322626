using Kinetics.Linearized;
using Kinetics.Transport;

namespace Kinetics.Tests.Linearized;

public class GalerkinLinearizedOperatorTests
{
    // One assembly (masses 1:4, γ = −1.5, D = 2) shared by the default tests: assembly is the expensive part.
    internal static readonly Lazy<GalerkinLinearizedOperator> Shared = new(() => GalerkinLinearizedOperator.Create(LinearizedKernelTests.Table(-1.5, 1, 4), 2));

    [Fact]
    public void Stiffness_IsSymmetricPositiveSemiDefiniteWithNullSpaceOfDimensionSpeciesPlusFour()
    {
        var op = Shared.Value;
        Assert.Equal(20, op.BasisSize);
        var estimate = op.Coercivity();

        // Null space = collision invariants, exactly S + 4 = 6 (seed-note 000 §1.12; the paper's count).
        Assert.Equal(6, estimate.NullSpaceDimension);
        Assert.True(estimate.Eigenvalues[0] > -1e-9 * estimate.Eigenvalues[^1], "PSD up to round-off");
        Assert.True(estimate.L2Gap > 0 && estimate.Delta > 0 && estimate.DeltaNu > 0, "estimate.L2Gap > 0 && estimate.Delta > 0 && estimate.DeltaNu > 0");
        for (int i = 0; i < op.BasisSize; i++)
        {
            for (int j = 0; j < op.BasisSize; j++)
            {
                Assert.Equal(op.Stiffness(i, j), op.Stiffness(j, i), 14);
            }
        }

        // The collision invariants in the monomial basis (x = √m v): 1 per species; momentum √m^α x_i; energy |x|² − 3.
        // Δ vanishes node by node on them, so L·c is zero to round-off relative to ‖L‖.
        double norm = estimate.Eigenvalues[^1];
        foreach (var coefficients in InvariantCoefficients(op))
        {
            for (int i = 0; i < op.BasisSize; i++)
            {
                double row = 0;
                for (int j = 0; j < op.BasisSize; j++)
                {
                    row += op.Stiffness(i, j) * coefficients[j];
                }

                Assert.True(Math.Abs(row) <= 1e-11 * norm, $"row {i}: {row}");
            }
        }
    }

    [Fact]
    public void SpeciesDriftMode_GivesInverseMaxwellStefanCoefficient() => DriftMode(-1.5, 1.0, 4.0);

    [LongFact]
    public void SpeciesDriftMode_GivesInverseMaxwellStefanCoefficient_MoreCases()
    {
        DriftMode(0.5, 7.0, 8.0);
        DriftMode(-2.5, 4.0, 1.0);
        DriftMode(0.0, 1.0, 1.0);
    }

    private static void DriftMode(double gamma, double mA, double mB)
    {
        // ⟨L f, f⟩ for f = (m^A v_x √μ^A, 0) is the linear momentum exchange, i.e. 1/Δ_AB at θ = 1 (seed-note 002 §2.4): the
        // Galerkin quadrature (exact in v, ~1e-9 in (u, ω)) against the independent closed form: 1e-7 relative.
        var table = LinearizedKernelTests.Table(gamma, mA, mB);
        var op = (gamma, mA, mB) == (-1.5, 1.0, 4.0) ? Shared.Value : GalerkinLinearizedOperator.Create(table, 2);
        int xIndex = 1; // exponents ordered by total degree: [0,0,0], then [1,0,0] …
        double form = mA * op.Stiffness(xIndex, xIndex);
        double expected = MaxwellStefan.InverseCoefficient(table[0, 1], mA, mB, 1.0);
        Assert.True(Math.Abs(form - expected) <= 1e-7 * expected, $"{form} vs {expected}");
    }

    private static List<double[]> InvariantCoefficients(GalerkinLinearizedOperator op)
    {
        // Identify monomials by evaluating the basis at probe points (avoids depending on the internal ordering).
        int per = op.BasisSize / 2;
        var list = new List<double[]>();
        double[] masses = [1, 4];
        var probe = new Velocity3(0.3, -0.2, 0.5);
        int Find(int alpha, Func<Velocity3, double> monomial)
        {
            for (int i = alpha * per; i < (alpha + 1) * per; i++)
            {
                double root = LinearizedKernel.SqrtMaxwellian(masses[alpha], probe);
                if (Math.Abs((op.EvaluateBasis(i, alpha, probe) / root) - monomial(Math.Sqrt(masses[alpha]) * probe)) < 1e-12
                    && Math.Abs((op.EvaluateBasis(i, alpha, 2 * probe) / LinearizedKernel.SqrtMaxwellian(masses[alpha], 2 * probe)) - monomial(Math.Sqrt(masses[alpha]) * 2 * probe)) < 1e-12)
                {
                    return i;
                }
            }

            throw new InvalidOperationException("monomial not found");
        }

        for (int a = 0; a < 2; a++)
        {
            var mass = new double[op.BasisSize];
            mass[Find(a, _ => 1)] = 1;
            list.Add(mass);
        }

        for (int axis = 0; axis < 3; axis++)
        {
            var momentum = new double[op.BasisSize];
            for (int a = 0; a < 2; a++)
            {
                momentum[Find(a, x => x[axis])] = Math.Sqrt(masses[a]);
            }

            list.Add(momentum);
        }

        var energy = new double[op.BasisSize];
        for (int a = 0; a < 2; a++)
        {
            energy[Find(a, _ => 1)] = -3;
            energy[Find(a, x => x.X * x.X)] = 1;
            energy[Find(a, x => x.Y * x.Y)] = 1;
            energy[Find(a, x => x.Z * x.Z)] = 1;
        }

        list.Add(energy);
        return list;
    }
}
