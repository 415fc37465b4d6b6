using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Audit;
using TeamAccess.Events;
using TeamAccess.Members;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The team's audit log, newest first, a page at a time (needs <c>audit.read</c>): what, to whom, before and after, by
/// whom; filtered by who acted, the action and a range of days (UTC). The filters are applied here over the log's
/// keyset pages, newest first: a request reads at most <see cref="MaxScanned"/> events, and a page that ends early
/// offers the older events after the last one read.
/// </summary>
[TeamPermission(Permissions.AuditRead)]
internal sealed class AuditModel(IAuditLog audit, IMemberService members) : TeamAccessPageModel
{
    /// <summary>The events a page shows.</summary>
    public const int PageSize = 20;

    /// <summary>Gets or sets the sequence number of the previous page's last event; <see langword="null"/> for the newest page.</summary>
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    /// <summary>The most events one request reads while filtering.</summary>
    public const int MaxScanned = 2_000;

    /// <summary>Gets or sets the user whose actions to list; <see langword="null"/> for anyone.</summary>
    [BindProperty(SupportsGet = true)] public Guid? By { get; set; }

    /// <summary>Gets or sets the only action to list, such as <c>membership.role_changed</c>; <see langword="null"/> for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }

    /// <summary>Gets or sets the first day (UTC) to list.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    /// <summary>Gets or sets the last day (UTC) to list.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>Gets every action the log records (each event type's, as <see cref="TeamAccessEvent.ActionOf{TEvent}"/> names it), for the action filter.</summary>
    public static IReadOnlyList<string> AllActions { get; } = [.. typeof(TeamAccessEvent).Assembly.GetExportedTypes()
        .Where(t => t.IsSubclassOf(typeof(TeamAccessEvent)) && !t.IsAbstract && t != typeof(UnrecognizedEvent))
        .Select(ActionOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The action an event type is projected from, or <see langword="null"/> when it stands for several.</summary>
    private static string? ActionOf(Type eventType)
    {
        try
        {
            return (string?)typeof(TeamAccessEvent).GetMethod(nameof(TeamAccessEvent.ActionOf))!.MakeGenericMethod(eventType).Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Gets whether any filter is set.</summary>
    public bool Filtered => By is not null || !string.IsNullOrEmpty(Action) || From is not null || To is not null;

    /// <summary>Gets the page.</summary>
    public Page<AuditEvent, long>? Events { get; private set; }

    /// <summary>The page's address with the filters kept, after <paramref name="after"/>.</summary>
    /// <param name="after">Where the page starts; <see langword="null"/> for the newest.</param>
    /// <returns>The address.</returns>
    public string? Link(long? after) => Url.Page("/Audit", new
    {
        by = By,
        action = string.IsNullOrEmpty(Action) ? null : Action,
        from = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        after,
    });

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

    /// <summary>Reads one page, filtered.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        People = (await members.ListPageAsync(Actor, Team, new MemberQuery { PageSize = MemberQuery.MaxPageSize })).Value?.Members ?? [];
        if (!Filtered)
        {
            var page = await audit.ListPageAsync(Actor, Team, new AuditQuery { NewestFirst = true, PageSize = PageSize, After = After });
            Events = page.Value;
            Error = page.Succeeded ? null : Words(page.Error);
            return;
        }

        var from = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var found = new List<AuditEvent>();
        var cursor = After;
        var scanned = 0;
        long? next = null;
        while (true)
        {
            var page = await audit.ListPageAsync(Actor, Team, new AuditQuery { NewestFirst = true, PageSize = 200, After = cursor });
            if (!page.Succeeded)
            {
                Error = Words(page.Error);
                return;
            }

            var items = page.Value!.Items;
            var ended = page.Value.Next is null;
            for (var i = 0; i < items.Count; i++)
            {
                var e = items[i];
                if (from is { } start && e.OccurredAt < start)
                {
                    // Newest first: every event from here on is older than the range.
                    ended = true;
                    break;
                }

                cursor = e.Sequence;
                scanned++;
                if ((By is not { } by || e.ActorId?.Value == by)
                    && (string.IsNullOrEmpty(Action) || string.Equals(e.Action, Action, StringComparison.Ordinal))
                    && (to is not { } end || e.OccurredAt < end))
                {
                    found.Add(e);
                    if (found.Count == PageSize)
                    {
                        next = i == items.Count - 1 && page.Value.Next is null ? null : e.Sequence;
                        ended = true;
                        break;
                    }
                }
            }

            if (ended)
            {
                break;
            }

            if (scanned >= MaxScanned)
            {
                next = cursor;
                break;
            }
        }

        Events = new Page<AuditEvent, long>(found, next);
    }
}
