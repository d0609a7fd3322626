using System.Numerics;
using Kinetics.Distributions;
using Kinetics.PhaseSpace.States;
using Kinetics.Spectral;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The well-balanced Vlasov part of <see cref="PhaseSpaceOptions.BoltzmannBalancedSpecies"/> (docs/massless-electrons.md,
/// "Well-balanced electrons"): the step's transport and force are applied once more to the species' Boltzmann
/// equilibrium F_eq = C e^{−qφ/T}M_T in the field at the start of the step (the species' global mass and temperature
/// then), with the step's own fields, and F_eq − S_h(F_eq) is added to the species. The continuous Vlasov flow keeps
/// F_eq in a steady field, so the added term is the scheme's error on it, and a state equal to F_eq in its own field
/// is kept to round-off. (F_eq in the mean of the step's two fields gave the same errors in the 1-D problem, 2.259e−3
/// against 2.265e−3 at ε = 0.01, but is not a fixed point: the transport half-step moves the field at O(Δt²).) Transport and force are linear (for a given field), so the
/// correction is the same as advancing only the deviation F − F_eq with the scheme (the deviation form of
/// well-balanced schemes).
/// </summary>
public sealed partial class PhaseSpaceSolver
{
    private readonly BalancedWork? _balanced;

    private static void CheckBalanced(PhaseSpaceState layout, PhaseSpaceOptions options)
    {
        int s = options.BoltzmannBalancedSpecies;
        if (s == -1)
        {
            return;
        }

        Guard.InRange(s, 0, layout.SpeciesCount - 1, nameof(options.BoltzmannBalancedSpecies));
        if (layout.Mesh.Dimension != 1 || options.LowBoundary is not null || options.HighBoundary is not null || !options.SelfConsistentField)
        {
            throw BalancedOptionError("BoltzmannBalancedSpecies needs a 1-D periodic mesh with the self-consistent field.", nameof(options.BoltzmannBalancedSpecies));
        }

        if (layout.Charges[s] == 0.0 || layout.VelocitiesOf(s).Dimension != 3)
        {
            throw BalancedOptionError($"BoltzmannBalancedSpecies = {s} must be a charged species on a 3-D velocity grid.", nameof(options.BoltzmannBalancedSpecies));
        }
    }

    // The option is named as the parameter (as the other options' checks do).
    private static ArgumentException BalancedOptionError(string message, string paramName) => new(message, paramName);

    private void RecordField(int which)
    {
        if (_balanced is not null)
        {
            _ex.CopyTo(_balanced.Fields[which], 0);
        }
    }

    // Global mass and temperature of the balanced species in the state at the start of the step.
    private void MeasureBalanced(PhaseSpaceState state)
    {
        var work = _balanced!;
        int s = _options.BoltzmannBalancedSpecies;
        var grid = state.VelocitiesOf(s);
        var local = new double[state.CellCount * 5];
        for (int c = 0; c < state.CellCount; c++)
        {
            ReadOnlySpan<double> f = state.Distribution(c, s);
            double n = 0, px = 0, py = 0, pz = 0, e = 0;
            for (int p = 0; p < f.Length; p++)
            {
                double vx = grid.Component(p, 0), vy = grid.Component(p, 1), vz = grid.Component(p, 2);
                n += f[p];
                px += vx * f[p];
                py += vy * f[p];
                pz += vz * f[p];
                e += ((vx * vx) + (vy * vy) + (vz * vz)) * f[p];
            }

            local[5 * c] = n;
            local[(5 * c) + 1] = px;
            local[(5 * c) + 2] = py;
            local[(5 * c) + 3] = pz;
            local[(5 * c) + 4] = e;
        }

        var all = Gather(local, 5);
        double tn = 0, tx = 0, ty = 0, tz = 0, te = 0;
        for (int c = 0; c < all.Length / 5; c++)
        {
            tn += all[5 * c];
            tx += all[(5 * c) + 1];
            ty += all[(5 * c) + 2];
            tz += all[(5 * c) + 3];
            te += all[(5 * c) + 4];
        }

        double temperature = state.Masses[s] * ((te / tn) - (((tx * tx) + (ty * ty) + (tz * tz)) / (tn * tn))) / 3.0;
        if (!(tn > 0 && temperature > 0))
        {
            throw new ArgumentException($"state: the balanced species {s} has mass {tn} and temperature {temperature}; both must be > 0.", nameof(state));
        }

        work.Mass = tn * grid.Weight * state.Mesh.CellVolume;
        work.Temperature = temperature;
        SolveField(state);
        _ex.CopyTo(work.InitialField, 0);
    }

    // Adds F_eq − S_h(F_eq) to the balanced species (the step's fields recorded in Fields[0], Fields[1]).
    private void BalanceStep(PhaseSpaceState state, double step)
    {
        var work = _balanced!;
        int s = _options.BoltzmannBalancedSpecies, cells = _ex.Length, first = state.FirstCell, count = state.CellCount;
        double q = state.Charges[s], temperature = work.Temperature, dx = state.Mesh.SpacingX;

        // φ of the field at the start of the step, spectrally: E = −φ' gives φ̂ = iÊ/κ (the mean and the Nyquist mode, zero in
        // the field, are dropped), through the library's line FFT planned once in the work object.
        double[] e = work.InitialField, phi = work.Potential;
        Span<Complex> spectrum = work.Spectrum;
        for (int j = 0; j < cells; j++)
        {
            spectrum[j] = e[j];
        }

        work.Plan.Transform(spectrum, inverse: false, work.Scratch);
        double length = cells * dx;
        for (int m = 0; m < cells; m++)
        {
            int signed = 2 * m < cells ? m : m - cells;
            spectrum[m] = signed == 0 || 2 * m == cells ? Complex.Zero : Complex.ImaginaryOne * spectrum[m] / (2.0 * Math.PI * signed / length);
        }

        work.Plan.Transform(spectrum, inverse: true, work.Scratch);
        for (int j = 0; j < cells; j++)
        {
            phi[j] = spectrum[j].Real / cells;
        }

        // n_eq ∝ e^{−qφ/T} with the species' mass (the largest exponent shifted out before exponentiating).
        double largest = double.NegativeInfinity, sum = 0;
        for (int j = 0; j < cells; j++)
        {
            largest = Math.Max(largest, -q * phi[j] / temperature);
        }

        double[] density = work.Density;
        for (int j = 0; j < cells; j++)
        {
            density[j] = Math.Exp((-q * phi[j] / temperature) - largest);
            sum += density[j];
        }

        double scale = work.Mass / (sum * dx);
        var grid = state.VelocitiesOf(s);
        var species = grid.ToSpeciesGrid();
        DiscreteMaxwellian.Fill(species.Grid, new MacroscopicState(1.0, Velocity3.Zero - grid.Centre, temperature), state.Masses[s], work.Shape);

        // F_eq into the reference state (other species zero), then the step's transport and force on it.
        var reference = work.Reference;
        reference.Data.Clear();
        for (int c = 0; c < count; c++)
        {
            double n = scale * density[first + c];
            Span<double> f = reference.Distribution(c, s);
            for (int p = 0; p < f.Length; p++)
            {
                f[p] = n * work.Shape[p];
            }
        }

        int threads = _options.MaxDegreeOfParallelism;
        _transport.Advance(reference, 0.5 * step, _options.Communicator, _transportWorkspace, threads);
        if (_options.Collisions is null)
        {
            _force.Advance(reference, work.Fields[0].AsSpan(first, count), [], step, threads);
        }
        else
        {
            _force.Advance(reference, work.Fields[0].AsSpan(first, count), [], 0.5 * step, threads);
            _force.Advance(reference, work.Fields[1].AsSpan(first, count), [], 0.5 * step, threads);
        }

        _transport.Advance(reference, 0.5 * step, _options.Communicator, _transportWorkspace, threads);
        for (int c = 0; c < count; c++)
        {
            double n = scale * density[first + c];
            Span<double> f = state.Distribution(c, s);
            ReadOnlySpan<double> moved = reference.Distribution(c, s);
            for (int p = 0; p < f.Length; p++)
            {
                f[p] += (n * work.Shape[p]) - moved[p];
            }
        }
    }

    private sealed class BalancedWork(PhaseSpaceState layout, int cells, int species)
    {
        public double[][] Fields { get; } = [new double[cells], new double[cells]];

        public double[] InitialField { get; } = new double[cells];

        public double[] Potential { get; } = new double[cells];

        public LineFftPlan Plan { get; } = new(cells);

        public Complex[] Spectrum { get; } = new Complex[cells];

        public Complex[] Scratch { get; } = new Complex[2 * cells];

        public double[] Density { get; } = new double[cells];

        public double[] Shape { get; } = new double[layout.VelocitiesOf(species).Count];

        public PhaseSpaceState Reference { get; } = layout.Clone();

        public double Mass { get; set; }

        public double Temperature { get; set; }
    }
}
