using Microsoft.AspNetCore.Mvc;
using TeamAccess.Audit;
using TeamAccess.Members;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The team's audit log, newest first, a page at a time (needs <c>audit.read</c>): what, to whom, before and after, by whom.</summary>
[TeamPermission(Permissions.AuditRead)]
internal sealed class AuditModel(IAuditLog audit, IMemberService members) : TeamAccessPageModel
{
    /// <summary>The events a page shows.</summary>
    public const int PageSize = 20;

    /// <summary>Gets or sets the sequence number of the previous page's last event; <see langword="null"/> for the newest page.</summary>
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    /// <summary>Gets the page.</summary>
    public Page<AuditEvent, long>? Events { get; private set; }

    /// <summary>Gets the team's members, to name who acted and whom it concerned.</summary>
    public IReadOnlyList<MemberView> People { get; private set; } = [];

    /// <summary>An action code in words: <c>membership.role_changed</c> becomes "Membership: role changed".</summary>
    /// <param name="action">The code.</param>
    /// <returns>The words.</returns>
    public static string Describe(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        var kind = dot < 0 ? "" : action[..dot].Replace('_', ' ');
        var what = (dot < 0 ? action : action[(dot + 1)..]).Replace('_', ' ');
        return kind.Length == 0 ? what : char.ToUpperInvariant(kind[0]) + kind[1..] + ": " + what;
    }

    /// <summary>Names who made a change: a member by name and address, "a former member", or the system.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>The name.</returns>
    public string Who(UserId? actor) => actor is not { } id ? "system" : People.FirstOrDefault(m => m.UserId == id) is { } m ? m.Email : "a former member";

    /// <summary>Names what an event concerns: a member by address, or its kind.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The name.</returns>
    public string Subject(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.SubjectKind switch
        {
            AuditSubjectKind.Membership => People.FirstOrDefault(m => m.MembershipId.Value == e.SubjectId) is { } m ? Show.Label(m) : "a former member",
            AuditSubjectKind.User => People.FirstOrDefault(m => m.UserId?.Value == e.SubjectId) is { } u ? Show.Label(u) : "a user",
            _ => e.SubjectKind.ToString().ToLowerInvariant() switch { "team" => "this team", var kind => "a " + kind },
        };
    }

    /// <summary>Reads one page.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var page = await audit.ListPageAsync(Actor, Team, new AuditQuery { NewestFirst = true, PageSize = PageSize, After = After });
        Events = page.Value;
        People = (await members.ListPageAsync(Actor, Team, new MemberQuery { PageSize = MemberQuery.MaxPageSize })).Value?.Members ?? [];
        if (!page.Succeeded)
        {
            Error = Words(page.Error);
        }
    }
}
