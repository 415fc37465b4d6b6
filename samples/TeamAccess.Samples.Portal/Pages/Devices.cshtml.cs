using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// The Devices page: the team's devices from the portal's own table (<see cref="DeviceTable"/>), each shown only to someone
/// the permission index lets read it (<c>devices.read</c> on that device: a grant, or a role that reaches every device),
/// with the write buttons only where the person may write. Adding a device needs <c>devices.manage</c> in the team
/// (Owner, Administrator); it is then offered on the Groups page's grant form, by name.
/// </summary>
[Authorize]
public sealed partial class DevicesModel(DeviceTable table) : TeamAccessPageModel
{
    /// <summary>The portal's permission to see a device.</summary>
    public const string Read = "devices.read";

    /// <summary>The portal's permission to operate a device.</summary>
    public const string Write = "devices.write";

    /// <summary>The portal's permission to add devices to the team.</summary>
    public const string Manage = "devices.manage";

    /// <summary>Gets the devices shown, by id, each with whether the user may write to it.</summary>
    public IReadOnlyList<(Device Device, bool CanWrite)> Devices { get; private set; } = [];

    /// <summary>Gets or sets the new device's id.</summary>
    [BindProperty] public string? DeviceId { get; set; }

    /// <summary>Gets or sets the new device's name.</summary>
    [BindProperty] public string? Name { get; set; }

    /// <summary>Gets the errors of the add form's fields, by name, shown beside them.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets whether the user adds devices here.</summary>
    public bool CanManage => Can(Manage);

    /// <summary>Lists the devices the user may read.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Adds a device to the team (needs <c>devices.manage</c>).</summary>
    /// <returns>The page again, or this page with the fields' errors, or 403.</returns>
    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!CanManage)
        {
            return Forbid();
        }

        DeviceId = DeviceId?.Trim().ToLowerInvariant();
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(DeviceId) || DeviceId.Length > DeviceTable.MaxLength || !IdPattern().IsMatch(DeviceId))
        {
            FieldErrors[nameof(DeviceId)] = "Enter an id of lowercase letters, digits and dashes, such as device-100.";
        }

        if (string.IsNullOrEmpty(Name) || Name.Length > DeviceTable.MaxLength)
        {
            FieldErrors[nameof(Name)] = $"Enter a name of at most {DeviceTable.MaxLength} characters, such as Paint shop dryer.";
        }

        if (FieldErrors.Count == 0 && !await table.AddAsync(Team, new Device(DeviceId!, Name!), HttpContext.RequestAborted))
        {
            FieldErrors[nameof(DeviceId)] = $"This team already has a device {DeviceId}.";
        }

        if (FieldErrors.Count > 0)
        {
            Error = "Please correct the fields marked below.";
            await LoadAsync();
            return Page();
        }

        Notice = $"{Name} ({DeviceId}) added. Share it with people on the Groups page.";
        return RedirectToPage();
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

    private async Task LoadAsync()
    {
        var all = await table.DevicesAsync(Team, HttpContext.RequestAborted);
        Devices = [.. all.Where(d => Can(Read, d.Id)).Select(d => (d, Can(Write, d.Id)))];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
