using Stateless;
using Stateless.Graph;

namespace TeamAccess.Domain;

/// <content>The membership lifecycle's machine.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// The membership lifecycle (Invited, then Active and Inactive back and forth, then Removed; or Invited, then
    /// Expired) as a Stateless machine over one membership of the aggregate. Its
    /// state is the membership's live state in the aggregate (read and written through the external state accessor);
    /// its guards read live facts of the team (the Active guardian count, the invitation's expiry) and carry the error
    /// code they stand for; its transitions carry their effects: the role or the invitation that changes, leaving the
    /// groups and grants on entering a terminal state, and on completion a new security stamp and the recorded
    /// operation. Revoked and Declined are substates of Removed: the stored status is Removed, the invitation tells them apart.
    /// </summary>
    internal sealed class MembershipLifecycle
    {
        private const string LastGuardian = nameof(TeamAccessErrorCode.LastGuardian);
        private const string InvitationExpired = nameof(TeamAccessErrorCode.InvitationExpired);
        private const string InvalidTransition = nameof(TeamAccessErrorCode.InvalidTransition);

        private readonly StateMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<Role> _changeRole;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<UserId> _accept;
        private readonly TeamAggregate _team;
        private readonly MembershipId _id;
        private StoredMembership? _before;
        private string _action = string.Empty;

        public MembershipLifecycle(TeamAggregate team, MembershipId id)
            : this(team, id, null)
        {
        }

        private MembershipLifecycle(TeamAggregate team, MembershipId id, State? fixedState)
        {
            _team = team;
            _id = id;
            _machine = fixedState is { } drawn
                ? new StateMachine<State, Trigger>(drawn)
                : new StateMachine<State, Trigger>(() => StateOf(Live), Move);
            _changeRole = _machine.SetTriggerParameters<Role>(Trigger.ChangeRole);
            _accept = _machine.SetTriggerParameters<UserId>(Trigger.Accept);

            _machine.Configure(State.Invited)
                .PermitIf(_accept, State.Active, _ => !PastExpiry(), InvitationExpired)
                .InternalTransition(Trigger.Resend, Resent)
                .Permit(Trigger.Revoke, State.Revoked)
                .PermitIf(Trigger.Decline, State.Declined, () => !PastExpiry(), InvitationExpired)
                .PermitIf(Trigger.Expire, State.Expired, PastExpiry, InvalidTransition);

            _machine.Configure(State.Active)
                .OnEntryFrom(_accept, Accepted)
                .PermitIf(Trigger.Deactivate, State.Inactive, KeepsAGuardian, LastGuardian)
                .PermitIf(Trigger.Remove, State.Removed, KeepsAGuardian, LastGuardian)
                .PermitIf(Trigger.Leave, State.Removed, KeepsAGuardian, LastGuardian)
                .InternalTransitionIf(_changeRole, role => role.IsGuardian || KeepsAGuardian(), (role, _) => RoleChanged(role), LastGuardian);

            _machine.Configure(State.Inactive)
                .Permit(Trigger.Reactivate, State.Active)
                .Permit(Trigger.Remove, State.Removed)
                .Permit(Trigger.Leave, State.Removed);

            // Terminal: a removed or expired address can be invited again, as a new membership. Entering either ends
            // the membership's place in its groups and its direct grants, so nothing dangles.
            _machine.Configure(State.Removed)
                .OnEntry(Ended);
            _machine.Configure(State.Revoked)
                .SubstateOf(State.Removed);
            _machine.Configure(State.Declined)
                .SubstateOf(State.Removed);
            _machine.Configure(State.Expired)
                .OnEntry(Ended);

            _machine.OnTransitionCompleted(Completed);
        }

        /// <summary>The lifecycle's states: the stored <see cref="MembershipStatus"/>, with Removed split by how it ended.</summary>
        internal enum State
        {
            Invited,
            Active,
            Inactive,
            Removed,
            Revoked,
            Declined,
            Expired,
        }

        private enum Trigger
        {
            Accept,
            Resend,
            Revoke,
            Decline,
            Expire,
            Deactivate,
            Reactivate,
            ChangeRole,
            Remove,
            Leave,
        }

        /// <summary>Gets the secret a <see cref="Resend"/> issued, for the message sent after the commit.</summary>
        public InvitationSecrets.Issued? Issued { get; private set; }

        private StoredMembership Live => _team.Current.Memberships[_id];

        public Result Accept(UserId userId) => Fire(_accept, userId, AuditActions.InvitationAccepted);

        public Result Resend() => Fire(Trigger.Resend, AuditActions.InvitationResent);

        public Result Revoke(string action) => Fire(Trigger.Revoke, action);

        public Result Decline(string action) => Fire(Trigger.Decline, action);

        public Result Expire() => Fire(Trigger.Expire, AuditActions.InvitationExpired);

        public Result Deactivate() => Fire(Trigger.Deactivate, AuditActions.MembershipDeactivated);

        public Result Reactivate() => Fire(Trigger.Reactivate, AuditActions.MembershipReactivated);

        public Result Remove(string action) => Fire(Trigger.Remove, action);

        public Result Leave(string action) => Fire(Trigger.Leave, action);

        public Result ChangeRole(Role role) => Fire(_changeRole, role, AuditActions.MembershipRoleChanged);

        /// <summary>The state a stored membership is in.</summary>
        internal static State StateOf(StoredMembership membership) => membership.Status switch
        {
            MembershipStatus.Invited => State.Invited,
            MembershipStatus.Active => State.Active,
            MembershipStatus.Inactive => State.Inactive,
            MembershipStatus.Expired => State.Expired,
            MembershipStatus.Removed when membership.Invitation is { DeclinedAt: not null } => State.Declined,
            MembershipStatus.Removed when membership.Invitation is { AcceptedAt: null } => State.Revoked,
            _ => State.Removed,
        };

        /// <summary>The machine's graph in Mermaid, for the docs.</summary>
        public static string ToMermaid() =>
            MermaidGraph.Format(new MembershipLifecycle(null!, default, State.Invited)._machine.GetInfo());

        private static MembershipStatus StatusOf(State state) => state switch
        {
            State.Invited => MembershipStatus.Invited,
            State.Active => MembershipStatus.Active,
            State.Inactive => MembershipStatus.Inactive,
            State.Expired => MembershipStatus.Expired,
            _ => MembershipStatus.Removed,
        };

        private Result Fire(Trigger trigger, string action)
        {
            if (!_machine.CanFire(trigger, out var unmetGuards))
            {
                return Refusal(unmetGuards);
            }

            Begin(action);
            _machine.Fire(trigger);
            return Result.Success;
        }

        private Result Fire<TArg>(StateMachine<State, Trigger>.TriggerWithParameters<TArg> trigger, TArg argument, string action)
        {
            if (!_machine.CanFire(trigger, argument, out var unmetGuards))
            {
                return Refusal(unmetGuards);
            }

            Begin(action);
            _machine.Fire(trigger, argument);
            return Result.Success;
        }

        private void Begin(string action)
        {
            _before = Live;
            _action = action;
        }

        private static Result Refusal(ICollection<string>? unmetGuards)
        {
            var refused = GuardRefusal.From(unmetGuards, TeamAccessErrorCode.InvalidTransition);

            // The way out is named: a sole guardian hands the role over before stepping down.
            return refused.Code == TeamAccessErrorCode.LastGuardian
                ? Result.Failed(new TeamAccessError(TeamAccessErrorCode.LastGuardian, ErrorMessages.For(TeamAccessErrorCode.LastGuardian)) { Details = [TeamAccessError.TransferOwnershipFirst] })
                : refused;
        }

        /// <summary>Invariant 1, read live: a change that takes an Active guardian away needs another one left.</summary>
        private bool KeepsAGuardian() => !_team.IsLastActiveGuardian(Live);

        private bool PastExpiry() => Live.Invitation is { } invitation && _team.Now >= invitation.ExpiresAt;

        /// <summary>The state mutator: the stored status, and for a decline when it happened.</summary>
        private void Move(State state)
        {
            var moved = Live with { Status = StatusOf(state) };
            if (state == State.Declined && moved.Invitation is { } invitation)
            {
                moved = moved with { Invitation = invitation with { DeclinedAt = _team.Now } };
            }

            _team.Stage(moved);
        }

        private void Accepted(UserId userId) =>
            _team.Stage(Live with { UserId = userId, Invitation = Live.Invitation! with { AcceptedAt = _team.Now } });

        private void Ended() => _team.Detach(_id);

        /// <summary>Resend rotates the secret and restarts the expiry (and, as the tries are counted per send, the count of wrong codes).</summary>
        private void Resent()
        {
            var invitation = Live.Invitation!;
            _team.Stage(Live with
            {
                Invitation = invitation with
                {
                    ExpiresAt = _team.Now + invitation.Lifetime,
                    LastSentAt = _team.Now,
                    SendCount = invitation.SendCount + 1,
                },
            });
            Saved();
            Issued = InvitationSecrets.Issue(_team.Id, _id);
            _team.PutInvitationSecret(_id, Issued.Secret);
        }

        private void RoleChanged(Role role)
        {
            _team.Stage(Live with { Role = role.Name });
            Saved();
        }

        private void Completed(StateMachine<State, Trigger>.Transition transition)
        {
            // Internal transitions (a role change, a resend) record themselves inside their action.
            if (transition.Source != transition.Destination)
            {
                Saved();
            }
        }

        /// <summary>Every change of role or status replaces the security stamp, so older sessions stop validating (invariant 8).</summary>
        private void Saved() => _team.PutMembership(_before, Live with { SecurityStamp = Guid.NewGuid() }, _action);
    }
}
