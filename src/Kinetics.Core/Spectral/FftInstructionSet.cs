using System.Runtime.Intrinsics;

namespace Kinetics.Spectral;

/// <summary>Which register width the FFT butterflies run on (internal: lets tests run every path in-process).</summary>
internal enum FftInstructionSet
{
    /// <summary>Two doubles per complex number, no hardware intrinsics.</summary>
    Scalar = 0,

    /// <summary>One complex number per 128-bit register.</summary>
    Vector128,

    /// <summary>Two complex numbers per 256-bit register (AVX2).</summary>
    Vector256,

    /// <summary>Four complex numbers per 512-bit register (AVX-512).</summary>
    Vector512,
}

/// <summary>Capability queries for <see cref="FftInstructionSet"/>.</summary>
internal static class FftInstructionSets
{
    /// <summary>The widest set this process accelerates (honours DOTNET_EnableAVX512=0 and friends).</summary>
    public static FftInstructionSet Best =>
        Vector512.IsHardwareAccelerated ? FftInstructionSet.Vector512
        : Vector256.IsHardwareAccelerated ? FftInstructionSet.Vector256
        : Vector128.IsHardwareAccelerated ? FftInstructionSet.Vector128
        : FftInstructionSet.Scalar;

    /// <summary>True when <paramref name="set"/> runs in hardware here (Scalar always does).</summary>
    public static bool IsAccelerated(FftInstructionSet set) => set switch
    {
        FftInstructionSet.Vector512 => Vector512.IsHardwareAccelerated,
        FftInstructionSet.Vector256 => Vector256.IsHardwareAccelerated,
        FftInstructionSet.Vector128 => Vector128.IsHardwareAccelerated,
        _ => true,
    };
}
