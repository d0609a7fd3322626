using BenchmarkDotNet.Running;
using Kinetics.Bench.Spectral;

if (args.Length > 0 && args[0] == "compare-fft")
{
    return FftComparison.Run(args);
}

if (args.Length > 3 && args[0] == "fft-blocks")
{
    return FftBlockProbe.Run(args);
}

if (args.Length > 0 && args[0] == "transfer-sets")
{
    return Kinetics.Bench.SpeciesGrids.ShiftedTransferTiming.Run(args);
}

if (args.Length > 2 && args[0] == "anisotropic-cost")
{
    return Kinetics.Bench.Boltzmann.AnisotropicPartsProbe.RunCost(args);
}

if (args.Length > 3 && args[0] == "anisotropic-batch")
{
    return Kinetics.Bench.Boltzmann.AnisotropicPartsProbe.RunBatches(args);
}

if (args.Length > 1 && args[0] == "anisotropic-parts")
{
    return Kinetics.Bench.Boltzmann.AnisotropicPartsProbe.Run(args);
}

if (args.Length > 4 && args[0] == "anisotropic-cpu")
{
    return Kinetics.Bench.Boltzmann.AnisotropicPartsProbe.RunCpu(args);
}

if (args.Length > 2 && args[0] == "orbit-batch")
{
    return Kinetics.Bench.Boltzmann.AnisotropicPartsProbe.RunOrbitBatch(args);
}

if (args.Length > 1 && args[0] == "weight-rank")
{
    return Kinetics.Bench.Boltzmann.AnisotropicPartsProbe.RunRank(args);
}

if (args.Length > 2 && args[0] == "lanes-cpu")
{
    return Kinetics.Bench.Boltzmann.LaneCpuProbe.Run(args);
}

if (args.Length > 2 && args[0] == "lanes")
{
    return Kinetics.Bench.Boltzmann.LaneProbe.Run(args);
}

if (args.Length > 5 && args[0] == "radial-accuracy")
{
    return Kinetics.Bench.Boltzmann.RadialAccuracyProbe.Run(args);
}

if (args.Length > 3 && args[0] == "radial-cost")
{
    return Kinetics.Bench.Boltzmann.RadialCostProbe.Run(args);
}

if (args.Length > 0 && args[0] == "species-grids")
{
    return Kinetics.Bench.SpeciesGrids.SpeciesGridCostComparison.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(FftComparison).Assembly).Run(args);
return 0;
