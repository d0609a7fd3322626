using System.Numerics;

namespace Kinetics.PhaseSpace.Theory;

/// <summary>
/// Newton's method for a root ω of a dispersion relation D(ω, k) = 0 at fixed k, shared by the dispersion relations of
/// this folder: stop when |D(ω, k)| ≤ 1e−12, at most 100 steps, and fail as soon as an iterate stops being finite.
/// </summary>
internal static class DispersionNewton
{
    /// <summary>The Newton step budget.</summary>
    public const int MaxSteps = 100;

    /// <summary>The root of <paramref name="relation"/> reached from <paramref name="guess"/>.</summary>
    /// <param name="relation">D(ω, k) at the fixed k.</param>
    /// <param name="derivative">∂D/∂ω at the fixed k.</param>
    /// <param name="guess">The starting ω (already checked by the caller).</param>
    /// <param name="name">The relation's name for the failure message, e.g. "the ion-acoustic D(ω, 0.5)".</param>
    /// <exception cref="InvalidOperationException">No convergence within <see cref="MaxSteps"/> steps.</exception>
    public static Complex Root(Func<Complex, Complex> relation, Func<Complex, Complex> derivative, Complex guess, string name)
    {
        Complex omega = guess;
        for (int iteration = 0; iteration < MaxSteps; iteration++)
        {
            Complex d = relation(omega);
            if (d.Magnitude <= 1e-12)
            {
                return omega;
            }

            omega -= d / derivative(omega);
            if (!double.IsFinite(omega.Real) || !double.IsFinite(omega.Imaginary))
            {
                break;
            }
        }

        throw new InvalidOperationException($"Newton's method for {name} = 0 did not converge from {guess} within {MaxSteps} iterations.");
    }
}
