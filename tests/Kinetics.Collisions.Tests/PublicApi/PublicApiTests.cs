using System.Reflection;
using System.Text;

namespace Kinetics.Tests.PublicApi;

/// <summary>
/// Public-API snapshot: the public surface of each package is rendered as sorted text and compared with the approved
/// file next to this test (copied to the output directory by the build). An intended API change is approved by running
/// the tests once with <c>KINETICS_APPROVE_API=1</c>, which rewrites the approved files in the source tree, and
/// committing the diff.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData("Kinetics.Core")]
    [InlineData("Kinetics.Collisions")]
    public void PublicApi_MatchesApprovedSnapshot(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        string actual = Render(assembly);
        string fileName = $"{assemblyName}.approved.txt";
        if (Environment.GetEnvironmentVariable("KINETICS_APPROVE_API") == "1")
        {
            File.WriteAllText(Path.Combine(ProjectDirectory(), "PublicApi", fileName), actual);
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi", fileName), actual);
        }

        string approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi", fileName);

        Assert.True(File.Exists(approvedPath), $"No approved API file {approvedPath}; run the tests with KINETICS_APPROVE_API=1.");
        string approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        if (approved != actual)
        {
            var approvedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
            var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
            string added = string.Join("\n  ", actualLines.Except(approvedLines).Take(40));
            string removed = string.Join("\n  ", approvedLines.Except(actualLines).Take(40));
            Assert.Fail($"The public API of {assemblyName} changed.\nAdded:\n  {added}\nRemoved:\n  {removed}\n" +
                "If intended, rerun with KINETICS_APPROVE_API=1 and commit the approved file.");
        }
    }

    private static string ProjectDirectory() =>
        typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;

    private static string Render(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
                : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            lines.Add($"{kind} {Name(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                string? text = member switch
                {
                    ConstructorInfo c => $"  .ctor({Parameters(c)})",
                    MethodInfo m when !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal) =>
                        $"  {(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
                    PropertyInfo p => $"  {(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{{(p.GetMethod?.IsPublic == true ? " get;" : string.Empty)}{(p.SetMethod?.IsPublic == true ? " set;" : string.Empty)} }}",
                    FieldInfo f when type.IsEnum && f.IsStatic => $"  {f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
                    FieldInfo f when !type.IsEnum => $"  {(f.IsStatic ? "static " : string.Empty)}{(f.IsLiteral ? "const " : string.Empty)}{Name(f.FieldType)} {f.Name}",
                    EventInfo e => $"  event {Name(e.EventHandlerType!)} {e.Name}",
                    _ => null,
                };
                if (text is not null)
                {
                    lines.Add($"{Name(type)} ::{text}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (string line in lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static string Generic(MethodInfo m) =>
        m.IsGenericMethodDefinition ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty)}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        string name = type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : $"{type.Namespace}.{type.Name}";
        if (type.IsGenericType)
        {
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            if (tick >= 0)
            {
                name = name[..tick];
            }

            name += $"<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
        }

        return name;
    }
}
