using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

// Checks the packages in a directory the way a user meets them:
//   - every .nupkg: a nuspec with a non-empty repository URL and commit, an icon, and a README.md identical to the
//     project's README in the repository (so the README shipped is the current one);
//   - every PDB of ours (Kinetics*.pdb, kinetics.pdb) in the .nupkg and .snupkg files: a SourceLink map whose documents
//     map to https URLs, and no document path from the build machine (deterministic /_/ paths only).
// Usage: PackageCheck <packages directory> <repository root>. Exit code 0 when every check passes, 1 otherwise.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PackageCheck <packages directory> <repository root>");
    return 2;
}

string packages = Path.GetFullPath(args[0]), root = Path.GetFullPath(args[1]);
var failures = new List<string>();
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
int pdbs = 0;

foreach (string package in Directory.GetFiles(packages, "*.nupkg").Concat(Directory.GetFiles(packages, "*.snupkg")).Order(StringComparer.Ordinal))
{
    string name = Path.GetFileName(package);
    using var zip = ZipFile.OpenRead(package);
    if (package.EndsWith(".nupkg", StringComparison.Ordinal))
    {
        CheckNuspec(name, zip);
    }

    foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".pdb", StringComparison.Ordinal) && e.Name.StartsWith("kinetics", StringComparison.OrdinalIgnoreCase)))
    {
        pdbs++;
        CheckPdb($"{name}!{entry.FullName}", entry);
    }
}

if (pdbs == 0)
{
    failures.Add("no PDB of ours found in any package (symbol packages missing?)");
}

foreach (string failure in failures)
{
    Console.Error.WriteLine($"package check: {failure}");
}

Console.WriteLine(failures.Count == 0
    ? $"package check: {Directory.GetFiles(packages, "*nupkg").Length} packages, {pdbs} PDBs: repository URL, icon, current README, SourceLink map, no local paths"
    : $"package check: {failures.Count} failure(s)");
return failures.Count == 0 ? 0 : 1;

void CheckNuspec(string name, ZipArchive zip)
{
    var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
    XDocument nuspec;
    using (var stream = nuspecEntry.Open())
    {
        nuspec = XDocument.Load(stream);
    }

    var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string id = metadata.Elements().Single(e => e.Name.LocalName == "id").Value;
    var repository = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository");
    if (string.IsNullOrWhiteSpace(repository?.Attribute("url")?.Value) || string.IsNullOrWhiteSpace(repository?.Attribute("commit")?.Value))
    {
        failures.Add($"{name}: the nuspec has no repository url/commit");
    }

    if (zip.GetEntry("icon.png") is null)
    {
        failures.Add($"{name}: no icon.png");
    }

    var readme = zip.GetEntry("README.md");
    string source = Path.Combine(root, "src", id, "README.md");
    if (readme is null || !File.Exists(source))
    {
        failures.Add($"{name}: README.md missing from the package or from src/{id}");
        return;
    }

    using var reader = new StreamReader(readme.Open(), Encoding.UTF8);
    if (reader.ReadToEnd() != File.ReadAllText(source, Encoding.UTF8))
    {
        failures.Add($"{name}: README.md differs from src/{id}/README.md (pack again)");
    }
}

void CheckPdb(string name, ZipArchiveEntry entry)
{
    using var memory = new MemoryStream();
    using (var stream = entry.Open())
    {
        stream.CopyTo(memory);
    }

    memory.Position = 0;
    using var provider = MetadataReaderProvider.FromPortablePdbStream(memory);
    var reader = provider.GetMetadataReader();
    string? sourceLink = null;
    foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
    {
        var information = reader.GetCustomDebugInformation(handle);
        if (reader.GetGuid(information.Kind) == sourceLinkKind)
        {
            sourceLink = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
        }
    }

    if (sourceLink is null)
    {
        failures.Add($"{name}: no SourceLink map");
    }
    else
    {
        using var json = JsonDocument.Parse(sourceLink);
        var targets = json.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString() ?? string.Empty).ToList();
        if (targets.Count == 0 || targets.Any(t => !t.StartsWith("https://", StringComparison.Ordinal)))
        {
            failures.Add($"{name}: SourceLink map without https targets: {sourceLink}");
        }
    }

    foreach (var handle in reader.Documents)
    {
        string path = reader.GetString(reader.GetDocument(handle).Name);
        if (path.StartsWith(root, StringComparison.Ordinal) || (Path.IsPathRooted(path) && !path.StartsWith("/_/", StringComparison.Ordinal)))
        {
            failures.Add($"{name}: local path in the PDB: {path}");
            break;
        }
    }
}
