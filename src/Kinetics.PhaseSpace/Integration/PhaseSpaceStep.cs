namespace Kinetics.PhaseSpace.Integration;

/// <summary>What an observer of <see cref="PhaseSpaceSolver.Run"/> sees after each step.</summary>
/// <param name="Step">Steps completed.</param>
/// <param name="Time">t after the step.</param>
/// <param name="FieldEnergy">½∫|E|² dx of the state after the step (0 without a field).</param>
/// <param name="FieldModeAmplitude">|Ê_x| of the lowest x mode (k = 2π/Lx), normalised as the amplitude of a cosine.</param>
public readonly record struct PhaseSpaceStep(int Step, double Time, double FieldEnergy, double FieldModeAmplitude);
