namespace TeamAccess.Domain;

/// <content>
/// The team's own identity providers and its domain claims. Every verb needs <c>team.sign-in-policy</c> (the service
/// authorizes with it), except the domain re-check, which the host's background loop runs.
/// </content>
internal sealed partial class TeamAggregate
{
    /// <summary>Adds a provider as a draft, within the host's cap per team.</summary>
    public Result<StoredTeamProvider> AddProvider(StoredTeamProvider provider, int maxPerTeam)
    {
        if (Current.Providers.Count >= maxPerTeam)
        {
            return Result<StoredTeamProvider>.Failed(TeamAccessErrorCode.TeamProviderLimitReached);
        }

        var added = provider with { TeamId = Id, State = TeamProviderState.Draft, CreatedAt = Now, UpdatedAt = Now };
        PutProvider(null, added, AuditActions.TeamProviderAdded);
        return Result<StoredTeamProvider>.Ok(added);
    }

    /// <summary>Changes a provider's settings; its state stays (an active provider keeps signing in with the new settings).</summary>
    public Result<StoredTeamProvider> ChangeProvider(TeamProviderId id, Func<StoredTeamProvider, StoredTeamProvider> change)
    {
        if (!Current.Providers.TryGetValue(id, out var before))
        {
            return Result<StoredTeamProvider>.Failed(TeamAccessErrorCode.NotFound);
        }

        var after = change(before) with { Id = before.Id, TeamId = Id, State = before.State, CreatedAt = before.CreatedAt, UpdatedAt = Now };
        PutProvider(before, after, AuditActions.TeamProviderChanged);
        return Result<StoredTeamProvider>.Ok(after);
    }

    /// <summary>
    /// Activates a draft or suspended provider, or suspends an active one (a suspended provider signs nobody in, and the
    /// index refuses its sessions once this write reaches it). Asking for the state it is in changes nothing.
    /// </summary>
    public Result<StoredTeamProvider> SetProviderState(TeamProviderId id, TeamProviderState state)
    {
        if (!Current.Providers.TryGetValue(id, out var before))
        {
            return Result<StoredTeamProvider>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (before.State == state)
        {
            return Result<StoredTeamProvider>.Ok(before);
        }

        if (state == TeamProviderState.Draft || (state == TeamProviderState.Suspended && before.State != TeamProviderState.Active))
        {
            return Result<StoredTeamProvider>.Failed(TeamAccessErrorCode.TeamProviderStateConflict);
        }

        var after = before with { State = state, UpdatedAt = Now };
        PutProvider(before, after, state == TeamProviderState.Active ? AuditActions.TeamProviderActivated : AuditActions.TeamProviderSuspended);
        return Result<StoredTeamProvider>.Ok(after);
    }

    /// <summary>Deletes a provider that is not active and that the team's sign-in policy does not name.</summary>
    public Result DeleteProvider(TeamProviderId id)
    {
        if (!Current.Providers.TryGetValue(id, out var before))
        {
            return Result.Failed(TeamAccessErrorCode.NotFound);
        }

        if (before.State == TeamProviderState.Active)
        {
            return Result.Failed(TeamAccessErrorCode.TeamProviderStateConflict);
        }

        var policy = Current.Team.SignInPolicy;
        if (policy.SsoProvider == id.ProviderName || policy.AcceptedProviders.Contains(id.ProviderName, StringComparer.Ordinal))
        {
            return Result.Failed(TeamAccessErrorCode.TeamProviderInUse);
        }

        PutProvider(before, null, AuditActions.TeamProviderDeleted);
        return Result.Success;
    }

    /// <summary>Claims a domain, pending until its TXT record is found.</summary>
    public Result<StoredTeamDomain> ClaimDomain(string domain, string token)
    {
        if (Current.Domains.Values.Any(d => d.Domain == domain))
        {
            return Result<StoredTeamDomain>.Failed(TeamAccessErrorCode.DomainAlreadyClaimed);
        }

        var claim = new StoredTeamDomain(TeamDomainId.New(), Id, domain, token, Now);
        PutDomain(null, claim, AuditActions.TeamDomainClaimed);
        return Result<StoredTeamDomain>.Ok(claim);
    }

    /// <summary>
    /// Records what a DNS check found: the record makes a claim verified; its absence makes a pending claim failed and a
    /// verified one expired (it stops counting at once); a lookup that did not answer (<see langword="null"/>) changes no
    /// state. The next background check is due at <paramref name="nextCheckAt"/>.
    /// </summary>
    public Result<StoredTeamDomain> RecordDomainCheck(TeamDomainId id, bool? found, DateTimeOffset nextCheckAt)
    {
        if (!Current.Domains.TryGetValue(id, out var before))
        {
            return Result<StoredTeamDomain>.Failed(TeamAccessErrorCode.NotFound);
        }

        var state = (found, before.State) switch
        {
            (null, var unchanged) => unchanged,
            (true, _) => TeamDomainState.Verified,
            (false, TeamDomainState.Verified or TeamDomainState.Expired) => TeamDomainState.Expired,
            _ => TeamDomainState.Failed,
        };
        var after = before with { State = state, CheckedAt = found is null ? before.CheckedAt : Now, NextCheckAt = nextCheckAt };
        PutDomain(before, after, AuditActions.TeamDomainChecked);
        return Result<StoredTeamDomain>.Ok(after);
    }

    /// <summary>Releases a claimed domain, in any state.</summary>
    public Result RemoveDomain(TeamDomainId id)
    {
        if (!Current.Domains.TryGetValue(id, out var before))
        {
            return Result.Failed(TeamAccessErrorCode.NotFound);
        }

        PutDomain(before, null, AuditActions.TeamDomainRemoved);
        return Result.Success;
    }

    private void PutProvider(StoredTeamProvider? before, StoredTeamProvider? after, string action)
    {
        var id = (after ?? before)!.Id;
        Current = Current with { Providers = after is null ? Current.Providers.Remove(id) : Current.Providers.SetItem(id, after) };
        Record(new TeamProviderPut(before, after, action));
    }

    private void PutDomain(StoredTeamDomain? before, StoredTeamDomain? after, string action)
    {
        var id = (after ?? before)!.Id;
        Current = Current with { Domains = after is null ? Current.Domains.Remove(id) : Current.Domains.SetItem(id, after) };
        Record(new TeamDomainPut(before, after, action));
    }
}
