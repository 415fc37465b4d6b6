using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;
using TeamAccess.Audit;
using TeamAccess.Members;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>The team's audit log, newest first, a page at a time (needs <c>audit.read</c>).</summary>
[TeamPermission(Permissions.AuditRead)]
public sealed class AuditModel(IAuditLog audit, IMemberService members) : PortalPage
{
    /// <summary>The events a page shows.</summary>
    public const int PageSize = 20;

    /// <summary>Gets or sets the sequence number of the previous page's last event; <see langword="null"/> for the newest page.</summary>
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    /// <summary>Gets the page.</summary>
    public Page<AuditEvent, long>? Events { get; private set; }

    /// <summary>Gets the emails of the team's members by user id, to say who acted.</summary>
    public IReadOnlyDictionary<UserId, string> Emails { get; private set; } = new Dictionary<UserId, string>();

    /// <summary>Names who made a change: a member's email, a shortened id for someone no longer in the team, or the system.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>The name.</returns>
    public string Who(UserId? actor) => actor is not { } id ? "system" : Emails.TryGetValue(id, out var email) ? email : id.Value.ToString()[..8];

    /// <summary>Reads one page.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var page = await audit.ListPageAsync(Actor, Team, new AuditQuery { NewestFirst = true, PageSize = PageSize, After = After });
        Events = page.Value;
        if ((await members.ListPageAsync(Actor, Team, new MemberQuery { PageSize = MemberQuery.MaxPageSize })).Value is { } people)
        {
            Emails = people.Members.Where(m => m.UserId is not null).ToDictionary(m => m.UserId!.Value, m => m.Email);
        }

        if (!page.Succeeded)
        {
            Notice = Words(page.Error);
        }
    }
}
