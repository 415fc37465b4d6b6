using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess;

/// <summary>Returned by <c>AddTeamAccess</c>; storage packages add themselves on it (<c>AddEntityFrameworkStores</c>).</summary>
public sealed class TeamAccessBuilder
{
    internal TeamAccessBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the host's service collection.</summary>
    public IServiceCollection Services { get; }
}
