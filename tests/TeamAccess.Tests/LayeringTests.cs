using System.Reflection;
using System.Reflection.Emit;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

/// <summary>
/// The core's floor plan (docs/architecture.md), held by the compiled code: each room is a namespace, and a room
/// references only the rooms below it. Every reference counts: base types, interfaces, fields, signatures, attributes
/// and every type, method and field a method body names (read from its IL), so a new upward arrow fails here with the
/// two types named.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(TeamWriter).Assembly;

    private const string Model = "TeamAccess";
    private const string Storage = "TeamAccess.Storage";
    private const string Domain = "TeamAccess.Domain";
    private const string Index = "TeamAccess.Index";
    private const string Writes = "TeamAccess.Writes";
    private const string Hosting = "TeamAccess.Hosting";

    /// <summary>The rooms below each room. A feature namespace (any other <c>TeamAccess.X</c>) stands on Writes.</summary>
    private static readonly Dictionary<string, string[]> Below = new()
    {
        [Model] = [],
        [Storage] = [Model],
        [Domain] = [Model, Storage],
        [Index] = [Model, Storage, Domain],
        [Writes] = [Model, Storage, Domain, Index],
    };

    /// <summary>
    /// The named exceptions, each a room-to-room arrow the plan allows on purpose. Keep this list short; every entry
    /// says why.
    /// </summary>
    private static readonly (string From, string To, string Why)[] Exceptions =
    [
        // A host holds an AccessHandle to check many permissions in one team without a lookup each; the handle is the
        // compiled team itself, so the public Model type wraps the Index's CompiledTeam (review 3, section 4.1).
        ("TeamAccess.AccessHandle", "TeamAccess.Index.CompiledTeam", "the handle is the compiled team"),
        // Accepting an invitation with a new account signs the account up and may link the SSO login that proved the
        // address: the one feature-to-feature arrow the review's plan names.
        ("TeamAccess.Invitations", "TeamAccess.Accounts", "accept with a new account signs up"),
        // A team admin's "add" and import of a person are invitations the person accepts (security review 3, M3): both
        // features hand their new people to the invitations' own writer rather than write memberships of their own.
        ("TeamAccess.Members", "TeamAccess.Invitations.TeamInvitations", "adding a person invites them"),
        ("TeamAccess.Import", "TeamAccess.Invitations.TeamInvitations", "importing a person invites them"),
        // An import brings accounts: a row's password hash is checked by the accounts' own hasher, the one home of the
        // hash format.
        ("TeamAccess.Import", "TeamAccess.Accounts.PasswordHasher", "the hash format has one home"),
        // A team's sign-in policy names identity providers and domains: setting it asks the accounts feature, which
        // registers the providers and binds them to teams, whether each name may serve this team.
        ("TeamAccess.Teams", "TeamAccess.Accounts", "the sign-in policy names the accounts' providers"),
        // A directory's person outside the team's verified domain is invited like any other (the invitations' own
        // sender), and one inside it joins only when the host's domain verifier says the domain is the team's, as a
        // just-in-time join asks the same verifier.
        ("TeamAccess.Provisioning", "TeamAccess.Invitations.TeamInvitations", "provisioning a person outside the verified domain invites them"),
        ("TeamAccess.Provisioning", "TeamAccess.Accounts.IDomainVerifier", "only a verified domain lets a provisioned person join directly"),
        // A team's own providers are validated by the accounts' OIDC provider, sign-in finds them there, and the
        // discovery a guardian triggers goes through the same guarded fetcher that loads their keys; their client
        // secrets are protected by the accounts' secret protector (issue 25).
        ("TeamAccess.TeamSso", "TeamAccess.Accounts", "a team's providers are the accounts' providers, fetched and protected there"),
    ];

    private static readonly string[] Rooms = [Model, Storage, Domain, Index, Writes, Hosting];

    [Fact]
    public void EveryRoom_ReferencesOnlyTheRoomsBelowIt()
    {
        var upward = References()
            .Where(r => !Allowed(r.From, r.To))
            .Select(r => $"{r.From.FullName} -> {r.To.FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(upward.Count == 0, "Upward references (lower room -> higher room, or feature -> feature):\n" + string.Join("\n", upward));
    }

    [Fact]
    public void EveryException_IsStillTaken()
    {
        // An exception nothing takes any more is a door left open for the next upward arrow: remove it.
        var references = References();
        Assert.All(Exceptions, e => Assert.True(
            references.Any(r => RoomOf(r.From) != RoomOf(r.To) && Matches(e.From, r.From, RoomOf(r.From)!) && Matches(e.To, r.To, RoomOf(r.To)!)),
            $"The exception {e.From} -> {e.To} ({e.Why}) is no longer taken."));
    }

    [Fact]
    public void EveryCoreNamespace_IsAFixedRoomOrAFeatureFolder()
    {
        // A feature is a folder of src/TeamAccess/Features and the namespace of the same name; nothing else.
        var features = Directory.GetDirectories(Path.Combine(Repository.Root, "src", "TeamAccess", "Features")).Select(d => "TeamAccess." + Path.GetFileName(d)).ToHashSet();
        var homeless = Core.GetTypes()
            .Where(t => RoomOf(t) is { } ns && !Rooms.Contains(ns) && !features.Contains(ns))
            .Select(t => $"{t.FullName} (namespace {t.Namespace})")
            .ToList();
        Assert.Empty(homeless);
    }

    [Fact]
    public void TheScanner_SeesReferencesInMethodBodies()
    {
        // The rule must be able to fail: TeamWriter's bodies (its async methods' state machines) name the Domain's
        // aggregate, which no signature of TeamWriter shows.
        Assert.Contains(References(), r => Outermost(r.From) == typeof(TeamWriter) && r.To == typeof(Domain.TeamAggregate));
    }

    private static bool Allowed(Type from, Type to)
    {
        var (a, b) = (RoomOf(from)!, RoomOf(to)!);
        if (a == b) return true;
        if (Exceptions.Any(e => Matches(e.From, from, a) && Matches(e.To, to, b))) return true;
        if (a == Hosting) return true;
        if (b == Hosting) return false;
        if (Below.TryGetValue(a, out var below)) return below.Contains(b);
        // a is a feature: it stands on every fixed room but Hosting, and on no other feature.
        return Rooms.Contains(b);
    }

    private static bool Matches(string name, Type type, string room) =>
        name == room || name == Outermost(type).FullName;

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>The room of a type: its namespace (a nested type's is its outer type's); null outside the core.</summary>
    private static string? RoomOf(Type type) =>
        type.Assembly == Core && type.Namespace is { } ns && ns.StartsWith("TeamAccess", StringComparison.Ordinal) ? ns : null;

    private static List<(Type From, Type To)> References()
    {
        var found = new List<(Type, Type)>();
        foreach (var type in Core.GetTypes())
        {
            if (RoomOf(type) is null) continue;
            void Add(Type? to)
            {
                foreach (var t in Expand(to))
                    if (RoomOf(t) is not null && t != type) found.Add((type, t));
            }

            Add(type.BaseType);
            foreach (var i in type.GetInterfaces()) Add(i);
            foreach (var a in type.CustomAttributes) Add(a.AttributeType);
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var f in type.GetFields(all)) Add(f.FieldType);
            foreach (var p in type.GetProperties(all)) Add(p.PropertyType);
            foreach (var e in type.GetEvents(all)) Add(e.EventHandlerType);
            foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (m is MethodInfo mi) Add(mi.ReturnType);
                foreach (var p in m.GetParameters()) Add(p.ParameterType);
                foreach (var t in BodyReferences(m)) Add(t);
            }
        }

        return found;
    }

    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType())) yield return t;
            yield break;
        }

        if (type.IsGenericParameter) yield break;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var arg in type.GetGenericArguments())
                foreach (var t in Expand(arg)) yield return t;
            yield break;
        }

        yield return type;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every type a method body names: the operands of its type, method and field tokens, and its locals.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null) yield break;
        foreach (var local in body.LocalVariables) yield return local.LocalType;
        var il = body.GetILAsByteArray() ?? [];
        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var pos = 0; pos < il.Length;)
        {
            short value = il[pos++];
            if (value == 0xFE) value = (short)(0xFE00 | il[pos++]);
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, pos);
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (member is Type t) yield return t;
                    else if (member?.DeclaringType is { } d)
                    {
                        yield return d;
                        if (member is MethodInfo called)
                        {
                            yield return called.ReturnType;
                            if (called.IsGenericMethod)
                                foreach (var a in called.GetGenericArguments()) yield return a;
                        }
                        else if (member is FieldInfo field) yield return field.FieldType;
                    }

                    pos += 4;
                    break;
                case OperandType.InlineSwitch:
                    pos += 4 + 4 * BitConverter.ToInt32(il, pos);
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    pos += 8;
                    break;
                default:
                    pos += 4;
                    break;
            }
        }
    }
}
