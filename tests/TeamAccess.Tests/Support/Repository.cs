namespace TeamAccess.Tests;

/// <summary>Where the repository's files are, for tests that hold docs and declarations to the code.</summary>
internal static class Repository
{
    /// <summary>Gets the directory that holds <c>TeamAccess.sln</c>, found upwards from the test's binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamAccess.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (TeamAccess.sln) is not above the test's directory.");
    }
}
