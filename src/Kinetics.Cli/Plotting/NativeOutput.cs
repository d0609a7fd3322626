using System.Runtime.InteropServices;

namespace Kinetics.Cli.Plotting;

/// <summary>
/// Silences what native code writes straight to file descriptor 2 while an action runs (Skia's SVG backend prints
/// "Unsupported path effect in addPaint." for every dashed line, although it draws the dashes as filled shapes). Linux
/// only; elsewhere, or if the descriptors cannot be swapped, the action runs unchanged.
/// </summary>
internal static partial class NativeOutput
{
    private const int StandardError = 2;

    /// <summary>Runs <paramref name="action"/> with native writes to standard error discarded.</summary>
    public static void WithoutNativeStandardError(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!OperatingSystem.IsLinux())
        {
            action();
            return;
        }

        Console.Error.Flush();
        int saved = Dup(StandardError);
        int devNull = saved >= 0 ? Open("/dev/null", 1) : -1;
        if (devNull < 0 || Dup2(devNull, StandardError) < 0)
        {
            _ = Close(devNull);
            _ = Close(saved);
            action();
            return;
        }

        try
        {
            action();
        }
        finally
        {
            _ = Dup2(saved, StandardError);
            _ = Close(saved);
            _ = Close(devNull);
        }
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
