using System.Text.Json;

namespace Kinetics.Cli.Tests;

public class EstimateCommandTests
{
    [Fact]
    public void TransportMaxwellStefan_Json_ClosedFormAgreesWithMomentumExchange()
    {
        JsonElement json = KineticsProcess.RunJson("transport", "maxwell-stefan", "--masses", "28,32", "--diameters", "1,1.2");
        var pair = json.GetProperty("pairs")[0];

        // Hard spheres: Δ = (3/(8d²))√(θ/(2πμ)) with d = 1.1, μ = 28·32/60 (Chapman–Enskog; typed formula, round-off).
        double mu = 28.0 * 32 / 60, d = 1.1;
        Assert.Equal(3 / (8 * d * d) * Math.Sqrt(1 / (2 * Math.PI * mu)), pair.GetProperty("delta_closed_form").GetDouble(), 12);

        // The momentum-exchange quadrature agrees to ~1e-7 (docs/estimates.md); 1e-5 fails for any wrong constant.
        Assert.InRange(pair.GetProperty("relative_difference").GetDouble(), 0, 1e-5);
    }

    [Fact]
    public void EstimateKernelDecay_RejectsWrongMassCount()
    {
        var (code, _, stderr) = KineticsProcess.Run("estimate", "kernel-decay", "--gamma", "-1.5", "--masses", "1,2,3", "--json");
        Assert.Equal(2, code);
        Assert.Contains("--masses needs exactly 2 comma-separated values (got 3", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TransportMaxwellStefan_RejectsMismatchedDiameters()
    {
        var (code, _, stderr) = KineticsProcess.Run("transport", "maxwell-stefan", "--masses", "1,4", "--diameters", "1");
        Assert.Equal(2, code);
        Assert.Contains("--diameters has 1 entries but --masses has 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateGap_Json_MaxwellGapIsBoundedBelow()
    {
        // γ = 0 (Maxwell): ν ≡ 4π (two partners, b₀ = 2π each; typed closed form), the gap is set by K in the thermal region and
        // does not move with V (4.0172 at both radii on this coarse rule, 4.0212 converged, docs/estimates.md): slope 0 within
        // 1e-3 (measured −5e-5), far from any V^γ law.
        JsonElement json = KineticsProcess.RunJson("estimate", "gap", "--gamma", "0", "--masses", "1,4", "--radii", "6,8", "--max-degree", "1", "--panel-width", "3", "--order", "8");
        Assert.Equal(0.0, json.GetProperty("expected_slope").GetDouble());
        Assert.InRange(json.GetProperty("slope").GetDouble(), -1e-3, 1e-3);
        var gaps = json.GetProperty("gaps").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var frequencies = json.GetProperty("frequencies").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(2, gaps.Length);
        Assert.All(frequencies, f => Assert.Equal(4 * Math.PI, f, 10));
        Assert.All(gaps, g => Assert.InRange(g, 0.2 * 4 * Math.PI, 0.5 * 4 * Math.PI));

        // At γ = 0 the coercivity weights are 1 and ν ≡ 4π, so δ = λ and δ_ν = λ/(4π) (same eigenproblem, round-off).
        var delta = json.GetProperty("delta").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var deltaNu = json.GetProperty("delta_nu").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        for (int k = 0; k < gaps.Length; k++)
        {
            Assert.Equal(gaps[k], delta[k], 1e-10 * gaps[k]);
            Assert.Equal(gaps[k] / (4 * Math.PI), deltaNu[k], 1e-10 * gaps[k]);
        }

        // The collision invariants are nearly null vectors of the discrete operator even at this coarse rule (8 points on
        // panels 3 wide: measured 5.4e-3; 1e-3 at width 2).
        Assert.InRange(json.GetProperty("null_space_residual").GetDouble(), 0, 2e-2);
    }

    [Fact]
    public void EstimateGap_RejectsSingleRadiusAndHardLimitOfGamma()
    {
        var (code, _, stderr) = KineticsProcess.Run("estimate", "gap", "--gamma", "-1.5", "--masses", "1,4", "--radii", "8", "--json");
        Assert.Equal(2, code);
        Assert.Contains("--radii needs 2 to 64 comma-separated values (got 1", stderr, StringComparison.Ordinal);
        (code, _, stderr) = KineticsProcess.Run("estimate", "gap", "--gamma", "-2.5", "--masses", "1,4", "--radii", "6,8", "--json");
        Assert.Equal(2, code);
        Assert.Contains("--gamma must be in (-2, 1]", stderr, StringComparison.Ordinal);
    }
}
