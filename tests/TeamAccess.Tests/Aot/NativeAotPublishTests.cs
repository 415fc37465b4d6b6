using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TeamAccess.Tests.Aot;

/// <summary>
/// The native AOT sample (samples/TeamAccess.Samples.Aot), published once per run and then executed: TeamAccess signs up,
/// invites, accepts and checks a permission without a JIT, and its own assemblies publish with no trimming or AOT
/// warning. Publishing needs clang beside the SDK; without it the test skips locally and fails under CI (.ci/run
/// installs it).
/// </summary>
public sealed partial class NativeAotPublishTests
{
    private static readonly TimeSpan PublishBound = TimeSpan.FromMinutes(20);

    private static bool IsCI => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    [SkippableFact]
    public async Task The_published_native_sample_signs_up_invites_accepts_and_checks_a_permission()
    {
        var missing = MissingToolchain();
        Skip.If(missing is not null && !IsCI, missing);
        Assert.True(missing is null, missing);

        var output = Path.Combine(Path.GetTempPath(), "teamaccess-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var project = Path.Combine(Repository.Root, "samples", "TeamAccess.Samples.Aot", "TeamAccess.Samples.Aot.csproj");
            var publish = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-p:TreatWarningsAsErrors=false"], PublishBound);
            Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{publish.Output}");

            // Trimming and AOT analysis warnings (IL2xxx, IL3xxx) naming one of TeamAccess's own types or sources; the
            // trailing "[project]" every line carries names the sample, so it is cut before looking.
            var ours = publish.Output.Split('\n')
                .Where(l => AnalysisWarning().IsMatch(l))
                .Select(l => ProjectSuffix().Replace(l.TrimEnd(), string.Empty))
                .Where(l => l.Contains("TeamAccess", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
            Assert.True(ours.Length == 0, "TeamAccess's assemblies published with trimming/AOT warnings:\n" + string.Join('\n', ours));

            var run = await RunAsync(Path.Combine(output, "TeamAccess.Samples.Aot"), [], TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, $"The native sample exited {run.ExitCode}:\n{run.Output}");
            foreach (var step in new[] { "ok: sign-up:", "ok: invite:", "ok: invitation message:", "ok: accept:", "ok: permission:", "All steps succeeded." })
            {
                Assert.Contains(step, run.Output, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("FAILED", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>Why native AOT cannot publish here (no clang on the PATH), or <see langword="null"/> when it can.</summary>
    private static string? MissingToolchain() =>
        !OperatingSystem.IsLinux() ? "The native AOT sample is published for linux-x64 only."
        : Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "clang"))) == true ? null
        : "Native AOT needs clang (apt-get install -y clang zlib1g-dev); the AOT sample is not published.";

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, TimeSpan bound)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {bound}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex AnalysisWarning();

    [GeneratedRegex(@"\s*\[[^\]]*\]$")]
    private static partial Regex ProjectSuffix();
}
