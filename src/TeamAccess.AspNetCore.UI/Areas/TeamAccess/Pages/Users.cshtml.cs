using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.TeamRoles;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The Users page: the session team's members a page at a time, filtered by status and role and searched by name or
/// email, with pages both ways: the query string carries the keys of the pages before this one (a stack, popped by
/// "Previous page"). A search for the start of an address is the store's indexed prefix; a search for a name is matched
/// here over the store's keyset pages, reading at most <see cref="MaxScanned"/> members a request.
/// </summary>
[TeamPermission(Permissions.MembersRead)]
internal sealed class UsersModel(IMemberService members, IInvitationService invitations, RoleCatalog roles, ITeamRoleService teamRoles) : TeamAccessPageModel
{
    /// <summary>The most members one search by name reads.</summary>
    public const int MaxScanned = 5_000;

    /// <summary>Gets or sets the search: the start of an email address, or part of a name.</summary>
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }

    /// <summary>Gets or sets the keys of the pages before this one, oldest first (each page's <see cref="AfterEmail"/> and <see cref="AfterId"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Trail { get; set; }

    /// <summary>Gets or sets the role filter.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    /// <summary>Gets or sets the status filter.</summary>
    [BindProperty(SupportsGet = true)] public MembershipStatus? Status { get; set; }

    /// <summary>Gets or sets the page size.</summary>
    [BindProperty(SupportsGet = true)] public int PageSize { get; set; } = 10;

    /// <summary>Gets or sets the email of the previous page's last row.</summary>
    [BindProperty(SupportsGet = true)] public string? AfterEmail { get; set; }

    /// <summary>Gets or sets the membership id of the previous page's last row.</summary>
    [BindProperty(SupportsGet = true)] public Guid? AfterId { get; set; }

    /// <summary>Gets the role names: the catalog's and the team's own.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Gets the page.</summary>
    public MemberPage? Members { get; private set; }

    /// <summary>Reads one page.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        Roles = await RoleChoices.ListAsync(roles, teamRoles, Actor, Team);
        var search = Email?.Trim();
        var query = new MemberQuery
        {
            Status = Status,
            Role = string.IsNullOrEmpty(Role) ? null : Role,
            EmailPrefix = search,
            PageSize = PageSize,
            After = CurrentKey,
        };
        // The start of an address is the store's indexed prefix; anything else may be part of a name.
        var page = string.IsNullOrEmpty(search) || search.Contains('@', StringComparison.Ordinal)
            ? await members.ListPageAsync(Actor, Team, query)
            : await SearchAsync(query, search);
        Members = page.Value;
        if (!page.Succeeded)
        {
            Error = Words(page.Error);
        }
    }

    /// <summary>The address of the next page: this page's key goes on the stack.</summary>
    /// <param name="next">Where the next page starts.</param>
    /// <returns>The address.</returns>
    public string? NextLink(MemberPageKey next) => Link(next, Push(Trail, CurrentKey));

    /// <summary>The address of the previous page: the stack's top, popped; the first page when the stack is empty.</summary>
    /// <returns>The address.</returns>
    public string? PreviousLink()
    {
        var entries = (Trail ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        return entries.Length == 0 ? Link(null, null) : Link(Decode(entries[^1]), entries.Length == 1 ? null : string.Join('.', entries[..^1]));
    }

    /// <summary>The address of the first page, with the filters kept.</summary>
    /// <returns>The address.</returns>
    public string? FirstLink() => Link(null, null);

    private MemberPageKey? CurrentKey => AfterEmail is not null && AfterId is { } id ? new MemberPageKey(AfterEmail, new MembershipId(id)) : null;

    private string? Link(MemberPageKey? after, string? trail) => Url.Page("/Users", new
    {
        email = Email,
        role = Role,
        status = Status,
        pageSize = PageSize,
        afterEmail = after?.Email,
        afterId = after?.MembershipId.Value,
        trail,
    });

    private static string Push(string? trail, MemberPageKey? key) =>
        (string.IsNullOrEmpty(trail) ? "" : trail + ".") + (key is { } k ? Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes($"{k.MembershipId.Value:N}{k.Email}")) : "-");

    private static MemberPageKey? Decode(string entry)
    {
        if (entry == "-")
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(entry));
            return text.Length > 32 && Guid.TryParseExact(text[..32], "N", out var id) ? new MemberPageKey(text[32..], new MembershipId(id)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Finds the members of <paramref name="query"/>'s status and role whose name holds <paramref name="search"/> (or whose
    /// address starts with it), a page at a time in the store's order, reading at most <see cref="MaxScanned"/> members; the page's key is the last member read.
    /// </summary>
    private async Task<Result<MemberPage>> SearchAsync(MemberQuery query, string search)
    {
        var found = new List<MemberView>();
        var size = query.EffectivePageSize;
        var complete = query.After is null;
        var total = 0;
        var scanned = 0;
        MemberPageKey? next = null;
        var cursor = query.After;
        while (true)
        {
            var page = await members.ListPageAsync(Actor, Team, new MemberQuery { Status = query.Status, Role = query.Role, PageSize = MemberQuery.MaxPageSize, After = cursor });
            if (!page.Succeeded)
            {
                return page;
            }

            foreach (var m in page.Value!.Members)
            {
                scanned++;
                if (!Matches(m, search))
                {
                    continue;
                }

                total++;
                if (found.Count < size)
                {
                    found.Add(m);
                }
                else
                {
                    next ??= new MemberPageKey(found[^1].Email, found[^1].MembershipId);
                }
            }

            cursor = page.Value.Next;
            if (cursor is null)
            {
                break;
            }

            if (scanned >= MaxScanned)
            {
                // Read as much as a request may: the next page goes on from the last member read, the total is unknown.
                next ??= cursor;
                complete = false;
                break;
            }
        }

        return Result<MemberPage>.Ok(new MemberPage(found, complete ? total : null, next));
    }

    private static bool Matches(MemberView m, string search) =>
        m.Email.StartsWith(search, StringComparison.OrdinalIgnoreCase)
        || $"{m.FirstName} {m.LastName}".Contains(search, StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Deactivates a member.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostDeactivateAsync(Guid id) => Outcome(await members.DeactivateAsync(Actor, Team, new MembershipId(id)), "is deactivated and signed out of this team");

    /// <summary>Reactivates a member.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostReactivateAsync(Guid id) => Outcome(await members.ReactivateAsync(Actor, Team, new MembershipId(id)), "is reactivated");

    /// <summary>Removes a member, or revokes an invitation.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id) => Outcome(await members.RemoveAsync(Actor, Team, new MembershipId(id)), "is removed from the team");

    /// <summary>Sends an invitation again.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var resent = await invitations.ResendAsync(Actor, Team, new MembershipId(id));
        return RedirectWith(resent.Error, $"Invitation to {resent.Value?.Email} sent again.");
    }

    private RedirectToPageResult Outcome(Result<Membership> result, string what) =>
        RedirectWith(result.Error, $"{result.Value?.Email} {what}.");
}
