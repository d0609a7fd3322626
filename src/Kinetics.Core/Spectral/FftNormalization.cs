namespace Kinetics.Spectral;

/// <summary>Where the 1/N³ factor of a 3-D discrete Fourier transform pair goes.</summary>
public enum FftNormalization
{
    /// <summary>Forward unscaled, inverse scaled by 1/N³ (numpy, FFTW-with-manual-scaling, MATLAB). The default.</summary>
    Backward = 0,

    /// <summary>Forward scaled by 1/N³, inverse unscaled.</summary>
    Forward,

    /// <summary>Both directions scaled by N^{−3/2} (unitary).</summary>
    Symmetric,

    /// <summary>Neither direction scaled: Inverse(Forward(x)) = N³ x.</summary>
    None,
}
