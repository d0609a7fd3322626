using System.Globalization;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;

namespace Kinetics.Cli.Commands;

/// <summary>Validated settings of `kinetics relax`, in code units (masses normalised so that the first species has m = 1).</summary>
internal sealed record RelaxSettings(
    Mixture Mixture,
    MacroscopicState[] States,
    CollisionKernel Kernel,
    LandauKernel? Landau,
    int N,
    double HalfWidth,
    double FinalTime,
    int Rows,
    string OutputPrefix)
{
    /// <summary>The per-species grids (docs/species-grids.md), or null for one shared grid of N points over [−L, L]³.</summary>
    public SpeciesGrids? SpeciesGrids { get; init; }

    /// <summary>Parses and cross-validates the option values; messages name the option and the numbers involved.</summary>
    public static RelaxSettings Parse(
        string names, string masses, string densities, string temperatures, string drifts,
        string collisionOperator, double? gamma, string kernel, int n, double? halfWidth, double finalTime, int rows, string output, string grids = "shared")
    {
        string[] nameList = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        double[] massList = Scenarios.ScenarioMath.Numbers(masses, "--masses");
        double[] densityList = Scenarios.ScenarioMath.Numbers(densities, "--densities");
        double[] temperatureList = Scenarios.ScenarioMath.Numbers(temperatures, "--temperatures");
        double[] driftList = Scenarios.ScenarioMath.Numbers(drifts, "--drifts");
        int s = nameList.Length;
        foreach (var (option, count) in new[] { ("--masses", massList.Length), ("--densities", densityList.Length), ("--temperatures", temperatureList.Length), ("--drifts", driftList.Length) })
        {
            if (count != s)
            {
                throw new ArgumentException($"{option} has {count} values but --names has {s} species.");
            }
        }

        if (massList.Any(m => !(m > 0)) || densityList.Any(d => !(d > 0)) || temperatureList.Any(t => !(t > 0)))
        {
            throw new ArgumentException("--masses, --densities and --temperatures must all be > 0.");
        }

        if (!(finalTime > 0))
        {
            throw new ArgumentException($"--t-final must be > 0 (was {finalTime}).");
        }

        if (rows < 2)
        {
            throw new ArgumentException($"--rows must be >= 2 (was {rows}).");
        }

        var mixture = new Mixture(nameList.Select((name, a) => new Species(name, massList[a] / massList[0])));
        var states = Enumerable.Range(0, s).Select(a => new MacroscopicState(densityList[a], new Velocity3(driftList[a], 0, 0), temperatureList[a])).ToArray();
        CollisionKernel collisionKernel = kernel switch
        {
            "hard-spheres" => CollisionKernel.HardSpheres(1.0),
            "maxwell" => CollisionKernel.MaxwellMolecules(AngularFunction.AbsoluteCosine(1.0)),
            _ => new CollisionKernel(gamma ?? -1.0, AngularFunction.AbsoluteCosine(1.0)),
        };
        LandauKernel? landau = collisionOperator == "landau" ? new LandauKernel(gamma ?? -3.0, LandauNormalization.FlynnGuo) : null;

        // Every species at its initial state and at the equilibrium (common T, the centre-of-mass drift): the states the
        // grids must hold. Default box of the shared grid: GridSelection's balance of the box and resolution indicators at
        // this N over all of them, so the widest state sets the box and the narrowest the spacing (docs/boltzmann.md,
        // "Grid selection"). Per-species grids: GridSelection.ForSpecies over each species' own states; `auto` takes them
        // when the species' widest thermal speeds differ by more than GridSelection.PerSpeciesThreshold and no
        // --half-width was given (docs/species-grids.md, "Choosing the grids").
        var (index, stateMasses, stateTemperatures, stateDrifts) = GridStates(mixture, densityList, temperatureList, driftList);
        if (grids == "per-species" && halfWidth is not null)
        {
            throw new ArgumentException("--half-width sets the shared grid's box; per-species grids choose each species' box (GridSelection.ForSpecies): drop --half-width or use --grids shared.");
        }

        bool perSpecies = grids == "per-species" ||
            (grids == "auto" && halfWidth is null && GridSelection.PrefersPerSpeciesGrids(index, mixture.Masses(), stateTemperatures));
        double width = halfWidth ?? GridSelection.ForPoints(n, stateMasses, stateTemperatures, stateDrifts).HalfWidth;
        return new RelaxSettings(mixture, states, collisionKernel, landau, n, width, finalTime, rows, output)
        {
            SpeciesGrids = perSpecies ? GridSelection.ForSpeciesGrids(n, index, mixture.Masses(), stateTemperatures, stateDrifts) : null,
        };
    }

    // Entries a and S + a: species a at its initial state and at the equilibrium.
    private static (int[] Species, double[] Masses, double[] Temperatures, Velocity3[] Drifts) GridStates(Mixture mixture, double[] densities, double[] temperatures, double[] drifts)
    {
        int s = mixture.Count;
        double rho = 0, momentum = 0, energy = 0, total = 0;
        for (int a = 0; a < s; a++)
        {
            double m = mixture[a].Mass;
            rho += m * densities[a];
            momentum += m * densities[a] * drifts[a];
            energy += densities[a] * ((1.5 * temperatures[a]) + (0.5 * m * drifts[a] * drifts[a]));
            total += densities[a];
        }

        double u = momentum / rho, equilibrium = (energy - (0.5 * rho * u * u)) / (1.5 * total);
        var species = new int[2 * s];
        var masses = new double[2 * s];
        var states = new double[2 * s];
        var velocities = new Velocity3[2 * s];
        for (int a = 0; a < s; a++)
        {
            species[a] = species[s + a] = a;
            masses[a] = masses[s + a] = mixture[a].Mass;
            states[a] = temperatures[a];
            states[s + a] = equilibrium;
            velocities[a] = new Velocity3(drifts[a], 0, 0);
            velocities[s + a] = new Velocity3(u, 0, 0);
        }

        return (species, masses, states, velocities);
    }
}
