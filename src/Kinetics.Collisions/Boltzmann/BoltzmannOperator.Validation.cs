using System.Numerics.Tensors;
using Kinetics.Quadrature;

namespace Kinetics.Boltzmann;

/// <summary>Input checks of the evaluations: lengths, workspace, overlap, finiteness, and resolution by the grid.</summary>
public sealed partial class BoltzmannOperator
{
    private void Validate(
        ReadOnlySpan<double> distributions, Span<double> destination, int outputBlocks, BoltzmannWorkspace workspace, string name = "distributions")
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int count = Grid.Count;
        Guard.Length(distributions.Length, SpeciesCount * count, name);
        Guard.Length(destination.Length, outputBlocks * count, nameof(destination));
        if (workspace.Species != SpeciesCount || workspace.Lanes != _lanes || workspace.Real.Length != count)
        {
            throw new ArgumentException("workspace was created by a different BoltzmannOperator plan.", nameof(workspace));
        }

        if (distributions.Overlaps(destination))
        {
            throw new ArgumentException($"destination must not overlap {name}.", nameof(destination));
        }

        Guard.AllFinite(distributions, name);
        for (int a = 0; a < SpeciesCount; a++)
        {
            CheckResolved(distributions.Slice(a * count, count), a, name);
        }
    }

    // max |F| over the outermost layer of cells relative to max |F|.
    private void CheckResolved(ReadOnlySpan<double> distributions, int species, string name)
    {
        if (double.IsPositiveInfinity(_resolutionTolerance))
        {
            return;
        }

        ReadOnlySpan<double> f = distributions;
        // MaxMagnitude returns the signed element of largest magnitude: take |·| (signed data, e.g. the arguments of Γ).
        double peak = Math.Abs(TensorPrimitives.MaxMagnitude(f)), edge = 0;
        for (int i = 0, p = 0; i < _n; i++)
        {
            bool faceI = i == 0 || i == _n - 1;
            for (int j = 0; j < _n; j++)
            {
                bool face = faceI || j == 0 || j == _n - 1;
                if (face)
                {
                    edge = Math.Max(edge, Math.Abs(TensorPrimitives.MaxMagnitude(f.Slice(p, _n))));
                }
                else
                {
                    edge = Math.Max(edge, Math.Max(Math.Abs(f[p]), Math.Abs(f[p + _n - 1])));
                }

                p += _n;
            }
        }

        if (edge > _resolutionTolerance * peak)
        {
            throw new ArgumentException(
                $"{name}: species {species} is not resolved by the grid: |F| on the box boundary is {edge / peak:G3} of its maximum " +
                $"(options.ResolutionTolerance = {_resolutionTolerance:G3}); enlarge L = {Grid.HalfWidth:G6}.",
                name);
        }
    }

    private static bool IsAntipodal(SphereRule rule)
    {
        for (int i = 0; i < rule.Count; i++)
        {
            bool found = false;
            for (int j = 0; j < rule.Count && !found; j++)
            {
                found = (rule.Points[i] + rule.Points[j]).Length < 1e-12 && Math.Abs(rule.Weights[i] - rule.Weights[j]) <= 1e-14 * rule.Weights[i];
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
