using BenchmarkDotNet.Attributes;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Meshes;

namespace Kinetics.Bench.PhaseSpace;

/// <summary>
/// One field solve of the phase-space layer: <see cref="PeriodicPoissonSolver"/> on 1-D and 2-D periodic meshes and
/// <see cref="WallPoissonSolver"/> between grounded walls on the same meshes (1-D: direct Gauss integration; 2-D: FFT
/// along x and a tridiagonal solve along y per mode). The charge is a smooth non-trivial function of the cell centres.
/// </summary>
[MemoryDiagnoser]
public class PoissonBenchmarks
{
    private PeriodicPoissonSolver? _periodic;
    private WallPoissonSolver? _walls;
    private double[] _rho = [];
    private double[] _ex = [];
    private double[] _ey = [];

    /// <summary>The mesh: "1D-64", "1D-256", "2D-64x64" or "2D-128x128".</summary>
    [Params("1D-64", "1D-256", "2D-64x64", "2D-128x128")]
    public string Mesh { get; set; } = "1D-64";

    /// <summary>True: grounded walls on the slow axis (x periodic in 2-D); false: periodic.</summary>
    [Params(false, true)]
    public bool Walls { get; set; }

    /// <summary>Builds the mesh, the solver and the charge.</summary>
    [GlobalSetup]
    public void Setup()
    {
        UniformMesh mesh = Mesh switch
        {
            "1D-64" => UniformMesh.Create1D(64, 4 * Math.PI),
            "1D-256" => UniformMesh.Create1D(256, 4 * Math.PI),
            "2D-64x64" => UniformMesh.Create2D(64, 64, 4 * Math.PI, 4 * Math.PI),
            _ => UniformMesh.Create2D(128, 128, 4 * Math.PI, 4 * Math.PI),
        };
        if (Walls)
        {
            _walls = WallPoissonSolver.Create(mesh, FieldBoundary.Grounded, FieldBoundary.Grounded);
        }
        else
        {
            _periodic = PeriodicPoissonSolver.Create(mesh);
        }

        int cells = mesh.CellCount;
        _rho = new double[cells];
        _ex = new double[cells];
        _ey = new double[mesh.Dimension == 2 ? cells : 0];
        for (int c = 0; c < cells; c++)
        {
            _rho[c] = Math.Sin(0.37 * c) + (0.2 * Math.Cos(1.3 * c));
        }
    }

    /// <summary>One solve of ∇·E = ρ (− background).</summary>
    [Benchmark]
    public void Solve()
    {
        if (_walls is not null)
        {
            _walls.Solve(_rho, _ex, _ey);
        }
        else
        {
            _periodic!.Solve(_rho, _ex, _ey);
        }
    }
}
