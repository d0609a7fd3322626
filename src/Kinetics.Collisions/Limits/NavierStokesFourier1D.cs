using System.Numerics;

namespace Kinetics.Limits;

/// <summary>
/// The compressible Navier–Stokes–Fourier equations of a monatomic gas (mass m, three translational degrees of freedom,
/// γ = 5/3, k_B = 1) in one space dimension x with one transverse velocity component v (shear), periodic or between walls:
/// ∂_t ρ + ∂_x(ρu) = 0, ∂_t(ρu) + ∂_x(ρu² + p − τ_xx) = 0, ∂_t(ρv) + ∂_x(ρuv − τ_xy) = 0,
/// ∂_t ℰ + ∂_x((ℰ + p)u − uτ_xx − vτ_xy + q) = 0, with p = nθ, n = ρ/m, ℰ = ρ(u² + v²)/2 + (3/2)p,
/// τ_xx = (4/3)μ ∂_x u, τ_xy = μ ∂_x v, q = −κ ∂_x θ and μ = μ₀(θ/θ₀)^ω, κ = κ₀(θ/θ₀)^ω — the first-order Chapman–Enskog
/// limit of the Boltzmann equation, with μ₀ and κ₀ from <see cref="Transport.ChapmanEnskog"/> (docs/limits.md).
/// </summary>
/// <remarks>
/// <para>Finite volumes on cell averages of (ρ, ρu, ρv, ℰ): centred inviscid fluxes (the average of the two cells' fluxes),
/// compact face gradients for the viscous and heat fluxes, SSP-RK3 under the acoustic and parabolic limits. No upwinding
/// and no limiter: the scheme adds no numerical dissipation at second order, which is what the wave-damping comparisons need;
/// it is meant for smooth flows (no shock capturing). Mass, momentum and energy are conserved to round-off (flux form).</para>
/// <para>Walls (<see cref="Boundary"/>): a wall face takes its flux from the wall cell and a ghost state, its mirror image
/// with the normal velocity reversed — for <see cref="LimitBoundary.Walls"/> (specular, adiabatic) v and θ mirrored
/// unchanged, so the tangential stress and the heat flux vanish at the wall; for <see cref="LimitBoundary.NoSlipWalls"/>
/// v reversed and θ_ghost = 2θ_w − θ (v = 0 and θ = θ_w at the wall; the face's μ and κ are those of θ_w). The mass flux
/// through a wall is zero to round-off in both; with specular walls the energy too (the x-momentum changes by the wall
/// pressure). The ghost state makes a sin(jπx/ℓ) profile of v an exact eigenvector of the discrete viscous operator
/// between no-slip walls (docs/limits.md, "Walls").</para>
/// <para>State layout: 4 rows of <see cref="Cells"/> values: ρ, ρu, ρv, ℰ. Immutable and thread-safe;
/// <see cref="Advance"/> allocates its stage buffers per call.</para>
/// </remarks>
public sealed class NavierStokesFourier1D
{
    private const double Gamma = 5.0 / 3.0;

    private NavierStokesFourier1D(double mass, double viscosity, double conductivity, double exponent, double referenceTemperature, int cells, double length, LimitBoundary boundary, double wallTemperature)
    {
        Boundary = boundary;
        WallTemperature = wallTemperature;
        Mass = mass;
        Viscosity = viscosity;
        Conductivity = conductivity;
        TemperatureExponent = exponent;
        ReferenceTemperature = referenceTemperature;
        Cells = cells;
        Length = length;
    }

    /// <summary>Values per cell: ρ, ρu, ρv, ℰ.</summary>
    public const int VariableCount = 4;

    /// <summary>The particle mass m.</summary>
    public double Mass { get; }

    /// <summary>μ₀, the shear viscosity at <see cref="ReferenceTemperature"/>.</summary>
    public double Viscosity { get; }

    /// <summary>κ₀, the thermal conductivity at <see cref="ReferenceTemperature"/>.</summary>
    public double Conductivity { get; }

    /// <summary>ω of μ, κ ∝ θ^ω (1 for Maxwell molecules, 1/2 for hard spheres; 1 − γ/2 for B ∝ |v − v_*|^γ).</summary>
    public double TemperatureExponent { get; }

    /// <summary>θ₀, the temperature of <see cref="Viscosity"/> and <see cref="Conductivity"/>.</summary>
    public double ReferenceTemperature { get; }

    /// <summary>Number of cells.</summary>
    public int Cells { get; }

    /// <summary>The domain length ℓ (the period, or the distance between the walls).</summary>
    public double Length { get; }

    /// <summary>The boundary: periodic, specular adiabatic walls (<see cref="LimitBoundary.Walls"/>) or no-slip isothermal walls.</summary>
    public LimitBoundary Boundary { get; }

    /// <summary>θ_w of <see cref="LimitBoundary.NoSlipWalls"/> (both walls; not used by the other boundaries).</summary>
    public double WallTemperature { get; }

    /// <summary>Cell width ℓ/cells.</summary>
    public double Spacing => Length / Cells;

    /// <summary>Creates the periodic solver.</summary>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="viscosity">μ₀ ≥ 0 (0 with <paramref name="conductivity"/> 0: the Euler equations).</param>
    /// <param name="conductivity">κ₀ ≥ 0.</param>
    /// <param name="cells">Cells in [8, 1 000 000].</param>
    /// <param name="length">The period ℓ &gt; 0.</param>
    /// <param name="temperatureExponent">ω ∈ [0, 2] (default 1, Maxwell molecules).</param>
    /// <param name="referenceTemperature">θ₀ &gt; 0 (default 1).</param>
    public static NavierStokesFourier1D Create(double mass, double viscosity, double conductivity, int cells, double length, double temperatureExponent = 1.0, double referenceTemperature = 1.0) =>
        Create(mass, viscosity, conductivity, cells, length, LimitBoundary.Periodic, 1.0, temperatureExponent, referenceTemperature);

    /// <summary>Creates the solver, periodic or between walls at x = 0 and x = ℓ (<see cref="LimitBoundary"/>).</summary>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="viscosity">μ₀ ≥ 0 (0 with <paramref name="conductivity"/> 0: the Euler equations).</param>
    /// <param name="conductivity">κ₀ ≥ 0.</param>
    /// <param name="cells">Cells in [8, 1 000 000].</param>
    /// <param name="length">ℓ &gt; 0.</param>
    /// <param name="boundary"><see cref="LimitBoundary.Periodic"/>, <see cref="LimitBoundary.Walls"/> (specular adiabatic
    /// walls) or <see cref="LimitBoundary.NoSlipWalls"/> (no-slip walls at rest held at <paramref name="wallTemperature"/>).</param>
    /// <param name="wallTemperature">θ_w &gt; 0 of no-slip walls (checked for every boundary; used only by them).</param>
    /// <param name="temperatureExponent">ω ∈ [0, 2] (default 1, Maxwell molecules).</param>
    /// <param name="referenceTemperature">θ₀ &gt; 0 (default 1).</param>
    public static NavierStokesFourier1D Create(
        double mass, double viscosity, double conductivity, int cells, double length, LimitBoundary boundary, double wallTemperature, double temperatureExponent = 1.0, double referenceTemperature = 1.0)
    {
        Guard.Defined(boundary);
        Guard.Positive(wallTemperature);
        Guard.Finite(wallTemperature);
        Guard.Positive(mass);
        Guard.Finite(mass);
        Guard.NonNegative(viscosity);
        Guard.Finite(viscosity);
        Guard.NonNegative(conductivity);
        Guard.Finite(conductivity);
        Guard.InRange(cells, 8, 1_000_000);
        Guard.Positive(length);
        Guard.Finite(length);
        Guard.InRange(temperatureExponent, 0.0, 2.0);
        Guard.Positive(referenceTemperature);
        Guard.Finite(referenceTemperature);
        return new NavierStokesFourier1D(mass, viscosity, conductivity, temperatureExponent, referenceTemperature, cells, length, boundary, wallTemperature);
    }

    /// <summary>The centre of cell <paramref name="k"/>, (k + ½)ℓ/cells.</summary>
    /// <param name="k">Cell index in [0, cells).</param>
    public double Centre(int k)
    {
        Guard.Index(k, Cells);
        return (k + 0.5) * Spacing;
    }

    /// <summary>Writes the conserved values of densities n, velocities (u, v) and temperatures θ per cell.</summary>
    /// <param name="density">n &gt; 0 per cell.</param>
    /// <param name="velocityX">u per cell.</param>
    /// <param name="velocityY">v per cell.</param>
    /// <param name="temperature">θ &gt; 0 per cell.</param>
    /// <param name="state">4 × cells conserved values.</param>
    public void FromPrimitive(ReadOnlySpan<double> density, ReadOnlySpan<double> velocityX, ReadOnlySpan<double> velocityY, ReadOnlySpan<double> temperature, Span<double> state)
    {
        Guard.Length(density.Length, Cells, nameof(density));
        Guard.Length(velocityX.Length, Cells, nameof(velocityX));
        Guard.Length(velocityY.Length, Cells, nameof(velocityY));
        Guard.Length(temperature.Length, Cells, nameof(temperature));
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        Guard.AllFinite(velocityX);
        Guard.AllFinite(velocityY);
        for (int k = 0; k < Cells; k++)
        {
            if (!(density[k] > 0) || !(temperature[k] > 0) || double.IsInfinity(density[k]) || double.IsInfinity(temperature[k]))
            {
                throw new ArgumentOutOfRangeException(nameof(density), $"density and temperature must be finite and > 0 (cell {k}: n = {density[k]}, θ = {temperature[k]}).");
            }

            double rho = Mass * density[k];
            state[k] = rho;
            state[Cells + k] = rho * velocityX[k];
            state[(2 * Cells) + k] = rho * velocityY[k];
            state[(3 * Cells) + k] = (0.5 * rho * ((velocityX[k] * velocityX[k]) + (velocityY[k] * velocityY[k]))) + (1.5 * density[k] * temperature[k]);
        }
    }

    /// <summary>The temperature θ of every cell.</summary>
    /// <param name="state">4 × cells conserved values, finite, with positive density and temperature in every cell.</param>
    /// <param name="temperature">θ per cell.</param>
    public void Temperatures(ReadOnlySpan<double> state, Span<double> temperature)
    {
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        Guard.Length(temperature.Length, Cells, nameof(temperature));
        CheckState(state, nameof(state));
        for (int k = 0; k < Cells; k++)
        {
            temperature[k] = Primitive(state, k).Theta;
        }
    }

    /// <summary>
    /// The step courant·min(h/max(|u| + c), h²/(2D)) with c = √(γθ/m) and D the largest of the diffusivities (4/3)μ/ρ
    /// and (2/3)κ/n.
    /// </summary>
    /// <param name="state">4 × cells conserved values, finite, with positive density and temperature in every cell.</param>
    /// <param name="courant">Courant number in (0, 1] (default 0.4).</param>
    public double StableStep(ReadOnlySpan<double> state, double courant = 0.4)
    {
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        Guard.InHalfOpenRange(courant, 0.0, 1.0 + 1e-15, nameof(courant));
        CheckState(state, nameof(state));
        return StableStepCore(state, courant);
    }

    // Every cell of a caller's state must have finite values and positive ρ and θ (an argument error naming the state).
    private void CheckState(ReadOnlySpan<double> state, string paramName)
    {
        Guard.AllFinite(state, paramName);
        for (int k = 0; k < Cells; k++)
        {
            var (rho, _, _, theta) = Primitive(state, k);
            if (!(rho > 0) || !(theta > 0) || !double.IsFinite(theta))
            {
                throw new ArgumentException($"{paramName}: cell {k} has density {rho:G6} and temperature {theta:G6}; both must be finite and > 0.", paramName);
            }
        }
    }

    // The stable step of a state of the integration (positivity lost within a run is a state error).
    private double StableStepCore(ReadOnlySpan<double> state, double courant)
    {
        double h = Spacing, step = double.PositiveInfinity;
        for (int k = 0; k < Cells; k++)
        {
            var (rho, u, _, theta) = Primitive(state, k);
            if (!(rho > 0) || !(theta > 0))
            {
                throw new InvalidOperationException($"The state lost positivity in cell {k} (ρ = {rho}, θ = {theta}).");
            }

            double scale = Math.Pow(theta / ReferenceTemperature, TemperatureExponent);
            double diffusivity = Math.Max(4.0 / 3.0 * Viscosity * scale / rho, 2.0 / 3.0 * Conductivity * scale * Mass / rho);
            step = Math.Min(step, h / (Math.Abs(u) + Math.Sqrt(Gamma * theta / Mass)));
            if (diffusivity > 0)
            {
                step = Math.Min(step, h * h / (2.0 * diffusivity));
            }
        }

        return courant * step;
    }

    /// <summary>Advances <paramref name="state"/> in place by <paramref name="duration"/> in equal SSP-RK3 steps under <see cref="StableStep"/>.</summary>
    /// <param name="state">4 × cells conserved values, finite, with positive density and temperature; modified.</param>
    /// <param name="duration">Time ≥ 0.</param>
    /// <param name="courant">Courant number in (0, 1] (default 0.4).</param>
    /// <param name="maxSteps">Step budget (default 10⁷).</param>
    /// <returns>The number of steps.</returns>
    /// <exception cref="InvalidOperationException">The state lost positivity.</exception>
    public int Advance(Span<double> state, double duration, double courant = 0.4, int maxSteps = 10_000_000)
    {
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        Guard.InHalfOpenRange(courant, 0.0, 1.0 + 1e-15, nameof(courant));
        CheckState(state, nameof(state));
        var flux = new double[VariableCount * (Cells + 1)];
        return SspRk3.Advance(state, duration, maxSteps, s => StableStepCore(s, courant), (s, rate) => Rate(s, rate, flux));
    }

    /// <summary>
    /// The linear modes of the Navier–Stokes–Fourier equations about a uniform state at rest (density n, temperature θ)
    /// for the wavenumber k: the shear rate μk²/ρ and the roots λ of the longitudinal dispersion relation
    /// λ³ + (a + b)λ² + (ab + (5/3)k²c²)λ + k²c²b = 0, a = (4/3)μk²/ρ, b = (2/3)κk²/n, c² = θ/m (perturbations ∝ e^{ikx + λt}).
    /// </summary>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="density">n &gt; 0.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    /// <param name="viscosity">μ ≥ 0 at θ.</param>
    /// <param name="conductivity">κ ≥ 0 at θ.</param>
    /// <param name="wavenumber">k &gt; 0.</param>
    public static NavierStokesFourierModes LinearModes(double mass, double density, double temperature, double viscosity, double conductivity, double wavenumber)
    {
        Guard.Positive(mass);
        Guard.Finite(mass);
        Guard.Positive(density);
        Guard.Finite(density);
        Guard.Positive(temperature);
        Guard.Finite(temperature);
        Guard.Positive(wavenumber);
        Guard.Finite(wavenumber);
        Guard.NonNegative(viscosity);
        Guard.Finite(viscosity);
        Guard.NonNegative(conductivity);
        Guard.Finite(conductivity);
        double rho = mass * density, k2 = wavenumber * wavenumber, c2 = temperature / mass;
        double a = 4.0 / 3.0 * viscosity * k2 / rho, b = 2.0 / 3.0 * conductivity * k2 / density;
        Complex[] roots = CubicRoots(a + b, (a * b) + (5.0 / 3.0 * k2 * c2), k2 * c2 * b);
        return new NavierStokesFourierModes(viscosity * k2 / rho, roots);
    }

    // The roots of λ³ + pλ² + qλ + r (Durand–Kerner, then one Newton polish each), sorted by decreasing imaginary part.
    private static Complex[] CubicRoots(double p, double q, double r)
    {
        double scale = Math.Max(1.0, Math.Max(Math.Abs(p), Math.Max(Math.Sqrt(Math.Abs(q)), Math.Cbrt(Math.Abs(r)))));
        var z = new[] { new Complex(0.4, 0.9) * scale, new Complex(0.4, 0.9) * new Complex(0.4, 0.9) * scale, new Complex(0.4, 0.9) * new Complex(0.4, 0.9) * new Complex(0.4, 0.9) * scale };
        Complex F(Complex x) => ((x + p) * x * x) + (q * x) + r;
        for (int iteration = 0; iteration < 500; iteration++)
        {
            double change = 0;
            for (int i = 0; i < 3; i++)
            {
                Complex denominator = Complex.One;
                for (int j = 0; j < 3; j++)
                {
                    if (j != i)
                    {
                        denominator *= z[i] - z[j];
                    }
                }

                Complex delta = F(z[i]) / denominator;
                z[i] -= delta;
                change = Math.Max(change, delta.Magnitude);
            }

            if (change <= 1e-15 * scale)
            {
                break;
            }
        }

        for (int i = 0; i < 3; i++)
        {
            Complex derivative = (3.0 * z[i] * z[i]) + (2.0 * p * z[i]) + q;
            if (derivative != Complex.Zero)
            {
                z[i] -= F(z[i]) / derivative;
            }

            if (Math.Abs(z[i].Imaginary) <= 1e-14 * scale)
            {
                z[i] = new Complex(z[i].Real, 0.0);
            }
        }

        return [.. z.OrderByDescending(x => x.Imaginary).ThenByDescending(x => x.Real)];
    }

    private (double Rho, double U, double V, double Theta) Primitive(ReadOnlySpan<double> state, int k)
    {
        double rho = state[k], u = state[Cells + k] / rho, v = state[(2 * Cells) + k] / rho;
        double internalEnergy = state[(3 * Cells) + k] - (0.5 * rho * ((u * u) + (v * v)));
        return (rho, u, v, 2.0 / 3.0 * internalEnergy * Mass / rho);
    }

    // rate = −(F_{k+1/2} − F_{k−1/2})/h; flux holds the face fluxes of faces f − 1/2, f = 0 … cells (periodic: face cells is
    // face 0), row-major with cells + 1 faces per row.
    private void Rate(ReadOnlySpan<double> state, Span<double> rate, Span<double> flux)
    {
        int n = Cells, faces = n + 1;
        bool walls = Boundary != LimitBoundary.Periodic;
        for (int f = walls ? 0 : 1; f <= n; f++)
        {
            var (rhoL, uL, vL, thetaL, eL) = f == 0 ? Ghost(state, 0) : Cell(state, f - 1);
            var (rhoR, uR, vR, thetaR, eR) = walls && f == n ? Ghost(state, n - 1) : Cell(state, f % n);
            Face(rhoL, uL, vL, thetaL, eL, rhoR, uR, vR, thetaR, eR, flux, f, faces);
        }

        if (walls)
        {
            // Impermeable: the mirror states' mass fluxes cancel exactly; written as zero.
            flux[0] = 0.0;
            flux[n] = 0.0;
        }
        else
        {
            for (int row = 0; row < VariableCount; row++)
            {
                flux[row * faces] = flux[(row * faces) + n];
            }
        }

        double h = Spacing;
        for (int row = 0; row < VariableCount; row++)
        {
            for (int k = 0; k < n; k++)
            {
                rate[(row * n) + k] = -(flux[(row * faces) + k + 1] - flux[(row * faces) + k]) / h;
            }
        }
    }

    private (double Rho, double U, double V, double Theta, double E) Cell(ReadOnlySpan<double> state, int k)
    {
        var (rho, u, v, theta) = Primitive(state, k);
        return (rho, u, v, theta, state[(3 * Cells) + k]);
    }

    // The ghost state beyond the wall next to cell k: u reversed; specular: v, θ and ℰ as the cell; no slip: v reversed and
    // θ = 2θ_w − θ_k.
    private (double Rho, double U, double V, double Theta, double E) Ghost(ReadOnlySpan<double> state, int k)
    {
        var (rho, u, v, theta) = Primitive(state, k);
        if (Boundary == LimitBoundary.Walls)
        {
            return (rho, -u, v, theta, state[(3 * Cells) + k]);
        }

        double ghostTheta = (2.0 * WallTemperature) - theta;
        return (rho, -u, -v, ghostTheta, (0.5 * rho * ((u * u) + (v * v))) + (1.5 * rho * ghostTheta / Mass));
    }

    private void Face(
        double rhoL, double uL, double vL, double thetaL, double eL, double rhoR, double uR, double vR, double thetaR, double eR, Span<double> flux, int f, int faces)
    {
        double h = Spacing;
        double pL = rhoL * thetaL / Mass, pR = rhoR * thetaR / Mass;
        double uFace = 0.5 * (uL + uR), vFace = 0.5 * (vL + vR);
        double scale = Math.Pow(0.5 * (thetaL + thetaR) / ReferenceTemperature, TemperatureExponent);
        double tauXX = 4.0 / 3.0 * Viscosity * scale * (uR - uL) / h;
        double tauXY = Viscosity * scale * (vR - vL) / h;
        double heat = -Conductivity * scale * (thetaR - thetaL) / h;
        flux[f] = 0.5 * ((rhoL * uL) + (rhoR * uR));
        flux[faces + f] = (0.5 * ((rhoL * uL * uL) + pL + (rhoR * uR * uR) + pR)) - tauXX;
        flux[(2 * faces) + f] = (0.5 * ((rhoL * uL * vL) + (rhoR * uR * vR))) - tauXY;
        flux[(3 * faces) + f] = (0.5 * (((eL + pL) * uL) + ((eR + pR) * uR))) - (uFace * tauXX) - (vFace * tauXY) + heat;
    }
}
