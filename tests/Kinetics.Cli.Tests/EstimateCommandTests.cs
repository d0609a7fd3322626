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
        Assert.Contains("--masses needs exactly two masses (got 3)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TransportMaxwellStefan_RejectsMismatchedDiameters()
    {
        var (code, _, stderr) = KineticsProcess.Run("transport", "maxwell-stefan", "--masses", "1,4", "--diameters", "1");
        Assert.Equal(2, code);
        Assert.Contains("--diameters has 1 entries but --masses has 2", stderr, StringComparison.Ordinal);
    }
}
