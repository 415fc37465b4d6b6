using Stateless;
using Stateless.Graph;

namespace TeamAccess.Domain;

/// <content>The ownership offer's machine.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// A team's ownership offer as a Stateless machine over the aggregate's live team: None, or Open (an offer is stored).
    /// Its state is the team's <see cref="Team.OwnershipOffer"/>, read and written through the external state accessor;
    /// its guards read the offer's expiry and carry the error code they stand for; each transition records its audited
    /// change of the team row. Accepting and declining need an offer that has not expired; a new offer replaces only an
    /// expired one (closing it as expired first), and the expiry sweep closes an expired one as expired. Who may fire which trigger (the recipient, the offerer, a guardian) is
    /// checked by the verbs, as the membership machine leaves it to theirs.
    /// </summary>
    internal sealed class OwnershipOfferLifecycle
    {
        private const string Pending = nameof(TeamAccessErrorCode.OwnershipOfferPending);
        private const string Expired = nameof(TeamAccessErrorCode.OwnershipOfferExpired);

        private readonly StateMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<OwnershipOffer> _offer;
        private readonly TeamAggregate _team;
        private string _action = string.Empty;

        public OwnershipOfferLifecycle(TeamAggregate team)
        {
            _team = team;
            _machine = team is null
                ? new StateMachine<State, Trigger>(State.None)
                : new StateMachine<State, Trigger>(() => team.Current.Team.OwnershipOffer is null ? State.None : State.Open, Move);
            _offer = _machine.SetTriggerParameters<OwnershipOffer>(Trigger.Offer);

            _machine.Configure(State.None)
                .Permit(Trigger.Offer, State.Open);

            _machine.Configure(State.Open)
                .OnEntryFrom(_offer, Offered)
                .OnExit(Replaced)
                .PermitIf(Trigger.Accept, State.None, IsOpen, Expired)
                .PermitIf(Trigger.Decline, State.None, IsOpen, Expired)
                .Permit(Trigger.Withdraw, State.None)
                .Permit(Trigger.Cancel, State.None)
                .PermitIf(Trigger.Expire, State.None, HasExpired, Pending)
                .PermitReentryIf(Trigger.Offer, HasExpired, Pending);
        }

        private enum State
        {
            None,
            Open,
        }

        private enum Trigger
        {
            Offer,
            Accept,
            Decline,
            Withdraw,
            Cancel,
            Expire,
        }

        private OwnershipOffer Live => _team.Current.Team.OwnershipOffer!;

        public Result Offer(OwnershipOffer offer) => Fire(_offer, offer, AuditActions.OwnershipOffered);

        public Result Accept() => Fire(Trigger.Accept, AuditActions.OwnershipOfferAccepted);

        public Result Decline() => Fire(Trigger.Decline, AuditActions.OwnershipOfferDeclined);

        public Result Withdraw() => Fire(Trigger.Withdraw, AuditActions.OwnershipOfferWithdrawn);

        public Result Cancel() => Fire(Trigger.Cancel, AuditActions.OwnershipOfferCancelled);

        /// <summary>Closes an offer past its expiry, recorded as expired (the expiry sweep; a new offer closes one itself).</summary>
        public Result Expire() => Fire(Trigger.Expire, AuditActions.OwnershipOfferExpired);

        /// <summary>The machine's graph in Mermaid, for the docs.</summary>
        public static string ToMermaid() => MermaidGraph.Format(new OwnershipOfferLifecycle(null!)._machine.GetInfo());

        private Result Fire(Trigger trigger, string action)
        {
            if (!_machine.CanFire(trigger, out var unmetGuards))
            {
                return Refusal(unmetGuards);
            }

            _action = action;
            _machine.Fire(trigger);
            return Result.Success;
        }

        private Result Fire<TArg>(StateMachine<State, Trigger>.TriggerWithParameters<TArg> trigger, TArg argument, string action)
        {
            if (!_machine.CanFire(trigger, argument, out var unmetGuards))
            {
                return Refusal(unmetGuards);
            }

            _action = action;
            _machine.Fire(trigger, argument);
            return Result.Success;
        }

        private static Result Refusal(ICollection<string>? unmetGuards) => GuardRefusal.From(unmetGuards, TeamAccessErrorCode.OwnershipOfferNotFound);

        private bool IsOpen() => Live.IsOpenAt(_team.Now);

        private bool HasExpired() => !IsOpen();

        /// <summary>The state mutator: leaving Open clears the offer, recorded with the trigger's action; the offer itself is set on entering Open.</summary>
        private void Move(State state)
        {
            if (state == State.None)
            {
                _team.SetOffer(null, _action);
            }
        }

        private void Offered(OwnershipOffer offer) => _team.SetOffer(offer, _action);

        /// <summary>A new offer re-enters Open only over an expired one, which is closed as expired first.</summary>
        private void Replaced(StateMachine<State, Trigger>.Transition transition)
        {
            if (transition.IsReentry)
            {
                _team.SetOffer(null, AuditActions.OwnershipOfferExpired);
            }
        }
    }
}
