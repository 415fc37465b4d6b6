using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Grants;

using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// The Devices page: only the devices the signed-in user may read (from the permission index), with the write buttons
/// only where the user may write. This sample keeps no device table of its own: a team's devices are the resources its
/// grants name, and a role that reaches every resource (Owner, Administrator) sees all of them.
/// </summary>
[Authorize]
public sealed class DevicesModel(IAccessQueries access, IGrantService grants) : TeamAccessPageModel
{
    /// <summary>The portal's permission to see a device.</summary>
    public const string Read = "devices.read";

    /// <summary>The portal's permission to operate a device.</summary>
    public const string Write = "devices.write";

    /// <summary>Gets the devices shown, by id, each with whether the user may write to it.</summary>
    public IReadOnlyList<(string Id, bool CanWrite)> Devices { get; private set; } = [];

    /// <summary>Lists the devices the user may read.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        AccessPageRequest request = default;
        bool everyDevice;
        while (true)
        {
            var page = access.ListResources(Actor, Actor, Team, Read, request);
            if (!page.TryGetValue(out var resources))
            {
                Error = Words(page.Error);
                return;
            }

            ids.UnionWith(resources.Resources.Select(r => r.ResourceId));
            everyDevice = resources.RoleReachesEveryResource;
            if (resources.Next is not { } next)
            {
                break;
            }

            request = new AccessPageRequest(next);
        }

        if (everyDevice && await grants.ListAsync(Actor, Team) is { Value: { } all })
        {
            ids.UnionWith(all.Select(g => g.ResourceId));
        }

        Devices = [.. ids.Select(id => (id, access.GetPermissions(Actor, Actor, Team, id).Value?.Contains(Write) == true))];
    }

    /// <summary>Restarts a device: a write, checked on that device.</summary>
    /// <param name="id">The device.</param>
    /// <returns>The page again, or 403.</returns>
    public IActionResult OnPostRestart(string id)
    {
        if (!Can(Write, id ?? ""))
        {
            return Forbid();
        }

        Notice = $"{id} is restarting.";
        return RedirectToPage();
    }
}
