namespace Kinetics.Cli.Plotting;

/// <summary>
/// Makes ScottPlot draw with DejaVu Sans when the system has it (Debian's fonts-dejavu-core): the bundled Linux Skia
/// assets have no font discovery, and DejaVu covers the Greek letters, sub- and superscripts and symbols of the labels.
/// Without it ScottPlot's default font is used.
/// </summary>
internal static class FontSetup
{
    private static readonly string[] Candidates = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"];
    private static int _done;

    /// <summary>Registers the font once per process.</summary>
    public static void Ensure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        string? path = Candidates.FirstOrDefault(File.Exists);
        if (path is not null)
        {
            ScottPlot.Fonts.AddFontFile("DejaVu Sans", path);
            ScottPlot.Fonts.Default = "DejaVu Sans";
        }
    }
}
