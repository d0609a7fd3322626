using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>`kinetics transport coefficients`: the acceptance fields and the error contract.</summary>
public class TransportCoefficientsCommandTests
{
    [Fact]
    public void HardSpheres_Json_PrintsTheConvergedFactors()
    {
        // Order 6 is within 2e−6 (viscosity) and 6e−6 (conductivity) of 1.016034 and 1.025218 (docs/transport.md); 1e−4 is the
        // acceptance tolerance.
        JsonElement json = KineticsProcess.RunJson("transport", "coefficients", "--kernel", "hard-spheres", "--order", "6");
        Assert.InRange(json.GetProperty("viscosity_factor").GetDouble(), 1.016034 - 1e-4, 1.016034 + 1e-4);
        Assert.InRange(json.GetProperty("conductivity_factor").GetDouble(), 1.025218 - 1e-4, 1.025218 + 1e-4);
        Assert.True(json.GetProperty("viscosity").GetDouble() > 0 && json.GetProperty("conductivity").GetDouble() > 0);
        Assert.Equal(6, json.GetProperty("convergence").GetArrayLength());
    }

    [Fact]
    public void BinaryMixture_Json_HasASymmetricDiffusionMatrix()
    {
        JsonElement json = KineticsProcess.RunJson("transport", "coefficients", "--kernel", "power", "--gamma", "0.5", "--masses", "1,4", "--densities", "0.3,0.7", "--order", "2");
        var d = json.GetProperty("diffusion_matrix");
        Assert.Equal(2, d.GetArrayLength());
        double d01 = d[0][1].GetDouble(), d10 = d[1][0].GetDouble();
        Assert.True(Math.Abs(d01 - d10) <= 1e-12 * Math.Abs(d[0][0].GetDouble()), $"{d01} vs {d10}");
        Assert.Equal(2, json.GetProperty("thermal_diffusion").GetArrayLength());
    }

    [Fact]
    public void BadInput_PrintsOneJsonErrorObject_AndExitsNonZero()
    {
        var (code, stdout, _) = KineticsProcess.Run("transport", "coefficients", "--kernel", "hard-spheres", "--masses", "1,2", "--densities", "1", "--json");
        Assert.Equal(2, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Contains("--densities", doc.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
