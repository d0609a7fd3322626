namespace Kinetics.Cli.Snapshots;

/// <summary>
/// The distributions of a mixture on a Cartesian velocity grid at one time, as written to and read from HDF5 by
/// <see cref="SnapshotFile"/>: species names and masses, the grid [−L, L]³ with N points per axis, the S·N³ values
/// (species-major, then x, y, z: F[a][i][j][k] at (v_i, v_j, v_k)), and, for a checkpoint, the solver's counters.
/// </summary>
/// <param name="Time">The time t of the state.</param>
/// <param name="Names">Species names, one per species.</param>
/// <param name="Masses">Species masses (code units), one per species.</param>
/// <param name="PointsPerAxis">N.</param>
/// <param name="HalfWidth">L.</param>
/// <param name="Distributions">S·N³ values.</param>
/// <param name="Solver">The solver counters of a checkpoint (null for a plain snapshot).</param>
internal sealed record DistributionSnapshot(
    double Time,
    string[] Names,
    double[] Masses,
    int PointsPerAxis,
    double HalfWidth,
    double[] Distributions,
    SolverCounters? Solver = null);

/// <summary>What a space-homogeneous run needs besides its state to continue exactly (the fields of
/// <see cref="Kinetics.Dynamics.SpaceHomogeneousResult"/>).</summary>
internal sealed record SolverCounters(int Steps, int RejectedSteps, int Evaluations, double MinimumRelativeValue, double LargestRelativeCorrection);
