namespace TeamAccess;

/// <summary>How the team's directory (SCIM 2.0) provisions people.</summary>
public sealed class DirectoryOptions
{
    /// <summary>
    /// Gets or sets the role a provisioned person is given (a catalog role, never the guardian's); <see langword="null"/>
    /// (the default) gives the lowest-ranked catalog role. A directory never chooses roles: a team's managers do, afterwards.
    /// </summary>
    public string? DefaultRole { get; set; }

    /// <summary>Gets or sets every how many people a team's directory provisions a progress line is logged. Default 100; 1 to 100,000.</summary>
    public int ProgressEvery { get; set; } = 100;

    internal IEnumerable<string> Validate(RoleCatalog? roles)
    {
        if (ProgressEvery is < 1 or > 100_000)
        {
            yield return $"Directory.ProgressEvery must be between 1 and 100000; it is {ProgressEvery}.";
        }

        if (DefaultRole is { } name && roles is not null && (!roles.TryGet(name, out var role) || role.IsGuardian))
        {
            yield return $"Directory.DefaultRole '{name}' must name a role of the catalog other than the guardian's.";
        }
    }
}
