using System.Text.RegularExpressions;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Moments;

namespace Kinetics.Tests.GettingStarted;

/// <summary>
/// The README shipped in each package: its code is the code of the snippet tests below (so it compiles and runs), its
/// links are absolute (a package page has no repository next to it) and point at files that exist, and it names every
/// namespace of its package (so it cannot fall behind the code as the old "Boltzmann operators: planned" did).
/// </summary>
public partial class PackageReadmeTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void CoreReadmeSnippet_Runs()
    {
        var grid = new CartesianGrid(32, 8.0);
        var f = Maxwellian.OnGrid(grid, new MacroscopicState(1.0, new Velocity3(0.3, 0, 0), 1.0), mass: 1.0);
        var m = SpeciesMoments.Of(f, mass: 1.0);   // m.Density ≈ 1, m.BulkVelocity ≈ (0.3, 0, 0), m.Temperature ≈ 1

        // The comment's claims, at the grid's spectral accuracy.
        Assert.Equal(1.0, m.Density, 10);
        Assert.Equal(0.3, m.BulkVelocity.X, 10);
        Assert.Equal(1.0, m.Temperature, 8);
    }

    [Fact]
    public void CollisionsReadmeSnippet_Runs()
    {
        var mixture = new Mixture(new Species("N2", mass: 1.0), new Species("O2", mass: 8.0 / 7.0));
        var grid = new CartesianGrid(pointsPerAxis: 24, halfWidth: 8.0);
        var kernels = CollisionKernelTable.Uniform(mixture, new CollisionKernel(gamma: -1.0, AngularFunction.AbsoluteCosine(1.0)));
        var op = BoltzmannOperator.Create(grid, kernels);          // immutable, thread-safe plan
        double[] f = new double[mixture.Count * grid.Count];       // species-major: f[α·N³ + p]
        Maxwellian.Fill(grid, new MacroscopicState(0.78, temperature: 1.3), mixture[0].Mass, f.AsSpan(0, grid.Count));
        Maxwellian.Fill(grid, new MacroscopicState(0.21, temperature: 0.9), mixture[1].Mass, f.AsSpan(grid.Count, grid.Count));
        double[] q = new double[f.Length];
        op.Evaluate(f, q, op.CreateWorkspace());

        // Two Maxwellians at different temperatures exchange energy: Q is not zero, and it conserves the mass of each
        // species (∫Q^α = 0) to the spectral truncation error: observed |∫Q^0| = 6.0e−7 ∫|Q^0| at N = 24 (the conservative
        // correction, EvaluateConservative, removes it); bound 10× that.
        double[] q0 = q[..grid.Count];
        double size = q0.Sum(Math.Abs) * grid.CellVolume, massChange = Math.Abs(q0.Sum()) * grid.CellVolume;
        Assert.True(size > 1e-3, $"∫|Q^0| = {size}");
        Assert.True(massChange < 6e-6 * size, $"∫Q^0 = {massChange}, ∫|Q^0| = {size}");
    }

    [Theory]
    [InlineData("src/Kinetics.Core/README.md", nameof(CoreReadmeSnippet_Runs))]
    [InlineData("src/Kinetics.Collisions/README.md", nameof(CollisionsReadmeSnippet_Runs))]
    public void ReadmeCode_IsTheCodeOfItsSnippetTest(string readme, string testName)
    {
        string text = File.ReadAllText(Path.Combine(Root, readme));
        string source = File.ReadAllText(Path.Combine(Root, "tests/Kinetics.Collisions.Tests/GettingStarted/PackageReadmeTests.cs"));
        string body = MethodBody(source, testName);
        var blocks = CodeBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.Single(blocks);
        foreach (string line in blocks[0].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            Assert.True(
                line.StartsWith("using ", StringComparison.Ordinal) ? source.Contains(line, StringComparison.Ordinal) || IsEnclosingNamespace(line) : body.Contains(line, StringComparison.Ordinal),
                $"{readme}: the line '{line}' is not in {testName}");
        }
    }

    [Theory]
    [InlineData("src/Kinetics.Core/README.md")]
    [InlineData("src/Kinetics.Collisions/README.md")]
    [InlineData("src/Kinetics.Cli/README.md")]
    [InlineData("src/Kinetics.PhaseSpace/README.md")]
    public void ReadmeLinks_AreAbsoluteAndResolve(string readme)
    {
        string text = File.ReadAllText(Path.Combine(Root, readme));
        string repository = Regex.Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), "<RepositoryUrl>([^<]+)</RepositoryUrl>").Groups[1].Value;
        Assert.StartsWith("https://", repository, StringComparison.Ordinal);
        var links = Link().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        foreach (string link in links)
        {
            Assert.True(link.StartsWith("https://", StringComparison.Ordinal), $"{readme}: relative link '{link}' does not resolve on a package page");
            string blob = repository + "/blob/main/";
            if (link.StartsWith(blob, StringComparison.Ordinal))
            {
                string path = link[blob.Length..].Split('#')[0];
                Assert.True(File.Exists(Path.Combine(Root, path)), $"{readme}: '{link}' names a file the repository does not have");
            }
        }
    }

    [Theory]
    [InlineData("src/Kinetics.Core")]
    [InlineData("src/Kinetics.Collisions")]
    public void Readme_NamesEveryNamespaceOfItsPackage(string project)
    {
        string text = File.ReadAllText(Path.Combine(Root, project, "README.md"));
        Assert.DoesNotContain("planned", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("in development", text, StringComparison.OrdinalIgnoreCase);
        foreach (string folder in Directory.GetDirectories(Path.Combine(Root, project)).Select(d => Path.GetFileName(d)!).Where(f => f is not ("bin" or "obj")))
        {
            Assert.True(text.Contains($"Kinetics.{folder}", StringComparison.Ordinal), $"{project}/README.md does not mention the namespace Kinetics.{folder}");
        }
    }

    // "using Kinetics;" is implicit here: this file's namespace Kinetics.Tests.GettingStarted is inside it.
    private static bool IsEnclosingNamespace(string usingLine) => usingLine == "using Kinetics;";

    private static string MethodBody(string source, string name)
    {
        int start = source.IndexOf($"void {name}()", StringComparison.Ordinal);
        Assert.True(start >= 0, name);
        int end = source.IndexOf("\n    }\n", start, StringComparison.Ordinal);
        return source[start..end];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kinetics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Kinetics.sln) not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    // Markdown links whose target looks like a path or URL (contains '/' or '.'), not math such as 𝓜[n, u, T; m](v).
    [GeneratedRegex("\\]\\(([^)\\s]*[/.][^)\\s]*)\\)")]
    private static partial Regex Link();
}
