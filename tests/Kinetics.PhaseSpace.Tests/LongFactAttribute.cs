namespace Kinetics.PhaseSpace.Tests;

/// <summary>
/// A fact that belongs to the long verification run. It is reported as skipped in the default test run and runs
/// when the environment variable <c>KINETICS_LONG_TESTS=1</c> is set (see README, "Long verification").
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LongFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> unless long tests are enabled.</summary>
    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("KINETICS_LONG_TESTS") != "1")
        {
            Skip = "Long verification: set KINETICS_LONG_TESTS=1 to run.";
        }
    }
}
