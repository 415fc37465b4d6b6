namespace TeamAccess.AspNetCore.UI;

/// <summary>A resource of the host's that a team may grant, as <see cref="ITeamResourceCatalog"/> lists it.</summary>
/// <param name="Id">The resource id grants name, such as <c>device-42</c>.</param>
/// <param name="Name">What people call it, such as "Boiler room sensor".</param>
public sealed record TeamResource(string Id, string Name);
